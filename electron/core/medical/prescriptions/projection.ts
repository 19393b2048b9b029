import type { Projection } from '../../store/projection';

/**
 * The formulary, the prescriptions and the doses recorded (tables agreed with the ARV slice, which
 * reads them), and `prescription_changes`: who wrote, revised, renewed or discontinued what, when
 * and why, for the chain history on the record page.
 *
 * `prescriptions.arv` follows the item's ARV mark (a correction of the mark applies to its
 * prescriptions too), so live appends, a void's replay and a rebuild all give the same value.
 */
export const prescriptionsProjection: Projection = {
  name: 'prescriptions',
  version: 1,
  tables: ['formulary_items', 'prescriptions', 'dose_records', 'prescription_changes'],
  schemaSql: `CREATE TABLE formulary_items (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    form     TEXT NOT NULL,
    strength TEXT NOT NULL,
    arv      INTEGER NOT NULL,
    active   INTEGER NOT NULL,
    seq      INTEGER NOT NULL
  );
  CREATE TABLE prescriptions (
    id           TEXT PRIMARY KEY,
    trainee_id   TEXT NOT NULL,
    item_id      TEXT NOT NULL,
    arv          INTEGER NOT NULL,
    dose         TEXT NOT NULL,
    slots        TEXT NOT NULL,
    start_date   TEXT NOT NULL,
    end_date     TEXT,
    indication   TEXT NOT NULL,
    previous_id  TEXT,
    status       TEXT NOT NULL,
    stopped_date TEXT,
    seq          INTEGER NOT NULL
  );
  CREATE INDEX prescriptions_trainee ON prescriptions (trainee_id, seq);
  CREATE INDEX prescriptions_active ON prescriptions (status, start_date);
  CREATE INDEX prescriptions_stopped ON prescriptions (stopped_date);
  CREATE INDEX prescriptions_item ON prescriptions (item_id);
  CREATE TABLE dose_records (
    trainee_id      TEXT NOT NULL,
    prescription_id TEXT NOT NULL,
    date            TEXT NOT NULL,
    slot            TEXT NOT NULL,
    status          TEXT NOT NULL,
    note            TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    PRIMARY KEY (prescription_id, date, slot)
  );
  CREATE INDEX dose_records_trainee ON dose_records (trainee_id, date);
  CREATE TABLE prescription_changes (
    seq             INTEGER PRIMARY KEY,
    trainee_id      TEXT NOT NULL,
    prescription_id TEXT NOT NULL,
    type            TEXT NOT NULL,
    date            TEXT NOT NULL,
    reason          TEXT NOT NULL,
    actor           TEXT,
    recorded_at     TEXT NOT NULL
  );
  CREATE INDEX prescription_changes_trainee ON prescription_changes (trainee_id, seq);`,
  bind(db) {
    const addItem = db.prepare('INSERT INTO formulary_items (id, name, form, strength, arv, active, seq) VALUES (?, ?, ?, ?, ?, 1, ?)');
    const changeItem = db.prepare('UPDATE formulary_items SET name = ?, form = ?, strength = ?, arv = ?, active = ?, seq = ? WHERE id = ?');
    const itemArvChanged = db.prepare('UPDATE prescriptions SET arv = ? WHERE item_id = ? AND arv != ?');
    const itemArv = db.prepare<[string], { arv: number }>('SELECT arv FROM formulary_items WHERE id = ?');
    const insert = db.prepare(`INSERT INTO prescriptions (id, trainee_id, item_id, arv, dose, slots, start_date, end_date, indication, previous_id, status, stopped_date, seq)
      VALUES (@id, @traineeId, @itemId, @arv, @dose, @slots, @startDate, @endDate, @indication, @previousId, 'active', NULL, @seq)`);
    const stop = db.prepare('UPDATE prescriptions SET status = ?, stopped_date = ? WHERE id = ?');
    const dose = db.prepare('INSERT INTO dose_records (trainee_id, prescription_id, date, slot, status, note, seq) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const change = db.prepare(
      'INSERT INTO prescription_changes (seq, trainee_id, prescription_id, type, date, reason, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    return (e) => {
      switch (e.type) {
        case 'FormularyItemAdded': {
          const d = e.data;
          addItem.run(d.itemId, d.name, d.form, d.strength, d.arv ? 1 : 0, e.seq);
          break;
        }
        case 'FormularyItemChanged': {
          const d = e.data;
          changeItem.run(d.name, d.form, d.strength, d.arv ? 1 : 0, d.active ? 1 : 0, e.seq, d.itemId);
          itemArvChanged.run(d.arv ? 1 : 0, d.itemId, d.arv ? 1 : 0);
          break;
        }
        case 'PrescriptionWritten':
        case 'PrescriptionRevised':
        case 'PrescriptionRenewed': {
          const d = e.data;
          const previousId = 'previousId' in d ? d.previousId : null;
          if (previousId) stop.run('replaced', d.startDate, previousId);
          insert.run({
            id: d.prescriptionId,
            traineeId: d.traineeId,
            itemId: d.itemId,
            arv: itemArv.get(d.itemId)?.arv ?? 0,
            dose: d.dose,
            slots: JSON.stringify(d.slots),
            startDate: d.startDate,
            endDate: d.endDate,
            indication: d.indication,
            previousId,
            seq: e.seq,
          });
          change.run(e.seq, d.traineeId, d.prescriptionId, e.type, d.startDate, 'reason' in d ? d.reason : '', e.meta.actor, e.recordedAt);
          break;
        }
        case 'PrescriptionDiscontinued': {
          const d = e.data;
          stop.run('discontinued', d.date, d.prescriptionId);
          change.run(e.seq, d.traineeId, d.prescriptionId, e.type, d.date, d.reason, e.meta.actor, e.recordedAt);
          break;
        }
        case 'DoseRecorded': {
          const d = e.data;
          dose.run(d.traineeId, d.prescriptionId, d.date, d.slot, d.status, d.note, e.seq);
          break;
        }
        default:
          break;
      }
    };
  },
  // After a void in a trainee's medical stream, its rows are replayed from the events still in force.
  resetStream(db) {
    const forget = [
      db.prepare('DELETE FROM prescriptions WHERE trainee_id = ?'),
      db.prepare('DELETE FROM dose_records WHERE trainee_id = ?'),
      db.prepare('DELETE FROM prescription_changes WHERE trainee_id = ?'),
    ];
    return (stream) => {
      if (!stream.startsWith('medical:')) return;
      const traineeId = stream.slice('medical:'.length);
      for (const stmt of forget) stmt.run(traineeId);
    };
  },
};
