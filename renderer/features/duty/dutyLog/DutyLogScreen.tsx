import { zodResolver } from '@hookform/resolvers/zod';
import { ActionIcon, Badge, Button, Card, Grid, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { TimelineEntry } from '../../../../shared/api';
import type { SessionUser } from '../../../../shared/accounts';
import { isAllowed } from '../../../../shared/roles';
import { useStatusQuery } from '../../../api/api';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import { recordShiftNoteInput, SHIFTS, type DutyLogLine, type HandoverCounts, type Shift, type ShiftNote } from '../../../../shared/duty/dutyLog';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { DayField } from '../../../components/DayField';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { VoidModal } from '../../trainees/VoidModal';
import { displayDate } from '../../trainees/traineeForm';
import { useDutyHandoverQuery, useDutyLogDayQuery, useRecordShiftNoteMutation } from './api';
import { lineText } from './lineText';

/** The calendar day `days` away from `iso` (UTC arithmetic on a calendar date: no time zone). */
function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** HH:mm of an instant, local time. */
function time(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * The duty officer's first screen: one day's page (everything duty officers recorded that day and
 * its shift notes), the form for a shift note, and the handover for the next shift.
 */
export function DutyLogScreen() {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const user = useStatusQuery().data?.user ?? undefined;
  // Administrators read the log; only duty officers write in it.
  const mayWrite = user ? isAllowed('duty.write', user.roles) : false;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <DayPicker date={date} onChange={setDate} />
          <DayPage date={date} user={user} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <Handover />
          {mayWrite ? (
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('dutyLog.form.title')}
              </Title>
              <ShiftNoteForm />
            </Card>
          ) : null}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** dd/mm/yyyy typed (Enter or leaving the field shows that day), or a day back / forward. */
function DayPicker({ date, onChange }: { date: string; onChange: (iso: string) => void }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs">
      <ActionIcon variant="default" size="lg" aria-label={t('dutyLog.previousDay')} onClick={() => onChange(shiftDay(date, -1))} data-testid="duty-log-prev">
        ‹
      </ActionIcon>
      <DayField key={date} label={t('dutyLog.day')} value={date} onChange={onChange} testId="duty-log-date" />
      <ActionIcon variant="default" size="lg" aria-label={t('dutyLog.nextDay')} onClick={() => onChange(shiftDay(date, 1))} data-testid="duty-log-next">
        ›
      </ActionIcon>
      <Button variant="subtle" onClick={() => onChange(todayIso())}>
        {t('dutyLog.today')}
      </Button>
    </Group>
  );
}

/** The note as the void dialog (shared with the timeline) needs it: what and which seq. */
function asEntry(n: ShiftNote): TimelineEntry {
  const actor = n.officerId ? { id: n.officerId, fullName: n.officer } : null;
  return { seq: n.seq, type: 'ShiftNoteRecorded', occurredAt: n.at, recordedAt: n.at, actor, meta: { actor: n.officerId }, data: {}, voided: null };
}

function DayPage({ date, user }: { date: string; user: SessionUser | undefined }) {
  const { t } = useTranslation();
  const { data, error } = useDutyLogDayQuery({ date });
  const [voiding, setVoiding] = useState<TimelineEntry | null>(null);
  // The author takes a note back, or an administrator; the core checks it again.
  const mayVoid = (n: ShiftNote) => !!user && (n.officerId === user.id || user.roles.includes('admin'));
  const columns: CsvColumn<DutyLogLine>[] = [
    { header: t('conduct.fields.date'), value: (l) => formatDate(l.at) },
    { header: t('dutyLog.columns.time'), value: (l) => time(l.at) },
    { header: t('dutyLog.columns.officer'), value: (l) => l.officer },
    { header: t('dutyLog.columns.what'), value: (l) => lineText(t, l) },
    { header: t('fields.fileNumber'), value: (l) => l.fileNumber },
    { header: t('fields.fullName'), value: (l) => l.traineeName },
  ];
  return (
    <Stack gap="md">
      <ErrorAlert error={error} />
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('dutyLog.lines')}</Title>
          <CsvExportButton fileName={`${t('csv.files.dutyLog')}-${date}`} columns={columns} rows={data?.lines} />
        </Group>
        {data && data.lines.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('dutyLog.noLines')}
          </Text>
        ) : (
          <Table striped data-testid="duty-log-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dutyLog.columns.time')}</Table.Th>
                <Table.Th>{t('dutyLog.columns.officer')}</Table.Th>
                <Table.Th>{t('dutyLog.columns.what')}</Table.Th>
                <Table.Th>{t('dutyLog.columns.whom')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.lines.map((l) => (
                <Table.Tr key={l.seq} data-testid="duty-log-line">
                  <Table.Td>{time(l.at)}</Table.Td>
                  <Table.Td>{l.officer}</Table.Td>
                  <Table.Td>{lineText(t, l)}</Table.Td>
                  <Table.Td>{l.traineeName ? `${l.fileNumber ?? ''} · ${l.traineeName}` : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('dutyLog.notes')}
        </Title>
        {data && data.notes.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('dutyLog.noNotes')}
          </Text>
        ) : (
          <NoteList notes={data?.notes ?? []} testId="duty-log-notes" onVoid={(n) => (mayVoid(n) ? () => setVoiding(asEntry(n)) : undefined)} />
        )}
      </Card>
      <VoidModal entry={voiding} onClose={() => setVoiding(null)} />
    </Stack>
  );
}

function NoteList({ notes, testId, onVoid }: { notes: ShiftNote[]; testId: string; onVoid?: (n: ShiftNote) => (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid={testId}>
      {notes.map((n) => {
        const act = onVoid?.(n);
        return (
          <div key={n.noteId} data-testid="shift-note">
            <Group gap="xs">
              <Badge variant="light" color={n.shift === 'night' ? 'indigo' : 'yellow'}>
                {t(`dutyLog.shifts.${n.shift}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('dutyLog.noteBy', { officer: n.officer, time: time(n.at) })}
              </Text>
              {act ? (
                <Button size="compact-xs" variant="subtle" color="red" onClick={act} data-testid="void-note">
                  {t('dutyLog.voidNote')}
                </Button>
              ) : null}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {n.text}
            </Text>
          </div>
        );
      })}
    </Stack>
  );
}

/** In the order the next shift checks them. */
const COUNTS: readonly (keyof HandoverCounts)[] = ['inCare', 'withoutBed', 'atHospital', 'separateHousing', 'activeKeepApart', 'openMismatches', 'recordedToday'];

function Handover() {
  const { t } = useTranslation();
  const { data, error } = useDutyHandoverQuery({});
  const count = (key: keyof HandoverCounts) => (
    <div key={key}>
      <Text size="xs" c="dimmed">
        {t(`dutyLog.handover.${key}`)}
      </Text>
      <Text fw={700} data-testid={`handover-${key}`}>
        {data?.counts[key] ?? ''}
      </Text>
    </div>
  );
  return (
    <Card withBorder data-testid="duty-handover">
      <Title order={4} mb="sm">
        {t('dutyLog.handover.title')}
      </Title>
      <ErrorAlert error={error} />
      <SimpleGrid cols={2} mb="sm">
        {COUNTS.map(count)}
      </SimpleGrid>
      {data?.shift ? (
        <>
          <Text size="sm" fw={600} mb={4}>
            {t('dutyLog.handover.lastShift', { shift: t(`dutyLog.shifts.${data.shift.shift}`), date: formatDate(data.shift.date) })}
          </Text>
          <NoteList notes={data.notes} testId="handover-notes" />
        </>
      ) : data ? (
        <Text c="dimmed" size="sm">
          {t('dutyLog.handover.noNotes')}
        </Text>
      ) : null}
    </Card>
  );
}

interface NoteFormValues {
  date: string;
  shift: string;
  text: string;
}

/** The date typed dd/mm/yyyy, then the core's own input schema: the screen refuses what the core would. */
const noteFormSchema = z
  .object({ date: displayDate, shift: z.string(), text: z.string() })
  .transform((v) => ({ date: parseDisplayDate(v.date) ?? '', shift: v.shift, text: v.text }))
  .pipe(recordShiftNoteInput);

/** Day shift from 06:00 to 18:00, else night (the default only: the officer can change it). */
const currentShift = (): Shift => {
  const h = new Date().getHours();
  return h >= 6 && h < 18 ? 'day' : 'night';
};

function ShiftNoteForm() {
  const { t } = useTranslation();
  const [record, { isLoading, error, reset }] = useRecordShiftNoteMutation();
  const form = useForm<NoteFormValues, unknown, z.infer<typeof recordShiftNoteInput>>({
    resolver: zodResolver(noteFormSchema),
    defaultValues: { date: formatDate(todayIso()), shift: currentShift(), text: '' },
  });
  const { errors } = form.formState;
  const msg = (name: keyof NoteFormValues) => {
    const code = errors[name]?.message;
    return typeof code === 'string' ? validationMessage(t, code) : undefined;
  };
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await record(values);
    if ('data' in result && result.data !== undefined) {
      notifySuccess((tt) => tt('dutyLog.form.success'));
      form.reset({ ...form.getValues(), text: '' });
      reset();
    } else if ('error' in result) {
      applyServerIssues(result.error, form.setError, ['date', 'shift', 'text']);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="shift-note-form">
      <Stack gap="sm">
        <ErrorAlert error={error} />
        <Group grow>
          <TextInput
            label={t('dutyLog.form.date')}
            withAsterisk
            placeholder={t('form.datePlaceholder')}
            inputMode="numeric"
            maxLength={10}
            autoComplete="off"
            error={msg('date')}
            {...form.register('date')}
          />
          <NativeSelect label={t('dutyLog.form.shift')} withAsterisk data={SHIFTS.map((s) => ({ value: s, label: t(`dutyLog.shifts.${s}`) }))} error={msg('shift')} {...form.register('shift')} />
        </Group>
        <Textarea
          label={t('dutyLog.form.text')}
          withAsterisk
          autosize
          minRows={3}
          error={msg('text')}
          {...form.register('text')}
          onKeyDown={(e) => {
            // Ctrl+Enter saves without leaving the keyboard.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void onSubmit();
          }}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={isLoading}>
            {t('dutyLog.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
