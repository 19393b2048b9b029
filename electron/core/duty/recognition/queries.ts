import type Database from 'better-sqlite3';
import { DEFAULT_ELIGIBILITY_RULES, type Eligibility, type EligibilityRules, type Rating, type RatingSheet } from '../../../../shared/duty/recognition';
import type { TraineeFacts } from './decider';
import { addMonths, eligibleLists, lastCompleteQuarter, lastDayOf, monthsEnding, type CandidateTrainee } from './eligibility';

/** Projection reads of the recognition slice: trainees, monthly_ratings, eligibility_rules only. */

export function readRules(db: Database.Database): EligibilityRules {
  const row = db.prepare<[], { rules: string }>('SELECT rules FROM eligibility_rules WHERE id = 1').get();
  return row ? (JSON.parse(row.rules) as EligibilityRules) : DEFAULT_ELIGIBILITY_RULES;
}

/** The facts the decider needs for many trainees, in one query. */
export function traineeFacts(db: Database.Database, ids: readonly string[]): Map<string, TraineeFacts> {
  const rows = db
    .prepare<[string], { id: string; admission_date: string; status: 'in_care' | 'released'; release_date: string | null }>(
      'SELECT id, admission_date, status, release_date FROM trainees WHERE id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, { admissionDate: r.admission_date, status: r.status, releaseDate: r.release_date }]));
}

export function monthRatings(db: Database.Database, month: string): Map<string, { rating: Rating; seq: number }> {
  const rows = db.prepare<[string], { trainee_id: string; rating: Rating; seq: number }>('SELECT trainee_id, rating, seq FROM monthly_ratings WHERE month = ?').all(month);
  return new Map(rows.map((r) => [r.trainee_id, { rating: r.rating, seq: r.seq }]));
}

/** Everyone in care at some point of the month, by name, with this and last month's rating. */
export function ratingSheet(db: Database.Database, month: string): RatingSheet {
  const rows = db
    .prepare<[string, string, string, string], { id: string; file_number: string; full_name: string; rating: Rating | null; previous: Rating | null }>(
      `SELECT t.id, t.file_number, t.full_name, m.rating, p.rating AS previous
       FROM trainees t
       LEFT JOIN monthly_ratings m ON m.trainee_id = t.id AND m.month = ?
       LEFT JOIN monthly_ratings p ON p.trainee_id = t.id AND p.month = ?
       WHERE t.admission_date <= ? AND (t.release_date IS NULL OR t.release_date >= ?)
       ORDER BY t.sort_key, t.id`,
    )
    .all(month, addMonths(month, -1), lastDayOf(month), `${month}-01`);
  return { month, rows: rows.map((r) => ({ traineeId: r.id, fileNumber: r.file_number, fullName: r.full_name, rating: r.rating, previous: r.previous })) };
}

/** The eligibility lists for `month`, from the trainees in care and one range read of ratings. */
export function eligibility(db: Database.Database, month: string, today: string): Eligibility {
  const rules = readRules(db);
  const last = lastDayOf(month);
  const day = last < today ? last : today;
  const trainees = db
    .prepare<[string], { id: string; file_number: string; full_name: string; admission_date: string; planned_release_date: string }>(
      `SELECT id, file_number, full_name, admission_date, planned_release_date FROM trainees
       WHERE status = 'in_care' AND admission_date <= ? ORDER BY sort_key, id`,
    )
    .all(last)
    .map((r): CandidateTrainee => ({ traineeId: r.id, fileNumber: r.file_number, fullName: r.full_name, admissionDate: r.admission_date, plannedReleaseDate: r.planned_release_date }));
  const months = [...lastCompleteQuarter(month), ...monthsEnding(month, rules.termMonths)].sort();
  const ratings = new Map<string, Map<string, Rating>>();
  for (const r of db
    .prepare<[string, string], { trainee_id: string; month: string; rating: Rating }>('SELECT trainee_id, month, rating FROM monthly_ratings WHERE month BETWEEN ? AND ?')
    .all(months[0]!, months.at(-1)!)) {
    let mine = ratings.get(r.trainee_id);
    if (!mine) ratings.set(r.trainee_id, (mine = new Map()));
    mine.set(r.month, r.rating);
  }
  return { month, rules, ...eligibleLists(rules, month, day, trainees, ratings) };
}
