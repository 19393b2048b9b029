import { toCsv, type CsvCell } from '../../shared/csv';
import { todayIso } from '../../shared/dates';

// Pure (no DOM): tests of the core build export files with it too. Saving is in CsvExportButton.

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
