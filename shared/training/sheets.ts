import type { z } from 'zod';

/**
 * A whole-group sheet (attendance, the labor sheet) lists each trainee once: a second row for the
 * same trainee is refused on that row, so the screen can point at it.
 */
export function refuseRepeatedTrainees(v: { rows: readonly { traineeId: string }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  v.rows.forEach((r, i) => {
    if (seen.has(r.traineeId)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'traineeId'], message: 'duplicateTrainee' });
    seen.add(r.traineeId);
  });
}
