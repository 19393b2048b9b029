import type Database from 'better-sqlite3';
import { DEFAULT_IDLE_LOCK_MINUTES, type Stats } from '../../../shared/api';
import { isAsOfView } from '../store/asOf';
import type { HandlerMap } from '../context';
import { SenError } from '../../../shared/errors';
import { streams } from '../../../shared/events';

/** Statistics of the live database, or of an "as of" view (which counts the events it was built from). */
export function stats(db: Database.Database): Stats {
  const byType = db
    .prepare<[], { type: string; n: number }>(
      isAsOfView(db) ? 'SELECT type, n FROM as_of_event_counts ORDER BY type' : 'SELECT type, n FROM event_counts ORDER BY type',
    )
    .all();
  const byStatus = db.prepare<[], { status: string; n: number }>('SELECT status, COUNT(*) AS n FROM trainees GROUP BY status ORDER BY status').all();
  return {
    totalEvents: byType.reduce((s, r) => s + r.n, 0),
    eventsByType: Object.fromEntries(byType.map((r) => [r.type, r.n])),
    traineesByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
  };
}

export const systemHandlers: HandlerMap<'system.status' | 'system.stats' | 'system.verify' | 'system.acknowledgeChainBreak' | 'system.setIdleLock'> = {
  'system.status': (ctx) => {
    const row = ctx.store.db.prepare<[], { name: string; idle_lock_minutes: number }>('SELECT name, idle_lock_minutes FROM facility WHERE id = 1').get();
    return {
      setUp: row !== undefined,
      facilityName: row?.name ?? null,
      user: ctx.user,
      integrity: ctx.user && !ctx.user.locked ? ctx.integrity.status() : null,
      idleLockMinutes: row?.idle_lock_minutes ?? DEFAULT_IDLE_LOCK_MINUTES,
      startup: ctx.startup(),
    };
  },
  'system.setIdleLock': (ctx, input) => {
    ctx.store.append(streams.facility, 'any', [{ type: 'IdleLockChanged', data: { minutes: input.minutes } }], ctx.meta());
    return { minutes: input.minutes };
  },
  'system.stats': (ctx, input) => stats(ctx.view(input.asOf)),
  'system.verify': async (ctx) => {
    const report = await ctx.integrity.verifyFully();
    if (!report) throw new SenError('INTERNAL', 'Sen is closing; the verification was stopped.');
    return report;
  },
  'system.acknowledgeChainBreak': (ctx, input) => {
    const breaks = ctx.integrity.unacknowledged();
    if (breaks.length === 0) throw new SenError('NOTHING_TO_ACKNOWLEDGE', 'The chain has no unacknowledged break.');
    const [stored] = ctx.store.append(streams.integrity, 'any', [{ type: 'ChainBreakAcknowledged', data: { breaks, note: input.note } }], ctx.meta(input.note || undefined));
    ctx.integrity.acknowledged();
    return { seq: stored!.seq };
  },
};
