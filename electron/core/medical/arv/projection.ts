import type { Projection } from '../../store/projection';

/**
 * HIV care tables, one row per fact, keyed by the trainee: regimen history (start and changes),
 * who is on ART and since when, pill counts, counselling sessions, lab requests with their results.
 * Prescriptions and doses live in the prescriptions slice's tables; adherence is computed from them.
 */
export const arvProjection: Projection = {
  name: 'arv',
  version: 1,
  tables: ['arv_patients', 'arv_regimens', 'arv_pill_counts', 'arv_counselling', 'arv_labs'],
  schemaSql: `CREATE TABLE arv_patients (
    trainee_id   TEXT PRIMARY KEY,
    started_date TEXT NOT NULL
  );
  CREATE TABLE arv_regimens (
    seq                     INTEGER PRIMARY KEY,
    trainee_id              TEXT NOT NULL,
    kind                    TEXT NOT NULL,
    date                    TEXT NOT NULL,
    stopped_item_id         TEXT,
    started_item_id         TEXT NOT NULL,
    stopped_prescription_id TEXT,
    new_prescription_id     TEXT NOT NULL,
    reason_code             TEXT,
    reason_text             TEXT NOT NULL
  );
  CREATE INDEX arv_regimens_trainee ON arv_regimens (trainee_id, seq);
  CREATE TABLE arv_pill_counts (
    seq        INTEGER PRIMARY KEY,
    trainee_id TEXT NOT NULL,
    date       TEXT NOT NULL,
    expected   INTEGER NOT NULL,
    counted    INTEGER NOT NULL,
    note       TEXT NOT NULL
  );
  CREATE INDEX arv_pill_counts_trainee ON arv_pill_counts (trainee_id, date);
  CREATE TABLE arv_counselling (
    seq        INTEGER PRIMARY KEY,
    trainee_id TEXT NOT NULL,
    date       TEXT NOT NULL,
    session    INTEGER NOT NULL,
    notes      TEXT NOT NULL
  );
  CREATE INDEX arv_counselling_trainee ON arv_counselling (trainee_id, date);
  CREATE TABLE arv_labs (
    lab_id         TEXT PRIMARY KEY,
    trainee_id     TEXT NOT NULL,
    test           TEXT NOT NULL,
    requested_date TEXT NOT NULL,
    requested_seq  INTEGER NOT NULL,
    received_date  TEXT,
    value          INTEGER,
    undetectable   INTEGER NOT NULL DEFAULT 0,
    result_seq     INTEGER
  );
  CREATE INDEX arv_labs_trainee ON arv_labs (trainee_id, test, requested_date);`,
  bind(db) {
    const patient = db.prepare('INSERT INTO arv_patients (trainee_id, started_date) VALUES (?, ?) ON CONFLICT (trainee_id) DO NOTHING');
    const regimen = db.prepare(`INSERT INTO arv_regimens (seq, trainee_id, kind, date, stopped_item_id, started_item_id, stopped_prescription_id,
      new_prescription_id, reason_code, reason_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const pillCount = db.prepare('INSERT INTO arv_pill_counts (seq, trainee_id, date, expected, counted, note) VALUES (?, ?, ?, ?, ?, ?)');
    const counselling = db.prepare('INSERT INTO arv_counselling (seq, trainee_id, date, session, notes) VALUES (?, ?, ?, ?, ?)');
    const lab = db.prepare('INSERT INTO arv_labs (lab_id, trainee_id, test, requested_date, requested_seq) VALUES (?, ?, ?, ?, ?)');
    // A result for a request voided meanwhile finds no row and is dropped with it.
    const result = db.prepare('UPDATE arv_labs SET received_date = ?, value = ?, undetectable = ?, result_seq = ? WHERE lab_id = ? AND trainee_id = ?');
    return (e) => {
      switch (e.type) {
        case 'ArtStarted':
          patient.run(e.data.traineeId, e.data.date);
          regimen.run(e.seq, e.data.traineeId, 'start', e.data.date, null, e.data.itemId, null, e.data.prescriptionId, null, '');
          break;
        case 'ArtRegimenChanged': {
          const d = e.data;
          regimen.run(e.seq, d.traineeId, 'change', d.date, d.stoppedItemId, d.startedItemId, d.stoppedPrescriptionId, d.newPrescriptionId, d.reasonCode, d.reasonText);
          break;
        }
        case 'PillCountRecorded':
          pillCount.run(e.seq, e.data.traineeId, e.data.date, e.data.expected, e.data.counted, e.data.note);
          break;
        case 'AdherenceCounsellingRecorded':
          counselling.run(e.seq, e.data.traineeId, e.data.date, e.data.session, e.data.notes);
          break;
        case 'LabRequested':
          lab.run(e.data.labId, e.data.traineeId, e.data.test, e.data.requestedDate, e.seq);
          break;
        case 'LabResultReceived':
          result.run(e.data.receivedDate, e.data.value, e.data.undetectable ? 1 : 0, e.seq, e.data.labId, e.data.traineeId);
          break;
        default:
          break;
      }
    };
  },
  resetStream(db) {
    const tables = ['arv_patients', 'arv_regimens', 'arv_pill_counts', 'arv_counselling', 'arv_labs'];
    const forget = tables.map((t) => db.prepare(`DELETE FROM ${t} WHERE trainee_id = ?`));
    return (stream) => {
      if (!stream.startsWith('medical:')) return;
      const traineeId = stream.slice('medical:'.length);
      for (const stmt of forget) stmt.run(traineeId);
    };
  },
};
