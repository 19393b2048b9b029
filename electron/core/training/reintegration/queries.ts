import type Database from 'better-sqlite3';
import { SenError } from '../../../../shared/errors';
import {
  DEFAULT_REINTEGRATION_SETTINGS,
  type CounsellingKind,
  type CounsellingOutcome,
  type CounsellingSession,
  type DueList,
  type ReintegrationSettings,
  type TraineeCounselling,
} from '../../../../shared/training/reintegration';
import { addDays } from '../../demo/calendar';
import { dueRows, type NearRelease, type SessionFact } from './due';

/** Projection reads of the reintegration slice: trainees, users (counsellors' names), its own tables. Never medical. */

export function readSettings(db: Database.Database): ReintegrationSettings {
  const row = db.prepare<[], { settings: string }>('SELECT settings FROM reintegration_settings WHERE id = 1').get();
  return row ? (JSON.parse(row.settings) as ReintegrationSettings) : DEFAULT_REINTEGRATION_SETTINGS;
}

interface SessionRow {
  session_id: string;
  trainee_id: string;
  kind: CounsellingKind;
  date: string;
  counsellor_id: string;
  counsellor_name: string | null;
  topics: string;
  notes: string;
  outcome: CounsellingOutcome;
  referral_to: string;
  follow_up_date: string | null;
  seq: number;
}

const SESSIONS_SQL = `SELECT s.*, u.full_name AS counsellor_name FROM counselling_sessions s LEFT JOIN users u ON u.id = s.counsellor_id`;

/** Everyone in care on `day` within the settings' N days of planned release, with their sessions. */
export function dueList(db: Database.Database, day: string): DueList {
  const { dueWithinDays } = readSettings(db);
  const trainees = db
    .prepare<[string], { id: string; file_number: string; full_name: string; admission_date: string; planned_release_date: string }>(
      `SELECT id, file_number, full_name, admission_date, planned_release_date FROM trainees
       WHERE status = 'in_care' AND planned_release_date <= ? ORDER BY sort_key, id`,
    )
    .all(addDays(day, dueWithinDays))
    .map((r): NearRelease => ({ traineeId: r.id, fileNumber: r.file_number, fullName: r.full_name, admissionDate: r.admission_date, plannedReleaseDate: r.planned_release_date }));
  const sessions = db
    .prepare<[string], SessionRow>(`${SESSIONS_SQL} WHERE s.trainee_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(trainees.map((t) => t.traineeId)))
    .map((r): SessionFact => ({ traineeId: r.trainee_id, date: r.date, seq: r.seq, kind: r.kind, outcome: r.outcome, followUpDate: r.follow_up_date, counsellorName: r.counsellor_name }));
  const rows = dueRows(trainees, sessions, day, dueWithinDays);
  return {
    day,
    dueWithinDays,
    rows,
    notCounselled: rows.filter((r) => r.sessions === 0).length,
    followUpsOverdue: rows.filter((r) => r.followUp?.state === 'overdue').length,
  };
}

export function traineeCounselling(db: Database.Database, traineeId: string): TraineeCounselling {
  const t = db
    .prepare<[string], { file_number: string; full_name: string; status: string; admission_date: string; planned_release_date: string }>(
      'SELECT file_number, full_name, status, admission_date, planned_release_date FROM trainees WHERE id = ?',
    )
    .get(traineeId);
  if (!t) throw new SenError('NOT_FOUND', 'No such trainee.');
  const sessions = db
    .prepare<[string], SessionRow>(`${SESSIONS_SQL} WHERE s.trainee_id = ? ORDER BY s.date DESC, s.seq DESC`)
    .all(traineeId)
    .map(
      (r): CounsellingSession => ({
        sessionId: r.session_id,
        seq: r.seq,
        kind: r.kind,
        date: r.date,
        counsellor: r.counsellor_name === null ? null : { id: r.counsellor_id, fullName: r.counsellor_name },
        topics: r.topics,
        notes: r.notes,
        outcome: r.outcome,
        referralTo: r.referral_to,
        followUpDate: r.follow_up_date,
      }),
    );
  return {
    traineeId,
    fileNumber: t.file_number,
    fullName: t.full_name,
    released: t.status === 'released',
    admissionDate: t.admission_date,
    plannedReleaseDate: t.planned_release_date,
    sessions,
  };
}
