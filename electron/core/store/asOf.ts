import Database from 'better-sqlite3';
import type { StoredEvent } from '../../../shared/events';
import type { EventStore } from './eventStore';
import type { Projection } from './projection';

/**
 * "As of" a past calendar date: the projection tables rebuilt in a scratch in-memory database from
 * the events RECORDED (recorded_at) before the next local midnight after that date, through the
 * same Projection objects the live tables use, so every query runs unchanged on it.
 *
 * A scratch database also holds `as_of_event_counts (type, n)`: the events it was built from, by
 * type (the live database counts its `events` table instead; see `isAsOfView`).
 *
 * The last few views are kept. Each remembers the head seq it has read up to; after new appends
 * it reads only the new events and applies those recorded before its cut-off (normally none; a
 * clock set back can make some), so a repeated call is instant and a new append is never missed.
 * Voids count from when they were recorded; one inside the cut-off makes the view be rebuilt.
 */

/** ISO instant of the local midnight that ends `date` (yyyy-MM-dd): events recorded before it count. */
export function recordedBeforeFor(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1, 0, 0, 0, 0).toISOString();
}

interface View {
  date: string;
  recordedBefore: string;
  db: Database.Database;
  appliers: ((e: StoredEvent) => void)[];
  countType: Database.Statement<[string]>;
  /** Highest seq of the log this view has read (applied or skipped). */
  readUpTo: number;
}

const views = new WeakSet<Database.Database>();

/** Whether `db` is a scratch "as of" database (rather than the live one). */
export function isAsOfView(db: Database.Database): boolean {
  return views.has(db);
}

export class AsOfViews {
  private readonly cache: View[] = [];
  /** Full replays done (views built): for tests and the benchmark. */
  builds = 0;

  constructor(
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
    private readonly capacity = 4,
  ) {}

  /**
   * The database to answer from: the live one when `asOf` is absent or not before `today`,
   * otherwise the scratch database as of the end of that day.
   */
  view(asOf: string | undefined, today: string): Database.Database {
    if (asOf === undefined || asOf >= today) return this.store.db;
    return this.get(asOf).db;
  }

  /** The recorded_at cut-off for `asOf`, or null when the live log answers. */
  recordedBefore(asOf: string | undefined, today: string): string | null {
    if (asOf === undefined || asOf >= today) return null;
    return recordedBeforeFor(asOf);
  }

  close(): void {
    for (const v of this.cache.splice(0)) v.db.close();
  }

  private get(date: string): View {
    const head = this.store.headAnchor().seq;
    const index = this.cache.findIndex((v) => v.date === date);
    let view = index >= 0 ? this.cache.splice(index, 1)[0]! : null;
    if (view && view.readUpTo < head && !this.catchUp(view)) {
      view.db.close();
      view = null;
    }
    if (!view) {
      view = this.build(date);
      while (this.cache.length >= this.capacity) this.cache.pop()!.db.close();
    }
    this.cache.unshift(view);
    return view;
  }

  /** A new scratch database with every event recorded before the cut-off, less the voided ones. */
  private build(date: string): View {
    this.builds += 1;
    const recordedBefore = recordedBeforeFor(date);
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE as_of_event_counts (type TEXT PRIMARY KEY, n INTEGER NOT NULL)');
      for (const p of this.projections) db.exec(p.schemaSql);
      const view: View = {
        date,
        recordedBefore,
        db,
        appliers: this.projections.map((p) => p.bind(db)),
        countType: db.prepare('INSERT INTO as_of_event_counts (type, n) VALUES (?, 1) ON CONFLICT (type) DO UPDATE SET n = n + 1'),
        readUpTo: 0,
      };
      // A void counts from when it was recorded: one recorded after the cut-off does not apply.
      const voided = new Set(
        this.store.db
          .prepare<[string], { seq: number }>("SELECT json_extract(data, '$.seq') AS seq FROM events WHERE type = 'EventVoided' AND recorded_at < ?")
          .all(recordedBefore)
          .map((r) => r.seq),
      );
      db.transaction(() => {
        for (const e of this.store.readAll()) {
          view.readUpTo = e.seq;
          if (e.recordedAt >= recordedBefore) continue;
          view.countType.run(e.type);
          if (!voided.has(e.seq)) for (const apply of view.appliers) apply(e);
        }
      })();
      views.add(db);
      return view;
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /**
   * Apply, in seq order, the events after `readUpTo` recorded before the view's cut-off (after the
   * view was built they are normally none: new events are recorded now). False when one of them is
   * a void, which changes earlier rows: the caller builds the view again.
   */
  private catchUp(view: View): boolean {
    let ok = true;
    view.db.transaction(() => {
      for (const e of this.store.readAll(view.readUpTo)) {
        if (e.recordedAt < view.recordedBefore) {
          if ((e.type as string) === 'EventVoided') {
            ok = false;
            return;
          }
          view.countType.run(e.type);
          for (const apply of view.appliers) apply(e);
        }
        view.readUpTo = e.seq;
      }
    })();
    return ok;
  }
}
