import type { Projection } from '../store/projection';

/**
 * The access log as a table, one row per AccessRecorded (never voided: a record of access is not
 * a mistake to take back). Indexed for each filter of access.list; the primary key is the seq, so
 * every index is also in seq order and "newest first" needs no sort.
 */
export const accessLogProjection: Projection = {
  name: 'access_log',
  version: 1,
  tables: ['access_log'],
  schemaSql: `CREATE TABLE access_log (
    seq         INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    actor_id    TEXT,
    kind        TEXT NOT NULL,
    trainee_id  TEXT,
    detail      TEXT NOT NULL
  );
  CREATE INDEX access_log_recorded ON access_log (recorded_at);
  CREATE INDEX access_log_actor ON access_log (actor_id);
  CREATE INDEX access_log_kind ON access_log (kind);
  CREATE INDEX access_log_trainee ON access_log (trainee_id);`,
  bind(db) {
    const insert = db.prepare('INSERT INTO access_log (seq, recorded_at, actor_id, kind, trainee_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
    return (e) => {
      if (e.type !== 'AccessRecorded') return;
      insert.run(e.seq, e.recordedAt, e.meta.actor, e.data.kind, e.data.traineeId, e.data.detail);
    };
  },
};
