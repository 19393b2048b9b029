import type { Projection } from '../../store/projection';

/**
 * Skill observations (one row per trainee, skill and event: the current level is read as the
 * latest dated one, so a later-recorded older observation never wins) and completions (one per
 * trainee and level in force). A void replays the trainee's literacy stream.
 */
export const literacyProjection: Projection = {
  name: 'training_literacy',
  version: 1,
  tables: ['skill_observations', 'literacy_completions'],
  schemaSql: `CREATE TABLE skill_observations (
    seq        INTEGER NOT NULL,
    trainee_id TEXT NOT NULL,
    class_id   TEXT NOT NULL,
    skill      TEXT NOT NULL,
    level      TEXT NOT NULL,
    date       TEXT NOT NULL,
    PRIMARY KEY (seq, skill)
  );
  CREATE INDEX skill_observations_trainee ON skill_observations (trainee_id, skill, date, seq);
  CREATE TABLE literacy_completions (
    seq             INTEGER PRIMARY KEY,
    trainee_id      TEXT NOT NULL,
    class_id        TEXT NOT NULL,
    level           TEXT NOT NULL,
    date            TEXT NOT NULL,
    status          TEXT NOT NULL,
    override_reason TEXT,
    skills          TEXT NOT NULL,
    recorded_by     TEXT
  );
  CREATE UNIQUE INDEX literacy_completions_level ON literacy_completions (trainee_id, level);`,
  bind(db) {
    const observed = db.prepare('INSERT INTO skill_observations (seq, trainee_id, class_id, skill, level, date) VALUES (?, ?, ?, ?, ?, ?)');
    const completed = db.prepare(
      'INSERT INTO literacy_completions (seq, trainee_id, class_id, level, date, status, override_reason, skills, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    return (e) => {
      switch (e.type) {
        case 'SkillsObserved':
          for (const s of e.data.skills) observed.run(e.seq, e.data.traineeId, e.data.classId, s.skill, s.level, e.data.date);
          break;
        case 'LiteracyCompleted':
          completed.run(e.seq, e.data.traineeId, e.data.classId, e.data.level, e.data.date, e.data.status, e.data.overrideReason, JSON.stringify(e.data.skills), e.meta.actor);
          break;
        default:
          break;
      }
    };
  },
  resetStream(db) {
    const forget = ['skill_observations', 'literacy_completions'].map((t) => db.prepare(`DELETE FROM ${t} WHERE trainee_id = ?`));
    return (stream) => {
      if (!stream.startsWith('literacy:')) return;
      const traineeId = stream.slice('literacy:'.length);
      for (const f of forget) f.run(traineeId);
    };
  },
};
