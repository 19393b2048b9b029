import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRecordExportMutation } from '../features/access/api';
import { notifyError } from './feedback';
import { CSV_MIME } from '../../shared/csv';
import { csvFileName, csvText, type CsvColumn } from './csvExport';

/**
 * Hand the file to the browser as a download: in Electron, main shows the save dialog (only
 * blob: downloads of Sen's own page are allowed, see electron/main/security.ts); in the preview,
 * the browser saves it (Playwright catches it).
 */
function saveCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: CSV_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the data by the time the click returns; free it on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * "Export CSV" for any list: the rows the screen already holds (what the core gave this person,
 * so the role's filtering holds), with these columns, saved as `<fileName>-<today>.csv`.
 * Personal data (the default) is written to the access log first; if that fails, nothing is saved.
 */
export function CsvExportButton<T>({
  fileName,
  columns,
  rows,
  personal = true,
  testId = 'csv-export',
}: {
  fileName: string;
  columns: readonly CsvColumn<T>[];
  rows: readonly T[] | undefined;
  personal?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [recordExport, { isLoading }] = useRecordExportMutation();
  const onClick = async () => {
    if (!rows) return;
    const name = csvFileName(fileName);
    if (personal) {
      const logged = await recordExport({ detail: `${name}: ${rows.length}` });
      if ('error' in logged) {
        notifyError(logged.error);
        return;
      }
    }
    saveCsv(name, csvText(columns, rows));
  };
  return (
    <Button variant="default" size="xs" title={t('csv.exportTitle')} disabled={!rows} loading={isLoading} onClick={() => void onClick()} data-testid={testId}>
      {t('csv.export')}
    </Button>
  );
}
