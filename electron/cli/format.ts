/** Plain-text rendering of handler results for `sen query`: tables for lists, `key  value` lines otherwise. */

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.join(', ');
  return JSON.stringify(v);
}

/** Display width: combining marks (Vietnamese diacritics typed as two code points) take no column. */
function width(s: string): number {
  return [...s.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

/** Rows of objects as an aligned table, columns in the order the first row has them. */
export function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '(none)';
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => columns.map((c) => cell(r[c]).replace(/\s+/g, ' ')));
  const widths = columns.map((c, i) => Math.max(width(c), ...cells.map((row) => width(row[i]!))));
  const line = (values: string[]) => values.map((v, i) => (i === values.length - 1 ? v : pad(v, widths[i]!))).join('  ');
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function flatten(value: Record<string, unknown>, prefix: string, out: [string, string][]): void {
  const entries = Object.entries(value);
  if (entries.length === 0 && prefix) out.push([prefix, '(none)']);
  for (const [k, v] of entries) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) flatten(v, key, out);
    else out.push([key, cell(v)]);
  }
}

function isTable(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.every(isPlainObject);
}

/** A handler's result for a person: lists of records as tables, nested objects as `a.b  value` lines. */
export function readable(value: unknown): string {
  if (isTable(value)) return table(value);
  if (!isPlainObject(value)) return cell(value);
  const parts: string[] = [];
  const scalars: [string, string][] = [];
  for (const [k, v] of Object.entries(value)) {
    if (isTable(v) && v.length > 0) parts.push(`${k}:\n${table(v)}`);
    else if (isPlainObject(v)) flatten(v, k, scalars);
    else scalars.push([k, cell(v)]);
  }
  if (scalars.length > 0) {
    const w = Math.max(...scalars.map(([k]) => width(k)));
    parts.unshift(scalars.map(([k, v]) => `${pad(k, w)}  ${v}`).join('\n'));
  }
  return parts.join('\n\n');
}
