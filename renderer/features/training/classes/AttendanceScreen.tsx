import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';
import { todayIso } from '../../../../shared/dates';
import { ABSENCE_REASONS, isoWeekday, type AbsenceReason, type AttendanceSheet, type SheetRow } from '../../../../shared/training/classes';
import { ErrorAlert, notifySuccess, toSenError } from '../../../components/feedback';
import { DayField } from '../../../components/DayField';
import { validationMessage } from '../../../i18n/messages';
import { PrintSheetButton } from '../../reports/print/PrintButtons';
import { useAttendanceSheetQuery, useClassListQuery, useRecordAttendanceMutation } from './api';
import { classesFor } from './labels';

interface Mark {
  present: boolean | null;
  reason: AbsenceReason | null;
  note: string;
}

/**
 * Keys that mark the focused row: C (có mặt) / P (present), V (vắng) / A (absent), and 1–5 for
 * an absence with that reason (in the order of ABSENCE_REASONS). The focus moves on after a mark.
 */
const PRESENT_KEYS = new Set(['c', 'p']);
const ABSENT_KEYS = new Set(['v', 'a']);

/** The attendance tab: pick a class (default: mine that meets today) and a day (today; a past day allowed), then the sheet. */
export function AttendanceScreen({ user, classId }: { user: SessionUser; classId?: string | undefined }) {
  const { t } = useTranslation();
  const classes = useClassListQuery(classesFor(user));
  const [picked, setPicked] = useState<string | undefined>(classId);
  const [date, setDate] = useState(todayIso());
  const list = classes.data ?? [];
  const current = picked ?? list.find((c) => c.scheduledToday)?.classId ?? list[0]?.classId;
  if (classes.error) return <ErrorAlert error={classes.error} />;
  if (!classes.data) return null;
  if (list.length === 0) return <Text c="dimmed">{t('classes.sheet.noClass')}</Text>;
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <NativeSelect
          label={t('classes.sheet.pickClass')}
          data={list.map((c) => ({ value: c.classId, label: c.name }))}
          value={current}
          onChange={(e) => setPicked(e.currentTarget.value)}
          data-testid="sheet-class"
          w={280}
        />
        <DayField label={t('classes.sheet.date')} testId="sheet-date" value={date} onChange={setDate} />
        {current ? <PrintSheetButton target={{ document: 'attendance_sheet', classId: current, date }} /> : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('classes.sheet.help')}
      </Text>
      {/* Another class or day starts from what is saved, with no marks carried over. */}
      {current ? <SheetLoader key={`${current}|${date}`} classId={current} date={date} /> : null}
    </Stack>
  );
}

function SheetLoader({ classId, date }: { classId: string; date: string }) {
  const { data, error } = useAttendanceSheetQuery({ classId, date });
  if (error) return <ErrorAlert error={error} testId="sheet-error" />;
  if (!data) return null;
  // When what is saved changes (a save, a trainee enrolled), the marks start again from it; other refetches keep the edits.
  const saved = data.rows.map((r) => `${r.traineeId}:${r.saved ? `${r.present}:${r.reason}:${r.note}` : ''}`).join('|');
  return <Sheet key={saved} sheet={data} />;
}

const initialMarks = (rows: readonly SheetRow[]) => new Map(rows.map((r) => [r.traineeId, { present: r.present, reason: r.reason, note: r.note }]));

/** The whole roster on one screen, marked from the keyboard, saved once (one call, one transaction). */
export function Sheet({ sheet }: { sheet: AttendanceSheet }) {
  const { t } = useTranslation();
  const [marks, setMarks] = useState<Map<string, Mark>>(() => initialMarks(sheet.rows));
  const [record, saving] = useRecordAttendanceMutation();
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  if (sheet.rows.length === 0) return <Text c="dimmed">{t('classes.sheet.empty')}</Text>;

  const set = (id: string, m: Partial<Mark>) =>
    setMarks((all) => {
      const next = { ...(all.get(id) ?? { present: null, reason: null, note: '' }), ...m };
      if (next.present) next.reason = null;
      return new Map(all).set(id, next);
    });
  const focusRow = (i: number) => rowRefs.current[Math.max(0, Math.min(sheet.rows.length - 1, i))]?.focus();
  const values = sheet.rows.map((r) => marks.get(r.traineeId) ?? { present: null, reason: null, note: '' });
  const present = values.filter((v) => v.present === true).length;
  const absent = values.filter((v) => v.present === false).length;
  const unmarked = values.length - present - absent;

  const save = async () => {
    if (unmarked > 0) return;
    const rows = sheet.rows.map((r, i) => ({ traineeId: r.traineeId, present: values[i]!.present === true, reason: values[i]!.present ? null : values[i]!.reason, note: values[i]!.note }));
    const result = await record({ classId: sheet.summary.classId, date: sheet.date, rows });
    if ('data' in result && result.data) {
      const { seqs, corrected } = result.data;
      notifySuccess((tt) => (corrected > 0 ? tt('classes.sheet.corrected', { count: corrected }) : tt('classes.sheet.saved', { count: seqs.length })));
    }
  };

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number, id: string) => {
    // Keys typed in the note or the reason list belong to them.
    if (e.target !== e.currentTarget || e.ctrlKey || e.altKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    const reason = ABSENCE_REASONS[Number(key) - 1];
    if (e.key === 'ArrowDown') focusRow(i + 1);
    else if (e.key === 'ArrowUp') focusRow(i - 1);
    else if (PRESENT_KEYS.has(key)) {
      set(id, { present: true });
      focusRow(i + 1);
    } else if (ABSENT_KEYS.has(key)) set(id, { present: false });
    else if (reason) {
      set(id, { present: false, reason });
      focusRow(i + 1);
    } else return;
    e.preventDefault();
  };

  const issues = toSenError(saving.error)?.issues ?? [];
  const rowName = (path: string) => {
    const m = /^rows\.(\d+)/.exec(path);
    return m ? sheet.rows[Number(m[1])]?.fullName : undefined;
  };

  return (
    <Stack
      gap="sm"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      {sheet.taken ? (
        <Alert color="blue" data-testid="sheet-taken">
          {t('classes.sheet.taken')}
        </Alert>
      ) : null}
      {sheet.summary.weekdays.includes(isoWeekday(sheet.date)) ? null : (
        <Alert color="yellow" data-testid="sheet-not-scheduled">
          {t('classes.sheet.notScheduled')}
        </Alert>
      )}
      <Table highlightOnHover data-testid="attendance-sheet">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('classes.fileNumber')}</Table.Th>
            <Table.Th>{t('classes.fullName')}</Table.Th>
            <Table.Th>{t('classes.sheet.mark')}</Table.Th>
            <Table.Th>{t('classes.sheet.reason')}</Table.Th>
            <Table.Th>{t('classes.sheet.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.rows.map((r, i) => {
            const v = values[i]!;
            return (
              <Table.Tr
                key={r.traineeId}
                ref={(el) => {
                  rowRefs.current[i] = el;
                }}
                tabIndex={0}
                aria-label={r.fullName}
                data-testid="sheet-row"
                data-mark={v.present === null ? 'none' : v.present ? 'present' : 'absent'}
                onKeyDown={(e) => onRowKey(e, i, r.traineeId)}
                style={{ outlineOffset: -2 }}
              >
                <Table.Td c="dimmed">{i + 1}</Table.Td>
                <Table.Td>{r.fileNumber}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm">{r.fullName}</Text>
                    {r.atHospital ? (
                      <Badge size="sm" color="grape" variant="light">
                        {t('classes.atHospital')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Badge component="button" type="button" tabIndex={-1} style={{ cursor: 'pointer' }} color="green" variant={v.present === true ? 'filled' : 'outline'} aria-pressed={v.present === true} onClick={() => set(r.traineeId, { present: true })} data-testid="mark-present">
                      {t('classes.sheet.present')}
                    </Badge>
                    <Badge component="button" type="button" tabIndex={-1} style={{ cursor: 'pointer' }} color="red" variant={v.present === false ? 'filled' : 'outline'} aria-pressed={v.present === false} onClick={() => set(r.traineeId, { present: false })} data-testid="mark-absent">
                      {t('classes.sheet.absent')}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {v.present === false ? (
                    <NativeSelect
                      size="xs"
                      aria-label={t('classes.sheet.reason')}
                      data={[{ value: '', label: '—' }, ...ABSENCE_REASONS.map((x, k) => ({ value: x, label: `${k + 1}. ${t(`classes.absenceReasons.${x}`)}` }))]}
                      value={v.reason ?? ''}
                      onChange={(e) => set(r.traineeId, { reason: (e.currentTarget.value || null) as AbsenceReason | null })}
                      data-testid="sheet-reason"
                    />
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {v.present === false ? (
                    <TextInput size="xs" aria-label={t('classes.sheet.note')} value={v.note} maxLength={200} onChange={(e) => set(r.traineeId, { note: e.currentTarget.value })} data-testid="sheet-note" />
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <ErrorAlert error={saving.error} testId="sheet-save-error" />
      {/* The core's reasons, naming the trainee of the row. */}
      {issues.map((i) => (
        <Text key={`${i.path}:${i.code}`} size="sm" c="red.8" data-testid="sheet-save-issue">
          {[rowName(i.path), validationMessage(t, i.code)].filter(Boolean).join(': ')}
        </Text>
      ))}
      <Group justify="space-between">
        <Group gap="sm">
          <Text size="sm" data-testid="sheet-progress">
            {t('classes.sheet.summary', { present, absent, unmarked })}
          </Text>
          <Button variant="subtle" size="xs" disabled={unmarked === 0} onClick={() => sheet.rows.forEach((r, i) => values[i]!.present === null && set(r.traineeId, { present: true }))} data-testid="sheet-all-present">
            {t('classes.sheet.allPresent')}
          </Button>
        </Group>
        <Button onClick={() => void save()} disabled={unmarked > 0} loading={saving.isLoading} data-testid="sheet-save">
          {unmarked > 0 ? t('classes.sheet.unmarked', { count: unmarked }) : t('classes.sheet.save')}
        </Button>
      </Group>
    </Stack>
  );
}
