/**
 * Dates cross the bridge and live in events as ISO calendar dates (yyyy-MM-dd) or ISO instants;
 * people see and type dd/MM/yyyy. Pure functions, no time zone surprises: calendar dates are
 * handled as strings, never through a local-time Date.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DISPLAY_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days && y >= 1900 && y <= 2200;
}

/** "05/03/1990" -> "1990-03-05"; null if it is not a real date. */
export function parseDisplayDate(s: string): string | null {
  const m = DISPLAY_DATE.exec(s.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** "1990-03-05" -> "05/03/1990"; an ISO instant shows its local calendar date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return iso;
  if (iso.length > 10) {
    const d = new Date(iso);
    return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
  }
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** An ISO instant as dd/MM/yyyy HH:mm in local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Today's calendar date in local time, as yyyy-MM-dd. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
