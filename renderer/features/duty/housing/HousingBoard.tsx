import { Alert, Badge, Button, Card, Group, List, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import { assignInput, moveInput, vacateInput, type BoardOccupant, type BoardRoom, type BoardTrainee, type HousingBoardData, type HousingWarning } from '../../../../shared/duty/housing';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { validationMessage } from '../../../i18n/messages';
import { useAssignBedMutation, useHousingBoardQuery, useLazyHousingCheckQuery, useMoveBedMutation, useVacateBedMutation } from './api';
import { issuesOf, serverIssues } from './formIssues';

/** What a drag carries: the trainee's id (an occupant's row or a trainee without a bed). */
const DRAG_TYPE = 'application/x-sen-trainee';
const dragTrainee = (traineeId: string) => (e: DragEvent) => {
  e.dataTransfer.setData(DRAG_TYPE, traineeId);
  e.dataTransfer.effectAllowed = 'move';
};

/** The trainee and the bed ("roomId:bed") chosen on the placing form. */
interface Selection {
  traineeId: string | null;
  bed: string | null;
}

/** "roomId:bed", the value of a bed in the bed picker. */
const bedKey = (roomId: string, bed: number) => `${roomId}:${bed}`;

/** Beds shown for a room: 1..capacity, plus any occupied bed above it (capacity lowered under its occupants). */
function bedsOf(room: BoardRoom): number[] {
  const top = Math.max(room.capacity, ...room.occupants.map((o) => o.bed));
  return Array.from({ length: top }, (_, i) => i + 1);
}

export function WarningText({ w }: { w: HousingWarning }) {
  const { t } = useTranslation();
  if (w.code === 'keepApart') return <>{t('housing.warnings.keepApart', { name: w.otherName ?? '', where: t(`housing.warnings.where.${w.level ?? 'room'}`) })}</>;
  if (w.code === 'flaggedSharedRoom' && w.otherName) return <>{t('housing.warnings.flaggedSharedRoomOther', { name: w.otherName })}</>;
  return <>{t(`housing.warnings.${w.code}`)}</>;
}

/**
 * The housing board: every open room, grouped by dorm, with its beds and who sleeps in them, and
 * the trainees in care without a bed. Placing is keyboard-first: pick a trainee, pick a free bed,
 * Enter. Sen checks first and shows the warnings; recording anyway needs a reason, which is logged.
 */
interface BoardCsvRow extends BoardTrainee {
  dorm: string;
  room: string;
  bed: number | null;
  since: string | null;
}

/** One line per occupied bed, then the trainees without one. */
function boardCsvRows(data: HousingBoardData): BoardCsvRow[] {
  return [
    ...data.rooms.flatMap((r) => r.occupants.map((o) => ({ ...o, dorm: r.dormName, room: r.name }))),
    ...data.unassigned.map((u) => ({ ...u, dorm: '', room: '', bed: null, since: null })),
  ];
}

function boardCsvColumns(t: TFunction): CsvColumn<BoardCsvRow>[] {
  return [
    { header: t('csv.columns.dorm'), value: (r) => r.dorm },
    { header: t('csv.columns.room'), value: (r) => r.room },
    { header: t('csv.columns.bed'), value: (r) => r.bed },
    { header: t('fields.fileNumber'), value: (r) => r.fileNumber },
    { header: t('fields.fullName'), value: (r) => r.fullName },
    { header: t('csv.columns.since'), value: (r) => formatDate(r.since) },
    { header: t('housing.board.separateHousing'), value: (r) => (r.separateHousing ? t('csv.yes') : t('csv.no')) },
  ];
}

export function HousingBoard() {
  const { t } = useTranslation();
  const { data, error } = useHousingBoardQuery({});
  const [traineeId, setTraineeId] = useState<string | null>(null);
  const [bed, setBed] = useState<string | null>(null);
  const [date, setDate] = useState(formatDate(todayIso()));
  const [reason, setReason] = useState('');
  const [warnings, setWarnings] = useState<HousingWarning[] | null>(null);
  const [override, setOverride] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [vacating, setVacating] = useState<BoardOccupant | null>(null);
  const bedRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const [check, checkState] = useLazyHousingCheckQuery();
  const [assign, assignState] = useAssignBedMutation();
  const [move, moveState] = useMoveBedMutation();

  const occupants = useMemo(() => new Map((data?.rooms ?? []).flatMap((r) => r.occupants.map((o) => [o.traineeId, { room: r, o }] as const))), [data]);
  const current = traineeId ? occupants.get(traineeId) : undefined;
  const traineeOptions = useMemo(
    () => [
      ...(data?.unassigned ?? []).map((u) => ({ value: u.traineeId, label: `${u.fullName} — ${u.fileNumber}` })),
      ...[...occupants.values()].map(({ room, o }) => ({ value: o.traineeId, label: `${o.fullName} — ${o.fileNumber} (${room.name}, ${t('housing.board.bed', { bed: o.bed })})` })),
    ],
    [data, occupants, t],
  );
  const bedOptions = useMemo(
    () =>
      (data?.rooms ?? []).flatMap((r) =>
        bedsOf(r)
          .filter((b) => b <= r.capacity && !r.occupants.some((o) => o.bed === b))
          .map((b) => ({ value: bedKey(r.roomId, b), label: t('housing.place.bedLabel', { dorm: r.dormName, room: r.name, bed: b }) })),
      ),
    [data, t],
  );

  const reset = () => {
    setTraineeId(null);
    setBed(null);
    setReason('');
    setWarnings(null);
    setOverride('');
    setIssues({});
  };

  /**
   * The command's input, checked by the shared schema; null (with the field messages shown) when
   * wrong. `sel` is the trainee and bed chosen (a drop passes them before the form shows them).
   */
  const build = (withOverride: boolean, sel: Selection) => {
    const [roomId = '', bedNo = '0'] = (sel.bed ?? '').split(':');
    const base = { traineeId: sel.traineeId ?? '', roomId, bed: Number(bedNo), date: parseDisplayDate(date) ?? '', override: withOverride ? { reason: override } : null };
    const found: Record<string, string> = {};
    if (!sel.traineeId) found['traineeId'] = 'required';
    if (!sel.bed) found['bed'] = 'required';
    if (sel.traineeId && occupants.has(sel.traineeId)) {
      const parsed = moveInput.safeParse({ ...base, reason });
      setIssues({ ...issuesOf(parsed), ...found });
      return parsed.success && Object.keys(found).length === 0 ? ({ kind: 'move', input: parsed.data } as const) : null;
    }
    const parsed = assignInput.safeParse(base);
    setIssues({ ...issuesOf(parsed), ...found });
    return parsed.success && Object.keys(found).length === 0 ? ({ kind: 'assign', input: parsed.data } as const) : null;
  };

  const record = async (withOverride: boolean, sel: Selection = { traineeId, bed }) => {
    const cmd = build(withOverride, sel);
    if (!cmd) return;
    const result = cmd.kind === 'move' ? await move(cmd.input) : await assign(cmd.input);
    if ('data' in result && result.data) {
      notifySuccess((tt) => tt(cmd.kind === 'move' ? 'housing.place.moved' : 'housing.place.assigned'));
      reset();
    } else if ('error' in result) setIssues(serverIssues(result.error));
  };

  /** Ask the core for warnings first; record at once when there are none. */
  const checkThenRecord = async (sel: Selection) => {
    const cmd = build(false, sel);
    if (!cmd) return;
    const { traineeId: id, roomId, bed: bedNo } = cmd.input;
    const res = await check({ traineeId: id, roomId, bed: bedNo });
    if (!res.data) return;
    if (res.data.warnings.length > 0) setWarnings(res.data.warnings);
    else await record(false, sel);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void checkThenRecord({ traineeId, bed });
  };

  /**
   * Drag and drop: a trainee dropped on a free bed goes through the same check, warnings and
   * "record anyway" as the keyboard. A move first asks why: the reason field takes the focus.
   */
  const drop = (id: string, roomId: string, bedNo: number) => {
    const sel = { traineeId: id, bed: bedKey(roomId, bedNo) };
    setTraineeId(sel.traineeId);
    setBed(sel.bed);
    setWarnings(null);
    if (occupants.has(id)) setTimeout(() => reasonRef.current?.focus(), 0);
    else void checkThenRecord(sel);
  };

  const pick = (id: string) => {
    setTraineeId(id);
    setWarnings(null);
    bedRef.current?.focus();
  };
  const msg = (key: string) => (issues[key] ? validationMessage(t, issues[key]) : undefined);

  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const dorms = [...new Set(data.rooms.map((r) => r.dormId))];

  return (
    <Stack gap="md" data-testid="housing-board">
      <Group justify="flex-end">
        <CsvExportButton fileName={t('csv.files.housingBoard')} columns={boardCsvColumns(t)} rows={boardCsvRows(data)} />
      </Group>
      <Paper withBorder p="md">
        <form onSubmit={onSubmit} noValidate data-testid="place-form">
          <Stack gap="sm">
            <Title order={4}>{t('housing.place.title')}</Title>
            <Group align="flex-start" grow>
              <Select
                label={t('housing.place.trainee')}
                placeholder={t('housing.place.traineePlaceholder')}
                data={traineeOptions}
                searchable
                clearable
                value={traineeId}
                onChange={(v) => {
                  setTraineeId(v);
                  setWarnings(null);
                }}
                error={msg('traineeId')}
                autoFocus
              />
              <Select
                ref={bedRef}
                label={t('housing.place.bed')}
                placeholder={t('housing.place.bedPlaceholder')}
                data={bedOptions}
                searchable
                clearable
                value={bed}
                onChange={(v) => {
                  setBed(v);
                  setWarnings(null);
                }}
                error={msg('bed') ?? msg('roomId')}
              />
              <TextInput label={t('housing.place.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} placeholder={t('form.datePlaceholder')} maxLength={10} error={msg('date')} />
              {current ? <TextInput ref={reasonRef} label={t('housing.place.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={msg('reason')} withAsterisk /> : null}
            </Group>
            <ErrorAlert error={checkState.error ?? (Object.keys(issues).length ? undefined : (assignState.error ?? moveState.error))} />
            {warnings ? (
              <Alert color="orange" title={t('housing.place.warningsTitle')} data-testid="housing-warnings">
                <Stack gap="xs">
                  <List size="sm">
                    {warnings.map((w, i) => (
                      <List.Item key={i}>
                        <WarningText w={w} />
                      </List.Item>
                    ))}
                  </List>
                  <TextInput label={t('housing.place.overrideReason')} value={override} onChange={(e) => setOverride(e.currentTarget.value)} error={msg('override.reason')} withAsterisk data-autofocus autoFocus />
                  <Group>
                    <Button color="orange" onClick={() => void record(true)} loading={assignState.isLoading || moveState.isLoading}>
                      {t('housing.place.recordAnyway')}
                    </Button>
                    <Button variant="default" onClick={() => setWarnings(null)}>
                      {t('housing.place.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            ) : (
              <Group>
                <Button type="submit" loading={checkState.isFetching || assignState.isLoading || moveState.isLoading}>
                  {t('housing.place.check')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>

      {data.rooms.length === 0 ? <Text c="dimmed">{t('housing.board.empty')}</Text> : null}
      {dorms.map((dormId) => {
        const rooms = data.rooms.filter((r) => r.dormId === dormId);
        return (
          <Stack key={dormId} gap="xs">
            <Title order={4}>{rooms[0]!.dormName}</Title>
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
              {rooms.map((room) => (
                <RoomCard
                  key={room.roomId}
                  room={room}
                  onMove={(o) => pick(o.traineeId)}
                  onVacate={setVacating}
                  onPickBed={(b) => setBed(bedKey(room.roomId, b))}
                  onDropOnBed={(id, b) => drop(id, room.roomId, b)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        );
      })}

      <Stack gap="xs">
        <Title order={4}>{t('housing.board.unassigned', { n: data.unassigned.length })}</Title>
        {data.unassigned.length === 0 ? <Text c="dimmed">{t('housing.board.noneUnassigned')}</Text> : null}
        <Group gap="xs" data-testid="unassigned">
          {data.unassigned.map((u) => (
            <Button key={u.traineeId} size="xs" variant="light" onClick={() => pick(u.traineeId)} draggable onDragStart={dragTrainee(u.traineeId)}>
              {u.fullName} — {u.fileNumber}
              {u.separateHousing ? ` · ${t('housing.board.separateHousing')}` : ''}
            </Button>
          ))}
        </Group>
      </Stack>
      <VacateModal occupant={vacating} onClose={() => setVacating(null)} />
    </Stack>
  );
}

function RoomCard({
  room,
  onMove,
  onVacate,
  onPickBed,
  onDropOnBed,
}: {
  room: BoardRoom;
  onMove: (o: BoardOccupant) => void;
  onVacate: (o: BoardOccupant) => void;
  onPickBed: (bed: number) => void;
  onDropOnBed: (traineeId: string, bed: number) => void;
}) {
  const { t } = useTranslation();
  const over = room.occupants.length > room.capacity;
  return (
    <Card withBorder padding="sm" data-testid={`room-${room.name}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{room.name}</Text>
        <Group gap={4}>
          {room.separateHousing ? <Badge color="grape">{t('housing.board.separateRoom')}</Badge> : null}
          <Badge color={over ? 'red' : 'gray'} data-testid="headcount">
            {t('housing.board.headcount', { n: room.occupants.length, capacity: room.capacity })}
          </Badge>
          {over ? <Badge color="red">{t('housing.board.overCapacity')}</Badge> : null}
        </Group>
      </Group>
      <Stack gap={4}>
        {bedsOf(room).map((b) => {
          const o = room.occupants.find((x) => x.bed === b);
          return (
            <Group key={b} justify="space-between" wrap="nowrap" gap="xs" draggable={o !== undefined} onDragStart={o ? dragTrainee(o.traineeId) : undefined} data-testid={`bed-${b}`}>
              <Text size="sm" c="dimmed" w={70}>
                {t('housing.board.bed', { bed: b })}
              </Text>
              {o ? (
                <>
                  <Stack gap={0} style={{ flex: 1 }}>
                    <Text size="sm" lineClamp={1}>
                      {o.fullName}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {o.fileNumber} · {t('housing.board.since', { date: formatDate(o.since) })}
                      </Text>
                      {o.separateHousing ? (
                        <Badge size="xs" color="grape" data-testid="badge-separate-housing">
                          {t('housing.board.separateHousing')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Stack>
                  <Button size="compact-xs" variant="subtle" onClick={() => onMove(o)}>
                    {t('housing.board.move')}
                  </Button>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => onVacate(o)}>
                    {t('housing.board.vacate')}
                  </Button>
                </>
              ) : b <= room.capacity ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  style={{ flex: 1 }}
                  onClick={() => onPickBed(b)}
                  onDragOver={(e) => {
                    if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    const id = e.dataTransfer.getData(DRAG_TYPE);
                    if (id) onDropOnBed(id, b);
                  }}
                >
                  {t('housing.board.free')}
                </Button>
              ) : null}
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

function VacateModal({ occupant, onClose }: { occupant: BoardOccupant | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={occupant !== null} onClose={onClose} title={t('housing.vacate.title', { name: occupant?.fullName ?? '' })}>
      {occupant ? <VacateForm occupant={occupant} onClose={onClose} /> : null}
    </Modal>
  );
}

function VacateForm({ occupant, onClose }: { occupant: BoardOccupant; onClose: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(formatDate(todayIso()));
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [vacate, state] = useVacateBedMutation();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = vacateInput.safeParse({ traineeId: occupant.traineeId, date: parseDisplayDate(date) ?? '', reason });
    setIssues(issuesOf(parsed));
    if (!parsed.success) return;
    const result = await vacate(parsed.data);
    if ('data' in result && result.data) {
      notifySuccess((tt) => tt('housing.vacate.done'));
      onClose();
    } else if ('error' in result) setIssues(serverIssues(result.error));
  };
  const msg = (key: string) => (issues[key] ? validationMessage(t, issues[key]) : undefined);
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="vacate-form">
      <Stack gap="sm">
        {Object.keys(issues).length === 0 ? <ErrorAlert error={state.error} /> : null}
        <TextInput label={t('housing.vacate.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} maxLength={10} error={msg('date')} data-autofocus autoFocus />
        <TextInput label={t('housing.vacate.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={msg('reason')} withAsterisk />
        <Group>
          <Button type="submit" color="red" loading={state.isLoading}>
            {t('housing.vacate.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
