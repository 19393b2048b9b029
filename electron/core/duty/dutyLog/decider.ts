import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent } from '../../../../shared/events';
import type { Shift } from '../../../../shared/duty/dutyLog';

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

/** The calendar day before `iso` (yyyy-MM-dd), without local-time surprises. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A shift note is for the shift going on or just ended: today's, or yesterday's (the night shift
 * that began yesterday evening). Older notes would rewrite a handover that already happened.
 */
export function recordShiftNote(cmd: { date: string; shift: Shift; text: string }, noteId: string, today: string): NewEvent<'ShiftNoteRecorded'>[] {
  if (cmd.date > today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (cmd.date < dayBefore(today)) refuse([{ path: 'date', code: 'shiftNoteTooOld' }]);
  return [{ type: 'ShiftNoteRecorded', data: { noteId, date: cmd.date, shift: cmd.shift, text: cmd.text } }];
}
