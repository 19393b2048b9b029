import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/dates';
import type { PrintTarget } from '../../../../shared/reports';
import { navigate, type Route } from '../../../app/navigation';
import { useAppDispatch } from '../../../app/store';
import { notifyError, notifySuccess } from '../../../components/feedback';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useRecordPrintMutation } from '../api';
import { MonthlyReportPrint } from './MonthlyReportPrint';
import { AttendanceSheetPrint, LaborSheetPrint } from './SheetPrint';
import { TraineePrint } from './TraineePrint';
import type { PrintFrameProps } from './PrintFrame';

/** What each document needs from the view: the frame's shared parts, ready to spread. */
export type FrameBase = Pick<PrintFrameProps, 'facilityName' | 'today' | 'toolbar'>;

/** The file name offered in the save dialog, e.g. "bao-cao-thang-2026-10.pdf". */
function fileNameFor(target: PrintTarget, name: string | null): string {
  const slug = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
  if (target.document === 'monthly_report') return `bao-cao-thang-${target.month}.pdf`;
  if (target.document === 'attendance_sheet') return `diem-danh-${slug(name ?? 'lop') || 'lop'}-${target.date}.pdf`;
  if (target.document === 'labor_sheet') return `cham-cong-${slug(name ?? 'xuong') || 'xuong'}-${target.date}.pdf`;
  return `${target.document === 'release_summary' ? 'ra-co-so' : 'ho-so'}-${slug(name ?? 'hoc-vien') || 'hoc-vien'}.pdf`;
}

/**
 * A printable page alone on the screen (no app frame), with Back and Print above it. In the app,
 * Print asks main for a PDF (save dialog; main records the print first); in the browser preview
 * the page records the print itself, then opens the browser's print dialog.
 */
export function PrintView({ target, back, facilityName }: { target: PrintTarget; back: Route; facilityName: string }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [recordPrint] = useRecordPrintMutation();
  const [busy, setBusy] = useState(false);
  const [subject, setSubject] = useState<string | null>(null);

  const onPrint = async () => {
    setBusy(true);
    try {
      const bridge = window.sen;
      if (bridge?.printToPdf) {
        const r = await bridge.printToPdf({ target, fileName: fileNameFor(target, subject) });
        if (!r.ok) notifyError(r.error);
        else if (r.value) {
          const { path } = r.value;
          notifySuccess((tr) => tr('reports.printed', { path }));
        }
        return;
      }
      const r = await recordPrint(target);
      if ('error' in r) notifyError(r.error);
      else window.print();
    } finally {
      setBusy(false);
    }
  };

  const toolbar = (
    <Group justify="space-between">
      <Button variant="default" onClick={() => dispatch(navigate(back))} data-testid="print-back">
        ← {t('reports.back')}
      </Button>
      <Group gap="sm">
        <LanguageSwitch />
        <Button onClick={() => void onPrint()} loading={busy} data-testid="print-pdf">
          {t('reports.print')}
        </Button>
      </Group>
    </Group>
  );
  const base: FrameBase = { facilityName, today: todayIso(), toolbar };
  switch (target.document) {
    case 'monthly_report':
      return <MonthlyReportPrint month={target.month} base={base} />;
    case 'attendance_sheet':
      return <AttendanceSheetPrint classId={target.classId} date={target.date} base={base} />;
    case 'labor_sheet':
      return <LaborSheetPrint workshopId={target.workshopId} date={target.date} base={base} />;
    default:
      return <TraineePrint traineeId={target.traineeId} release={target.document === 'release_summary'} base={base} onSubject={setSubject} />;
  }
}
