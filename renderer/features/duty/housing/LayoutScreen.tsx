import { Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, todayIso } from '../../../../shared/dates';
import { addDormInput, addRoomInput, changeRoomInput, type LayoutRoom } from '../../../../shared/duty/housing';
import { ErrorAlert, notifyError, notifySuccess } from '../../../components/feedback';
import { validationMessage } from '../../../i18n/messages';
import { useAddDormMutation, useAddRoomMutation, useChangeRoomMutation, useCloseRoomMutation, useHousingLayoutQuery } from './api';
import { issuesOf, serverIssues } from './formIssues';

/**
 * The facility layout (administrator): dorms, rooms with their number of beds and the
 * separate-housing mark. A change or a closing is an event: the beds people slept in stay in history.
 */
export function LayoutScreen() {
  const { t } = useTranslation();
  const { data, error } = useHousingLayoutQuery({});
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  return (
    <Stack gap="md" data-testid="layout-screen">
      <Title order={4}>{t('housing.layout.title')}</Title>
      <Group align="flex-start" grow>
        <AddDormForm />
        <AddRoomForm dorms={data.dorms.map((d) => ({ value: d.dormId, label: d.name }))} />
      </Group>
      {data.dorms.length === 0 ? <Text c="dimmed">{t('housing.layout.noDorms')}</Text> : null}
      {data.dorms.map((d) => (
        <Stack key={d.dormId} gap="xs">
          <Title order={5}>{d.name}</Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('housing.layout.roomName')}</Table.Th>
                <Table.Th>{t('housing.layout.capacity')}</Table.Th>
                <Table.Th>{t('housing.layout.separateHousing')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.rooms.map((r) => (
                <RoomRow key={r.roomId} room={r} />
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </Stack>
  );
}

function AddDormForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [add, state] = useAddDormMutation();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = addDormInput.safeParse({ name });
    setIssues(issuesOf(parsed));
    if (!parsed.success) return;
    const result = await add(parsed.data);
    if ('data' in result && result.data) {
      notifySuccess((tt) => tt('housing.layout.dormAdded'));
      setName('');
    } else if ('error' in result) setIssues(serverIssues(result.error));
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="add-dorm">
        <Stack gap="sm">
          <TextInput label={t('housing.layout.dormName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={issues['name'] ? validationMessage(t, issues['name']) : undefined} withAsterisk />
          {Object.keys(issues).length === 0 ? <ErrorAlert error={state.error} /> : null}
          <Group>
            <Button type="submit" loading={state.isLoading}>
              {t('housing.layout.addDorm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function AddRoomForm({ dorms }: { dorms: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const [dormId, setDormId] = useState('');
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState<number | string>(8);
  const [separate, setSeparate] = useState(false);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [add, state] = useAddRoomMutation();
  const dorm = dormId || dorms[0]?.value || '';
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = addRoomInput.safeParse({ dormId: dorm, name, capacity: Number(capacity), separateHousing: separate });
    setIssues(issuesOf(parsed));
    if (!parsed.success) return;
    const result = await add(parsed.data);
    if ('data' in result && result.data) {
      notifySuccess((tt) => tt('housing.layout.roomAdded'));
      setName('');
    } else if ('error' in result) setIssues(serverIssues(result.error));
  };
  const msg = (k: string) => (issues[k] ? validationMessage(t, issues[k]) : undefined);
  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="add-room">
        <Stack gap="sm">
          <NativeSelect label={t('housing.layout.dorm')} data={dorms} value={dorm} onChange={(e) => setDormId(e.currentTarget.value)} error={msg('dormId')} />
          <TextInput label={t('housing.layout.roomName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={msg('name')} withAsterisk />
          <NumberInput label={t('housing.layout.capacity')} value={capacity} onChange={setCapacity} min={1} max={200} error={msg('capacity')} />
          <Checkbox label={t('housing.layout.separateHousing')} checked={separate} onChange={(e) => setSeparate(e.currentTarget.checked)} />
          {Object.keys(issues).length === 0 ? <ErrorAlert error={state.error} /> : null}
          <Group>
            <Button type="submit" loading={state.isLoading} disabled={dorms.length === 0}>
              {t('housing.layout.addRoom')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RoomRow({ room }: { room: LayoutRoom }) {
  const { t } = useTranslation();
  const [capacity, setCapacity] = useState<number | string>(room.capacity);
  const [separate, setSeparate] = useState(room.separateHousing);
  const [issue, setIssue] = useState<string | undefined>();
  const [change, changeState] = useChangeRoomMutation();
  const [close, closeState] = useCloseRoomMutation();
  if (room.closedDate !== null) {
    return (
      <Table.Tr c="dimmed">
        <Table.Td>{room.name}</Table.Td>
        <Table.Td>{room.capacity}</Table.Td>
        <Table.Td>{room.separateHousing ? '✓' : ''}</Table.Td>
        <Table.Td>
          <Badge color="gray">{t('housing.layout.closed', { date: formatDate(room.closedDate) })}</Badge>
        </Table.Td>
      </Table.Tr>
    );
  }
  const save = async () => {
    const parsed = changeRoomInput.safeParse({ roomId: room.roomId, capacity: Number(capacity), separateHousing: separate });
    setIssue(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (!parsed.success) return;
    const result = await change(parsed.data);
    if ('data' in result && result.data) notifySuccess((tt) => tt('housing.layout.roomChanged'));
    else if ('error' in result) notifyError(result.error);
  };
  const doClose = async () => {
    const result = await close({ roomId: room.roomId, date: todayIso() });
    if ('data' in result && result.data) notifySuccess((tt) => tt('housing.layout.roomClosed'));
    else if ('error' in result) notifyError(result.error);
  };
  return (
    <Table.Tr data-testid={`layout-room-${room.name}`}>
      <Table.Td>
        {room.name}
        <Text size="xs" c="dimmed">
          {t('housing.layout.occupied', { n: room.occupied })}
        </Text>
      </Table.Td>
      <Table.Td>
        <NumberInput aria-label={t('housing.layout.capacity')} value={capacity} onChange={setCapacity} min={1} max={200} w={90} error={issue ? validationMessage(t, issue) : undefined} />
      </Table.Td>
      <Table.Td>
        <Checkbox aria-label={t('housing.layout.separateHousing')} checked={separate} onChange={(e) => setSeparate(e.currentTarget.checked)} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button size="xs" onClick={() => void save()} loading={changeState.isLoading}>
            {t('housing.layout.save')}
          </Button>
          <Button size="xs" color="red" variant="light" onClick={() => void doClose()} loading={closeState.isLoading} disabled={room.occupied > 0}>
            {t('housing.layout.close')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
