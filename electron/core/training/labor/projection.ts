import type { Projection } from '../../store/projection';

/**
 * Workshops, assignments (one row per stay in a workshop: `until` is the day they left, not
 * worked there) and daily entries (one row per trainee, workshop and day). Indexed for the sheet
 * (workshop and day), a trainee's day (hours across sheets) and the totals (workshop, date range).
 */
export const laborProjection: Projection = {
  name: 'training_labor',
  version: 1,
  tables: ['labor_workshops', 'labor_assignments', 'labor_entries'],
  schemaSql: `CREATE TABLE labor_workshops (
    workshop_id   TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    product       TEXT NOT NULL,
    unit          TEXT NOT NULL,
    uses_blades   INTEGER NOT NULL,
    instructor_id TEXT NOT NULL,
    closed_on     TEXT,
    seq           INTEGER NOT NULL
  );
  CREATE TABLE labor_assignments (
    trainee_id  TEXT NOT NULL,
    workshop_id TEXT NOT NULL,
    since       TEXT NOT NULL,
    until       TEXT,
    seq         INTEGER NOT NULL
  );
  CREATE INDEX labor_assignments_trainee ON labor_assignments (trainee_id, since);
  CREATE INDEX labor_assignments_workshop ON labor_assignments (workshop_id, since);
  CREATE TABLE labor_entries (
    trainee_id   TEXT NOT NULL,
    workshop_id  TEXT NOT NULL,
    date         TEXT NOT NULL,
    present      INTEGER NOT NULL,
    hours        REAL NOT NULL,
    output       REAL NOT NULL,
    quality      TEXT NOT NULL,
    absence      TEXT,
    absence_note TEXT NOT NULL,
    recorded_by  TEXT,
    seq          INTEGER NOT NULL
  );
  CREATE INDEX labor_entries_workshop ON labor_entries (workshop_id, date);
  CREATE INDEX labor_entries_trainee ON labor_entries (trainee_id, date);`,
  bind(db) {
    const open = db.prepare(
      'INSERT INTO labor_workshops (workshop_id, name, product, unit, uses_blades, instructor_id, seq) VALUES (@workshopId, @name, @product, @unit, @blades, @instructorId, @seq)',
    );
    const change = db.prepare(
      'UPDATE labor_workshops SET name = @name, product = @product, unit = @unit, uses_blades = @blades, instructor_id = @instructorId WHERE workshop_id = @workshopId',
    );
    const close = db.prepare('UPDATE labor_workshops SET closed_on = ? WHERE workshop_id = ?');
    const assign = db.prepare('INSERT INTO labor_assignments (trainee_id, workshop_id, since, seq) VALUES (?, ?, ?, ?)');
    const unassign = db.prepare('UPDATE labor_assignments SET until = ? WHERE trainee_id = ? AND workshop_id = ? AND until IS NULL');
    const entry = db.prepare(
      `INSERT INTO labor_entries (trainee_id, workshop_id, date, present, hours, output, quality, absence, absence_note, recorded_by, seq)
       VALUES (@traineeId, @workshopId, @date, @presentFlag, @hours, @output, @quality, @absence, @absenceNote, @actor, @seq)`,
    );
    return (e) => {
      switch (e.type) {
        case 'WorkshopOpened':
          open.run({ ...e.data, blades: e.data.usesBlades ? 1 : 0, seq: e.seq });
          break;
        case 'WorkshopChanged':
          change.run({ ...e.data, blades: e.data.usesBlades ? 1 : 0 });
          break;
        case 'WorkshopClosed':
          close.run(e.data.date, e.data.workshopId);
          break;
        case 'TraineeAssignedToWorkshop':
          assign.run(e.data.traineeId, e.data.workshopId, e.data.date, e.seq);
          break;
        case 'TraineeUnassignedFromWorkshop':
          unassign.run(e.data.date, e.data.traineeId, e.data.workshopId);
          break;
        case 'LaborRecorded':
          entry.run({ ...e.data, presentFlag: e.data.present ? 1 : 0, actor: e.meta.actor, seq: e.seq });
          break;
        default:
          break;
      }
    };
  },
  // Daily entries can be voided: forget the trainee's rows, the store replays what stands.
  resetStream(db) {
    const forget = ['labor_assignments', 'labor_entries'].map((t) => db.prepare(`DELETE FROM ${t} WHERE trainee_id = ?`));
    return (stream) => {
      if (!stream.startsWith('labor:')) return;
      const traineeId = stream.slice('labor:'.length);
      for (const f of forget) f.run(traineeId);
    };
  },
};
