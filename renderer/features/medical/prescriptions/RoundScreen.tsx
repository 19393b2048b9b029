import { useHotkeys } from '@mantine/hooks';
import { Alert, Badge, Button, Group, Input, Modal, Paper, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import { currentSlot, DOSE_SLOTS, DOSE_STATUSES, type DoseSlot, type DoseStatus, type Round, type RoundRow } from '../../../../shared/medical/prescriptions';
import { useVoidEventMutation } from '../../../api/api';
import { ErrorAlert, notifySuccess, toSenError } from '../../../components/feedback';
import { FormActions } from '../../../components/FormActions';
import { validationMessage } from '../../../i18n/messages';
import { useRecordRoundMutation, useRoundQuery } from './api';
import { STATUS_COLOR } from './labels';

/** Keys that mark the active row (letters for the status, digits in the order of the buttons). */
const KEY_STATUS: Record<string, DoseStatus> = { g: 'given', '1': 'given', r: 'refused', '2': 'refused', h: 'held', '3': 'held', m: 'missed', '4': 'missed' };

interface Mark {
  status: DoseStatus | null;
  note: string;
}

/**
 * The medication round: every dose due in one time slot of one day, grouped by room, marked from
 * the keyboard (no dialog per person) and saved in ONE call that records the whole round or
 * nothing. Doses already recorded show what was recorded; the rest are marked here.
 */
export function RoundScreen() {
  const { t } = useTranslation();
  const [date, setDate] = useState(() => todayIso());
  const [dateText, setDateText] = useState(() => formatDate(todayIso()));
  const [dateError, setDateError] = useState<string | null>(null);
  const [slot, setSlot] = useState<DoseSlot>(() => currentSlot(new Date()));
  const { data, error } = useRoundQuery({ date, slot });

  const applyDate = () => {
    const iso = parseDisplayDate(dateText);
    if (!iso) return setDateError(dateText.trim() ? 'invalidDate' : 'required');
    if (iso > todayIso()) return setDateError('dateInFuture');
    setDateError(null);
    setDate(iso);
  };

  return (
    <Stack gap="md" data-testid="round-screen">
      <Group align="flex-end" gap="md">
        <TextInput
          label={t('prescriptions.round.date')}
          placeholder={t('form.datePlaceholder')}
          value={dateText}
          maxLength={10}
          w={140}
          autoComplete="off"
          error={dateError ? validationMessage(t, dateError) : undefined}
          onChange={(e) => setDateText(e.currentTarget.value)}
          onBlur={applyDate}
          onKeyDown={(e) => {
            if (e.key === 'Enter') applyDate();
          }}
          data-testid="round-date"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('prescriptions.round.slot')}
          </Text>
          <SegmentedControl
            value={slot}
            onChange={(v) => setSlot(v as DoseSlot)}
            data={DOSE_SLOTS.map((s) => ({ value: s, label: t(`prescriptions.slots.${s}`) }))}
            data-testid="round-slot"
          />
        </Stack>
      </Group>
      <ErrorAlert error={error} />
      {data && data.date === date && data.slot === slot ? <RoundSheet key={`${date}|${slot}`} round={data} /> : null}
    </Stack>
  );
}

function RoundSheet({ round }: { round: Round }) {
  const { t } = useTranslation();
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [active, setActive] = useState(0);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [empty, setEmpty] = useState(false);
  const [voiding, setVoiding] = useState<RoundRow | null>(null);
  const [record, { isLoading, error }] = useRecordRoundMutation();
  const sheet = useRef<HTMLDivElement>(null);
  const rows = round.rows;

  // Rooms in the order the core gives (no room last); every row keeps one index across groups.
  const groups = useMemo(() => {
    const out: { room: string | null; rows: { row: RoundRow; index: number }[] }[] = [];
    rows.forEach((row, index) => {
      const last = out.at(-1);
      if (last && last.room === row.room) last.rows.push({ row, index });
      else out.push({ room: row.room, rows: [{ row, index }] });
    });
    return out;
  }, [rows]);

  const open = rows.filter((r) => !r.recorded);
  const toSave = open.filter((r) => marks[r.prescriptionId]?.status);
  const counts = Object.fromEntries(DOSE_STATUSES.map((s) => [s, toSave.filter((r) => marks[r.prescriptionId]!.status === s).length])) as Record<DoseStatus, number>;

  const markRow = useCallback((id: string, status: DoseStatus) => {
    setMarks((m) => ({ ...m, [id]: { status, note: m[id]?.note ?? '' } }));
    setEmpty(false);
  }, []);
  const noteRow = useCallback((id: string, note: string) => setMarks((m) => ({ ...m, [id]: { status: m[id]?.status ?? null, note } })), []);
  const activate = useCallback((index: number) => setActive(index), []);
  const askVoid = useCallback((row: RoundRow) => setVoiding(row), []);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setActive(next);
    sheet.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.scrollIntoView?.({ block: 'nearest' });
  };

  const markRest = () => {
    setMarks((m) => {
      const next = { ...m };
      for (const r of open) if (!next[r.prescriptionId]?.status) next[r.prescriptionId] = { status: 'given', note: next[r.prescriptionId]?.note ?? '' };
      return next;
    });
    setEmpty(false);
  };

  const save = async () => {
    if (toSave.length === 0) return setEmpty(true);
    const doses = toSave.map((r) => ({ prescriptionId: r.prescriptionId, status: marks[r.prescriptionId]!.status!, note: marks[r.prescriptionId]!.note.trim() }));
    const result = await record({ date: round.date, slot: round.slot, doses });
    if ('data' in result && result.data) {
      const count = result.data.recorded;
      notifySuccess((tr) => tr('prescriptions.round.saved', { count }));
      setMarks({});
      setRowErrors({});
    } else if ('error' in result) {
      // Issues name the request's rows (`doses.<i>`): put each on its row of the sheet.
      const errs: Record<string, string> = {};
      for (const issue of toSenError(result.error)?.issues ?? []) {
        const m = /^doses\.(\d+)/.exec(issue.path);
        const dose = m ? doses[Number(m[1])] : undefined;
        if (dose) errs[dose.prescriptionId] = issue.code;
      }
      setRowErrors(errs);
    }
  };

  // Ctrl+Enter saves from anywhere while the round is shown (the sheet, a note, a button), inputs included.
  useHotkeys([['mod+Enter', () => void save()]], []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLInputElement) {
      // In a note: Enter or Escape go back to the sheet, where the keys mark again.
      if (e.key === 'Enter' || e.key === 'Escape') {
        e.preventDefault();
        sheet.current?.focus();
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    const row = rows[active];
    if (key === 'arrowdown' || key === 'j') move(active + 1);
    else if (key === 'arrowup' || key === 'k') move(active - 1);
    else if (key === 'n' && row && !row.recorded) sheet.current?.querySelector<HTMLInputElement>(`[data-index="${active}"] input`)?.focus();
    else if (KEY_STATUS[key] && row) {
      if (!row.recorded) markRow(row.prescriptionId, KEY_STATUS[key]);
      move(active + 1);
    } else return;
    e.preventDefault();
  };

  const errorRows = rows.flatMap((r, i) => (rowErrors[r.prescriptionId] ? [{ r, i, code: rowErrors[r.prescriptionId]! }] : []));
  const apiError = toSenError(error);

  return (
    <Stack gap="sm">
      {round.slotEnded ? (
        <Alert color="orange" variant="light" data-testid="round-ended">
          {t('prescriptions.round.slotEnded')}
        </Alert>
      ) : null}
      <Group gap="xs" data-testid="round-summary">
        <Badge variant="light" color="blue" data-testid="summary-total">
          {t('prescriptions.round.summary.total')}: {rows.length}
        </Badge>
        <Badge variant="light" color="gray" data-testid="summary-recorded">
          {t('prescriptions.round.summary.recorded')}: {rows.length - open.length}
        </Badge>
        {DOSE_STATUSES.map((s) => (
          <Badge key={s} variant="light" color={STATUS_COLOR[s]} data-testid={`summary-${s}`}>
            {t(`prescriptions.statuses.${s}`)}: {counts[s]}
          </Badge>
        ))}
        <Badge variant="outline" color="orange" data-testid="summary-remaining">
          {t('prescriptions.round.summary.remaining')}: {open.length - toSave.length}
        </Badge>
      </Group>
      {errorRows.length ? (
        <Alert color="red" variant="light" title={t('prescriptions.round.refused')} role="alert" data-testid="round-row-errors">
          {errorRows.map(({ r, i, code }) => (
            <Text size="sm" key={r.prescriptionId}>
              {t('prescriptions.round.rowError', { row: i + 1, name: r.traineeName, item: r.itemName, message: validationMessage(t, code) })}
            </Text>
          ))}
        </Alert>
      ) : apiError ? (
        <ErrorAlert error={apiError} />
      ) : null}
      {rows.length === 0 ? (
        <Text c="dimmed" data-testid="round-empty">
          {t('prescriptions.round.empty')}
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <div ref={sheet} tabIndex={0} onKeyDown={onKeyDown} aria-label={t('prescriptions.round.title')} data-testid="round-sheet" style={{ outlineOffset: 2 }}>
            <Table highlightOnHover={false} verticalSpacing={4} stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>#</Table.Th>
                  <Table.Th>{t('prescriptions.round.columns.trainee')}</Table.Th>
                  <Table.Th>{t('prescriptions.round.columns.drug')}</Table.Th>
                  <Table.Th>{t('prescriptions.round.columns.dose')}</Table.Th>
                  <Table.Th>{t('prescriptions.round.columns.status')}</Table.Th>
                  <Table.Th>{t('prescriptions.round.columns.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.map((g) => [
                  <Table.Tr key={`room-${g.room ?? ''}`} bg="var(--mantine-color-default-hover)">
                    <Table.Td colSpan={6} fw={600} data-testid="round-room">
                      {g.room ?? t('prescriptions.round.noRoom')} ({g.rows.length})
                    </Table.Td>
                  </Table.Tr>,
                  ...g.rows.map(({ row, index }) => (
                    <DoseRow
                      key={row.prescriptionId}
                      row={row}
                      index={index}
                      active={index === active}
                      mark={marks[row.prescriptionId]}
                      error={rowErrors[row.prescriptionId]}
                      onMark={markRow}
                      onNote={noteRow}
                      onActivate={activate}
                      onVoid={askVoid}
                    />
                  )),
                ])}
              </Table.Tbody>
            </Table>
          </div>
        </Paper>
      )}
      <Text size="xs" c="dimmed">
        {t('prescriptions.round.keyboard')}
      </Text>
      {empty ? (
        <Text size="sm" c="orange.8" data-testid="round-nothing">
          {t('prescriptions.round.nothingToSave')}
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={markRest} disabled={open.length === toSave.length} data-testid="round-mark-rest">
          {t('prescriptions.round.markRest')}
        </Button>
        {/* Every dose recorded: nothing left to save (rather than "nothing marked" on a click). */}
        <Button onClick={() => void save()} loading={isLoading} disabled={open.length === 0} data-testid="round-save">
          {t('prescriptions.round.save')} ({toSave.length})
        </Button>
      </Group>
      <Modal opened={voiding !== null} onClose={() => setVoiding(null)} title={t('void.title')}>
        {voiding ? <VoidDoseForm row={voiding} onDone={() => setVoiding(null)} /> : null}
      </Modal>
    </Stack>
  );
}

/**
 * Take back a dose recorded by mistake (the wrong person, the wrong status): the record stays in
 * the log, voided with a reason, and the dose can then be recorded again in this round.
 */
function VoidDoseForm({ row, onDone }: { row: RoundRow; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [voidEvent, { isLoading, error }] = useVoidEventMutation();
  const seq = row.recorded?.seq ?? 0;
  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') return setMissing(true);
    const result = await voidEvent({ seq, reason: reason.trim() });
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('void.success'));
      onDone();
    }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="void-dose-form">
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {row.traineeName} · {row.itemName} {row.strength} · {row.recorded ? t(`prescriptions.statuses.${row.recorded.status}`) : ''}
        </Text>
        <Text size="sm">{t('void.intro', { what: t('enums.eventType.DoseRecorded'), seq })}</Text>
        <ErrorAlert error={error} />
        <Textarea
          label={t('void.reason')}
          withAsterisk
          autoFocus
          data-autofocus
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          error={missing ? validationMessage(t, 'required') : undefined}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
        />
        <FormActions submit={t('void.submit')} onCancel={onDone} loading={isLoading} color="red" cancel={t('void.keep')} />
      </Stack>
    </form>
  );
}

/** One dose; memoised so marking one row re-renders that row only (rounds of 100+ doses). */
const DoseRow = memo(function DoseRow({
  row,
  index,
  active,
  mark,
  error,
  onMark,
  onNote,
  onActivate,
  onVoid,
}: {
  row: RoundRow;
  index: number;
  active: boolean;
  mark: Mark | undefined;
  error: string | undefined;
  onMark: (id: string, status: DoseStatus) => void;
  onNote: (id: string, note: string) => void;
  onActivate: (index: number) => void;
  onVoid: (row: RoundRow) => void;
}) {
  const { t } = useTranslation();
  const id = row.prescriptionId;
  return (
    <Table.Tr
      data-index={index}
      data-testid="round-row"
      aria-selected={active}
      bg={error ? 'var(--mantine-color-red-light)' : active ? 'var(--mantine-color-blue-light)' : undefined}
      onClick={() => onActivate(index)}
    >
      <Table.Td>{index + 1}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {row.traineeName}
        </Text>
        <Text size="xs" c="dimmed">
          {row.fileNumber}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Text size="sm">
            {row.itemName} {row.strength}
          </Text>
          {row.arv ? (
            <Badge size="xs" variant="outline">
              {t('prescriptions.arv')}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>{row.dose}</Table.Td>
      <Table.Td>
        {row.recorded ? (
          <Group gap={4} wrap="nowrap">
            <Badge color={STATUS_COLOR[row.recorded.status]} data-testid="row-recorded">
              {t(`prescriptions.statuses.${row.recorded.status}`)}
            </Badge>
            <Button size="compact-xs" variant="subtle" color="red" tabIndex={-1} onClick={() => onVoid(row)} aria-label={t('prescriptions.round.voidFor', { name: row.traineeName })}>
              {t('void.short')}
            </Button>
          </Group>
        ) : (
          <Group gap={4} wrap="nowrap" data-testid="row-marks">
            {DOSE_STATUSES.map((s) => (
              <StatusButton key={s} status={s} pressed={mark?.status === s} onClick={() => onMark(id, s)}>
                {t(`prescriptions.statuses.${s}`)}
              </StatusButton>
            ))}
            {!mark?.status && row.missed ? (
              <Badge size="xs" color="orange" variant="light">
                {t('prescriptions.round.overdue')}
              </Badge>
            ) : null}
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        {row.recorded ? (
          <Text size="sm">{row.recorded.note}</Text>
        ) : (
          <Input
            size="xs"
            tabIndex={-1}
            maxLength={300}
            placeholder={t('prescriptions.round.notePlaceholder')}
            aria-label={t('prescriptions.round.noteFor', { name: row.traineeName })}
            value={mark?.note ?? ''}
            onFocus={() => onActivate(index)}
            onChange={(e) => onNote(id, e.currentTarget.value)}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
});

/**
 * A status toggle of a round row: a plain button with Mantine's colours, not a Mantine Button
 * (four per row; measured, the plain one halves the time a 100-row round takes to render).
 */
function StatusButton({ status, pressed, onClick, children }: { status: DoseStatus; pressed: boolean; onClick: () => void; children: ReactNode }) {
  const color = STATUS_COLOR[status];
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-pressed={pressed}
      onClick={onClick}
      style={{
        cursor: 'pointer',
        padding: '1px 8px',
        fontSize: 'var(--mantine-font-size-xs)',
        lineHeight: 1.6,
        fontWeight: pressed ? 600 : 400,
        borderRadius: 'var(--mantine-radius-sm)',
        border: `1px solid ${pressed ? `var(--mantine-color-${color}-filled)` : 'var(--mantine-color-default-border)'}`,
        background: pressed ? `var(--mantine-color-${color}-filled)` : 'var(--mantine-color-default)',
        color: pressed ? 'var(--mantine-color-white)' : 'var(--mantine-color-text)',
      }}
    >
      {children}
    </button>
  );
}
