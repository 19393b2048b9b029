import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRecordExportMutation } from '../features/access/api';
import { notifyError } from './feedback';
import { csvFileName, csvText, saveCsv, type CsvColumn } from './csvExport';

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
