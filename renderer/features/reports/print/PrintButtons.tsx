import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrintTarget } from '../../../../shared/reports';
import { navigate } from '../../../app/navigation';
import { useAppDispatch, useAppSelector } from '../../../app/store';

/** On a trainee's page: the printable summary (anyone who may read the trainee) and, once released, the release summary. */
export function PrintButtons({ traineeId, released }: { traineeId: string; released: boolean }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const back = useAppSelector((s) => s.navigation.route);
  return (
    <>
      <Button variant="default" onClick={() => dispatch(navigate({ name: 'print', target: { document: 'trainee_summary', traineeId }, back }))} data-testid="print-trainee-summary">
        {t('reports.page.summaryButton')}
      </Button>
      {released ? (
        <Button variant="default" onClick={() => dispatch(navigate({ name: 'print', target: { document: 'release_summary', traineeId }, back }))} data-testid="print-release-summary">
          {t('reports.page.releaseButton')}
        </Button>
      ) : null}
    </>
  );
}

/** On a class's or a workshop's sheet: the day's printable sheet (as recorded, or blank to fill in by hand). */
export function PrintSheetButton({ target }: { target: Extract<PrintTarget, { document: 'attendance_sheet' | 'labor_sheet' }> }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const back = useAppSelector((s) => s.navigation.route);
  return (
    <Button variant="default" onClick={() => dispatch(navigate({ name: 'print', target, back }))} data-testid="print-sheet">
      {t('reports.sheet.print')}
    </Button>
  );
}
