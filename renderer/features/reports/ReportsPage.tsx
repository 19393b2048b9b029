import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, todayIso } from '../../../shared/dates';
import { navigate } from '../../app/navigation';
import { useAppDispatch, useAppSelector } from '../../app/store';
import { ErrorAlert, toSenError } from '../../components/feedback';
import { validationMessage } from '../../i18n/messages';
import { MonthField } from '../duty/recognition/MonthField';
import { useMonthlyReportQuery } from './api';
import { ReportCsvButton, ReportSections } from './ReportSections';

/** The administrator's monthly facility report: pick a month (this one by default), read it, print it. */
export function ReportsPage({ month: chosen }: { month: string | undefined }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const route = useAppSelector((s) => s.navigation.route);
  const month = chosen ?? todayIso().slice(0, 7);
  // currentData: only the chosen month's report, never the previous one while a new one loads or fails.
  const { currentData: data, error, isFetching } = useMonthlyReportQuery({ month });
  // A month the core refuses (not begun yet): say so in words, not as a generic failure.
  const monthIssue = toSenError(error)?.issues?.find((i) => i.path === 'month')?.code;
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('reports.title')}</Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('reports.intro')}
          </Text>
        </div>
        <Group align="flex-end">
          <MonthField key={month} label={t('reports.month')} value={month} onChange={(m) => dispatch(navigate({ name: 'reports', month: m }))} testId="report-month" />
          <Button onClick={() => dispatch(navigate({ name: 'print', target: { document: 'monthly_report', month }, back: route }))} disabled={!data} data-testid="report-print">
            {t('reports.print')}
          </Button>
          {data ? <ReportCsvButton sections={data.sections} month={month} /> : null}
        </Group>
      </Group>
      {monthIssue ? (
        <Alert color="red" variant="light" role="alert" data-testid="report-error">
          {validationMessage(t, monthIssue)}
        </Alert>
      ) : (
        <ErrorAlert error={error} testId="report-error" />
      )}
      {isFetching && !data ? <Loader /> : null}
      {data ? (
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            <Text size="sm" fw={600} data-testid="report-period">
              {t('reports.period', { from: formatDate(data.from), to: formatDate(data.to) })}
            </Text>
            <ReportSections sections={data.sections} />
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
