import { Loader, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/dates';
import { ErrorAlert } from '../../../components/feedback';
import { formatAmount } from '../../training/labor/fields';
import { useAttendanceSheetQuery } from '../../training/classes/api';
import { useLaborSheetQuery } from '../../training/labor/api';
import { PrintFrame } from './PrintFrame';
import { Signatures } from './TraineePrint';
import type { FrameBase } from './PrintView';

/** The roster as a bordered table, one row per trainee, tall enough to write in by hand. */
function SheetTable({ headers, rows }: { headers: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm" data-testid="sheet-table">
      <Table.Thead>
        <Table.Tr>
          {headers.map((h, j) => (
            <Table.Th key={h} style={j < 3 ? { whiteSpace: 'nowrap' } : undefined}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={r.key} className="sen-keep" data-testid="sheet-row">
            <Table.Td w={36}>{i + 1}</Table.Td>
            {r.cells.map((c, j) => (
              // File number and name on one line; the boxes to write in take the rest.
              <Table.Td key={j} style={j < 2 ? { whiteSpace: 'nowrap' } : undefined}>
                {c}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Whether the page shows what Sen holds, or is a blank sheet to fill in by hand. */
function Source({ recorded, empty }: { recorded: boolean; empty: boolean }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" fs="italic" data-testid="sheet-source">
      {empty ? t('reports.sheet.empty') : t(recorded ? 'reports.sheet.recorded' : 'reports.sheet.blank')}
    </Text>
  );
}

/**
 * A class's attendance for one day (classes.sheet, which needs literacy.read): each enrolled
 * trainee present or absent with the reason as saved, or blank boxes when nothing is saved yet
 * (a trainee at hospital stays pre-marked absent, as on the screen).
 */
export function AttendanceSheetPrint({ classId, date, base }: { classId: string; date: string; base: FrameBase }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useAttendanceSheetQuery({ classId, date });
  const mark = (on: boolean) => (on ? '✓' : '');
  const rows = (data?.rows ?? []).map((r) => {
    const known = r.saved || r.atHospital;
    const reason = [r.reason ? t(`classes.absenceReasons.${r.reason}`) : '', r.note].filter(Boolean).join(' – ');
    return { key: r.traineeId, cells: [r.fileNumber, r.fullName, known ? mark(r.present === true) : '', known ? mark(r.present === false) : '', known ? reason : ''] };
  });
  return (
    <PrintFrame
      {...base}
      title={t('reports.sheet.attendanceTitle')}
      subtitle={data ? `${t('reports.sheet.class')}: ${data.summary.name} · ${t('reports.sheet.teacher')}: ${data.summary.teacherName} · ${t('reports.sheet.date')}: ${formatDate(date)}` : undefined}
    >
      {isLoading ? <Loader /> : null}
      <ErrorAlert error={error} />
      {data ? (
        <>
          <Source recorded={data.taken} empty={rows.length === 0} />
          <SheetTable headers={[t('reports.sheet.no'), t('reports.sheet.fileNumber'), t('reports.sheet.fullName'), t('reports.sheet.present'), t('reports.sheet.absent'), t('reports.sheet.reason')]} rows={rows} />
          <Signatures who={[t('reports.sheet.signTeacher'), t('reports.page.signHead')]} />
        </>
      ) : null}
    </PrintFrame>
  );
}

/** A workshop's labor sheet for one day (labor.sheet, which needs labor.read): hours, output and a note as recorded, or blank. */
export function LaborSheetPrint({ workshopId, date, base }: { workshopId: string; date: string; base: FrameBase }) {
  const { t, i18n } = useTranslation();
  const { data, error, isLoading } = useLaborSheetQuery({ workshopId, date });
  const rows = (data?.rows ?? []).map((r) => {
    const e = r.entry;
    const note = e ? (e.present ? e.quality : [e.absence ? t(`labor.absence.${e.absence}`) : '', e.absenceNote].filter(Boolean).join(' – ')) : '';
    const cells = e ? [e.present ? '✓' : '', e.present ? '' : '✓', e.present ? formatAmount(e.hours, i18n.language) : '', e.present ? formatAmount(e.output, i18n.language) : '', note] : ['', '', '', '', ''];
    return { key: r.traineeId, cells: [r.fileNumber, r.fullName, ...cells] };
  });
  const recorded = (data?.rows ?? []).some((r) => r.entry !== null);
  return (
    <PrintFrame
      {...base}
      title={t('reports.sheet.laborTitle')}
      subtitle={data ? `${t('reports.sheet.workshop')}: ${data.workshop.name} · ${t('reports.sheet.instructor')}: ${data.workshop.instructorName} · ${t('reports.sheet.date')}: ${formatDate(date)}` : undefined}
    >
      {isLoading ? <Loader /> : null}
      <ErrorAlert error={error} />
      {data ? (
        <>
          <Source recorded={recorded} empty={rows.length === 0} />
          <SheetTable
            headers={[
              t('reports.sheet.no'),
              t('reports.sheet.fileNumber'),
              t('reports.sheet.fullName'),
              t('reports.sheet.present'),
              t('reports.sheet.absent'),
              t('reports.sheet.hours'),
              t('reports.sheet.output', { unit: data.workshop.unit }),
              t('reports.sheet.note'),
            ]}
            rows={rows}
          />
          <Signatures who={[t('reports.sheet.signInstructor'), t('reports.page.signHead')]} />
        </>
      ) : null}
    </PrintFrame>
  );
}
