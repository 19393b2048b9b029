import type { TFunction } from 'i18next';
import type { SessionUser } from '../../../../shared/accounts';
import type { ClassSummary } from '../../../../shared/training/classes';

/** "My classes": those a teacher teaches; the admin (or anyone not a teacher) sees all. */
export function classesFor(user: SessionUser): { teacherId?: string } {
  return user.roles.includes('teacher') && !user.roles.includes('admin') ? { teacherId: user.id } : {};
}

const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The short name of an ISO weekday (1 = Monday): "T2" / "Mon". */
export function weekdayLabel(t: TFunction, day: number): string {
  return t(`classes.weekdays.${DAY_KEYS[(day + 6) % 7]!}`);
}

/** "T2, T4, T6 · 08:00–10:00" */
export function scheduleLabel(t: TFunction, c: Pick<ClassSummary, 'weekdays' | 'startTime' | 'endTime'>): string {
  return `${c.weekdays.map((d) => weekdayLabel(t, d)).join(', ')} · ${c.startTime}–${c.endTime}`;
}

/** A rate 0..1 as a whole percentage, or a dash before the first session. */
export function rateLabel(t: TFunction, rate: number | null): string {
  return rate === null ? t('classes.rateUnknown') : `${Math.round(rate * 100)}%`;
}
