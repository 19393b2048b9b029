import { SCREENING_TESTS } from '../../../../shared/medical/common';
import { isPositive, testsOf } from '../../../../shared/medical/screening';
import type { Projection } from '../../store/projection';

/**
 * Screening sessions (the record page's history) and one row per test result (the latest result
 * per test and the dashboard's due lists read these, through the (trainee, test, date) index).
 * Rows belong to the stream `medical:<traineeId>`: a void replays that stream without the session.
 */
export const screeningProjection: Projection = {
  name: 'screening',
  version: 1,
  tables: ['screening_sessions', 'screening_results'],
  schemaSql: `CREATE TABLE screening_sessions (
    seq         INTEGER PRIMARY KEY,
    session_id  TEXT NOT NULL UNIQUE,
    trainee_id  TEXT NOT NULL,
    date        TEXT NOT NULL,
    results     TEXT NOT NULL,
    note        TEXT NOT NULL,
    actor       TEXT,
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX screening_sessions_trainee ON screening_sessions (trainee_id, date);
  CREATE TABLE screening_results (
    trainee_id TEXT NOT NULL,
    test       TEXT NOT NULL,
    date       TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    positive   INTEGER,
    PRIMARY KEY (seq, test)
  );
  CREATE INDEX screening_results_latest ON screening_results (trainee_id, test, date);`,
  bind(db) {
    const session = db.prepare(
      `INSERT INTO screening_sessions (seq, session_id, trainee_id, date, results, note, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const result = db.prepare('INSERT INTO screening_results (trainee_id, test, date, seq, positive) VALUES (?, ?, ?, ?, ?)');
    return (e) => {
      if (e.type !== 'ScreeningRecorded') return;
      const d = e.data;
      // Stored in SCREENING_TESTS order so the JSON (and a rebuild of it) does not depend on key order.
      const ordered = Object.fromEntries(SCREENING_TESTS.filter((t) => d.results[t] !== undefined).map((t) => [t, d.results[t]]));
      session.run(e.seq, d.sessionId, d.traineeId, d.date, JSON.stringify(ordered), d.note, e.meta.actor, e.recordedAt);
      for (const test of testsOf(d.results)) {
        const positive = isPositive(d.results, test);
        result.run(d.traineeId, test, d.date, e.seq, positive === null ? null : positive ? 1 : 0);
      }
    };
  },
  resetStream(db) {
    const sessions = db.prepare('DELETE FROM screening_sessions WHERE trainee_id = ?');
    const results = db.prepare('DELETE FROM screening_results WHERE trainee_id = ?');
    return (stream) => {
      if (!stream.startsWith('medical:')) return;
      const id = stream.slice('medical:'.length);
      sessions.run(id);
      results.run(id);
    };
  },
};
