import { Badge, Button, Group, MultiSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import { isAllowed } from '../../../../shared/roles';
import { foldForSearch } from '../../../../shared/text';
import { closeClassInput, WITHDRAW_REASONS, withdrawInput, type ClassDetail, type RosterEntry } from '../../../../shared/training/classes';
import { useListTraineesQuery } from '../../../api/api';
import { navigate } from '../../../app/navigation';
import { useAppDispatch } from '../../../app/store';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { ErrorAlert, notifySuccess, toSenError } from '../../../components/feedback';
import { validationMessage } from '../../../i18n/messages';
import { FlagFormModal } from '../../medical/flags/FlagForm';
import { useClassDetailQuery, useCloseClassMutation, useEnrolMutation, useWithdrawMutation } from './api';
import { rateLabel, scheduleLabel } from './labels';

/** Diacritics-blind, as the roster's search: "nguyen van" finds "Nguyễn Văn". */
const foldedFilter: OptionsFilter = ({ options, search, limit }) => {
  const q = foldForSearch(search);
  return options.filter((o) => 'label' in o && foldForSearch((o as ComboboxItem).label).includes(q)).slice(0, limit);
};

/** One class: what it is, its roster with attendance rates (enrol, withdraw), the sessions held. */
export function ClassPage({ classId, user }: { classId: string; user: SessionUser }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const { data, error } = useClassDetailQuery({ classId });
  const [withdrawing, setWithdrawing] = useState<RosterEntry | null>(null);
  const [closing, setClosing] = useState(false);
  const [withdraw, withdrawState] = useWithdrawMutation();
  const [close, closeState] = useCloseClassMutation();
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const s = data.summary;
  const open = s.closedDate === null;
  const today = formatDate(todayIso());
  const mayWrite = isAllowed('literacy.write', user.roles);
  return (
    <Stack gap="md" data-testid="class-page">
      <Group justify="space-between">
        <Button variant="subtle" onClick={() => dispatch(navigate({ name: 'literacy', tab: 'classes' }))}>
          ← {t('classes.back')}
        </Button>
        <Group gap="xs">
          {open && mayWrite ? (
            <Button onClick={() => dispatch(navigate({ name: 'literacy', tab: 'attendance', classId }))} data-testid="class-to-sheet">
              {t('classes.toSheet')}
            </Button>
          ) : null}
          {open && isAllowed('literacy.manage', user.roles) ? (
            <Button variant="default" color="red" onClick={() => setClosing(true)} data-testid="class-close">
              {t('classes.close')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Paper withBorder p="md">
        <Title order={3} data-testid="class-title">
          {s.name}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} mt="sm">
          <Fact label={t('classes.teacher')} value={s.teacherName} />
          <Fact label={t('classes.phase')} value={t(`classes.phases.${s.phase}`)} />
          <Fact label={t('classes.schedule')} value={scheduleLabel(t, s)} />
          <Fact label={t('classes.room')} value={s.room || '—'} />
          <Fact label={t('classes.openedDate')} value={formatDate(s.openedDate)} />
          {s.closedDate ? <Fact label={t('classes.closedDate')} value={formatDate(s.closedDate)} /> : <Fact label={t('classes.nextSession')} value={s.nextSession ? formatDate(s.nextSession) : '—'} />}
          <Fact label={t('classes.sessionsHeld')} value={String(s.sessionsHeld)} testId="class-sessions-held" />
          <Fact label={t('classes.attendanceRate')} value={rateLabel(t, s.attendanceRate)} testId="class-rate" />
        </SimpleGrid>
      </Paper>
      {open && mayWrite ? <EnrolPanel detail={data} /> : null}
      <Roster detail={data} onWithdraw={open && mayWrite ? setWithdrawing : undefined} />
      <Sessions detail={data} />
      <FlagFormModal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        testId="withdraw-form"
        title={t('classes.withdrawTitle', { name: withdrawing?.fullName ?? '' })}
        fields={[
          { name: 'reason', kind: 'select', label: t('classes.withdrawReason'), options: [{ value: '', label: '—' }, ...WITHDRAW_REASONS.filter((r) => r !== 'class_closed').map((r) => ({ value: r, label: t(`classes.withdrawReasons.${r}`) }))] },
          { name: 'date', kind: 'date', label: t('classes.withdrawDate') },
          { name: 'note', kind: 'textarea', label: t('classes.note') },
        ]}
        defaults={{ reason: '', date: today, note: '' }}
        schema={withdrawInput}
        fixed={{ classId, traineeId: withdrawing?.traineeId }}
        submitLabel={t('classes.withdraw')}
        submit={(input) => withdraw(input as Parameters<typeof withdraw>[0])}
        loading={withdrawState.isLoading}
        error={withdrawState.error}
        success={(tr) => tr('classes.withdrawn')}
      />
      <FlagFormModal
        opened={closing}
        onClose={() => setClosing(false)}
        testId="close-class-form"
        title={t('classes.closeTitle', { name: s.name })}
        hint={t('classes.closeHint')}
        fields={[
          { name: 'date', kind: 'date', label: t('classes.closedDate') },
          { name: 'note', kind: 'textarea', label: t('classes.note') },
        ]}
        defaults={{ date: today, note: '' }}
        schema={closeClassInput}
        fixed={{ classId }}
        submitLabel={t('classes.close')}
        submit={(input) => close(input as Parameters<typeof close>[0])}
        loading={closeState.isLoading}
        error={closeState.error}
        success={(tr) => tr('classes.closed')}
      />
    </Stack>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** Trainees in care not in a class now, found by name or file number (diacritics-blind), enrolled together. */
function EnrolPanel({ detail }: { detail: ClassDetail }) {
  const { t } = useTranslation();
  const roster = useListTraineesQuery({ status: 'in_care', limit: 5000 });
  const [enrol, state] = useEnrolMutation();
  const [picked, setPicked] = useState<string[]>([]);
  const [date, setDate] = useState(formatDate(todayIso()));
  const inClass = useMemo(() => new Set(detail.roster.filter((r) => r.withdrawnDate === null).map((r) => r.traineeId)), [detail.roster]);
  const options = useMemo(() => (roster.data?.items ?? []).filter((p) => !inClass.has(p.id)).map((p) => ({ value: p.id, label: `${p.fullName} (${p.fileNumber})` })), [roster.data, inClass]);
  const issues = toSenError(state.error)?.issues ?? [];
  const nameOf = (path: string) => {
    const m = /^traineeIds\.(\d+)/.exec(path);
    return m ? options.find((o) => o.value === picked[Number(m[1])])?.label : undefined;
  };
  const submit = async () => {
    const iso = parseDisplayDate(date);
    if (!iso) return;
    const r = await enrol({ classId: detail.summary.classId, traineeIds: picked, date: iso });
    if (r.data) {
      const count = picked.length;
      notifySuccess((tr) => tr('classes.enrolledDone', { count }));
      setPicked([]);
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('classes.enrol')}</Title>
        <Group align="flex-end" wrap="nowrap">
          <MultiSelect
            style={{ flex: 1 }}
            label={t('classes.enrolPick')}
            searchable
            clearable
            data={options}
            filter={foldedFilter}
            value={picked}
            onChange={setPicked}
            limit={30}
            data-testid="enrol-trainees"
          />
          <TextInput
            label={t('classes.enrolDate')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            placeholder={t('form.datePlaceholder')}
            inputMode="numeric"
            maxLength={10}
            w={140}
            error={parseDisplayDate(date) ? undefined : validationMessage(t, 'invalidDate')}
            data-testid="enrol-date"
          />
          <Button onClick={() => void submit()} disabled={picked.length === 0} loading={state.isLoading} data-testid="enrol-save">
            {t('classes.enrolSave')}
          </Button>
        </Group>
        <ErrorAlert error={state.error} />
        {issues.map((i) => (
          <Text key={`${i.path}:${i.code}`} size="sm" c="red.8">
            {[nameOf(i.path), validationMessage(t, i.code)].filter(Boolean).join(': ')}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

function Roster({ detail, onWithdraw }: { detail: ClassDetail; onWithdraw: ((r: RosterEntry) => void) | undefined }) {
  const { t } = useTranslation();
  const columns: CsvColumn<RosterEntry>[] = [
    { header: t('classes.fileNumber'), value: (r) => r.fileNumber },
    { header: t('classes.fullName'), value: (r) => r.fullName },
    { header: t('classes.enrolledDate'), value: (r) => formatDate(r.enrolledDate) },
    { header: t('classes.withdrawDate'), value: (r) => (r.withdrawnDate ? formatDate(r.withdrawnDate) : '') },
    { header: t('classes.withdrawReason'), value: (r) => (r.withdrawnDate ? t(`classes.withdrawReasons.${r.withdrawReason ?? 'other'}`) : '') },
    { header: t('classes.presentCount'), value: (r) => r.present },
    { header: t('classes.absentCount'), value: (r) => r.absent },
    { header: t('classes.attendanceRate'), value: (r) => rateLabel(t, r.attendanceRate) },
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>
            {t('classes.roster')} ({detail.summary.enrolled})
          </Title>
          <CsvExportButton fileName={t('csv.files.classRoster')} columns={columns} rows={detail.roster} />
        </Group>
        {detail.roster.length === 0 ? (
          <Text c="dimmed">{t('classes.emptyRoster')}</Text>
        ) : (
          <Table data-testid="class-roster">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('classes.fileNumber')}</Table.Th>
                <Table.Th>{t('classes.fullName')}</Table.Th>
                <Table.Th>{t('classes.enrolledDate')}</Table.Th>
                <Table.Th>{t('classes.presentCount')}</Table.Th>
                <Table.Th>{t('classes.absentCount')}</Table.Th>
                <Table.Th>{t('classes.attendanceRate')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.roster.map((r) => (
                <Table.Tr key={`${r.traineeId}|${r.enrolledDate}`} data-testid="roster-row" c={r.withdrawnDate ? 'dimmed' : undefined}>
                  <Table.Td>{r.fileNumber}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm">{r.fullName}</Text>
                      {r.atHospital && !r.withdrawnDate ? (
                        <Badge size="sm" color="grape" variant="light">
                          {t('classes.atHospital')}
                        </Badge>
                      ) : null}
                      {r.released ? (
                        <Badge size="sm" color="gray" variant="light">
                          {t('classes.released')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(r.enrolledDate)}
                    {r.withdrawnDate ? ` → ${formatDate(r.withdrawnDate)} (${t(`classes.withdrawReasons.${r.withdrawReason ?? 'other'}`)})` : ''}
                  </Table.Td>
                  <Table.Td>{r.present}</Table.Td>
                  <Table.Td>{r.absent}</Table.Td>
                  <Table.Td data-testid="roster-rate">{rateLabel(t, r.attendanceRate)}</Table.Td>
                  <Table.Td>
                    {onWithdraw && !r.withdrawnDate ? (
                      <Button size="xs" variant="subtle" onClick={() => onWithdraw(r)} data-testid="roster-withdraw">
                        {t('classes.withdraw')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function Sessions({ detail }: { detail: ClassDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('classes.sessions')}</Title>
        {detail.sessions.length === 0 ? (
          <Text c="dimmed">{t('classes.noSessions')}</Text>
        ) : (
          <Table data-testid="class-sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('classes.date')}</Table.Th>
                <Table.Th>{t('classes.presentCount')}</Table.Th>
                <Table.Th>{t('classes.absentCount')}</Table.Th>
                <Table.Th>{t('classes.attendanceRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.sessions.slice(0, 30).map((x) => (
                <Table.Tr key={x.date}>
                  <Table.Td>{formatDate(x.date)}</Table.Td>
                  <Table.Td>{x.present}</Table.Td>
                  <Table.Td>{x.absent}</Table.Td>
                  <Table.Td>{rateLabel(t, x.present / (x.present + x.absent))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
