import type Database from 'better-sqlite3';
import { SenError } from '../../../../shared/errors';
import { SCREENING_TESTS, type MedicalSettings, type ScreeningTest } from '../../../../shared/medical/common';
import {
  INTAKE_GRACE_DAYS,
  type LatestResult,
  type ScreeningDue,
  type ScreeningResults,
  type ScreeningSession,
  type TraineeScreenings,
} from '../../../../shared/medical/screening';
import { addDays } from './decider';

/** Admission and release of one trainee, or null when there is no such trainee. */
export function traineeDates(db: Database.Database, traineeId: string): { admissionDate: string; releaseDate: string | null } | null {
  const row = db
    .prepare<[string], { admission_date: string; release_date: string | null }>('SELECT admission_date, release_date FROM trainees WHERE id = ?')
    .get(traineeId);
  return row ? { admissionDate: row.admission_date, releaseDate: row.release_date } : null;
}

/** The next date `test` is due after a result of `lastDate`, or null when it is not re-screened periodically. */
export function dueDate(settings: MedicalSettings, test: ScreeningTest, lastDate: string): string | null {
  const days = settings.rescreenDays[test];
  return days > 0 ? addDays(lastDate, days) : null;
}

export function traineeScreenings(db: Database.Database, traineeId: string, settings: MedicalSettings): TraineeScreenings {
  if (!traineeDates(db, traineeId)) throw new SenError('NOT_FOUND', 'No such trainee.');
  const sessions = db
    .prepare<[string], { seq: number; session_id: string; date: string; results: string; note: string; full_name: string | null; recorded_at: string }>(
      `SELECT s.seq, s.session_id, s.date, s.results, s.note, u.full_name, s.recorded_at
       FROM screening_sessions s LEFT JOIN users u ON u.id = s.actor
       WHERE s.trainee_id = ? ORDER BY s.date DESC, s.seq DESC`,
    )
    .all(traineeId)
    .map(
      (r): ScreeningSession => ({
        seq: r.seq,
        sessionId: r.session_id,
        date: r.date,
        results: JSON.parse(r.results) as ScreeningResults,
        note: r.note,
        recordedBy: r.full_name,
        recordedAt: r.recorded_at,
      }),
    );
  const rows = db
    .prepare<[string], { test: ScreeningTest; date: string; seq: number; positive: number | null }>(
      'SELECT test, date, seq, positive FROM screening_results WHERE trainee_id = ? ORDER BY date DESC, seq DESC',
    )
    .all(traineeId);
  const byTest = new Map<ScreeningTest, LatestResult>();
  for (const r of rows) {
    if (!byTest.has(r.test)) byTest.set(r.test, { test: r.test, date: r.date, seq: r.seq, positive: r.positive === null ? null : r.positive === 1 });
  }
  const latest = SCREENING_TESTS.flatMap((t) => (byTest.has(t) ? [byTest.get(t)!] : []));
  return {
    latest,
    missing: SCREENING_TESTS.filter((t) => !byTest.has(t)),
    dueDates: Object.fromEntries(latest.map((l) => [l.test, dueDate(settings, l.test, l.date)])),
    sessions,
  };
}

/**
 * The dashboard's lists, from the roster and the latest date per (trainee, test): one grouped
 * query over the index, whatever the number of trainees and sessions.
 */
export function screeningDue(db: Database.Database, today: string, settings: MedicalSettings): ScreeningDue {
  const rows = db
    .prepare<[], { id: string; full_name: string; file_number: string; admission_date: string; sort_key: string; test: ScreeningTest | null; last: string | null }>(
      `SELECT t.id, t.full_name, t.file_number, t.admission_date, t.sort_key, r.test, MAX(r.date) AS last
       FROM trainees t LEFT JOIN screening_results r ON r.trainee_id = t.id
       WHERE t.status = 'in_care'
       GROUP BY t.id, r.test`,
    )
    .all();
  const intakeCutoff = addDays(today, -INTAKE_GRACE_DAYS);
  const trainees = new Map<string, { row: (typeof rows)[number]; done: Set<ScreeningTest> }>();
  const rescreening: ScreeningDue['rescreening'] = [];
  for (const r of rows) {
    let t = trainees.get(r.id);
    if (!t) trainees.set(r.id, (t = { row: r, done: new Set() }));
    if (r.test === null || r.last === null) continue;
    t.done.add(r.test);
    const due = dueDate(settings, r.test, r.last);
    if (due !== null && due <= today) {
      rescreening.push({ ...who(r), test: r.test, lastDate: r.last, dueDate: due });
    }
  }
  const intakeIncomplete = [...trainees.values()]
    // Admitted more than INTAKE_GRACE_DAYS days ago: before today minus that many days.
    .filter((t) => t.row.admission_date < intakeCutoff && t.done.size < SCREENING_TESTS.length)
    .sort((a, b) => a.row.admission_date.localeCompare(b.row.admission_date) || a.row.sort_key.localeCompare(b.row.sort_key))
    .map((t) => ({ ...who(t.row), missing: SCREENING_TESTS.filter((x) => !t.done.has(x)) }));
  const order = new Map(rows.map((r) => [r.id, r.sort_key]));
  rescreening.sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      (order.get(a.traineeId) ?? '').localeCompare(order.get(b.traineeId) ?? '') ||
      SCREENING_TESTS.indexOf(a.test) - SCREENING_TESTS.indexOf(b.test),
  );
  return { today, intakeIncomplete, rescreening };
}

function who(r: { id: string; full_name: string; file_number: string; admission_date: string }) {
  return { traineeId: r.id, fullName: r.full_name, fileNumber: r.file_number, admissionDate: r.admission_date };
}
