import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/dates';
import { ErrorAlert } from '../../../components/feedback';
import { formatMonth } from '../../duty/recognition/month';
import { useMonthlyReportQuery } from '../api';
import { ReportSections } from '../ReportSections';
import { PrintFrame } from './PrintFrame';
import type { FrameBase } from './PrintView';

/** The monthly report on A4, with the log anchor it was computed from in every page's footer. */
export function MonthlyReportPrint({ month, base }: { month: string; base: FrameBase }) {
  const { t } = useTranslation();
  const { currentData: data, error, isLoading } = useMonthlyReportQuery({ month });
  return (
    <PrintFrame
      {...base}
      facilityName={data?.facilityName || base.facilityName}
      title={t('reports.page.monthlyTitle', { month: formatMonth(month) })}
      subtitle={data ? t('reports.period', { from: formatDate(data.from), to: formatDate(data.to) }) : undefined}
      {...(data ? { anchor: data.anchor } : {})}
    >
      {isLoading ? <Loader /> : null}
      <ErrorAlert error={error} />
      {data ? <ReportSections sections={data.sections} /> : null}
    </PrintFrame>
  );
}
