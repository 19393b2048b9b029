import { DEFAULT_VIOLATION_TYPES } from '../../../../shared/duty/conduct';
import type { Projection } from '../../store/projection';

/**
 * The violation catalog (built-in types seeded by the schema, so a rebuild gives the same rows),
 * violations (one row per trainee per incident) and measures. Indexed for the duty screen's lists
 * at 500 trainees: violations by date and by trainee, measures by violation and by trainee.
 */
export const conductProjection: Projection = {
  name: 'duty_conduct',
  version: 1,
  tables: ['violation_types', 'conduct_violations', 'conduct_measures'],
  schemaSql: `CREATE TABLE violation_types (
    type_id  TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    built_in INTEGER NOT NULL,
    active   INTEGER NOT NULL,
    position INTEGER NOT NULL
  );
  ${DEFAULT_VIOLATION_TYPES.map((t, i) => `INSERT INTO violation_types VALUES ('${t}', '', 1, 1, ${i});`).join('\n  ')}
  CREATE TABLE conduct_violations (
    violation_id        TEXT PRIMARY KEY,
    incident_id         TEXT NOT NULL,
    trainee_id          TEXT NOT NULL,
    type_id             TEXT NOT NULL,
    date                TEXT NOT NULL,
    time                TEXT NOT NULL,
    place               TEXT NOT NULL,
    description         TEXT NOT NULL,
    witnesses           TEXT NOT NULL,
    recorded_by         TEXT,
    self_criticism_date TEXT,
    measure_count       INTEGER NOT NULL DEFAULT 0,
    seq                 INTEGER NOT NULL
  );
  CREATE INDEX conduct_violations_date ON conduct_violations (date, seq);
  CREATE INDEX conduct_violations_trainee ON conduct_violations (trainee_id, seq);
  CREATE INDEX conduct_violations_open ON conduct_violations (date) WHERE measure_count = 0;
  CREATE TABLE conduct_measures (
    measure_id      TEXT PRIMARY KEY,
    violation_id    TEXT NOT NULL,
    trainee_id      TEXT NOT NULL,
    kind            TEXT NOT NULL,
    start_date      TEXT NOT NULL,
    end_date        TEXT,
    note            TEXT NOT NULL,
    suspended_until TEXT,
    seq             INTEGER NOT NULL
  );
  CREATE INDEX conduct_measures_violation ON conduct_measures (violation_id, seq);
  CREATE INDEX conduct_measures_trainee ON conduct_measures (trainee_id, seq);
  CREATE INDEX conduct_measures_current ON conduct_measures (start_date) WHERE suspended_until IS NULL;`,
  bind(db) {
    const addType = db.prepare(
      "INSERT INTO violation_types (type_id, name, built_in, active, position) VALUES (?, ?, 0, 1, (SELECT COALESCE(MAX(position), -1) + 1 FROM violation_types))",
    );
    const changeType = db.prepare('UPDATE violation_types SET name = ?, active = ? WHERE type_id = ?');
    const insertViolation = db.prepare(
      `INSERT INTO conduct_violations (violation_id, incident_id, trainee_id, type_id, date, time, place, description, witnesses, recorded_by, seq)
       VALUES (@violationId, @incidentId, @traineeId, @typeId, @date, @time, @place, @description, @witnesses, @actor, @seq)`,
    );
    const selfCriticism = db.prepare('UPDATE conduct_violations SET self_criticism_date = ? WHERE violation_id = ?');
    const insertMeasure = db.prepare(
      'INSERT INTO conduct_measures (measure_id, violation_id, trainee_id, kind, start_date, end_date, note, seq) VALUES (@measureId, @violationId, @traineeId, @kind, @start, @end, @note, @seq)',
    );
    const countMeasure = db.prepare('UPDATE conduct_violations SET measure_count = measure_count + 1 WHERE violation_id = ?');
    const suspend = db.prepare('UPDATE conduct_measures SET suspended_until = ? WHERE measure_id = ?');
    return (e) => {
      switch (e.type) {
        case 'ViolationTypeAdded':
          addType.run(e.data.typeId, e.data.name);
          break;
        case 'ViolationTypeChanged':
          changeType.run(e.data.name, e.data.active ? 1 : 0, e.data.typeId);
          break;
        case 'ViolationRecorded':
          insertViolation.run({ ...e.data, actor: e.meta.actor, seq: e.seq });
          break;
        case 'SelfCriticismReceived':
          selfCriticism.run(e.data.date, e.data.violationId);
          break;
        case 'MeasureImposed':
          insertMeasure.run({ ...e.data, seq: e.seq });
          countMeasure.run(e.data.violationId);
          break;
        case 'MeasureSuspended':
          suspend.run(e.data.until, e.data.measureId);
          break;
        default:
          break;
      }
    };
  },
  // Only per-trainee rows can be voided; the catalog's events are not voidable.
  resetStream(db) {
    const forget = ['conduct_violations', 'conduct_measures'].map((t) => db.prepare(`DELETE FROM ${t} WHERE trainee_id = ?`));
    return (stream) => {
      if (!stream.startsWith('conduct:')) return;
      const traineeId = stream.slice('conduct:'.length);
      for (const f of forget) f.run(traineeId);
    };
  },
};
