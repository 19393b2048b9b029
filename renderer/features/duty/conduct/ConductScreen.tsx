import { Badge, Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, todayIso } from '../../../../shared/dates';
import {
  imposeMeasureInput,
  MEASURE_KINDS,
  selfCriticismInput,
  suspendMeasureInput,
  type Measure,
  type Violation,
  type ViolationType,
} from '../../../../shared/duty/conduct';
import { isAllowed } from '../../../../shared/roles';
import { useStatusQuery } from '../../../api/api';
import { ErrorAlert } from '../../../components/feedback';
import { FlagFormModal } from '../../medical/flags/FlagForm';
import {
  useAddViolationTypeMutation,
  useChangeViolationTypeMutation,
  useConductOverviewQuery,
  useImposeMeasureMutation,
  useReceiveSelfCriticismMutation,
  useSuspendMeasureMutation,
  useViolationTypesQuery,
} from './api';
import { IncidentForm } from './IncidentForm';
import { measureLabel, measureText, typeLabel } from './labels';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';

type Dialog = { kind: 'none' } | { kind: 'impose'; violation: Violation } | { kind: 'selfCriticism'; violation: Violation } | { kind: 'suspend'; measure: Measure };

function MeasureLine({ m }: { m: Measure }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" data-testid="measure">
      {measureText(t, m)}
    </Text>
  );
}

/** The admin's catalog: rename, stop or resume using a type, add one. */
function Catalog({ types }: { types: readonly ViolationType[] }) {
  const { t } = useTranslation();
  const [add, addState] = useAddViolationTypeMutation();
  const [change, changeState] = useChangeViolationTypeMutation();
  const [name, setName] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  return (
    <Paper withBorder p="md" data-testid="violation-catalog">
      <Stack gap="sm">
        <Title order={4}>{t('conduct.catalog.title')}</Title>
        <ErrorAlert error={addState.error ?? changeState.error} />
        {types.map((x) => (
          <Group key={x.typeId} gap="xs" wrap="nowrap">
            <TextInput
              aria-label={t('conduct.fields.name')}
              style={{ flex: 1 }}
              value={names[x.typeId] ?? typeLabel(t, x.typeId, types)}
              onChange={(e) => setNames({ ...names, [x.typeId]: e.currentTarget.value })}
            />
            <Button
              variant="default"
              disabled={names[x.typeId] === undefined}
              onClick={() => void change({ typeId: x.typeId, name: names[x.typeId] ?? x.name, active: x.active }).then((r) => r.data && setNames(({ [x.typeId]: _, ...rest }) => rest))}
            >
              {t('conduct.catalog.rename')}
            </Button>
            <Badge color={x.active ? 'teal' : 'gray'}>{x.active ? t('conduct.catalog.active') : t('conduct.catalog.inactive')}</Badge>
            <Button variant="subtle" onClick={() => void change({ typeId: x.typeId, name: x.name, active: !x.active })}>
              {x.active ? t('conduct.catalog.deactivate') : t('conduct.catalog.activate')}
            </Button>
          </Group>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add({ name }).then((r) => r.data && setName(''));
          }}
        >
          <Group gap="xs">
            <TextInput aria-label={t('conduct.fields.name')} placeholder={t('conduct.fields.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button type="submit" loading={addState.isLoading}>
              {t('conduct.catalog.add')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}

/**
 * Violations and disciplinary measures: record an incident for several trainees, the violations
 * not dealt with yet (or all), the measures in force; impose, suspend, self-criticism received.
 */
export function ConductScreen() {
  const { t } = useTranslation();
  const user = useStatusQuery().data?.user ?? undefined;
  const mayWrite = user ? isAllowed('duty.write', user.roles) : false;
  const mayManage = user ? isAllowed('facility.manage', user.roles) : false;
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [typeId, setTypeId] = useState('');
  const types = useViolationTypesQuery({}).data ?? [];
  const overview = useConductOverviewQuery({ status, ...(typeId ? { typeId } : {}) });
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const close = () => setDialog({ kind: 'none' });
  const [impose, imposeState] = useImposeMeasureMutation();
  const [suspend, suspendState] = useSuspendMeasureMutation();
  const [receive, receiveState] = useReceiveSelfCriticismMutation();
  const today = formatDate(todayIso());
  const violations = overview.data?.violations ?? [];
  const inForce = overview.data?.measuresInForce ?? [];
  const violationColumns: CsvColumn<Violation>[] = [
    { header: t('conduct.fields.date'), value: (v) => formatDate(v.date) },
    { header: t('conduct.fields.time'), value: (v) => v.time },
    { header: t('fields.fileNumber'), value: (v) => v.fileNumber },
    { header: t('fields.fullName'), value: (v) => v.fullName },
    { header: t('conduct.fields.type'), value: (v) => typeLabel(t, v.typeId, types) },
    { header: t('conduct.fields.place'), value: (v) => v.place },
    { header: t('conduct.fields.description'), value: (v) => v.description },
    { header: t('conduct.fields.witnesses'), value: (v) => v.witnesses },
    { header: t('conduct.fields.kind'), value: (v) => v.measures.map((m) => measureText(t, m)).join('; ') },
    { header: t('conduct.fields.selfCriticismDate'), value: (v) => formatDate(v.selfCriticismDate) },
    { header: t('csv.columns.recordedBy'), value: (v) => v.recordedBy },
  ];
  const measureColumns: CsvColumn<(typeof inForce)[number]>[] = [
    { header: t('fields.fileNumber'), value: (m) => m.fileNumber },
    { header: t('fields.fullName'), value: (m) => m.fullName },
    { header: t('conduct.fields.kind'), value: (m) => measureLabel(t, m.kind) },
    { header: t('conduct.fields.start'), value: (m) => formatDate(m.start) },
    { header: t('conduct.fields.end'), value: (m) => formatDate(m.end) },
    { header: t('conduct.fields.until'), value: (m) => formatDate(m.suspendedUntil) },
    { header: t('conduct.fields.note'), value: (m) => m.note },
  ];

  return (
    <Stack gap="md" data-testid="conduct-screen">
      {mayWrite ? <IncidentForm types={types} /> : null}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('conduct.list.title')}</Title>
            <Group gap="xs">
              <CsvExportButton fileName={t('csv.files.violations')} columns={violationColumns} rows={overview.data?.violations} />
              <SegmentedControl
                value={status}
                onChange={(v) => setStatus(v === 'all' ? 'all' : 'open')}
                data={[
                  { value: 'open', label: t('conduct.list.open') },
                  { value: 'all', label: t('conduct.list.all') },
                ]}
              />
              <NativeSelect
                aria-label={t('conduct.fields.type')}
                value={typeId}
                onChange={(e) => setTypeId(e.currentTarget.value)}
                data={[{ value: '', label: t('conduct.list.allTypes') }, ...types.map((x) => ({ value: x.typeId, label: typeLabel(t, x.typeId, types) }))]}
              />
            </Group>
          </Group>
          <ErrorAlert error={overview.error} />
          {violations.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('conduct.list.empty')}
            </Text>
          ) : (
            <Table striped data-testid="violations">
              <Table.Tbody>
                {violations.map((v) => (
                  <Table.Tr key={v.violationId} data-testid="violation-row">
                    <Table.Td>
                      {formatDate(v.date)} {v.time}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {v.fullName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {v.fileNumber}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{typeLabel(t, v.typeId, types)}</Text>
                      <Text size="xs" c="dimmed">
                        {[v.place, v.description].filter(Boolean).join(' · ')}
                      </Text>
                      {v.recordedBy ? (
                        <Text size="xs" c="dimmed">
                          {t('conduct.list.recordedBy', { name: v.recordedBy })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {v.measures.map((m) => (
                        <Group key={m.measureId} gap={4} wrap="nowrap">
                          <MeasureLine m={m} />
                          {mayWrite && m.suspendedUntil === null ? (
                            <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'suspend', measure: m })}>
                              {t('conduct.actions.suspend')}
                            </Button>
                          ) : null}
                        </Group>
                      ))}
                      <Text size="xs" c="dimmed">
                        {v.selfCriticismDate ? t('conduct.list.selfCriticism', { date: formatDate(v.selfCriticismDate) }) : t('conduct.list.noSelfCriticism')}
                      </Text>
                    </Table.Td>
                    {mayWrite ? (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="light" onClick={() => setDialog({ kind: 'impose', violation: v })}>
                            {t('conduct.actions.impose')}
                          </Button>
                          {v.selfCriticismDate === null ? (
                            <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'selfCriticism', violation: v })}>
                              {t('conduct.actions.selfCriticism')}
                            </Button>
                          ) : null}
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" data-testid="measures-in-force">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={4}>{t('conduct.inForce.title')}</Title>
            <CsvExportButton fileName={t('csv.files.measures')} columns={measureColumns} rows={overview.data?.measuresInForce} testId="csv-export-measures" />
          </Group>
          {inForce.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('conduct.inForce.empty')}
            </Text>
          ) : (
            inForce.map((m) => (
              <Group key={m.measureId} gap="xs">
                <Text size="sm" fw={600}>
                  {m.fullName} ({m.fileNumber})
                </Text>
                <MeasureLine m={m} />
              </Group>
            ))
          )}
        </Stack>
      </Paper>
      {mayManage ? <Catalog types={types} /> : null}

      <FlagFormModal
        opened={dialog.kind === 'impose'}
        onClose={close}
        testId="impose-form"
        title={t('conduct.actions.impose')}
        hint={dialog.kind === 'impose' ? `${dialog.violation.fullName} · ${typeLabel(t, dialog.violation.typeId, types)} · ${formatDate(dialog.violation.date)}` : ''}
        fields={[
          { name: 'kind', kind: 'select', label: t('conduct.fields.kind'), options: [{ value: '', label: '—' }, ...MEASURE_KINDS.map((k) => ({ value: k, label: measureLabel(t, k) }))] },
          { name: 'start', kind: 'date', label: t('conduct.fields.start') },
          { name: 'end', kind: 'optionalDate', label: t('conduct.fields.end') },
          { name: 'note', kind: 'textarea', label: t('conduct.fields.note') },
        ]}
        defaults={{ kind: '', start: today, end: '', note: '' }}
        schema={imposeMeasureInput}
        fixed={dialog.kind === 'impose' ? { traineeId: dialog.violation.traineeId, violationId: dialog.violation.violationId } : {}}
        submitLabel={t('conduct.actions.save')}
        submit={(v) => impose(v as Parameters<typeof impose>[0])}
        loading={imposeState.isLoading}
        error={imposeState.error}
        success={(tr) => tr('enums.eventType.MeasureImposed')}
      />
      <FlagFormModal
        opened={dialog.kind === 'suspend'}
        onClose={close}
        testId="suspend-form"
        title={t('conduct.actions.suspend')}
        fields={[
          { name: 'until', kind: 'date', label: t('conduct.fields.until') },
          { name: 'note', kind: 'textarea', label: t('conduct.fields.note') },
        ]}
        defaults={{ until: '', note: '' }}
        schema={suspendMeasureInput}
        fixed={dialog.kind === 'suspend' ? { traineeId: dialog.measure.traineeId, measureId: dialog.measure.measureId } : {}}
        submitLabel={t('conduct.actions.save')}
        submit={(v) => suspend(v as Parameters<typeof suspend>[0])}
        loading={suspendState.isLoading}
        error={suspendState.error}
        success={(tr) => tr('conduct.actions.suspend')}
      />
      <FlagFormModal
        opened={dialog.kind === 'selfCriticism'}
        onClose={close}
        testId="self-criticism-form"
        title={t('conduct.actions.selfCriticism')}
        fields={[{ name: 'date', kind: 'date', label: t('conduct.fields.selfCriticismDate') }]}
        defaults={{ date: today }}
        schema={selfCriticismInput}
        fixed={dialog.kind === 'selfCriticism' ? { traineeId: dialog.violation.traineeId, violationId: dialog.violation.violationId } : {}}
        submitLabel={t('conduct.actions.save')}
        submit={(v) => receive(v as Parameters<typeof receive>[0])}
        loading={receiveState.isLoading}
        error={receiveState.error}
        success={(tr) => tr('conduct.actions.selfCriticism')}
      />
    </Stack>
  );
}
