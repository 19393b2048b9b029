import { Badge, Button, Checkbox, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, todayIso } from '../../../../shared/dates';
import { endKeepApartInput, KEEP_APART_LEVELS, KEEP_APART_REASONS, KEEP_APART_ROLES, setKeepApartInput, type KeepApartRule } from '../../../../shared/duty/keepApart';
import { isAllowed } from '../../../../shared/roles';
import { useListTraineesQuery, useStatusQuery } from '../../../api/api';
import { ErrorAlert } from '../../../components/feedback';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { FlagFormModal } from '../../medical/flags/FlagForm';
import { useEndKeepApartMutation, useKeepApartRulesQuery, useSetKeepApartMutation } from './api';

type Dialog = { kind: 'none' } | { kind: 'set' } | { kind: 'end'; rule: KeepApartRule };

/** Keep-apart rules in force (review due first), with the forms to set one and to end one. */
export function KeepApartScreen() {
  const { t } = useTranslation();
  const [includeEnded, setIncludeEnded] = useState(false);
  const { data, error, isLoading } = useKeepApartRulesQuery({ includeEnded });
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  // Admins read the rules; only duty officers set and end them (the core refuses others).
  const mayWrite = isAllowed('duty.write', useStatusQuery().data?.user?.roles ?? []);
  // The pickers list the trainees in care only: a rule for a released trainee is refused anyway.
  const trainees = useListTraineesQuery({ status: 'in_care', limit: 5000 }, { skip: dialog.kind !== 'set' });
  const [setRule, setState] = useSetKeepApartMutation();
  const [endRule, endState] = useEndKeepApartMutation();
  const close = () => {
    setDialog({ kind: 'none' });
    setState.reset();
    endState.reset();
  };
  const choose = { value: '', label: t('keepApart.choose') };
  const people = [choose, ...(trainees.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} (${p.fileNumber})` }))];
  const levelLabel = (l: string) => t(`keepApart.levels.${l}` as 'keepApart.levels.room');
  const reasonLabel = (r: string) => t(`keepApart.reasons.${r}` as 'keepApart.reasons.other');
  const roleLabel = (r: string) => t(`keepApart.roles.${r}` as 'keepApart.roles.unknown');
  const roles = KEEP_APART_ROLES.map((r) => ({ value: r, label: roleLabel(r) }));
  const person = (p: KeepApartRule['a']) => `${p.fileNumber} ${p.fullName}`;
  const columns: CsvColumn<KeepApartRule>[] = [
    { header: t('csv.columns.first'), value: (r) => person(r.a) },
    { header: t('csv.columns.role'), value: (r) => roleLabel(r.a.role) },
    { header: t('csv.columns.second'), value: (r) => person(r.b) },
    { header: t('csv.columns.role'), value: (r) => roleLabel(r.b.role) },
    { header: t('keepApart.columns.level'), value: (r) => levelLabel(r.level) },
    { header: t('keepApart.columns.reason'), value: (r) => reasonLabel(r.reason) },
    { header: t('csv.columns.note'), value: (r) => r.note },
    { header: t('keepApart.columns.review'), value: (r) => formatDate(r.reviewDate) },
    { header: t('csv.columns.endedDate'), value: (r) => formatDate(r.endedDate) },
  ];

  return (
    <Stack gap="md" data-testid="keep-apart-screen">
      <Group justify="space-between">
        <Title order={3}>{t('keepApart.title')}</Title>
        <Group>
          <CsvExportButton fileName={t('csv.files.keepApart')} columns={columns} rows={data} />
          <Checkbox label={t('keepApart.showEnded')} checked={includeEnded} onChange={(e) => setIncludeEnded(e.currentTarget.checked)} />
          {mayWrite ? (
            <Button onClick={() => setDialog({ kind: 'set' })} data-testid="keep-apart-add">
              {t('keepApart.add')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {isLoading ? <Loader size="sm" /> : null}
      <ErrorAlert error={error} />
      {data && data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('keepApart.empty')}
        </Text>
      ) : null}
      {data && data.length > 0 ? (
        <Table striped highlightOnHover data-testid="keep-apart-rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('keepApart.columns.pair')}</Table.Th>
              <Table.Th>{t('keepApart.columns.level')}</Table.Th>
              <Table.Th>{t('keepApart.columns.reason')}</Table.Th>
              <Table.Th>{t('keepApart.columns.review')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((r) => (
              <Table.Tr key={r.ruleId} data-testid="keep-apart-rule">
                <Table.Td>
                  <Text size="sm">
                    {r.a.fullName} ({roleLabel(r.a.role)}) ↔ {r.b.fullName} ({roleLabel(r.b.role)})
                  </Text>
                  {r.note ? (
                    <Text size="xs" c="dimmed">
                      {r.note}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{levelLabel(r.level)}</Table.Td>
                <Table.Td>{reasonLabel(r.reason)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm">{formatDate(r.reviewDate)}</Text>
                    {r.reviewDue ? (
                      <Badge color="orange" variant="light" data-testid="review-due">
                        {t('keepApart.reviewDue')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {r.endedDate === null ? (
                    mayWrite ? (
                        <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'end', rule: r })}>
                        {t('keepApart.end')}
                      </Button>
                    ) : null
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('keepApart.endedOn', { date: formatDate(r.endedDate) })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}

      <FlagFormModal
        opened={dialog.kind === 'set'}
        onClose={close}
        testId="keep-apart-form"
        title={t('keepApart.setTitle')}
        fields={[
          { name: 'traineeA', kind: 'select', label: t('keepApart.traineeA'), options: people },
          { name: 'roleA', kind: 'select', label: t('keepApart.roleA'), options: roles },
          { name: 'traineeB', kind: 'select', label: t('keepApart.traineeB'), options: people },
          { name: 'roleB', kind: 'select', label: t('keepApart.roleB'), options: roles },
          { name: 'level', kind: 'select', label: t('keepApart.level'), options: KEEP_APART_LEVELS.map((l) => ({ value: l, label: levelLabel(l) })) },
          { name: 'reason', kind: 'select', label: t('keepApart.reason'), options: [choose, ...KEEP_APART_REASONS.map((r) => ({ value: r, label: reasonLabel(r) }))] },
          { name: 'reviewDate', kind: 'date', label: t('keepApart.reviewDate') },
          { name: 'note', kind: 'textarea', label: t('keepApart.note') },
        ]}
        defaults={{ traineeA: '', roleA: 'unknown', traineeB: '', roleB: 'unknown', level: 'room', reason: '', reviewDate: '', note: '' }}
        schema={setKeepApartInput}
        fixed={{}}
        submitLabel={t('keepApart.save')}
        submit={(v) => setRule(v as Parameters<typeof setRule>[0])}
        loading={setState.isLoading}
        error={setState.error}
        success={(tr) => tr('keepApart.saved')}
      />
      <FlagFormModal
        opened={dialog.kind === 'end'}
        onClose={close}
        testId="keep-apart-end-form"
        title={t('keepApart.endTitle')}
        fields={[
          { name: 'date', kind: 'date', label: t('keepApart.endDate') },
          { name: 'note', kind: 'textarea', label: t('keepApart.note') },
        ]}
        defaults={{ date: formatDate(todayIso()), note: '' }}
        schema={endKeepApartInput}
        fixed={{ ruleId: dialog.kind === 'end' ? dialog.rule.ruleId : '' }}
        submitLabel={t('keepApart.end')}
        submit={(v) => endRule(v as Parameters<typeof endRule>[0])}
        loading={endState.isLoading}
        error={endState.error}
        success={(tr) => tr('keepApart.ended')}
      />
    </Stack>
  );
}
