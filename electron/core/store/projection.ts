import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../../shared/events';

/**
 * A projection turns events into tables. It owns its tables (created by `schemaSql`, dropped on
 * rebuild) and declares a version: a changed version is rebuilt from the log when the store opens.
 */
export interface Projection {
  name: string;
  version: number;
  /** Tables (and their indexes) this projection owns. */
  tables: readonly string[];
  schemaSql: string;
  /** Prepare statements once for this connection and return the per-event handler. */
  bind(db: Database.Database): (event: StoredEvent) => void;
  /**
   * For projections whose rows belong to one stream: forget that stream's rows, so the store can
   * replay the stream's events still in force after a void. Projections without it are not
   * touched by voids (none of their event types can be voided).
   */
  resetStream?(db: Database.Database): (stream: string) => void;
}
