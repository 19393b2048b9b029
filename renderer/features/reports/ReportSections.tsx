import { Group, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RATINGS, REWARD_KINDS } from '../../../shared/duty/recognition';
import { COUNSELLING_KINDS } from '../../../shared/training/reintegration';
import type { ReportGroup, ReportRow, ReportSection } from '../../../shared/reports';
import { measureLabel, typeLabel } from '../duty/conduct/labels';
import { label } from '../trainees/format';
import { CsvExportButton } from '../../components/CsvExportButton';
import type { CsvColumn } from '../../components/csvExport';

function oneOf<T extends string>(values: readonly T[], v: string): v is T {
  return (values as readonly string[]).includes(v);
}

/** A key of the reports catalog built at run time (section, group and row ids come from the core); the component test checks every one has a label. */
const dynamic = (t: TFunction, key: string): string => (t as unknown as (k: string) => string)(key);

/** A row's label: a catalog name as typed, another area's code with that area's label, else this area's own. */
export function rowLabel(t: TFunction, group: string, row: ReportRow): string {
  if (row.label) return row.label;
  switch (group) {
    case 'admissionsByType':
      return label.admissionType(t, row.key);
    case 'releasesByKind':
      return label.releaseKind(t, row.key);
    case 'violationsByType':
      return typeLabel(t, row.key, undefined);
    case 'measuresByKind':
      return measureLabel(t, row.key);
    case 'rewardsByKind':
      return oneOf(REWARD_KINDS, row.key) ? t(`recognition.kinds.${row.key}`) : row.key;
    case 'ratings':
      return oneOf(RATINGS, row.key) ? t(`recognition.ratings.${row.key}`) : row.key;
    case 'counsellingByKind':
      return oneOf(COUNSELLING_KINDS, row.key) ? t(`reintegration.kinds.${row.key}`) : row.key;
    default:
      return dynamic(t, `reports.rows.${group}.${row.key}`);
  }
}

const locale = (lang: string) => (lang === 'vi' ? 'vi-VN' : 'en-GB');
const percent = (value: number, of: number, lang: string) => (of === 0 ? '—' : `${((100 * value) / of).toLocaleString(locale(lang), { maximumFractionDigits: 1 })} %`);
/** A count or a sum (hours, output: up to two decimals) in the reader's notation: 1.063,5 in Vietnamese. */
const amount = (value: number, lang: string) => value.toLocaleString(locale(lang), { maximumFractionDigits: 2 });

/** Horizontal bars, one per row, drawn inline (no chart package): distributions read better so. */
function Bars({ rows, title }: { rows: { label: string; value: number }[]; title: string }) {
  const { i18n } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 22;
  // Fits beside a 330 px table within an A4 sheet's 182 mm.
  const labelWidth = 170;
  // Room after the longest bar for a value such as "4.382,5".
  const barWidth = 104;
  const valueWidth = 56;
  return (
    <svg role="img" aria-label={title} width={labelWidth + barWidth + valueWidth} height={rows.length * rowHeight + 4} style={{ flex: 'none' }}>
      {rows.map((r, i) => (
        <g key={r.label} transform={`translate(0, ${i * rowHeight + 2})`}>
          <text x={labelWidth - 6} y={14} textAnchor="end" fontSize={10} fill="#333">
            <title>{r.label}</title>
            {r.label.length > 24 ? `${r.label.slice(0, 23)}…` : r.label}
          </text>
          <rect x={labelWidth} y={3} width={(barWidth * r.value) / max} height={rowHeight - 8} fill="#2f6f9f" rx={2} />
          <text x={labelWidth + (barWidth * r.value) / max + 4} y={14} fontSize={11} fill="#333">
            {amount(r.value, i18n.language)}
          </text>
        </g>
      ))}
    </svg>
  );
}

function GroupTable({ section, group }: { section: string; group: ReportGroup }) {
  const { t, i18n } = useTranslation();
  const title = dynamic(t, `reports.groups.${group.id}`);
  const rows = group.rows.map((r) => ({ row: r, label: rowLabel(t, group.id, r) }));
  const hasShare = group.rows.some((r) => r.of !== undefined);
  return (
    <Stack gap={4} className="sen-keep" data-testid={`report-group-${group.id}`}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Table withTableBorder withColumnBorders verticalSpacing={2} fz="sm" style={{ width: group.chart ? 330 : 460, flex: 'none' }}>
          <Table.Tbody>
            {rows.map(({ row, label: text }) => (
              <Table.Tr key={row.key} data-testid={`report-${section}-${group.id}-${row.key}`}>
                <Table.Td>{text}</Table.Td>
                <Table.Td ta="right" w={90} title={row.value === null ? t('reports.notRecorded') : undefined}>
                  {row.value === null ? '—' : row.of !== undefined ? `${amount(row.value, i18n.language)} / ${amount(row.of, i18n.language)}` : amount(row.value, i18n.language)}
                </Table.Td>
                {hasShare ? <Table.Td ta="right" w={80}>{row.value !== null && row.of !== undefined ? percent(row.value, row.of, i18n.language) : ''}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {group.chart ? <Bars title={t('reports.chart', { title })} rows={rows.map(({ row, label: text }) => ({ label: text, value: row.value ?? 0 }))} /> : null}
      </Group>
    </Stack>
  );
}

/** One line of the report's CSV: a row with its section and group. */
interface FlatRow {
  section: string;
  group: string;
  row: ReportRow;
}

/** The whole report as one CSV (counts only, so not an access-log export): section, group, row, value, out of. */
export function ReportCsvButton({ sections, month }: { sections: readonly ReportSection[]; month: string }) {
  const { t } = useTranslation();
  const rows: FlatRow[] = sections.flatMap((s) => s.groups.flatMap((g) => g.rows.map((row) => ({ section: s.id, group: g.id, row }))));
  const columns: CsvColumn<FlatRow>[] = [
    { header: t('reports.csv.section'), value: (r) => dynamic(t, `reports.sections.${r.section}`) },
    { header: t('reports.csv.group'), value: (r) => dynamic(t, `reports.groups.${r.group}`) },
    { header: t('reports.csv.row'), value: (r) => rowLabel(t, r.group, r.row) },
    { header: t('reports.csv.value'), value: (r) => r.row.value },
    { header: t('reports.csv.of'), value: (r) => r.row.of },
  ];
  return <CsvExportButton fileName={`${t('csv.files.monthlyReport')}-${month}`} columns={columns} rows={rows} personal={false} testId="report-csv" />;
}

/** Every section of a monthly report, the same on screen and on paper. */
export function ReportSections({ sections }: { sections: readonly ReportSection[] }) {
  const { t } = useTranslation();
  const anyNotRecorded = sections.some((s) => s.groups.some((g) => g.rows.some((r) => r.value === null)));
  return (
    <Stack gap="lg">
      {sections.map((s) => (
        <Stack key={s.id} gap="sm" data-testid={`report-section-${s.id}`}>
          <Title order={4}>{dynamic(t, `reports.sections.${s.id}`)}</Title>
          {s.groups.map((g) => (
            <GroupTable key={g.id} section={s.id} group={g} />
          ))}
        </Stack>
      ))}
      {anyNotRecorded ? (
        <Text size="xs" c="dimmed">
          {t('reports.notRecordedNote')}
        </Text>
      ) : null}
    </Stack>
  );
}
