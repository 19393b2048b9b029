import type Database from 'better-sqlite3';
import { SenError } from '../../../../shared/errors';
import {
  isoWeekday,
  type AbsenceReason,
  type AttendanceSheet,
  type ClassDetail,
  type ClassSummary,
  type LiteracyPhase,
  type RosterEntry,
  type SessionSummary,
  type TeacherOption,
  type WithdrawReason,
} from '../../../../shared/training/classes';

/**
 * Projection reads of the classes slice. `day` is today, or the "as of" date. Of the medical
 * tables only `trainee_flags.hospital_since` is read (a fact, never a reason).
 */

export function teachers(db: Database.Database): TeacherOption[] {
  return db
    .prepare<[], { id: string; full_name: string }>(
      `SELECT id, full_name FROM users WHERE active = 1 AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'teacher') ORDER BY full_name`,
    )
    .all()
    .map((r) => ({ userId: r.id, fullName: r.full_name }));
}

export function isActiveTeacher(db: Database.Database, userId: string): boolean {
  return teachers(db).some((t) => t.userId === userId);
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The first scheduled day from `day` on (within a week), or null for a closed class. */
function nextSession(weekdays: number[], day: string, closed: boolean): string | null {
  if (closed) return null;
  for (let i = 0; i < 7; i++) {
    const d = addDays(day, i);
    if (weekdays.includes(isoWeekday(d))) return d;
  }
  return null;
}

const rate = (present: number, all: number) => (all === 0 ? null : present / all);

interface ClassRow {
  class_id: string;
  name: string;
  teacher_id: string;
  teacher_name: string | null;
  phase: string;
  weekdays: string;
  start_time: string;
  end_time: string;
  room: string;
  opened_date: string;
  closed_date: string | null;
  enrolled: number;
  sessions: number;
  present: number;
  marks: number;
  taken_today: number;
}

const CLASS_SELECT = `SELECT c.*, u.full_name AS teacher_name,
    (SELECT COUNT(*) FROM class_enrolments e JOIN trainees t ON t.id = e.trainee_id
      WHERE e.class_id = c.class_id AND e.enrolled_date <= @day AND (e.withdrawn_date IS NULL OR e.withdrawn_date > @day) AND t.status = 'in_care') AS enrolled,
    (SELECT COUNT(DISTINCT a.date) FROM class_attendance a WHERE a.class_id = c.class_id) AS sessions,
    (SELECT COALESCE(SUM(a.present), 0) FROM class_attendance a WHERE a.class_id = c.class_id) AS present,
    (SELECT COUNT(*) FROM class_attendance a WHERE a.class_id = c.class_id) AS marks,
    EXISTS (SELECT 1 FROM class_attendance a WHERE a.class_id = c.class_id AND a.date = @day) AS taken_today
  FROM literacy_classes c LEFT JOIN users u ON u.id = c.teacher_id`;

function summary(r: ClassRow, day: string): ClassSummary {
  const weekdays = JSON.parse(r.weekdays) as number[];
  const closed = r.closed_date !== null && r.closed_date <= day;
  return {
    classId: r.class_id,
    name: r.name,
    teacherId: r.teacher_id,
    teacherName: r.teacher_name ?? '',
    phase: r.phase as LiteracyPhase,
    weekdays,
    startTime: r.start_time,
    endTime: r.end_time,
    room: r.room,
    openedDate: r.opened_date,
    closedDate: r.closed_date,
    enrolled: r.enrolled,
    // Today's session counts as next until its sheet is saved.
    nextSession: nextSession(weekdays, r.taken_today === 1 ? addDays(day, 1) : day, closed),
    scheduledToday: !closed && r.opened_date <= day && weekdays.includes(isoWeekday(day)),
    takenToday: r.taken_today === 1,
    sessionsHeld: r.sessions,
    attendanceRate: rate(r.present, r.marks),
  };
}

/** Open classes (or all), newest first; one teacher's when `teacherId` is given. */
export function classList(db: Database.Database, day: string, filter: { teacherId?: string | undefined; includeClosed?: boolean | undefined }): ClassSummary[] {
  const where = [filter.includeClosed ? '1' : 'c.closed_date IS NULL', filter.teacherId ? 'c.teacher_id = @teacherId' : '1'].join(' AND ');
  return db
    .prepare<Record<string, string>, ClassRow>(`${CLASS_SELECT} WHERE ${where} ORDER BY c.closed_date IS NOT NULL, c.opened_date DESC, c.name`)
    .all({ day, ...(filter.teacherId ? { teacherId: filter.teacherId } : {}) })
    .map((r) => summary(r, day));
}

export function classSummary(db: Database.Database, classId: string, day: string): ClassSummary {
  const r = db.prepare<Record<string, string>, ClassRow>(`${CLASS_SELECT} WHERE c.class_id = @classId`).get({ day, classId });
  if (!r) throw new SenError('NOT_FOUND', 'No such class.');
  return summary(r, day);
}

interface RosterRow {
  trainee_id: string;
  file_number: string;
  full_name: string;
  enrolled_date: string;
  withdrawn_date: string | null;
  withdraw_reason: string | null;
  withdraw_note: string;
  status: string;
  hospital_since: string | null;
  present: number;
  marks: number;
}

export function classDetail(db: Database.Database, classId: string, day: string): ClassDetail {
  const s = classSummary(db, classId, day);
  const roster = db
    .prepare<[string, string], RosterRow>(
      `SELECT e.trainee_id, t.file_number, t.full_name, e.enrolled_date, e.withdrawn_date, e.withdraw_reason, e.withdraw_note, t.status, f.hospital_since,
         (SELECT COALESCE(SUM(a.present), 0) FROM class_attendance a WHERE a.class_id = e.class_id AND a.trainee_id = e.trainee_id) AS present,
         (SELECT COUNT(*) FROM class_attendance a WHERE a.class_id = e.class_id AND a.trainee_id = e.trainee_id) AS marks
       FROM class_enrolments e JOIN trainees t ON t.id = e.trainee_id LEFT JOIN trainee_flags f ON f.trainee_id = e.trainee_id
       WHERE e.class_id = ? AND e.enrolled_date <= ?
       ORDER BY e.withdrawn_date IS NOT NULL, e.withdrawn_date DESC, t.sort_key`,
    )
    .all(classId, day)
    .map(
      (r): RosterEntry => ({
        traineeId: r.trainee_id,
        fileNumber: r.file_number,
        fullName: r.full_name,
        enrolledDate: r.enrolled_date,
        // A withdrawal after the day asked had not happened yet.
        withdrawnDate: r.withdrawn_date !== null && r.withdrawn_date <= day ? r.withdrawn_date : null,
        withdrawReason: r.withdrawn_date !== null && r.withdrawn_date <= day ? (r.withdraw_reason as WithdrawReason) : null,
        withdrawNote: r.withdrawn_date !== null && r.withdrawn_date <= day ? r.withdraw_note : '',
        released: r.status === 'released',
        atHospital: r.hospital_since !== null,
        present: r.present,
        absent: r.marks - r.present,
        attendanceRate: rate(r.present, r.marks),
      }),
    );
  const sessions = db
    .prepare<[string], SessionSummary>(
      'SELECT date, SUM(present) AS present, COUNT(*) - SUM(present) AS absent FROM class_attendance WHERE class_id = ? GROUP BY date ORDER BY date DESC',
    )
    .all(classId);
  return { summary: s, roster, sessions };
}

interface SheetRowDb {
  trainee_id: string;
  file_number: string;
  full_name: string;
  hospital_since: string | null;
  present: number | null;
  reason: string | null;
  note: string | null;
}

/**
 * The trainees in care enrolled in the class on `date` (the sheet's rows, and the rows a saved
 * sheet must cover), with their saved marks. Not saved yet and at hospital since that day or
 * earlier: pre-marked absent, at hospital.
 */
export function attendanceSheet(db: Database.Database, classId: string, date: string, today: string): AttendanceSheet {
  const s = classSummary(db, classId, today);
  const rows = db
    .prepare<[string, string, string, string], SheetRowDb>(
      `SELECT e.trainee_id, t.file_number, t.full_name, f.hospital_since, a.present, a.reason, a.note
       FROM class_enrolments e JOIN trainees t ON t.id = e.trainee_id
       LEFT JOIN trainee_flags f ON f.trainee_id = e.trainee_id
       LEFT JOIN class_attendance a ON a.class_id = e.class_id AND a.trainee_id = e.trainee_id AND a.date = ?
       WHERE e.class_id = ? AND e.enrolled_date <= ? AND (e.withdrawn_date IS NULL OR e.withdrawn_date > ?) AND t.status = 'in_care'
       ORDER BY t.sort_key`,
    )
    .all(date, classId, date, date)
    .map((r) => {
      const atHospital = r.hospital_since !== null && r.hospital_since <= date;
      if (r.present !== null) {
        return { traineeId: r.trainee_id, fileNumber: r.file_number, fullName: r.full_name, atHospital, present: r.present === 1, reason: r.reason as AbsenceReason | null, note: r.note ?? '', saved: true };
      }
      return { traineeId: r.trainee_id, fileNumber: r.file_number, fullName: r.full_name, atHospital, present: atHospital ? false : null, reason: atHospital ? ('at_hospital' as const) : null, note: '', saved: false };
    });
  return { summary: s, date, taken: rows.some((r) => r.saved), rows };
}
