import type Database from 'better-sqlite3';
import type { DutyLogDay, DutyLogLine, Handover, Shift, ShiftNote } from '../../../../shared/duty/dutyLog';

interface NoteRow {
  seq: number;
  note_id: string;
  date: string;
  shift: Shift;
  text: string;
  officer_id: string | null;
  officer: string | null;
  at: string;
}

const toNote = (r: NoteRow): ShiftNote => ({ seq: r.seq, noteId: r.note_id, date: r.date, shift: r.shift, text: r.text, officerId: r.officer_id, officer: r.officer ?? '', at: r.at });

const NOTE_COLUMNS = 'n.seq, n.note_id, n.date, n.shift, n.text, n.actor AS officer_id, u.full_name AS officer, n.at';

/** The day's entries: a range of the (day, seq) index, names joined by primary key (a test checks the plan). */
export const DAY_SQL = `SELECT e.seq, e.at, e.type, e.voided_type, e.trainee_id, u.full_name AS officer, t.full_name, t.file_number
  FROM duty_log_entries e LEFT JOIN users u ON u.id = e.actor LEFT JOIN trainees t ON t.id = e.trainee_id
  WHERE e.day = ? ORDER BY e.seq`;

/** One day's page: the duty officers' entries and the shift notes. */
export function dutyLogDay(db: Database.Database, date: string): DutyLogDay {
  const rows = db
    .prepare<[string], { seq: number; at: string; type: string; voided_type: string | null; trainee_id: string | null; officer: string | null; full_name: string | null; file_number: string | null }>(DAY_SQL)
    .all(date);
  const lines: DutyLogLine[] = rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    officer: r.officer ?? '',
    type: r.type,
    voidedType: r.voided_type,
    traineeId: r.trainee_id,
    traineeName: r.full_name,
    fileNumber: r.file_number,
  }));
  const notes = db
    .prepare<[string], NoteRow>(`SELECT ${NOTE_COLUMNS} FROM shift_notes n LEFT JOIN users u ON u.id = n.actor WHERE n.date = ? ORDER BY n.shift = 'night', n.seq`)
    .all(date)
    .map(toNote);
  return { date, lines, notes };
}

/**
 * The handover: the notes of the latest shift that has any (a night follows its day), and counts
 * of what the next shift takes over. trainee_flags holds facts only (no reasons): dates are all
 * that is read from it.
 */
export function handover(db: Database.Database, today: string): Handover {
  const last = db
    .prepare<[], { date: string; shift: Shift }>("SELECT date, shift FROM shift_notes ORDER BY date DESC, shift = 'night' DESC LIMIT 1")
    .get();
  const notes = last
    ? db
        .prepare<[string, string], NoteRow>(`SELECT ${NOTE_COLUMNS} FROM shift_notes n LEFT JOIN users u ON u.id = n.actor WHERE n.date = ? AND n.shift = ? ORDER BY n.seq`)
        .all(last.date, last.shift)
        .map(toNote)
    : [];
  // One pass over the roster (primary-key joins), then counts from partial indexes.
  const roster = db
    .prepare<[], { inCare: number; atHospital: number; separateHousing: number; withoutBed: number }>(
      `SELECT COUNT(*) AS inCare,
         COALESCE(SUM(f.hospital_since IS NOT NULL), 0) AS atHospital,
         COALESCE(SUM(f.housing_since IS NOT NULL), 0) AS separateHousing,
         COALESCE(SUM(b.trainee_id IS NULL), 0) AS withoutBed
       FROM trainees t LEFT JOIN trainee_flags f ON f.trainee_id = t.id LEFT JOIN trainee_beds b ON b.trainee_id = t.id
       WHERE t.status = 'in_care'`,
    )
    .get()!;
  const count = (sql: string, ...args: string[]) => db.prepare<string[], { n: number }>(sql).get(...args)!.n;
  return {
    shift: last ? { date: last.date, shift: last.shift } : null,
    notes,
    counts: {
      ...roster,
      activeKeepApart: count('SELECT COUNT(*) AS n FROM keep_apart_rules WHERE ended_date IS NULL'),
      openMismatches: count('SELECT COUNT(*) AS n FROM headcount_rooms WHERE mismatch = 1 AND resolved_seq IS NULL'),
      recordedToday: count('SELECT COUNT(*) AS n FROM duty_log_entries WHERE day = ?', today),
    },
  };
}
