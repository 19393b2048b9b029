/**
 * CSV as the facility's spreadsheets read and write it (RFC 4180): pure functions used by the
 * renderer (export, reading an import file) and the core (`sen import-roster`).
 *
 * Written: UTF-8 with a byte-order mark (without it Excel reads the file as the local ANSI code
 * page and Vietnamese letters come out garbled), CRLF line ends, every field that holds the
 * separator, a quote, a line break or leading/trailing spaces quoted, quotes doubled.
 * Read: with or without the mark, comma or semicolon (Vietnamese Excel writes `;`), CRLF or LF,
 * quoted fields spanning lines.
 */
export const BOM = '\uFEFF';
export const CSV_MIME = 'text/csv;charset=utf-8';

export type CsvCell = string | number | boolean | null | undefined;

function quote(cell: CsvCell): string {
  const s = cell === null || cell === undefined ? '' : String(cell);
  return /[",;\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The file's text: mark, header line, one line per row, each line ended by CRLF. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [headers, ...rows].map((r) => `${r.map(quote).join(',')}\r\n`).join('');
}

export type CsvSeparator = ',' | ';';

export interface ParsedCsv {
  separator: CsvSeparator;
  /** Every record, the header first; blank lines dropped. */
  records: string[][];
}

/** The separator of the first line: whichever of `,` and `;` occurs more outside quotes (`,` on a tie). */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(input: string): ParsedCsv {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const separator = detectSeparator(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      record.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else field += ch;
    i += 1;
  }
  if (field !== '' || record.length > 0) endRecord();
  return { separator, records };
}
