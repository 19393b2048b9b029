import { CSV_MIME, toCsv, type CsvCell } from '../../shared/csv';
import { todayIso } from '../../shared/dates';

/**
 * One column of a CSV export: its header (in the user's language) and how to read a row's cell
 * (dates through formatDate, so dd/MM/yyyy; labels through the catalog, as on screen).
 */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
}

/** The file's text: exactly the rows and columns given, nothing fetched. */
export function csvText<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return toCsv(
    columns.map((c) => c.header),
    rows.map((r) => columns.map((c) => c.value(r))),
  );
}

/** "danh-sach-hoc-vien" -> "danh-sach-hoc-vien-2026-12-03.csv": sorts by date in a folder. */
export function csvFileName(base: string, today: string = todayIso()): string {
  return `${base}-${today}.csv`;
}

/**
 * Hand the file to the browser as a download: in Electron, main shows the save dialog (only
 * blob: downloads of Sen's own page are allowed, see electron/main/security.ts); in the preview,
 * the browser saves it (Playwright catches it).
 */
export function saveCsv(fileName: string, text: string): void {
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
