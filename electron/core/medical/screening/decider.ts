import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent } from '../../../../shared/events';
import type { RecordScreeningInput } from '../../../../shared/medical/screening';
import { testsOf } from '../../../../shared/medical/screening';
import type { MedicalSettings } from '../../../../shared/medical/common';

/**
 * Screening decisions. Pure: the clock comes in as `today`, the trainee's admission and release
 * from the roster. A session is refused whole, with the field that is wrong, and writes nothing.
 */
export interface ScreeningTrainee {
  admissionDate: string;
  releaseDate: string | null;
}

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

export function recordScreening(
  input: RecordScreeningInput,
  ctx: { today: string; sessionId: string; trainee: ScreeningTrainee | null },
): NewEvent<'ScreeningRecorded'>[] {
  if (!ctx.trainee) throw new SenError('NOT_FOUND', 'No such trainee.');
  // The schema already refuses an empty session; kept here so the rule holds for any caller.
  if (testsOf(input.results).length === 0) refuse([{ path: 'results', code: 'nothingToRecord' }]);
  if (input.date > ctx.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (input.date < ctx.trainee.admissionDate) refuse([{ path: 'date', code: 'screeningBeforeAdmission' }]);
  if (ctx.trainee.releaseDate !== null && input.date > ctx.trainee.releaseDate) refuse([{ path: 'date', code: 'screeningAfterRelease' }]);
  return [
    {
      type: 'ScreeningRecorded',
      data: { traineeId: input.traineeId, sessionId: ctx.sessionId, date: input.date, results: input.results, note: input.note },
      occurredAt: input.date,
    },
  ];
}

/** A settings change, refused when nothing differs from the settings in force. */
export function changeSettings(current: MedicalSettings, next: MedicalSettings): NewEvent<'MedicalSettingsChanged'>[] {
  if (JSON.stringify(canonical(current)) === JSON.stringify(canonical(next))) {
    throw new SenError('NOTHING_CHANGED', 'The medical settings are already these.');
  }
  return [{ type: 'MedicalSettingsChanged', data: next }];
}

/** Key order must not make equal settings look different. */
function canonical(s: MedicalSettings): unknown {
  const sort = (o: object): unknown => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, typeof v === 'object' && v !== null ? sort(v as object) : v]));
  return sort(s);
}

/** `iso` plus `days` calendar days (UTC arithmetic on a calendar date: no time zone involved). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
