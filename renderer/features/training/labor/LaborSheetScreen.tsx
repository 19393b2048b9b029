import { Badge, Button, Group, Menu, NumberInput, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';
import { todayIso } from '../../../../shared/dates';
import { ABSENCE_REASONS, type AbsenceReason, type LaborSheet, type SheetRowInput } from '../../../../shared/training/labor';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { validationMessage } from '../../../i18n/messages';
import { PrintSheetButton } from '../../reports/print/PrintButtons';
import { useLaborSheetQuery, useRecordLaborSheetMutation } from './api';
import { DateField, IssueLines, issuesOf, WorkshopSelect } from './fields';
import { useChosenWorkshop } from './useChosenWorkshop';

/** Keys that mark the focused row's status: có mặt, ốm, từ chối (refused), có phép, bệnh viện, khác. */
const STATUS_KEYS: Record<string, 'present' | AbsenceReason> = { c: 'present', o: 'sick', t: 'refused', p: 'excused', b: 'at_hospital', k: 'other' };

interface Draft {
  present: boolean;
  absence: AbsenceReason | null;
  hours: string;
  output: string;
  /** The quality note when present, the absence note when absent. */
  note: string;
}

/** What the instructor typed, as the core's number (or the text itself, so the core names what is wrong). */
function amount(text: string): number | string {
  const s = text.trim().replace(',', '.');
  if (s === '') return 0;
  const n = Number(s);
  return Number.isNaN(n) ? text : n;
}

function toRow(traineeId: string, d: Draft): SheetRowInput {
  return {
    traineeId,
    present: d.present,
    hours: (d.present ? amount(d.hours) : 0) as number,
    output: (d.present ? amount(d.output) : 0) as number,
    quality: d.present ? d.note : '',
    absence: d.present ? null : d.absence,
    absenceNote: d.present ? '' : d.note,
  };
}

/**
 * The daily labor sheet: the whole roster of a workshop on one screen. Each row starts present
 * with the default hours; arrows move between rows, one key marks absence, Ctrl+Enter saves the
 * rows not yet recorded in one call (one LaborRecorded each, one transaction).
 */
export function LaborSheetScreen({ user, workshopId }: { user: SessionUser; workshopId?: string }) {
  const { t } = useTranslation();
  const { workshops, chosen, choose } = useChosenWorkshop(user, workshopId, 'sheet');
  const [date, setDate] = useState(todayIso());
  const [defaultHours, setDefaultHours] = useState<number>(6);
  if (workshops === undefined) return null;
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <WorkshopSelect workshops={workshops} value={chosen?.workshopId ?? null} onChange={choose} />
        <DateField label={t('labor.sheet.date')} value={date} onChange={setDate} testId="sheet-date" />
        <NumberInput label={t('labor.sheet.defaultHours')} w={150} min={0} max={12} value={defaultHours} onChange={(v) => setDefaultHours(typeof v === 'number' ? v : 0)} data-testid="sheet-default-hours" />
        {chosen ? <PrintSheetButton target={{ document: 'labor_sheet', workshopId: chosen.workshopId, date }} /> : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('labor.sheet.help')}
      </Text>
      {chosen ? (
        // A new workshop or day starts from what is saved, with no edits carried over.
        <SheetLoader key={`${chosen.workshopId}:${date}:${defaultHours}`} workshopId={chosen.workshopId} date={date} defaultHours={defaultHours} canWrite={chosen.instructorId === user.id && chosen.closedOn === null} />
      ) : (
        <Text c="dimmed">{t('labor.sheet.noWorkshop')}</Text>
      )}
    </Stack>
  );
}

function SheetLoader(props: { workshopId: string; date: string; defaultHours: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const { data, error } = useLaborSheetQuery({ workshopId: props.workshopId, date: props.date });
  const issue = issuesOf(error)[0];
  if (issue) return <IssueLines lines={[validationMessage(t, issue.code)]} testId="sheet-load-issue" />;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  if (data.rows.length === 0) return <Text c="dimmed">{t('labor.sheet.empty')}</Text>;
  return <SheetTable sheet={data} defaultHours={props.defaultHours} canWrite={props.canWrite} />;
}

function SheetTable({ sheet, defaultHours, canWrite }: { sheet: LaborSheet; defaultHours: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [record, saving] = useRecordLaborSheetMutation();
  const open = sheet.rows.filter((r) => r.entry === null);
  const draftOf = (id: string): Draft => drafts.get(id) ?? { present: true, absence: null, hours: String(defaultHours), output: '', note: '' };
  const edit = (id: string, change: Partial<Draft>) => setDrafts((m) => new Map(m).set(id, { ...draftOf(id), ...change }));
  // Rows sent on the last save, to name the row of each refusal.
  const [sent, setSent] = useState<string[]>([]);
  const issues = issuesOf(saving.error);
  const rowIssues = issues.flatMap((i) => {
    const m = /^rows\.(\d+)\.(\w+)$/.exec(i.path);
    const traineeId = m ? sent[Number(m[1])] : undefined;
    return traineeId ? [{ traineeId, field: m![2]!, code: i.code, params: i.params }] : [];
  });

  const save = async () => {
    if (!canWrite || open.length === 0) return;
    const ids = open.map((r) => r.traineeId);
    setSent(ids);
    const r = await record({ workshopId: sheet.workshop.workshopId, date: sheet.date, rows: ids.map((id) => toRow(id, draftOf(id))) });
    if ('data' in r && r.data) {
      notifySuccess((tt) => tt('labor.sheet.saved', { count: ids.length }));
      setDrafts(new Map());
    }
  };

  /** Arrows move to the same column of the row above or below; status keys mark the row. */
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, traineeId: string) => {
    const target = e.target as HTMLElement;
    const col = target.closest<HTMLElement>('[data-col]')?.dataset['col'];
    if (e.key === 'Enter' && e.ctrlKey) {
      e.preventDefault();
      void save();
      return;
    }
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && col) {
      const row = e.currentTarget;
      const next = (e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
      const cell = next?.querySelector<HTMLElement>(`[data-col="${col}"] input, [data-col="${col}"] button`);
      if (cell) {
        e.preventDefault();
        cell.focus();
      }
      return;
    }
    const status = STATUS_KEYS[e.key.toLowerCase()];
    if (col === 'status' && status && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      edit(traineeId, status === 'present' ? { present: true, absence: null } : { present: false, absence: status });
    }
  };

  const unit = sheet.workshop.unit;
  return (
    <Stack gap="sm">
      {canWrite ? null : <Text c="dimmed">{t('labor.sheet.readOnly')}</Text>}
      <Table data-testid="labor-sheet" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>{t('labor.sheet.row')}</Table.Th>
            <Table.Th w={120}>{t('labor.sheet.fileNumber')}</Table.Th>
            <Table.Th>{t('labor.sheet.name')}</Table.Th>
            <Table.Th w={170}>{t('labor.sheet.status')}</Table.Th>
            <Table.Th w={100}>{t('labor.sheet.hours')}</Table.Th>
            <Table.Th w={130}>{t('labor.sheet.output', { unit })}</Table.Th>
            <Table.Th>{t('labor.sheet.quality')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.rows.map((r, i) => {
            const done = r.entry;
            const d = done
              ? { present: done.present, absence: done.absence, hours: String(done.hours), output: String(done.output), note: done.present ? done.quality : done.absenceNote }
              : draftOf(r.traineeId);
            const locked = done !== null || !canWrite;
            const bad = (field: string) => rowIssues.some((x) => x.traineeId === r.traineeId && x.field === field);
            return (
              <Table.Tr key={r.traineeId} data-testid="sheet-row" aria-label={r.fullName} onKeyDown={(e) => onKey(e, r.traineeId)} bg={bad('traineeId') ? 'red.0' : undefined}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.fileNumber}</Table.Td>
                <Table.Td>
                  <Text size="sm">{r.fullName}</Text>
                  {r.otherHours > 0 ? (
                    <Text size="xs" c="dimmed">
                      {t('labor.sheet.otherHours', { hours: r.otherHours })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td data-col="status">
                  <StatusCell draft={d} locked={locked} recorded={done !== null} onChange={(c) => edit(r.traineeId, c)} />
                </Table.Td>
                <Table.Td data-col="hours">
                  <TextInput size="xs" value={d.present ? d.hours : ''} disabled={locked || !d.present} error={bad('hours')} onChange={(e) => edit(r.traineeId, { hours: e.currentTarget.value })} aria-label={t('labor.sheet.hours')} data-testid="sheet-hours" />
                </Table.Td>
                <Table.Td data-col="output">
                  <TextInput size="xs" value={d.present ? d.output : ''} disabled={locked || !d.present} error={bad('output')} onChange={(e) => edit(r.traineeId, { output: e.currentTarget.value })} aria-label={t('labor.sheet.output', { unit })} data-testid="sheet-output" />
                </Table.Td>
                <Table.Td data-col="note">
                  <TextInput
                    size="xs"
                    value={d.note}
                    disabled={locked}
                    placeholder={d.present ? '' : t('labor.sheet.absenceNote')}
                    onChange={(e) => edit(r.traineeId, { note: e.currentTarget.value })}
                    aria-label={t(d.present ? 'labor.sheet.quality' : 'labor.sheet.absenceNote')}
                    data-testid="sheet-note"
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <IssueLines
        testId="sheet-issue"
        lines={rowIssues.map((x) => {
          const i = sheet.rows.findIndex((r) => r.traineeId === x.traineeId);
          return t('labor.sheet.rowIssue', { row: i + 1, name: sheet.rows[i]?.fullName ?? '', message: validationMessage(t, x.code, x.params) });
        })}
      />
      {rowIssues.length === 0 && issues.length > 0 ? <IssueLines testId="sheet-issue" lines={issues.map((x) => validationMessage(t, x.code, x.params))} /> : null}
      {issues.length === 0 ? <ErrorAlert error={saving.error} testId="sheet-save-error" /> : null}
      {canWrite ? (
        <Group justify="flex-end">
          <Button onClick={() => void save()} disabled={open.length === 0} loading={saving.isLoading} data-testid="sheet-save">
            {open.length === 0 ? t('labor.sheet.nothingToSave') : t('labor.sheet.save', { count: open.length })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** Present, or absent with its reason: a key on the focused button, or a pick from its menu. */
function StatusCell({ draft, locked, recorded, onChange }: { draft: Draft; locked: boolean; recorded: boolean; onChange: (c: Partial<Draft>) => void }) {
  const { t } = useTranslation();
  const label = draft.present ? t('labor.sheet.present') : `${t('labor.sheet.absent')}: ${draft.absence ? t(`labor.absence.${draft.absence}`) : '?'}`;
  const badge = (
    <Badge color={draft.present ? 'teal' : 'orange'} variant={recorded ? 'light' : 'filled'} data-testid="sheet-status">
      {label}
    </Badge>
  );
  if (locked)
    return (
      <Group gap={4}>
        {badge}
        {recorded ? (
          <Text size="xs" c="dimmed">
            {t('labor.sheet.recorded')}
          </Text>
        ) : null}
      </Group>
    );
  return (
    <Menu position="bottom-start">
      <Menu.Target>
        <UnstyledButton aria-label={label} data-testid="sheet-status-button">
          {badge}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onChange({ present: true, absence: null })}>C – {t('labor.sheet.present')}</Menu.Item>
        {ABSENCE_REASONS.map((a) => (
          <Menu.Item key={a} onClick={() => onChange({ present: false, absence: a })}>
            {Object.keys(STATUS_KEYS).find((k) => STATUS_KEYS[k] === a)!.toUpperCase()} – {t(`labor.absence.${a}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
