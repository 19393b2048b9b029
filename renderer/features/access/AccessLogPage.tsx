import { Alert, Anchor, Button, Group, Loader, NativeSelect, Paper, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_KINDS, type AccessEntry, type AccessKind } from '../../../shared/access';
import { formatDate, formatDateTime, parseDisplayDate } from '../../../shared/dates';
import { useListAccountsQuery } from '../../api/api';
import { navigate } from '../../app/navigation';
import { useAppDispatch } from '../../app/store';
import { ErrorAlert } from '../../components/feedback';
import { CsvExportButton } from '../../components/CsvExportButton';
import type { CsvColumn } from '../../components/csvExport';
import { useListAccessQuery } from './api';

/**
 * A dd/mm/yyyy field that applies its date on Enter or when leaving it; an empty field means no
 * limit. A date that does not parse stays in the field with a message and changes nothing.
 */
function DateFilter({ label, value, onChange, error, testId }: { label: string; value: string | undefined; onChange: (iso: string | undefined) => void; error?: string | undefined; testId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ? formatDate(value) : '');
  const [invalid, setInvalid] = useState(false);
  const [shown, setShown] = useState(value);
  // Follow a reset from outside (the Clear button) without an effect.
  if (shown !== value) {
    setShown(value);
    setText(value ? formatDate(value) : '');
    setInvalid(false);
  }
  const apply = () => {
    const trimmed = text.trim();
    if (trimmed === '') {
      setInvalid(false);
      onChange(undefined);
      return;
    }
    const iso = parseDisplayDate(trimmed);
    setInvalid(iso === null);
    if (iso) onChange(iso);
  };
  return (
    <TextInput
      label={label}
      placeholder={t('common.dateFormatHint')}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          apply();
        }
      }}
      error={invalid ? t('access.log.invalidDate') : error}
      inputMode="numeric"
      maxLength={10}
      w={150}
      data-testid={testId}
    />
  );
}

function Whose({ entry }: { entry: AccessEntry }) {
  const { t } = useTranslation();
  if (!entry.trainee) return <Text c="dimmed" size="sm">{t('access.log.facilityWide')}</Text>;
  if (entry.trainee.fullName === null) return <Text c="dimmed" size="sm">{t('access.log.traineeGone')}</Text>;
  return (
    <Text size="sm">
      <Text span c="dimmed">
        {entry.trainee.fileNumber}
      </Text>{' '}
      {entry.trainee.fullName}
    </Text>
  );
}

/** The administrator's view of the access log: who opened, exported, printed or backed up whose data, newest first. */
export function AccessLogPage() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [from, setFrom] = useState<string | undefined>();
  const [to, setTo] = useState<string | undefined>();
  const [userId, setUserId] = useState('');
  const [kind, setKind] = useState<AccessKind | ''>('');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 200);
  const accounts = useListAccountsQuery();
  // The core refuses a reversed range too; saying it here avoids a round trip and an empty table.
  const reversed = from !== undefined && to !== undefined && from > to;
  const { data, error, isFetching } = useListAccessQuery(
    {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(userId ? { userId } : {}),
      ...(kind ? { kind } : {}),
      // Typing waits for a pause; emptying the field shows everything at once.
      search: search.trim() === '' ? '' : debouncedSearch.trim(),
    },
    { skip: reversed },
  );
  const clear = () => {
    setFrom(undefined);
    setTo(undefined);
    setUserId('');
    setKind('');
    setSearch('');
  };
  const columns: CsvColumn<AccessEntry>[] = [
    { header: t('access.log.when'), value: (e) => formatDateTime(e.recordedAt) },
    { header: t('access.log.who'), value: (e) => e.actor?.fullName ?? t('access.log.system') },
    { header: t('access.log.kind'), value: (e) => t(`access.kinds.${e.kind}`) },
    { header: t('access.log.whose'), value: (e) => [e.trainee?.fileNumber, e.trainee?.fullName].filter(Boolean).join(' ') },
    { header: t('access.log.detail'), value: (e) => e.detail },
  ];
  const filtered = from !== undefined || to !== undefined || userId !== '' || kind !== '' || search !== '';

  return (
    <Stack gap="md">
      <Anchor component="button" type="button" size="sm" onClick={() => dispatch(navigate({ name: 'accounts' }))} style={{ alignSelf: 'flex-start' }}>
        ← {t('access.log.backToAccounts')}
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{t('access.log.title')}</Title>
        <CsvExportButton fileName={t('csv.files.accessLog')} columns={columns} rows={reversed ? [] : data?.items} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('access.log.intro')}
      </Text>
      <Group gap="md" align="flex-start" wrap="wrap" data-testid="access-filters">
        <DateFilter label={t('access.log.from')} value={from} onChange={setFrom} testId="access-from" />
        <DateFilter label={t('access.log.to')} value={to} onChange={setTo} error={reversed ? t('validation.toBeforeFrom') : undefined} testId="access-to" />
        <NativeSelect
          label={t('access.log.person')}
          value={userId}
          onChange={(e) => setUserId(e.currentTarget.value)}
          data={[{ value: '', label: t('access.log.all') }, ...(accounts.data ?? []).map((a) => ({ value: a.id, label: a.fullName }))]}
          w={220}
          data-testid="access-person"
        />
        <NativeSelect
          label={t('access.log.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as AccessKind | '')}
          data={[{ value: '', label: t('access.log.all') }, ...ACCESS_KINDS.map((k) => ({ value: k, label: t(`access.kinds.${k}`) }))]}
          w={200}
          data-testid="access-kind"
        />
        <TextInput
          label={t('access.log.trainee')}
          placeholder={t('access.log.traineePlaceholder')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={240}
          rightSection={isFetching ? <Loader size="xs" /> : null}
          data-testid="access-search"
        />
        <Button variant="subtle" mt={25} onClick={clear} disabled={!filtered}>
          {t('access.log.clear')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {data?.truncated ? (
        <Alert color="yellow" variant="light" data-testid="access-truncated">
          {t('access.log.truncated', { rows: data.items.length })}
        </Alert>
      ) : null}
      <Paper withBorder radius="md">
        <ScrollArea type="auto">
          <Table striped highlightOnHover stickyHeader aria-label={t('access.log.tableLabel')} miw={760} data-testid="access-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('access.log.when')}</Table.Th>
                <Table.Th>{t('access.log.who')}</Table.Th>
                <Table.Th>{t('access.log.kind')}</Table.Th>
                <Table.Th>{t('access.log.whose')}</Table.Th>
                <Table.Th>{t('access.log.detail')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reversed
                ? null
                : data?.items.map((e) => (
                    <Table.Tr key={e.seq} data-testid="access-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.recordedAt)}</Table.Td>
                      <Table.Td>{e.actor?.fullName ?? t('access.log.system')}</Table.Td>
                      <Table.Td>{t(`access.kinds.${e.kind}`)}</Table.Td>
                      <Table.Td>
                        <Whose entry={e} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {e.detail}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {data && !reversed && data.items.length === 0 ? (
          <Text c="dimmed" ta="center" p="lg" data-testid="access-empty">
            {t('access.log.empty')}
          </Text>
        ) : null}
      </Paper>
    </Stack>
  );
}
