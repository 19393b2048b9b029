import type Database from 'better-sqlite3';

/**
 * Schema migrations of the log itself, keyed by PRAGMA user_version. Each runs in one
 * transaction. Append new ones at the end; never edit a released one (a test covers each).
 */
export const MIGRATIONS: readonly ((db: Database.Database) => void)[] = [
  // 1: the append-only event log, the triggers that make SQLite refuse to change it,
  //    and the table recording which version of each projection the tables were built with.
  (db) => {
    db.exec(`
      CREATE TABLE events (
        seq          INTEGER PRIMARY KEY,
        stream       TEXT    NOT NULL,
        version      INTEGER NOT NULL CHECK (version >= 1),
        type         TEXT    NOT NULL,
        schema       INTEGER NOT NULL,
        data         TEXT    NOT NULL,
        meta         TEXT    NOT NULL,
        occurred_at  TEXT    NOT NULL,
        recorded_at  TEXT    NOT NULL,
        prev_hash    TEXT    NOT NULL,
        hash         TEXT    NOT NULL,
        UNIQUE (stream, version)
      );
      CREATE INDEX events_type ON events (type);
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
      CREATE TABLE projection_versions (
        name    TEXT PRIMARY KEY,
        version INTEGER NOT NULL
      );
    `);
  },
  // 2: where the chain was last verified, so start-up verifies only what was appended since.
  (db) => {
    db.exec(`
      CREATE TABLE verify_checkpoint (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        seq         INTEGER NOT NULL,
        hash        TEXT    NOT NULL,
        verified_at TEXT    NOT NULL
      );
    `);
  },
  // 3: events by type, kept by SQLite itself as each event is inserted, so statistics need not
  //    count millions of rows on every call (a trigger: one place, same transaction as the insert).
  (db) => {
    db.exec(`
      CREATE TABLE event_counts (
        type TEXT PRIMARY KEY,
        n    INTEGER NOT NULL
      );
      INSERT INTO event_counts (type, n) SELECT type, COUNT(*) FROM events GROUP BY type;
      CREATE TRIGGER events_count AFTER INSERT ON events
        BEGIN INSERT INTO event_counts (type, n) VALUES (NEW.type, 1) ON CONFLICT (type) DO UPDATE SET n = n + 1; END;
    `);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
