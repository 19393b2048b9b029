import { Alert, Badge, Grid, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';
import { formatDate } from '../../../../shared/dates';
import { isAllowed } from '../../../../shared/roles';
import { COUNSELLING_KINDS, type CounsellingSession, type DueTrainee, type FollowUpState } from '../../../../shared/training/reintegration';
import { AsOfBanner, AsOfControl, useAsOf } from '../../../components/AsOf';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { ErrorAlert } from '../../../components/feedback';
import { useReintegrationDueQuery, useTraineeCounsellingQuery } from './api';
import { SessionForm } from './SessionForm';
import { ReintegrationSettingsForm } from './SettingsForm';

const FOLLOW_UP_COLORS: Record<FollowUpState, string> = { overdue: 'red', due: 'orange', planned: 'gray' };

/**
 * Reintegration counselling: the trainees within N days of planned release (not yet counselled
 * first), arrows to move, Enter to open a trainee's sessions and the form to record one (for
 * teachers and instructors, today only). The admin sets N. Any list can be seen as of a past date.
 */
export function ReintegrationScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const asOf = useAsOf();
  const { data, error } = useReintegrationDueQuery(asOf ? { asOf } : {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const panel = useRef<HTMLDivElement>(null);

  const open = (traineeId: string) => {
    setChosen(traineeId);
    setFocusToken((n) => n + 1);
    panel.current?.scrollIntoView?.({ block: 'nearest' });
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, traineeId: string) => {
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="due-row"]')];
    const i = rows.indexOf(e.currentTarget);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      rows[Math.min(rows.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(traineeId);
    }
  };
  const mayWrite = isAllowed('reintegration.write', user.roles);

  return (
    <Stack gap="md">
      <AsOfBanner />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>{t('reintegration.due.title')}</Title>
          {data ? (
            <Text size="sm" c="dimmed">
              {t('reintegration.due.rule', { days: data.dueWithinDays, day: formatDate(data.day) })}
            </Text>
          ) : null}
        </div>
        <AsOfControl />
      </Group>
      <ErrorAlert error={error} />
      {data ? (
        <Group justify="space-between">
          <Text size="sm" fw={600} data-testid="due-summary">
            {t('reintegration.due.summary', { count: data.rows.length, notCounselled: data.notCounselled, overdue: data.followUpsOverdue })}
          </Text>
          <Group gap="sm">
            <Text size="xs" c="dimmed">
              {t(mayWrite && !asOf ? 'reintegration.due.help' : 'reintegration.due.helpRead')}
            </Text>
            <CsvExportButton fileName={t('csv.files.reintegrationDue')} columns={dueColumns(t)} rows={data.rows} />
          </Group>
        </Group>
      ) : null}
      {data && data.rows.length === 0 ? <Text c="dimmed">{t('reintegration.due.empty')}</Text> : null}
      {data && data.rows.length > 0 ? (
        <Paper withBorder radius="md">
          <ScrollArea.Autosize mah={420} type="auto">
            <Table stickyHeader highlightOnHover aria-label={t('reintegration.due.title')} miw={900}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reintegration.due.fileNumber')}</Table.Th>
                  <Table.Th>{t('reintegration.due.name')}</Table.Th>
                  <Table.Th>{t('reintegration.due.plannedRelease')}</Table.Th>
                  <Table.Th ta="right">{t('reintegration.due.daysLeft')}</Table.Th>
                  <Table.Th>{t('reintegration.due.sessions')}</Table.Th>
                  <Table.Th>{t('reintegration.due.last')}</Table.Th>
                  <Table.Th>{t('reintegration.due.followUp')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <DueRow key={r.traineeId} row={r} selected={r.traineeId === chosen} onOpen={() => open(r.traineeId)} onKeyDown={(e) => onRowKey(e, r.traineeId)} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      ) : null}
      <div ref={panel}>{chosen ? <TraineePanel traineeId={chosen} user={user} mayWrite={mayWrite} asOf={asOf} focusToken={focusToken} /> : null}</div>
      {isAllowed('facility.manage', user.roles) && !asOf ? <ReintegrationSettingsForm /> : null}
    </Stack>
  );
}

/** The due list as on screen: sessions by kind, the last session, the follow-up and its state. */
function dueColumns(t: TFunction): CsvColumn<DueTrainee>[] {
  return [
    { header: t('reintegration.due.fileNumber'), value: (r) => r.fileNumber },
    { header: t('reintegration.due.name'), value: (r) => r.fullName },
    { header: t('reintegration.due.plannedRelease'), value: (r) => formatDate(r.plannedReleaseDate) },
    { header: t('reintegration.due.daysLeft'), value: (r) => r.daysLeft },
    {
      header: t('reintegration.due.sessions'),
      value: (r) =>
        r.sessions === 0
          ? t('reintegration.due.notCounselled')
          : COUNSELLING_KINDS.filter((k) => r.byKind[k] > 0)
              .map((k) => `${t(`reintegration.kinds.${k}`)} ${r.byKind[k]}`)
              .join('; '),
    },
    { header: t('reintegration.due.last'), value: (r) => (r.last ? `${formatDate(r.last.date)} ${t(`reintegration.kinds.${r.last.kind}`)}${r.last.counsellorName ? ` (${r.last.counsellorName})` : ''}` : '') },
    { header: t('reintegration.due.followUp'), value: (r) => (r.followUp ? `${formatDate(r.followUp.date)} ${t(`reintegration.followUp.${r.followUp.state}`)}` : '') },
  ];
}

function DueRow({ row, selected, onOpen, onKeyDown }: { row: DueTrainee; selected: boolean; onOpen: () => void; onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => void }) {
  const { t } = useTranslation();
  const fresh = row.sessions === 0;
  return (
    <Table.Tr
      data-testid="due-row"
      data-not-counselled={fresh || undefined}
      tabIndex={0}
      aria-selected={selected}
      onClick={onOpen}
      onKeyDown={onKeyDown}
      bg={selected ? 'var(--mantine-color-blue-light)' : fresh ? 'var(--mantine-color-yellow-light)' : undefined}
      style={{ cursor: 'pointer' }}
    >
      <Table.Td>{row.fileNumber}</Table.Td>
      <Table.Td fw={600}>{row.fullName}</Table.Td>
      <Table.Td>{formatDate(row.plannedReleaseDate)}</Table.Td>
      <Table.Td ta="right" c={row.daysLeft <= 0 ? 'red' : undefined} fw={row.daysLeft <= 30 ? 700 : undefined}>
        {row.daysLeft}
      </Table.Td>
      <Table.Td>
        {fresh ? (
          <Badge color="orange" variant="filled" size="sm" tt="none">
            {t('reintegration.due.notCounselled')}
          </Badge>
        ) : (
          <Group gap={4}>
            {COUNSELLING_KINDS.filter((k) => row.byKind[k] > 0).map((k) => (
              <Badge key={k} variant="light" size="sm" tt="none">
                {t(`reintegration.kinds.${k}`)} {row.byKind[k]}
              </Badge>
            ))}
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        {row.last ? (
          <Text size="sm">
            {formatDate(row.last.date)} · {t(`reintegration.kinds.${row.last.kind}`)}
            {row.last.counsellorName ? (
              <Text span size="xs" c="dimmed">
                {' '}
                ({row.last.counsellorName})
              </Text>
            ) : null}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {row.followUp ? (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{formatDate(row.followUp.date)}</Text>
            <Badge color={FOLLOW_UP_COLORS[row.followUp.state]} variant="light" size="sm" tt="none">
              {t(`reintegration.followUp.${row.followUp.state}`)}
            </Badge>
          </Group>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** The chosen trainee: the form (who may write, today, in care) beside the sessions so far. */
function TraineePanel({ traineeId, user, mayWrite, asOf, focusToken }: { traineeId: string; user: SessionUser; mayWrite: boolean; asOf: string | undefined; focusToken: number }) {
  const { t } = useTranslation();
  const { data, error } = useTraineeCounsellingQuery(asOf ? { traineeId, asOf } : { traineeId });
  if (!data) return <ErrorAlert error={error} />;
  const blocked = data.released ? t('reintegration.trainee.released') : asOf ? t('reintegration.trainee.pastView') : null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="trainee-counselling">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('reintegration.trainee.title', { name: data.fullName, fileNumber: data.fileNumber })}</Title>
        <Text size="sm">{t('reintegration.trainee.plannedRelease', { date: formatDate(data.plannedReleaseDate) })}</Text>
      </Group>
      <Grid>
        {mayWrite ? (
          <Grid.Col span={{ base: 12, md: 6 }}>
            {blocked ? (
              <Alert color="gray">{blocked}</Alert>
            ) : (
              <SessionForm key={traineeId} traineeId={traineeId} fullName={data.fullName} counsellor={user.fullName} focusToken={focusToken} />
            )}
          </Grid.Col>
        ) : null}
        <Grid.Col span={{ base: 12, md: mayWrite ? 6 : 12 }}>
          <Title order={5} mb="xs">
            {t('reintegration.trainee.sessions')}
          </Title>
          {data.sessions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('reintegration.trainee.none')}
            </Text>
          ) : (
            <Stack gap="xs" data-testid="session-list">
              {data.sessions.map((s) => (
                <SessionCard key={s.sessionId} session={s} />
              ))}
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

function SessionCard({ session: s }: { session: CounsellingSession }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" data-testid="session-item">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {formatDate(s.date)} · {t(`reintegration.kinds.${s.kind}`)}
        </Text>
        <Badge variant="light" size="sm" tt="none" color={s.outcome === 'needs_follow_up' ? 'orange' : s.outcome === 'referred' ? 'grape' : 'green'}>
          {t(`reintegration.outcomes.${s.outcome}`)}
        </Badge>
      </Group>
      <Text size="sm">{s.topics}</Text>
      {s.notes ? (
        <Text size="sm" c="dimmed">
          {s.notes}
        </Text>
      ) : null}
      {s.referralTo ? <Text size="sm">{t('reintegration.trainee.referralTo', { place: s.referralTo })}</Text> : null}
      {s.followUpDate ? <Text size="sm">{t('reintegration.trainee.followUp', { date: formatDate(s.followUpDate) })}</Text> : null}
      {s.counsellor ? (
        <Text size="xs" c="dimmed">
          {t('reintegration.trainee.by', { name: s.counsellor.fullName })}
        </Text>
      ) : null}
    </Paper>
  );
}
