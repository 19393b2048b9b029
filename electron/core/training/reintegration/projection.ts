import type { Projection } from '../../store/projection';

/** Counselling sessions (one row each; a void replays the trainee's stream) and the settings. */
export const reintegrationProjection: Projection = {
  name: 'training_reintegration',
  version: 1,
  tables: ['counselling_sessions', 'reintegration_settings'],
  schemaSql: `CREATE TABLE counselling_sessions (
    session_id     TEXT PRIMARY KEY,
    trainee_id     TEXT NOT NULL,
    kind           TEXT NOT NULL,
    date           TEXT NOT NULL,
    counsellor_id  TEXT NOT NULL,
    topics         TEXT NOT NULL,
    notes          TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    referral_to    TEXT NOT NULL,
    follow_up_date TEXT,
    seq            INTEGER NOT NULL
  );
  CREATE INDEX counselling_sessions_trainee ON counselling_sessions (trainee_id, date, seq);
  CREATE TABLE reintegration_settings (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    settings TEXT NOT NULL,
    seq      INTEGER NOT NULL
  );`,
  bind(db) {
    const session = db.prepare(
      `INSERT INTO counselling_sessions (session_id, trainee_id, kind, date, counsellor_id, topics, notes, outcome, referral_to, follow_up_date, seq)
       VALUES (@sessionId, @traineeId, @kind, @date, @counsellorId, @topics, @notes, @outcome, @referralTo, @followUpDate, @seq)`,
    );
    const settings = db.prepare('INSERT INTO reintegration_settings (id, settings, seq) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, seq = excluded.seq');
    return (e) => {
      switch (e.type) {
        case 'CounsellingSessionRecorded':
          session.run({ ...e.data, seq: e.seq });
          break;
        case 'ReintegrationSettingsChanged':
          settings.run(JSON.stringify(e.data), e.seq);
          break;
        default:
          break;
      }
    };
  },
  resetStream(db) {
    const forget = db.prepare('DELETE FROM counselling_sessions WHERE trainee_id = ?');
    return (stream) => {
      if (stream.startsWith('reintegration:')) forget.run(stream.slice('reintegration:'.length));
    };
  },
};
