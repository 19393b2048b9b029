import { Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';
import { formatDate, todayIso } from '../../../../shared/dates';
import type { LaborAmounts, LaborTotals } from '../../../../shared/training/labor';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { ErrorAlert } from '../../../components/feedback';
import { validationMessage } from '../../../i18n/messages';
import { useLaborTotalsQuery } from './api';
import { DateField, formatAmount, IssueLines, issuesOf, WorkshopSelect } from './fields';
import { OutputChart } from './OutputChart';
import { useChosenWorkshop } from './useChosenWorkshop';

/** The first day of the month before today's: two months of weeks by default. */
function defaultFrom(): string {
  const d = new Date(`${todayIso().slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
}

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** "Tuần 49 (30/11/2026 – 06/12/2026)": the ISO week's number and its Monday to Sunday. */
function weekLabel(t: TFunction, w: { week: string; start: string }): string {
  return t('labor.output.week', { week: w.week.slice(6), from: formatDate(w.start), to: formatDate(addDays(w.start, 6)) });
}

/** Output of a workshop over a period: totals, per week, month and trainee, every workshop, and a bar chart. */
export function OutputScreen({ user, workshopId }: { user: SessionUser; workshopId?: string }) {
  const { t } = useTranslation();
  const { workshops, chosen, choose } = useChosenWorkshop(user, workshopId, 'output');
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(todayIso);
  if (workshops === undefined) return null;
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <WorkshopSelect workshops={workshops} value={chosen?.workshopId ?? null} onChange={choose} />
        <DateField label={t('labor.output.from')} value={from} onChange={setFrom} testId="output-from" />
        <DateField label={t('labor.output.to')} value={to} onChange={setTo} testId="output-to" />
      </Group>
      {chosen ? <Totals workshopId={chosen.workshopId} from={from} to={to} /> : <Text c="dimmed">{t('labor.sheet.noWorkshop')}</Text>}
    </Stack>
  );
}

function Totals({ workshopId, from, to }: { workshopId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const { data, error } = useLaborTotalsQuery({ workshopId, from, to });
  const [by, setBy] = useState<'week' | 'day'>('week');
  const issues = issuesOf(error);
  if (issues.length) return <IssueLines testId="output-issue" lines={issues.map((i) => validationMessage(t, i.code))} />;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const n = (v: number) => formatAmount(v, i18n.language);
  const unit = data.workshop.unit;
  const bars =
    by === 'week'
      ? data.weeks.map((w) => ({ key: w.week, label: w.week.slice(5), title: weekLabel(t, w), value: w.output }))
      : data.days.map((d) => ({ key: d.date, label: formatDate(d.date).slice(0, 5), title: formatDate(d.date), value: d.output }));
  return (
    <Stack gap="md">
      <Group gap="xl" data-testid="output-total">
        <Text>
          {t('labor.output.total')}: <b>{n(data.total.output)}</b> {unit}
        </Text>
        <Text>
          {t('labor.output.hours')}: <b>{n(data.total.hours)}</b>
        </Text>
        <Text>
          {t('labor.output.present')}: <b>{data.total.daysPresent}</b> · {t('labor.output.absent')}: <b>{data.total.daysAbsent}</b>
        </Text>
      </Group>
      {data.days.length === 0 ? (
        <Text c="dimmed">{t('labor.output.empty')}</Text>
      ) : (
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={5}>{t('labor.output.chart', { unit })}</Title>
            <SegmentedControl
              size="xs"
              value={by}
              onChange={(v) => setBy(v as 'week' | 'day')}
              data={[
                { value: 'week', label: t('labor.output.byWeek') },
                { value: 'day', label: t('labor.output.byDay') },
              ]}
              data-testid="output-by"
            />
          </Group>
          <OutputChart bars={bars} label={t('labor.output.chartLabel')} format={n} />
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <AmountTable
          title={t('labor.output.perWeek')}
          testId="output-weeks"
          fileName="laborWeeks"
          rows={data.weeks.map((w) => ({ key: w.week, label: weekLabel(t, w), ...w }))}
        />
        <AmountTable title={t('labor.output.perMonth')} testId="output-months" fileName="laborMonths" rows={data.months.map((m) => ({ key: m.month, label: t('labor.output.monthLabel', { month: `${m.month.slice(5)}/${m.month.slice(0, 4)}` }), ...m }))} />
        <AmountTable title={t('labor.output.perTrainee')} testId="output-trainees" fileName="laborTrainees" rows={data.trainees.map((x) => ({ key: x.traineeId, label: `${x.fileNumber} – ${x.fullName}`, ...x }))} />
        <WorkshopTable data={data} />
      </SimpleGrid>
    </Stack>
  );
}

type AmountRow = LaborAmounts & { key: string; label: string };

/** One table of amounts, with its CSV export (the label column headed by the table's title; numbers unformatted, for spreadsheets). */
function AmountTable({ title, rows, testId, fileName, unit }: { title: string; rows: AmountRow[]; testId: string; fileName: 'laborWeeks' | 'laborMonths' | 'laborTrainees' | 'laborWorkshops'; unit?: (key: string) => string }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatAmount(v, i18n.language);
  const columns: CsvColumn<AmountRow>[] = [
    { header: title, value: (r) => r.label },
    { header: t('labor.output.amount'), value: (r) => r.output },
    ...(unit ? [{ header: t('labor.form.unit'), value: (r: AmountRow) => unit(r.key) }] : []),
    { header: t('labor.output.hours'), value: (r) => r.hours },
    { header: t('labor.output.present'), value: (r) => r.daysPresent },
    { header: t('labor.output.absent'), value: (r) => r.daysAbsent },
  ];
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>{title}</Title>
        <CsvExportButton fileName={t(`csv.files.${fileName}`)} columns={columns} rows={rows} testId={`${testId}-csv`} />
      </Group>
      <Table data-testid={testId} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{t('labor.output.amount')}</Table.Th>
            <Table.Th ta="right">{t('labor.output.hours')}</Table.Th>
            <Table.Th ta="right">{t('labor.output.present')}</Table.Th>
            <Table.Th ta="right">{t('labor.output.absent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td ta="right">
                {n(r.output)}
                {unit ? ` ${unit(r.key)}` : ''}
              </Table.Td>
              <Table.Td ta="right">{n(r.hours)}</Table.Td>
              <Table.Td ta="right">{r.daysPresent}</Table.Td>
              <Table.Td ta="right">{r.daysAbsent}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** Every open workshop over the same period, each output in its own unit. */
function WorkshopTable({ data }: { data: LaborTotals }) {
  const { t } = useTranslation();
  const units = new Map(data.workshops.map((w) => [w.workshopId, w.unit]));
  return (
    <AmountTable
      title={t('labor.output.perWorkshop')}
      testId="output-workshops"
      fileName="laborWorkshops"
      rows={data.workshops.map((w) => ({ key: w.workshopId, label: w.name, ...w }))}
      unit={(key) => units.get(key) ?? ''}
    />
  );
}
