import type Database from 'better-sqlite3';
import type { Projection } from '../../store/projection';

/**
 * Flags, restrictions and referrals, one row each (reasons included: medical tables, read only by
 * medical queries), and `trainee_flags`: one row per trainee with something in force, holding
 * only what non-medical viewers may know, so the roster joins it by primary key at 500 trainees.
 */
export const flagsProjection: Projection = {
  name: 'medical_flags',
  version: 1,
  tables: ['housing_flags', 'work_restrictions', 'referrals', 'trainee_flags'],
  schemaSql: `CREATE TABLE housing_flags (
    flag_id      TEXT PRIMARY KEY,
    trainee_id   TEXT NOT NULL,
    reason       TEXT NOT NULL,
    note         TEXT NOT NULL,
    since        TEXT NOT NULL,
    review_date  TEXT NOT NULL,
    cleared_date TEXT,
    clear_note   TEXT NOT NULL DEFAULT '',
    seq          INTEGER NOT NULL
  );
  CREATE INDEX housing_flags_trainee ON housing_flags (trainee_id, seq);
  CREATE INDEX housing_flags_active ON housing_flags (review_date) WHERE cleared_date IS NULL;
  CREATE TABLE work_restrictions (
    restriction_id TEXT PRIMARY KEY,
    trainee_id     TEXT NOT NULL,
    restriction    TEXT NOT NULL,
    reason         TEXT NOT NULL,
    since          TEXT NOT NULL,
    until          TEXT,
    cleared_date   TEXT,
    seq            INTEGER NOT NULL
  );
  CREATE INDEX work_restrictions_trainee ON work_restrictions (trainee_id, seq);
  CREATE TABLE referrals (
    referral_id   TEXT PRIMARY KEY,
    trainee_id    TEXT NOT NULL,
    date          TEXT NOT NULL,
    hospital      TEXT NOT NULL,
    reason        TEXT NOT NULL,
    returned_date TEXT,
    return_note   TEXT NOT NULL DEFAULT '',
    seq           INTEGER NOT NULL
  );
  CREATE INDEX referrals_trainee ON referrals (trainee_id, seq);
  CREATE INDEX referrals_open ON referrals (date) WHERE returned_date IS NULL;
  CREATE TABLE trainee_flags (
    trainee_id     TEXT PRIMARY KEY,
    housing_since  TEXT,
    housing_review TEXT,
    hospital_since TEXT,
    /** JSON [{restriction, since, until}] of the restrictions not cleared (until is checked against the day asked). */
    restrictions   TEXT NOT NULL
  );`,
  bind(db) {
    const insertFlag = db.prepare(
      'INSERT INTO housing_flags (flag_id, trainee_id, reason, note, since, review_date, seq) VALUES (@flagId, @traineeId, @reason, @note, @since, @reviewDate, @seq)',
    );
    const clearFlag = db.prepare('UPDATE housing_flags SET cleared_date = ?, clear_note = ? WHERE flag_id = ?');
    const insertRestriction = db.prepare(
      'INSERT INTO work_restrictions (restriction_id, trainee_id, restriction, reason, since, until, seq) VALUES (@restrictionId, @traineeId, @restriction, @reason, @since, @until, @seq)',
    );
    const clearRestriction = db.prepare('UPDATE work_restrictions SET cleared_date = ? WHERE restriction_id = ?');
    const insertReferral = db.prepare(
      'INSERT INTO referrals (referral_id, trainee_id, date, hospital, reason, seq) VALUES (@referralId, @traineeId, @date, @hospital, @reason, @seq)',
    );
    const returned = db.prepare('UPDATE referrals SET returned_date = ?, return_note = ? WHERE referral_id = ?');
    const refresh = summaryRefresher(db);

    return (e) => {
      switch (e.type) {
        case 'HousingFlagSet':
          insertFlag.run({ ...e.data, seq: e.seq });
          break;
        case 'HousingFlagCleared':
          clearFlag.run(e.data.date, e.data.note, e.data.flagId);
          break;
        case 'WorkRestrictionSet':
          insertRestriction.run({ ...e.data, seq: e.seq });
          break;
        case 'WorkRestrictionCleared':
          clearRestriction.run(e.data.date, e.data.restrictionId);
          break;
        case 'TraineeReferred':
          insertReferral.run({ ...e.data, seq: e.seq });
          break;
        case 'TraineeReturnedFromReferral':
          returned.run(e.data.date, e.data.note, e.data.referralId);
          break;
        default:
          return;
      }
      refresh(e.data.traineeId);
    };
  },
  resetStream(db) {
    const forget = ['housing_flags', 'work_restrictions', 'referrals', 'trainee_flags'].map((t) => db.prepare(`DELETE FROM ${t} WHERE trainee_id = ?`));
    return (stream) => {
      if (!stream.startsWith('medical:')) return;
      const traineeId = stream.slice('medical:'.length);
      for (const f of forget) f.run(traineeId);
    };
  },
};

/** Recomputes one trainee's `trainee_flags` row from the three tables (a few indexed rows). */
function summaryRefresher(db: Database.Database): (traineeId: string) => void {
  const flag = db.prepare<[string], { since: string; review_date: string }>(
    'SELECT since, review_date FROM housing_flags WHERE trainee_id = ? AND cleared_date IS NULL ORDER BY seq DESC LIMIT 1',
  );
  const hospital = db.prepare<[string], { date: string }>('SELECT date FROM referrals WHERE trainee_id = ? AND returned_date IS NULL ORDER BY seq DESC LIMIT 1');
  const restrictions = db.prepare<[string], { restriction: string; since: string; until: string | null }>(
    'SELECT restriction, since, until FROM work_restrictions WHERE trainee_id = ? AND cleared_date IS NULL ORDER BY seq',
  );
  const upsert = db.prepare(
    `INSERT INTO trainee_flags (trainee_id, housing_since, housing_review, hospital_since, restrictions) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (trainee_id) DO UPDATE SET housing_since = excluded.housing_since, housing_review = excluded.housing_review,
       hospital_since = excluded.hospital_since, restrictions = excluded.restrictions`,
  );
  const remove = db.prepare('DELETE FROM trainee_flags WHERE trainee_id = ?');
  return (traineeId) => {
    const f = flag.get(traineeId);
    const h = hospital.get(traineeId);
    const r = restrictions.all(traineeId);
    if (!f && !h && r.length === 0) remove.run(traineeId);
    else upsert.run(traineeId, f?.since ?? null, f?.review_date ?? null, h?.date ?? null, JSON.stringify(r));
  };
}
