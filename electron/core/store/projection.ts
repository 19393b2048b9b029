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
}
