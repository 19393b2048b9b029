import type Database from 'better-sqlite3';
import { SenError } from '../../../../shared/errors';
import type {
  FlagsDashboard,
  HousingFlag,
  HousingReason,
  Referral,
  TraineeFlags,
  TraineeRestrictions,
  WorkRestriction,
  WorkRestrictionCode,
} from '../../../../shared/medical/flags';

/** Projection reads of the flags slice. `day` is today, or the "as of" date. */

export interface TraineeFacts {
  admissionDate: string;
  released: boolean;
}

export function traineeFacts(db: Database.Database, traineeId: string): TraineeFacts {
  const r = db.prepare<[string], { admission_date: string; status: string }>('SELECT admission_date, status FROM trainees WHERE id = ?').get(traineeId);
  if (!r) throw new SenError('NOT_FOUND', 'No such trainee.');
  return { admissionDate: r.admission_date, released: r.status === 'released' };
}

/** A restriction not cleared is in force until the end of its `until` day. */
export function inForce(until: string | null, day: string): boolean {
  return until === null || until >= day;
}

export function traineeFlags(db: Database.Database, traineeId: string, day: string): TraineeFlags {
  traineeFacts(db, traineeId);
  const housing = db
    .prepare<[string], { flag_id: string; reason: string; note: string; since: string; review_date: string; cleared_date: string | null; clear_note: string }>(
      'SELECT * FROM housing_flags WHERE trainee_id = ? ORDER BY seq DESC',
    )
    .all(traineeId)
    .map(
      (r): HousingFlag => ({
        flagId: r.flag_id,
        reason: r.reason as HousingReason,
        note: r.note,
        since: r.since,
        reviewDate: r.review_date,
        clearedDate: r.cleared_date,
        clearNote: r.clear_note,
        active: r.cleared_date === null,
      }),
    );
  const restrictions = db
    .prepare<[string], { restriction_id: string; restriction: string; reason: string; since: string; until: string | null; cleared_date: string | null }>(
      'SELECT * FROM work_restrictions WHERE trainee_id = ? ORDER BY seq DESC',
    )
    .all(traineeId)
    .map(
      (r): WorkRestriction => ({
        restrictionId: r.restriction_id,
        restriction: r.restriction as WorkRestrictionCode,
        reason: r.reason,
        since: r.since,
        until: r.until,
        clearedDate: r.cleared_date,
        active: r.cleared_date === null && inForce(r.until, day),
      }),
    );
  const referrals = db
    .prepare<[string], { referral_id: string; date: string; hospital: string; reason: string; returned_date: string | null; return_note: string }>(
      'SELECT * FROM referrals WHERE trainee_id = ? ORDER BY seq DESC',
    )
    .all(traineeId)
    .map(
      (r): Referral => ({
        referralId: r.referral_id,
        date: r.date,
        hospital: r.hospital,
        reason: r.reason,
        returnedDate: r.returned_date,
        returnNote: r.return_note,
        open: r.returned_date === null,
      }),
    );
  return { traineeId, housing, restrictions, referrals };
}

export function flagsDashboard(db: Database.Database, day: string): FlagsDashboard {
  // Both lists start from the partial indexes of what is in force, then join the (few) trainees.
  const housing = db
    .prepare<[], { trainee_id: string; file_number: string; full_name: string; flag_id: string; reason: string; since: string; review_date: string }>(
      `SELECT f.trainee_id, t.file_number, t.full_name, f.flag_id, f.reason, f.since, f.review_date
       FROM housing_flags f JOIN trainees t ON t.id = f.trainee_id
       WHERE f.cleared_date IS NULL AND t.status = 'in_care'
       ORDER BY f.review_date, t.sort_key`,
    )
    .all()
    .map((r) => ({
      traineeId: r.trainee_id,
      fileNumber: r.file_number,
      fullName: r.full_name,
      flagId: r.flag_id,
      reason: r.reason as HousingReason,
      since: r.since,
      reviewDate: r.review_date,
      reviewDue: r.review_date <= day,
    }));
  const atHospital = db
    .prepare<[], { trainee_id: string; file_number: string; full_name: string; referral_id: string; date: string; hospital: string }>(
      `SELECT r.trainee_id, t.file_number, t.full_name, r.referral_id, r.date, r.hospital
       FROM referrals r JOIN trainees t ON t.id = r.trainee_id
       WHERE r.returned_date IS NULL AND t.status = 'in_care'
       ORDER BY r.date, t.sort_key`,
    )
    .all()
    .map((r) => ({ traineeId: r.trainee_id, fileNumber: r.file_number, fullName: r.full_name, referralId: r.referral_id, date: r.date, hospital: r.hospital }));
  return { housing, atHospital };
}

interface SummaryRow {
  housing_since: string | null;
  housing_review: string | null;
  hospital_since: string | null;
  restrictions: string;
}

/** The restriction codes in force on `day`, from a `trainee_flags.restrictions` cell. */
export function restrictionsInForce(cell: string | null, day: string): { restriction: WorkRestrictionCode; since: string; until: string | null }[] {
  if (!cell) return [];
  const all = JSON.parse(cell) as { restriction: WorkRestrictionCode; since: string; until: string | null }[];
  return all.filter((r) => inForce(r.until, day));
}

/**
 * What duty officers and instructors may know about one trainee. Read from `trainee_flags`
 * only, a table that holds no reason, note or hospital, so none can leak from here.
 */
export function traineeRestrictions(db: Database.Database, traineeId: string, day: string): TraineeRestrictions {
  traineeFacts(db, traineeId);
  const row = db.prepare<[string], SummaryRow>('SELECT housing_since, housing_review, hospital_since, restrictions FROM trainee_flags WHERE trainee_id = ?').get(traineeId);
  return {
    traineeId,
    separateHousing: row?.housing_since && row.housing_review ? { since: row.housing_since, reviewDate: row.housing_review } : null,
    workRestrictions: restrictionsInForce(row?.restrictions ?? null, day),
    atHospitalSince: row?.hospital_since ?? null,
  };
}
