import { Alert, Badge, Button, Checkbox, FileInput, Group, Loader, Paper, ScrollArea, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCsv } from '../../../shared/csv';
import { guessMapping, IMPORT_FIELDS, mapRow, REQUIRED_IMPORT_FIELDS, type ImportField, type RosterCheck, type RosterRow, type RosterRowIssue } from '../../../shared/rosterImport';
import { navigate } from '../../app/navigation';
import { useAppDispatch } from '../../app/store';
import { ErrorAlert } from '../../components/feedback';
import { validationMessage } from '../../i18n/messages';
import { useCheckRosterMutation, useImportRosterMutation } from './importApi';

type Mapping = Partial<Record<ImportField, number>>;

interface LoadedFile {
  name: string;
  separator: string;
  headers: string[];
  /** Data rows, numbered as a spreadsheet shows them (the header is row 1). */
  rows: { row: number; cells: string[] }[];
}

/** Rows beyond this are checked and imported but not all drawn (the errors always are). */
const SHOWN_ROWS = 300;

/** The columns of the preview: enough to recognise each person. */
const PREVIEW_FIELDS: readonly ImportField[] = ['fileNumber', 'fullName', 'dateOfBirth', 'admissionType', 'admissionDate'];

async function readFile(file: File): Promise<LoadedFile | 'unreadable' | 'empty'> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return 'unreadable';
  }
  const { separator, records } = parseCsv(text);
  const [headers, ...data] = records;
  if (!headers || data.length === 0) return 'empty';
  return { name: file.name, separator, headers, rows: data.map((cells, i) => ({ row: i + 2, cells })) };
}

function MappingTable({ file, mapping, onChange }: { file: LoadedFile; mapping: Mapping; onChange: (m: Mapping) => void }) {
  const { t } = useTranslation();
  const options = [{ value: '', label: t('rosterImport.notImported') }, ...file.headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }))];
  return (
    <Table withTableBorder striped aria-label={t('rosterImport.mapping')} data-testid="import-mapping">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('rosterImport.field')}</Table.Th>
          <Table.Th>{t('rosterImport.column')}</Table.Th>
          <Table.Th>{t('rosterImport.sample')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {IMPORT_FIELDS.map((field) => {
          const column = mapping[field];
          const required = REQUIRED_IMPORT_FIELDS.includes(field);
          return (
            <Table.Tr key={field} data-testid={`map-${field}`}>
              <Table.Td fw={required ? 600 : undefined}>
                {t(`fields.${field}`)}
                {required ? ' *' : ''}
              </Table.Td>
              <Table.Td w={280}>
                <Select
                  size="xs"
                  aria-label={t(`fields.${field}`)}
                  data={options}
                  value={column === undefined ? '' : String(column)}
                  allowDeselect={false}
                  onChange={(v) => {
                    const next = { ...mapping };
                    if (v === null || v === '') delete next[field];
                    else next[field] = Number(v);
                    onChange(next);
                  }}
                />
              </Table.Td>
              <Table.Td c="dimmed">{column === undefined ? '' : (file.rows[0]?.cells[column] ?? '')}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The rows with their errors; each can be left out (its checkbox) without editing the file. */
function Preview({
  file,
  rows,
  issues,
  excluded,
  onToggle,
}: {
  file: LoadedFile;
  rows: RosterRow[];
  issues: Map<number, RosterRowIssue[]>;
  excluded: ReadonlySet<number>;
  onToggle: (row: number) => void;
}) {
  const { t } = useTranslation();
  const [onlyErrors, setOnlyErrors] = useState(false);
  const shown = (onlyErrors ? rows.filter((r) => issues.has(r.row)) : rows).slice(0, onlyErrors ? undefined : SHOWN_ROWS);
  const message = (i: RosterRowIssue) => {
    const text = validationMessage(t, i.code) + (i.otherRow ? ` (${t('rosterImport.sameAs', { row: i.otherRow })})` : '');
    return i.field ? t('rosterImport.issue', { column: t(`fields.${i.field}`), message: text }) : text;
  };
  return (
    <Stack gap="xs">
      <Switch label={t('rosterImport.onlyErrors')} checked={onlyErrors} onChange={(e) => setOnlyErrors(e.currentTarget.checked)} data-testid="only-errors" />
      <Paper withBorder radius="md">
        <ScrollArea.Autosize mah={520} type="auto">
          <Table stickyHeader striped aria-label={t('rosterImport.preview')} miw={900}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('rosterImport.row')}</Table.Th>
                <Table.Th w={70}>{t('rosterImport.include')}</Table.Th>
                {PREVIEW_FIELDS.map((f) => (
                  <Table.Th key={f}>{t(`fields.${f}`)}</Table.Th>
                ))}
                <Table.Th>{t('rosterImport.errors')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => {
                const rowIssues = issues.get(r.row) ?? [];
                const out = excluded.has(r.row);
                return (
                  <Table.Tr key={r.row} data-testid="import-row" data-row={r.row} bg={rowIssues.length && !out ? 'var(--mantine-color-red-light)' : undefined} c={out ? 'dimmed' : undefined}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>
                      <Checkbox aria-label={`${t('rosterImport.include')} ${t('rosterImport.row')} ${r.row}`} checked={!out} onChange={() => onToggle(r.row)} />
                    </Table.Td>
                    {PREVIEW_FIELDS.map((f) => (
                      <Table.Td key={f} td={out ? 'line-through' : undefined}>
                        {r.values[f] ?? ''}
                      </Table.Td>
                    ))}
                    <Table.Td data-testid="row-errors">
                      {rowIssues.map((i) => (
                        <Text key={`${i.field}-${i.code}`} size="sm" c="red.8">
                          {message(i)}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Paper>
      {shown.length < rows.length && !onlyErrors ? (
        <Text size="xs" c="dimmed">
          {file.name}: 1–{SHOWN_ROWS} / {rows.length}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * Admin: bring a paper/Excel roster in. Choose a file, match its columns to the admission fields
 * (guessed from the header names), and every selected row is checked in the core as it changes;
 * rows with errors are shown with the column and the message and can be left out, or the file
 * fixed and chosen again. Import admits every selected row in one transaction, only when all are valid.
 */
export function RosterImportPage() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [picked, setPicked] = useState<File | null>(null);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [problem, setProblem] = useState<'unreadable' | 'empty' | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  const [checked, setChecked] = useState<{ key: string; result: RosterCheck } | null>(null);
  const [done, setDone] = useState<{ count: number; file: string } | null>(null);
  const [check, checking] = useCheckRosterMutation();
  const [importRoster, importing] = useImportRosterMutation();

  const rows = useMemo<RosterRow[]>(() => (file ? file.rows.map((r) => ({ row: r.row, values: mapRow(r.cells, mapping) })) : []), [file, mapping]);
  const selected = useMemo(() => rows.filter((r) => !excluded.has(r.row)), [rows, excluded]);
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === undefined);
  // What the last check answered for: a result for other rows or columns is not shown as current.
  const key = JSON.stringify([file?.name, mapping, [...excluded]]);
  const current = checked?.key === key ? checked.result : null;

  const onFile = async (f: File | null) => {
    setPicked(f);
    setDone(null);
    setChecked(null);
    setExcluded(new Set());
    const loaded = f ? await readFile(f) : null;
    setFile(typeof loaded === 'object' ? loaded : null);
    setProblem(typeof loaded === 'string' ? loaded : null);
    setMapping(typeof loaded === 'object' && loaded ? guessMapping(loaded.headers) : {});
  };

  useEffect(() => {
    if (!file || missing.length > 0 || selected.length === 0) return;
    let stale = false;
    void check({ fileName: file.name, rows: selected }).then((r) => {
      if (!stale && 'data' in r && r.data) setChecked({ key, result: r.data });
    });
    return () => {
      stale = true;
    };
    // `key` names everything the check depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const issuesByRow = useMemo(() => {
    const m = new Map<number, RosterRowIssue[]>();
    for (const i of current?.issues ?? []) m.set(i.row, [...(m.get(i.row) ?? []), i]);
    return m;
  }, [current]);
  const toggle = (row: number) => {
    const next = new Set(excluded);
    if (!next.delete(row)) next.add(row);
    setExcluded(next);
  };
  const ready = current !== null && current.issues.length === 0 && current.valid > 0;

  const onImport = async () => {
    if (!file || !ready) return;
    const r = await importRoster({ fileName: file.name, rows: selected });
    if ('data' in r && r.data) {
      setDone({ count: r.data.imported, file: file.name });
      setFile(null);
      setPicked(null);
      setChecked(null);
    }
  };

  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>{t('rosterImport.title')}</Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t('rosterImport.intro')}
      </Text>
      {done ? (
        <Alert color="teal" variant="light" data-testid="import-done">
          <Stack gap="xs">
            <Text>{t('rosterImport.done', { count: done.count, file: done.file })}</Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => dispatch(navigate({ name: 'roster' }))}>
                {t('rosterImport.toRoster')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setDone(null)}>
                {t('rosterImport.anotherFile')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      <FileInput
        label={t('rosterImport.file')}
        placeholder={t('rosterImport.filePlaceholder')}
        accept=".csv,text/csv"
        value={picked}
        onChange={(f) => void onFile(f)}
        clearable
        w={420}
        data-testid="import-file"
      />
      {problem ? (
        <Alert color="red" variant="light" role="alert">
          {t(`rosterImport.${problem}`)}
        </Alert>
      ) : null}
      {file ? (
        <>
          <Text size="sm" data-testid="import-file-summary">
            {t('rosterImport.fileSummary', { name: file.name, rows: file.rows.length, columns: file.headers.length, separator: file.separator })}
          </Text>
          <Title order={4}>{t('rosterImport.mapping')}</Title>
          <Text size="sm" c="dimmed">
            {t('rosterImport.mappingHint')}
          </Text>
          <MappingTable file={file} mapping={mapping} onChange={setMapping} />
          {missing.length > 0 ? (
            <Alert color="yellow" variant="light" data-testid="import-missing">
              {t('rosterImport.missingRequired', { fields: missing.map((f) => t(`fields.${f}`)).join(', ') })}
            </Alert>
          ) : (
            <>
              <Group justify="space-between" align="center">
                <Title order={4}>{t('rosterImport.preview')}</Title>
                <Group gap="xs">
                  <Button size="xs" variant="default" disabled={issuesByRow.size === 0} onClick={() => setExcluded(new Set([...excluded, ...issuesByRow.keys()]))} data-testid="exclude-bad">
                    {t('rosterImport.excludeBad')}
                  </Button>
                  <Button size="xs" variant="subtle" disabled={excluded.size === 0} onClick={() => setExcluded(new Set())}>
                    {t('rosterImport.includeAll')}
                  </Button>
                </Group>
              </Group>
              {current ? (
                <Group gap="xs" data-testid="import-summary">
                  <Text size="sm">
                    {t('rosterImport.summary', { rows: current.rows, valid: current.valid, bad: issuesByRow.size, excluded: excluded.size })}
                  </Text>
                  {current.issues.length === 0 ? (
                    <Badge color="teal" variant="light">
                      {t('rosterImport.allValid')}
                    </Badge>
                  ) : null}
                </Group>
              ) : checking.isLoading ? (
                <Group gap="xs">
                  <Loader size="xs" />
                  <Text size="sm">{t('rosterImport.checking')}</Text>
                </Group>
              ) : null}
              <ErrorAlert error={checking.error} />
              <Preview file={file} rows={rows} issues={issuesByRow} excluded={excluded} onToggle={toggle} />
              {current && current.issues.length > 0 ? (
                <Alert color="red" variant="light" data-testid="import-blocked">
                  {t('rosterImport.blocked')}
                </Alert>
              ) : null}
              <ErrorAlert error={importing.error} />
              <Group>
                <Button disabled={!ready} loading={importing.isLoading} onClick={() => void onImport()} data-testid="import-submit">
                  {t('rosterImport.submit', { count: current?.valid ?? selected.length })}
                </Button>
              </Group>
            </>
          )}
        </>
      ) : null}
    </Stack>
  );
}
