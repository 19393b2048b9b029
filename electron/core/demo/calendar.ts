/** Calendar arithmetic on yyyy-MM-dd strings (UTC inside, so no time-zone drift). */
const DAY_MS = 86_400_000;

function toUtc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromUtc(new Date(toUtc(iso).getTime() + days * DAY_MS));
}

/** Same day of the month `months` later, clamped to the month's last day (31/01 + 1 → 28/02). */
export function addMonths(iso: string, months: number): string {
  const d = toUtc(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return toUtc(iso).getUTCDay();
}

export function year(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The workstation-local instant of `iso` at hh:mm (recorded_at follows the facility's clock). */
export function localInstant(iso: string, minutesOfDay: number): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutesOfDay / 60), minutesOfDay % 60, 0, 0);
}
