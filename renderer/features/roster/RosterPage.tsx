import { Alert, Badge, Button, Group, Input, Loader, Paper, ScrollArea, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/accounts';
import type { RosterCounts, TraineeSummary } from '../../../shared/admissions';
import { formatDate } from '../../../shared/dates';
import { isAllowed } from '../../../shared/roles';
import { useListTraineesQuery } from '../../api/api';
import { navigate } from '../../app/navigation';
import { useAppDispatch } from '../../app/store';
import { AsOfBanner, AsOfControl, useAsOf } from '../../components/AsOf';
import { ErrorAlert } from '../../components/feedback';
import { CsvExportButton } from '../../components/CsvExportButton';
import { rosterCsvColumns } from './rosterCsv';
import { label } from '../trainees/format';
import { RosterFlagBadges } from '../medical/flags/RestrictionBadges';

type StatusFilter = 'in_care' | 'released' | 'all';
type TypeFilter = 'all' | 'compulsory' | 'voluntary';

function Count({ name, value, testId }: { name: string; value: number | undefined; testId: string }) {
  return (
    <Paper withBorder px="md" py={6} radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text fw={700} size="lg" data-testid={`${testId}-value`}>
        {value ?? '–'}
      </Text>
    </Paper>
  );
}

function Counts({ counts }: { counts: RosterCounts | undefined }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" data-testid="roster-counts">
      <Count name={t('roster.counts.inCare')} value={counts?.inCare} testId="count-in-care" />
      <Count name={t('roster.counts.released')} value={counts?.released} testId="count-released" />
      <Count name={t('roster.counts.compulsory')} value={counts?.compulsory} testId="count-compulsory" />
      <Count name={t('roster.counts.voluntary')} value={counts?.voluntary} testId="count-voluntary" />
      <Count name={t('roster.counts.shown')} value={counts?.shown} testId="count-shown" />
    </Group>
  );
}

function moveFocus(e: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  const row = e.currentTarget;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
  } else if (e.key === 'ArrowDown') {
    e.preventDefault();
    (row.nextElementSibling as HTMLElement | null)?.focus();
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    (row.previousElementSibling as HTMLElement | null)?.focus();
  }
}

function Rows({ items, onOpen }: { items: TraineeSummary[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {items.map((r) => (
        <Table.Tr
          key={r.id}
          tabIndex={0}
          style={{ cursor: 'pointer' }}
          data-testid="roster-row"
          aria-label={`${r.fileNumber} ${r.fullName}`}
          onClick={() => onOpen(r.id)}
          onKeyDown={(e) => moveFocus(e, () => onOpen(r.id))}
        >
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.fileNumber}</Table.Td>
          <Table.Td fw={500}>
            {/* Badges go under the name when the column is narrow, rather than being cut. */}
            <Group gap={6} wrap="wrap">
              {r.fullName}
              <RosterFlagBadges row={r} />
            </Group>
          </Table.Td>
          <Table.Td>{label.sex(t, r.sex)}</Table.Td>
          <Table.Td>{formatDate(r.dateOfBirth)}</Table.Td>
          <Table.Td>{label.admissionType(t, r.admissionType)}</Table.Td>
          <Table.Td>{formatDate(r.admissionDate)}</Table.Td>
          <Table.Td>{formatDate(r.plannedReleaseDate)}</Table.Td>
          <Table.Td>{label.phase(t, r.phase)}</Table.Td>
          <Table.Td>
            {/* A Mantine badge shrinks to an ellipsis in a crowded table ("ĐANG CAI NGH…"): keep it whole. */}
            <Badge color={r.status === 'in_care' ? 'teal' : 'gray'} variant="light" style={{ minWidth: 'max-content' }}>
              {label.status(t, r.status)}
            </Badge>
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

export function RosterPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 200);
  const [status, setStatus] = useState<StatusFilter>('in_care');
  const [admissionType, setAdmissionType] = useState<TypeFilter>('all');
  const asOf = useAsOf();
  const { data, error, isFetching } = useListTraineesQuery({ search: debouncedSearch.trim(), status, admissionType, ...(asOf ? { asOf } : {}) });
  // The past cannot be changed: no admitting while an earlier date is shown.
  const canAdmit = isAllowed('trainee.intake', user.roles) && !asOf;
  const canImport = isAllowed('trainee.import', user.roles) && !asOf;
  const open = (traineeId: string) => dispatch(navigate({ name: 'trainee', traineeId }));

  return (
    <Stack gap="md">
      <AsOfBanner />
      <Group justify="space-between" align="center">
        <Title order={2}>{t('roster.title')}</Title>
        <Group gap="xs">
          <CsvExportButton fileName={t('csv.files.roster')} columns={rosterCsvColumns(t, data?.items ?? [])} rows={data?.items} />
          {canImport ? (
            <Button variant="default" onClick={() => dispatch(navigate({ name: 'importRoster' }))}>
              {t('rosterImport.open')}
            </Button>
          ) : null}
          {canAdmit ? <Button onClick={() => dispatch(navigate({ name: 'admit' }))}>{t('roster.admit')}</Button> : null}
        </Group>
      </Group>
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('roster.search')}
          placeholder={t('roster.searchPlaceholder')}
          type="search"
          autoFocus
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            // ↓ moves into the table; Enter opens the only match.
            const rows = document.querySelectorAll<HTMLElement>('[data-testid="roster-row"]');
            if (e.key === 'ArrowDown' && rows.length > 0) {
              e.preventDefault();
              rows[0]!.focus();
            } else if (e.key === 'Enter' && data?.items.length === 1) {
              open(data.items[0]!.id);
            }
          }}
          w={320}
          rightSection={isFetching ? <Loader size="xs" /> : null}
        />
        <Input.Wrapper label={t('roster.statusFilter')} labelElement="div" id="status-filter">
          <SegmentedControl
            display="flex"
            aria-label={t('roster.statusFilter')}
            data-testid="status-filter"
            value={status}
            onChange={(v) => setStatus(v as StatusFilter)}
            data={(['in_care', 'released', 'all'] as const).map((s) => ({ value: s, label: t(`roster.status.${s}`) }))}
          />
        </Input.Wrapper>
        <Input.Wrapper label={t('roster.typeFilter')} labelElement="div" id="type-filter">
          <SegmentedControl
            display="flex"
            aria-label={t('roster.typeFilter')}
            data-testid="type-filter"
            value={admissionType}
            onChange={(v) => setAdmissionType(v as TypeFilter)}
            data={(['all', 'compulsory', 'voluntary'] as const).map((s) => ({ value: s, label: t(`roster.type.${s}`) }))}
          />
        </Input.Wrapper>
        <AsOfControl />
      </Group>
      <Counts counts={data?.counts} />
      <ErrorAlert error={error} />
      {data?.truncated ? (
        <Alert color="yellow" variant="light" data-testid="roster-truncated">
          {t('roster.truncated', { rows: data.items.length, total: data.counts.shown })}
        </Alert>
      ) : null}
      <Paper withBorder radius="md">
        <ScrollArea type="auto">
          <Table highlightOnHover striped stickyHeader aria-label={t('roster.tableLabel')} miw={960}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.fileNumber')}</Table.Th>
                <Table.Th>{t('fields.fullName')}</Table.Th>
                <Table.Th>{t('fields.sex')}</Table.Th>
                <Table.Th>{t('fields.dateOfBirth')}</Table.Th>
                <Table.Th>{t('fields.admissionType')}</Table.Th>
                <Table.Th>{t('fields.admissionDate')}</Table.Th>
                <Table.Th>{t('fields.plannedReleaseDate')}</Table.Th>
                <Table.Th>{t('fields.phase')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{data ? <Rows items={data.items} onOpen={open} /> : null}</Table.Tbody>
          </Table>
        </ScrollArea>
        {data && data.items.length === 0 ? (
          <Text c="dimmed" ta="center" p="lg">
            {t('roster.empty')}
          </Text>
        ) : null}
      </Paper>
    </Stack>
  );
}
