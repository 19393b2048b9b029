import { foldForSearch } from '../../../shared/text';
import type { TraineeDetails } from '../../../shared/admissions';
import type Database from 'better-sqlite3';
import type { Projection } from '../store/projection';

/** Columns of `trainees` that mirror a detail field one to one. */
const DETAIL_COLUMNS: Record<Exclude<keyof TraineeDetails, 'substances' | 'familyContact'>, string> = {
  fileNumber: 'file_number',
  fullName: 'full_name',
  sex: 'sex',
  dateOfBirth: 'date_of_birth',
  idNumber: 'id_number',
  homeAddress: 'home_address',
  admissionType: 'admission_type',
  decisionNumber: 'decision_number',
  admissionDate: 'admission_date',
  plannedReleaseDate: 'planned_release_date',
  educationLevel: 'education_level',
};

/** "Nguyễn Thị Hoà" -> "hoa nguyen thi hoa": Vietnamese rosters sort by given name (the last word). */
export function sortKey(fullName: string): string {
  const folded = foldForSearch(fullName);
  const given = folded.split(' ').pop() ?? '';
  return `${given} ${folded}`;
}

/** The roster: one row per trainee ever admitted, current details, status and phase. */
export const traineesProjection: Projection = {
  name: 'trainees',
  // v3: TraineePhaseAdvanced moves `phase`.
  version: 3,
  tables: ['trainees'],
  schemaSql: `CREATE TABLE trainees (
    id                   TEXT PRIMARY KEY,
    file_number          TEXT NOT NULL UNIQUE,
    full_name            TEXT NOT NULL,
    sex                  TEXT NOT NULL,
    date_of_birth        TEXT NOT NULL,
    id_number            TEXT NOT NULL,
    home_address         TEXT NOT NULL,
    admission_type       TEXT NOT NULL,
    decision_number      TEXT NOT NULL,
    admission_date       TEXT NOT NULL,
    planned_release_date TEXT NOT NULL,
    education_level      TEXT NOT NULL,
    substances           TEXT NOT NULL,
    family_contact       TEXT NOT NULL,
    status               TEXT NOT NULL,
    phase                TEXT NOT NULL,
    release_date         TEXT,
    release_kind         TEXT,
    release_note         TEXT NOT NULL DEFAULT '',
    search_text          TEXT NOT NULL,
    sort_key             TEXT NOT NULL,
    version              INTEGER NOT NULL
  );
  CREATE INDEX trainees_status ON trainees (status, sort_key);
  CREATE INDEX trainees_counts ON trainees (status, admission_type);`,
  bind(db) {
    const insert = db.prepare(`INSERT INTO trainees (id, file_number, full_name, sex, date_of_birth, id_number, home_address,
      admission_type, decision_number, admission_date, planned_release_date, education_level, substances, family_contact,
      status, phase, search_text, sort_key, version)
      VALUES (@id, @fileNumber, @fullName, @sex, @dateOfBirth, @idNumber, @homeAddress, @admissionType, @decisionNumber,
      @admissionDate, @plannedReleaseDate, @educationLevel, @substances, @familyContact, 'in_care', 'intake', @searchText, @sortKey, @version)`);
    const release = db.prepare(
      `UPDATE trainees SET status = 'released', release_date = ?, release_kind = ?, release_note = ?, version = ? WHERE id = ?`,
    );
    const current = db.prepare<[string], { full_name: string; file_number: string; id_number: string }>(
      'SELECT full_name, file_number, id_number FROM trainees WHERE id = ?',
    );
    const updates = new Map<string, Database.Statement<unknown[]>>();
    /** `UPDATE trainees SET a = ?, b = ? WHERE id = ?`, prepared once per set of columns. */
    const updateColumns = (columns: string[]) => {
      const key = columns.join(',');
      let stmt = updates.get(key);
      if (!stmt) {
        stmt = db.prepare<unknown[]>(`UPDATE trainees SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
        updates.set(key, stmt);
      }
      return stmt;
    };
    const advance = db.prepare('UPDATE trainees SET phase = ?, version = ? WHERE id = ?');
    const refreshSearch = db.prepare('UPDATE trainees SET search_text = ?, sort_key = ?, version = ? WHERE id = ?');

    return (e) => {
      switch (e.type) {
        case 'TraineeAdmitted': {
          const d = e.data;
          insert.run({
            ...d,
            id: d.traineeId,
            substances: JSON.stringify(d.substances),
            familyContact: JSON.stringify(d.familyContact),
            searchText: searchText(d.fullName, d.fileNumber, d.idNumber),
            sortKey: sortKey(d.fullName),
            version: e.version,
          });
          break;
        }
        case 'TraineeDetailsCorrected': {
          const id = e.data.traineeId;
          // One UPDATE per correction (columns, then the stream version); the search text and sort
          // key are recomputed only when a field they are made of changed. Same rows either way.
          const values = new Map<string, unknown>();
          let searchable = false;
          for (const c of e.data.changes) {
            if (c.field === 'substances' || c.field === 'familyContact') {
              values.set(c.field === 'substances' ? 'substances' : 'family_contact', JSON.stringify(c.to));
            } else {
              values.set(DETAIL_COLUMNS[c.field], c.to);
              if (c.field === 'fullName' || c.field === 'fileNumber' || c.field === 'idNumber') searchable = true;
            }
          }
          values.set('version', e.version);
          updateColumns([...values.keys()]).run(...values.values(), id);
          if (searchable) {
            const row = current.get(id);
            if (row) refreshSearch.run(searchText(row.full_name, row.file_number, row.id_number), sortKey(row.full_name), e.version, id);
          }
          break;
        }
        case 'TraineeReleased':
          release.run(e.data.releaseDate, e.data.kind, e.data.note, e.version, e.data.traineeId);
          break;
        case 'TraineePhaseAdvanced':
          advance.run(e.data.to, e.version, e.data.traineeId);
          break;
        default:
          break;
      }
    };
  },
  resetStream(db) {
    const forget = db.prepare('DELETE FROM trainees WHERE id = ?');
    return (stream) => {
      if (stream.startsWith('trainee:')) forget.run(stream.slice('trainee:'.length));
    };
  },
};

function searchText(fullName: string, fileNumber: string, idNumber: string): string {
  return foldForSearch(`${fullName} ${fileNumber} ${idNumber}`);
}
