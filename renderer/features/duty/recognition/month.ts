import { MONTH_RE } from '../../../../shared/duty/recognition';

/** Months are `yyyy-MM` in data and `mm/yyyy` on screen. */
export function formatMonth(month: string): string {
  return MONTH_RE.test(month) ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : month;
}

/** `m/yyyy` or `mm/yyyy` → `yyyy-MM`, or null. */
export function parseMonth(s: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(s);
  if (!m) return null;
  const iso = `${m[2]}-${m[1]!.padStart(2, '0')}`;
  return MONTH_RE.test(iso) ? iso : null;
}

export function shiftMonth(month: string, delta: number): string {
  const [y, mm] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + mm - 1 + delta;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}
