import type { Stats } from '../../../shared/api';
import type { EventStore } from '../store/eventStore';
import type { HandlerMap } from '../context';

export function stats(store: EventStore): Stats {
  const byType = store.db.prepare<[], { type: string; n: number }>('SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY type').all();
  const byStatus = store.db.prepare<[], { status: string; n: number }>('SELECT status, COUNT(*) AS n FROM trainees GROUP BY status ORDER BY status').all();
  return {
    totalEvents: byType.reduce((s, r) => s + r.n, 0),
    eventsByType: Object.fromEntries(byType.map((r) => [r.type, r.n])),
    traineesByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
  };
}

export const systemHandlers: HandlerMap<'system.status' | 'system.stats' | 'system.verify'> = {
  'system.status': (ctx) => {
    const row = ctx.store.db.prepare<[], { name: string }>('SELECT name FROM facility WHERE id = 1').get();
    return { setUp: row !== undefined, facilityName: row?.name ?? null, user: ctx.user };
  },
  'system.stats': (ctx) => stats(ctx.store),
  'system.verify': (ctx) => ctx.store.verify(),
};
