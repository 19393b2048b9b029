import { Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { resolveMismatchInput, WHOLE_FACILITY, type HeadcountMismatch } from '../../../../shared/duty/keepApart';
import { isAllowed } from '../../../../shared/roles';
import { useStatusQuery } from '../../../api/api';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { FlagFormModal } from '../../medical/flags/FlagForm';
import { useHeadcountMismatchesQuery, useHeadcountSheetQuery, useRecordHeadcountMutation, useResolveMismatchMutation } from './api';

/**
 * One sheet for a count: every room with the number expected present, a box for the number
 * counted (Tab from room to room, Enter saves), saved once; below, the differences not resolved.
 */
export function HeadcountScreen() {
  const { t } = useTranslation();
  const sheet = useHeadcountSheetQuery({});
  const mismatches = useHeadcountMismatchesQuery({});
  const [record, recordState] = useRecordHeadcountMutation();
  const [resolve, resolveState] = useResolveMismatchMutation();
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [empty, setEmpty] = useState(false);
  const [resolving, setResolving] = useState<HeadcountMismatch | null>(null);
  // Admins see the sheet and the differences; only duty officers count and resolve.
  const mayWrite = isAllowed('duty.write', useStatusQuery().data?.user?.roles ?? []);
  const roomName = (id: string, name: string) => (id === WHOLE_FACILITY ? t('keepApart.headcount.wholeFacility') : name);

  const save = async () => {
    // Only rooms with a number typed are counted; a number that is not a whole count is sent as is and refused by the core.
    const rooms = (sheet.data ?? [])
      .filter((r) => (counts[r.roomId] ?? '').trim() !== '')
      .map((r) => ({ roomId: r.roomId, counted: Number((counts[r.roomId] ?? '').trim()), note: notes[r.roomId] ?? '' }));
    setEmpty(rooms.length === 0);
    if (rooms.length === 0) return;
    const result = await record({ at: new Date().toISOString(), rooms });
    if ('data' in result && result.data) {
      const n = result.data.mismatches;
      notifySuccess((tr) => (n > 0 ? tr('keepApart.headcount.savedWithMismatches', { count: n }) : tr('keepApart.headcount.saved')));
      setCounts({});
      setNotes({});
    }
  };

  const mismatchColumns: CsvColumn<HeadcountMismatch>[] = [
    { header: t('keepApart.headcount.at'), value: (m) => formatDateTime(m.at) },
    { header: t('keepApart.headcount.room'), value: (m) => roomName(m.roomId, m.roomName) },
    { header: t('keepApart.headcount.expected'), value: (m) => m.expected - m.atHospital },
    { header: t('keepApart.headcount.atHospital'), value: (m) => m.atHospital },
    { header: t('keepApart.headcount.counted'), value: (m) => m.counted },
    { header: t('csv.columns.absent'), value: (m) => m.absent },
    { header: t('csv.columns.unexpected'), value: (m) => m.unexpected },
    { header: t('keepApart.headcount.note'), value: (m) => m.note },
  ];

  return (
    <Stack gap="lg" data-testid="headcount-screen">
      <Stack gap="xs">
        <Title order={3}>{t('keepApart.headcount.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('keepApart.headcount.hint')}
        </Text>
        {sheet.isLoading ? <Loader size="sm" /> : null}
        <ErrorAlert error={sheet.error} />
        <ErrorAlert error={recordState.error} testId="headcount-error" />
        {empty ? (
          <Text size="sm" c="red" role="alert">
            {t('keepApart.headcount.nothingCounted')}
          </Text>
        ) : null}
        {sheet.data && sheet.data.length === 0 ? <Text c="dimmed">{t('keepApart.headcount.noRooms')}</Text> : null}
        {sheet.data && sheet.data.length > 0 ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Table data-testid="headcount-sheet">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('keepApart.headcount.room')}</Table.Th>
                  <Table.Th>{t('keepApart.headcount.expected')}</Table.Th>
                  <Table.Th>{t('keepApart.headcount.atHospital')}</Table.Th>
                  {mayWrite ? <Table.Th>{t('keepApart.headcount.counted')}</Table.Th> : null}
                  {mayWrite ? <Table.Th>{t('keepApart.headcount.note')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sheet.data.map((r, i) => {
                  const name = roomName(r.roomId, r.name);
                  const hospital = r.occupants.filter((o) => o.atHospital);
                  return (
                    <Table.Tr key={r.roomId} data-testid="headcount-room">
                      <Table.Td>{name}</Table.Td>
                      <Table.Td data-testid="expected-present">{r.expectedPresent}</Table.Td>
                      <Table.Td title={hospital.map((o) => o.fullName).join(', ')}>{hospital.length}</Table.Td>
                      {mayWrite ? (
                        <>
                          <Table.Td>
                            <TextInput
                              aria-label={`${t('keepApart.headcount.counted')}: ${name}`}
                              inputMode="numeric"
                              autoComplete="off"
                              autoFocus={i === 0}
                              w={90}
                              value={counts[r.roomId] ?? ''}
                              onChange={(e) => {
                                const v = e.currentTarget.value;
                                setCounts((c) => ({ ...c, [r.roomId]: v }));
                              }}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={`${t('keepApart.headcount.note')}: ${name}`}
                              autoComplete="off"
                              value={notes[r.roomId] ?? ''}
                              onChange={(e) => {
                                const v = e.currentTarget.value;
                                setNotes((n) => ({ ...n, [r.roomId]: v }));
                              }}
                            />
                          </Table.Td>
                        </>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            {mayWrite ? (
              <Group justify="flex-end" mt="sm">
                <Button type="submit" loading={recordState.isLoading}>
                  {t('keepApart.headcount.save')}
                </Button>
              </Group>
            ) : null}
          </form>
        ) : null}
      </Stack>

      <Stack gap="xs" data-testid="headcount-mismatches">
        <Group justify="space-between">
          <Title order={4}>{t('keepApart.headcount.mismatches')}</Title>
          <CsvExportButton fileName={t('csv.files.headcount')} columns={mismatchColumns} rows={mismatches.data} />
        </Group>
        <ErrorAlert error={mismatches.error} />
        {mismatches.data && mismatches.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('keepApart.headcount.noMismatches')}
          </Text>
        ) : null}
        {(mismatches.data ?? []).map((m) => (
          <Group key={`${m.countId}:${m.roomId}`} justify="space-between" data-testid="headcount-mismatch">
            <Stack gap={0}>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  {roomName(m.roomId, m.roomName)}
                </Text>
                {m.absent > 0 ? (
                  <Badge color="red" variant="light">
                    {t('keepApart.headcount.absent', { count: m.absent })}
                  </Badge>
                ) : null}
                {m.unexpected > 0 ? (
                  <Badge color="orange" variant="light">
                    {t('keepApart.headcount.unexpected', { count: m.unexpected })}
                  </Badge>
                ) : null}
                {m.atHospital > 0 ? (
                  <Badge color="gray" variant="light">
                    {t('keepApart.headcount.atHospital')}: {m.atHospital}
                  </Badge>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed">
                {t('keepApart.headcount.at')} {formatDateTime(m.at)} · {t('keepApart.headcount.expected')} {m.expected - m.atHospital} · {t('keepApart.headcount.counted')} {m.counted}
                {m.note ? ` · ${m.note}` : ''}
              </Text>
            </Stack>
            {mayWrite ? (
              <Button size="compact-xs" variant="light" onClick={() => setResolving(m)}>
                {t('keepApart.headcount.resolve')}
              </Button>
            ) : null}
          </Group>
        ))}
      </Stack>

      <FlagFormModal
        opened={resolving !== null}
        onClose={() => {
          setResolving(null);
          resolveState.reset();
        }}
        testId="resolve-mismatch-form"
        title={t('keepApart.headcount.resolveTitle')}
        hint={resolving ? `${roomName(resolving.roomId, resolving.roomName)} · ${formatDate(resolving.at)}` : ''}
        fields={[{ name: 'note', kind: 'textarea', label: t('keepApart.headcount.resolveNote'), required: true }]}
        defaults={{ note: '' }}
        schema={resolveMismatchInput}
        fixed={{ countId: resolving?.countId ?? '', roomId: resolving?.roomId ?? '' }}
        submitLabel={t('keepApart.headcount.resolve')}
        submit={(v) => resolve(v as Parameters<typeof resolve>[0])}
        loading={resolveState.isLoading}
        error={resolveState.error}
        success={(tr) => tr('keepApart.headcount.resolved')}
      />
    </Stack>
  );
}
