import type { HandlerMap } from '../context';
import { SenError } from '../../../shared/errors';
import { monthBounds, REPORT_HANDLERS, type MonthlyReport } from '../../../shared/reports';
import { recordAccess } from '../access/record';
import { attendanceSheet } from '../training/classes/queries';
import { laborSheet } from '../training/labor/queries';
import { recordedBeforeFor } from '../store/asOf';
import { computeSections } from './sections';

/** Local midnight starting `date` (yyyy-MM-dd), as an ISO instant. */
function startOfDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

export const reportHandlers: HandlerMap<keyof typeof REPORT_HANDLERS> = {
  /**
   * A past month reads the projection tables as the log stood at the end of its last day (the
   * as-of machinery); the current month reads the live tables up to today.
   */
  'reports.monthly': (ctx, input): MonthlyReport => {
    const { first, last } = monthBounds(input.month);
    const today = ctx.today();
    if (first > today) throw new SenError('VALIDATION', 'month: monthInFuture', [{ path: 'month', code: 'monthInFuture' }]);
    const past = last < today;
    const to = past ? last : today;
    const db = ctx.view(past ? last : undefined);
    const cutoff = ctx.recordedBefore(past ? last : undefined);
    const anchor =
      cutoff === null
        ? ctx.store.headAnchor()
        : (ctx.store.db.prepare('SELECT seq, hash FROM events WHERE recorded_at < ? ORDER BY seq DESC LIMIT 1').get(cutoff) as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: '' };
    const facility = db.prepare('SELECT name FROM facility WHERE id = 1').pluck().get() as string | undefined;
    return {
      month: input.month,
      from: first,
      to,
      facilityName: facility ?? '',
      anchor: { seq: anchor.seq, hash: anchor.hash },
      generatedAt: ctx.now().toISOString(),
      sections: computeSections(db, { from: first, to, fromInstant: startOfDay(first), toInstant: recordedBeforeFor(to) }),
    };
  },
  'reports.recordPrint': (ctx, input) => {
    if (input.document === 'monthly_report') {
      if (!ctx.may('reports.read')) throw new SenError('FORBIDDEN', 'Only an administrator may print the monthly report.');
      return { seq: recordAccess(ctx, 'print', null, `monthly_report ${input.month}`).seq };
    }
    // The sheets: the permission of the screen they print, and the class or workshop must exist.
    if (input.document === 'attendance_sheet') {
      if (!ctx.may('literacy.read')) throw new SenError('FORBIDDEN', 'Only a teacher or an administrator may print an attendance sheet.');
      attendanceSheet(ctx.store.db, input.classId, input.date, ctx.today());
      return { seq: recordAccess(ctx, 'print', null, `attendance_sheet ${input.classId} ${input.date}`).seq };
    }
    if (input.document === 'labor_sheet') {
      if (!ctx.may('labor.read')) throw new SenError('FORBIDDEN', 'Only an instructor or an administrator may print a labor sheet.');
      laborSheet(ctx.store.db, input.workshopId, input.date);
      return { seq: recordAccess(ctx, 'print', null, `labor_sheet ${input.workshopId} ${input.date}`).seq };
    }
    const exists = ctx.store.db.prepare('SELECT 1 FROM trainees WHERE id = ?').get(input.traineeId);
    if (!exists) throw new SenError('NOT_FOUND', 'No such trainee.');
    return { seq: recordAccess(ctx, 'print', input.traineeId, input.document).seq };
  },
};
