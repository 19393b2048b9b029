import type { TFunction } from 'i18next';
import { formatDate } from '../../../../shared/dates';
import { DEFAULT_VIOLATION_TYPES } from '../../../../shared/duty/conduct';
import type { DutyLogLine } from '../../../../shared/duty/dutyLog';
import { KEEP_APART_LEVELS } from '../../../../shared/duty/keepApart';
import { RATINGS, REWARD_KINDS } from '../../../../shared/duty/recognition';
import { label } from '../../trainees/format';
import { measureLabel } from '../conduct/labels';
import { formatMonth } from '../recognition/month';

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

/** Days from start to end, both included (calendar dates, no time zone). */
function days(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The details after the event type's label, e.g. "phòng A3 (Nhà A), giường 4 — lý do: …"; '' when none. */
function detailText(t: TFunction, l: DutyLogLine): string {
  const d = l.details;
  const place = (room: string | undefined, bed: number | undefined) => t('dutyLog.details.place', { room: room ?? '', bed: bed ?? '' });
  const reason = d.reason ? t('dutyLog.details.reason', { reason: d.reason }) : '';
  const override = d.overrideReason ? `(${t('dutyLog.details.override', { reason: d.overrideReason })})` : '';
  const parts = (main: string, ...rest: string[]) => [main, ...rest].filter(Boolean).join(' — ');
  switch (l.type) {
    case 'BedAssigned':
      return `${place(d.room, d.bed)} ${override}`.trim();
    case 'BedMoved':
      return parts(`${place(d.room, d.bed)} → ${place(d.toRoom, d.toBed)} ${override}`.trim(), reason);
    case 'BedVacated':
    case 'HeadcountMismatchResolved':
      return parts(d.bed === undefined ? t('dutyLog.details.room', { room: d.room ?? '' }) : place(d.room, d.bed), reason);
    case 'ViolationRecorded': {
      const type = oneOf(DEFAULT_VIOLATION_TYPES, d.violationType) ? t(`conduct.types.${d.violationType}`) : (d.violationType ?? '');
      return parts(type, d.place ? t('dutyLog.details.at', { place: d.place }) : '');
    }
    case 'MeasureImposed': {
      const kind = measureLabel(t, d.kind);
      if (!d.start) return kind;
      if (!d.end) return `${kind} (${t('dutyLog.details.from', { date: formatDate(d.start) })})`;
      return `${kind} (${t('dutyLog.details.span', { count: days(d.start, d.end), start: formatDate(d.start), end: formatDate(d.end) })})`;
    }
    case 'MeasureSuspended':
      return d.until ? t('dutyLog.details.until', { date: formatDate(d.until) }) : '';
    case 'RewardGranted':
      return parts(oneOf(REWARD_KINDS, d.kind) ? t(`recognition.kinds.${d.kind}`) : '', reason);
    case 'MonthlyRated':
      return oneOf(RATINGS, d.rating) ? parts(formatMonth(d.month ?? ''), t(`recognition.ratings.${d.rating}`)) : '';
    case 'KeepApartSet':
    case 'KeepApartEnded':
      return d.pair ? `${d.pair[0]} ↔ ${d.pair[1]}${oneOf(KEEP_APART_LEVELS, d.level) ? ` (${t(`keepApart.levels.${d.level}`).toLowerCase()})` : ''}` : '';
    case 'HeadcountRecorded':
      return (d.rooms ?? [])
        .map((r) => {
          const off = r.counted - r.expected;
          const count = t('dutyLog.details.headcountRoom', { room: r.room, counted: r.counted, expected: r.expected });
          return off === 0 ? count : `${count}, ${t('dutyLog.details.off', { n: Math.abs(off) })}`;
        })
        .join('; ');
    default:
      return '';
  }
}

/** A line of the duty log in the user's language: what happened, then its key details. */
export function lineText(t: TFunction, l: DutyLogLine): string {
  if (l.voidedType) return t('dutyLog.voided', { type: label.eventType(t, l.voidedType) });
  const what = label.eventType(t, l.type);
  const detail = detailText(t, l);
  return detail ? `${what}: ${detail}` : what;
}
