import type { Projection } from '../../store/projection';

/**
 * `keep_apart_rules` (the housing slice reads it for its warnings: columns fixed by contract),
 * `keep_apart_notes` (the free text, kept out of that table), and the headcounts: one row per
 * room counted, with what was expected then, and whether a difference was resolved.
 */
export const keepApartProjection: Projection = {
  name: 'duty_keep_apart',
  version: 1,
  tables: ['keep_apart_rules', 'keep_apart_notes', 'headcount_rooms'],
  schemaSql: `CREATE TABLE keep_apart_rules (
    id          TEXT PRIMARY KEY,
    trainee_a   TEXT,
    trainee_b   TEXT,
    level       TEXT,
    reason      TEXT,
    role_a      TEXT,
    role_b      TEXT,
    review_date TEXT,
    ended_date  TEXT NULL,
    seq         INTEGER
  );
  CREATE INDEX keep_apart_rules_a ON keep_apart_rules (trainee_a);
  CREATE INDEX keep_apart_rules_b ON keep_apart_rules (trainee_b);
  CREATE INDEX keep_apart_rules_active ON keep_apart_rules (review_date) WHERE ended_date IS NULL;
  CREATE TABLE keep_apart_notes (
    rule_id  TEXT PRIMARY KEY,
    note     TEXT NOT NULL,
    end_note TEXT NOT NULL DEFAULT ''
  );
  CREATE TABLE headcount_rooms (
    count_id      TEXT NOT NULL,
    room_id       TEXT NOT NULL,
    at            TEXT NOT NULL,
    expected      INTEGER NOT NULL,
    at_hospital   INTEGER NOT NULL,
    counted       INTEGER NOT NULL,
    note          TEXT NOT NULL,
    /** counted <> expected - at_hospital: listed until resolved. */
    mismatch      INTEGER NOT NULL,
    resolved_note TEXT,
    resolved_seq  INTEGER,
    seq           INTEGER NOT NULL,
    PRIMARY KEY (count_id, room_id)
  );
  CREATE INDEX headcount_open ON headcount_rooms (at) WHERE mismatch = 1 AND resolved_seq IS NULL;`,
  bind(db) {
    const insertRule = db.prepare(
      `INSERT INTO keep_apart_rules (id, trainee_a, trainee_b, level, reason, role_a, role_b, review_date, seq)
       VALUES (@ruleId, @traineeA, @traineeB, @level, @reason, @roleA, @roleB, @reviewDate, @seq)`,
    );
    const insertNote = db.prepare('INSERT INTO keep_apart_notes (rule_id, note) VALUES (?, ?)');
    const endRule = db.prepare('UPDATE keep_apart_rules SET ended_date = ? WHERE id = ?');
    const endNote = db.prepare('UPDATE keep_apart_notes SET end_note = ? WHERE rule_id = ?');
    const insertRoom = db.prepare(
      `INSERT INTO headcount_rooms (count_id, room_id, at, expected, at_hospital, counted, note, mismatch, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const resolve = db.prepare('UPDATE headcount_rooms SET resolved_note = ?, resolved_seq = ? WHERE count_id = ? AND room_id = ?');
    return (e) => {
      switch (e.type) {
        case 'KeepApartSet':
          insertRule.run({ ...e.data, seq: e.seq });
          insertNote.run(e.data.ruleId, e.data.note);
          break;
        case 'KeepApartEnded':
          endRule.run(e.data.date, e.data.ruleId);
          endNote.run(e.data.note, e.data.ruleId);
          break;
        case 'HeadcountRecorded':
          for (const r of e.data.rooms) {
            const present = r.expected - r.atHospital.length;
            insertRoom.run(e.data.countId, r.roomId, e.data.at, r.expected, r.atHospital.length, r.counted, r.note, r.counted === present ? 0 : 1, e.seq);
          }
          break;
        case 'HeadcountMismatchResolved':
          resolve.run(e.data.note, e.seq, e.data.countId, e.data.roomId);
          break;
        default:
          break;
      }
    };
  },
  // Only keep-apart events are voidable: a voided rule's stream is replayed without it.
  resetStream(db) {
    const rule = db.prepare('DELETE FROM keep_apart_rules WHERE id = ?');
    const note = db.prepare('DELETE FROM keep_apart_notes WHERE rule_id = ?');
    return (stream) => {
      if (!stream.startsWith('keepapart:')) return;
      const id = stream.slice('keepapart:'.length);
      rule.run(id);
      note.run(id);
    };
  },
};
