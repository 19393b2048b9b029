import type Database from 'better-sqlite3';
import { SenError } from '../../../../shared/errors';
import {
  SKILLS,
  currentLevels,
  statusOf,
  type Certificate,
  type LiteracyLevel,
  type ProgressCell,
  type ProgressMatrix,
  type ProgressRow,
  type Skill,
  type SkillLevel,
  type SkillObservation,
} from '../../../../shared/training/literacy';
import type { Enrolment, TraineeFacts } from './decider';

/**
 * Projection reads of the literacy slice: trainees, users, facility, the classes slice's
 * literacy_classes and class_enrolments, and this slice's tables. Never a medical table.
 */

interface ClassRow {
  class_id: string;
  name: string;
  teacher_id: string;
  closed_date: string | null;
}

export function classOf(db: Database.Database, classId: string): ClassRow {
  const row = db.prepare<[string], ClassRow>('SELECT class_id, name, teacher_id, closed_date FROM literacy_classes WHERE class_id = ?').get(classId);
  if (!row) throw new SenError('NOT_FOUND', `No such class: ${classId}.`, [{ path: 'classId', code: 'unknownClass' }]);
  return row;
}

export function traineeFacts(db: Database.Database, ids: readonly string[]): Map<string, TraineeFacts> {
  const rows = db
    .prepare<[string], { id: string; status: 'in_care' | 'released' }>('SELECT id, status FROM trainees WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, { status: r.status }]));
}

/**
 * Each trainee's latest enrolment in the class (enrolled on or before `day`, when given); they
 * left it when withdrawn or when the class closed, whichever came first.
 */
export function enrolments(db: Database.Database, classId: string, ids: readonly string[] | null, day?: string): Map<string, Enrolment> {
  const cls = classOf(db, classId);
  const rows = db
    .prepare<[string, string], { trainee_id: string; enrolled_date: string; withdrawn_date: string | null }>(
      'SELECT trainee_id, enrolled_date, withdrawn_date FROM class_enrolments WHERE class_id = ? AND enrolled_date <= ? ORDER BY enrolled_date, seq',
    )
    .all(classId, day ?? '9999-12-31')
    .filter((r) => ids === null || ids.includes(r.trainee_id));
  const out = new Map<string, Enrolment>();
  for (const r of rows) {
    const ends = [r.withdrawn_date, cls.closed_date].filter((d): d is string => d !== null).sort();
    out.set(r.trainee_id, { enrolledOn: r.enrolled_date, leftOn: ends[0] ?? null });
  }
  return out;
}

/** The observations of these trainees dated on or before `day`, by trainee. */
export function observationsOf(db: Database.Database, ids: readonly string[], day: string): Map<string, SkillObservation[]> {
  const out = new Map<string, SkillObservation[]>(ids.map((id) => [id, []]));
  const rows = db
    .prepare<[string, string], { trainee_id: string; skill: Skill; level: SkillLevel; date: string; seq: number }>(
      `SELECT trainee_id, skill, level, date, seq FROM skill_observations
       WHERE trainee_id IN (SELECT value FROM json_each(?)) AND date <= ? ORDER BY date, seq`,
    )
    .all(JSON.stringify(ids), day);
  for (const r of rows) out.get(r.trainee_id)?.push({ skill: r.skill, level: r.level, date: r.date, seq: r.seq });
  return out;
}

export function completedLevels(db: Database.Database, traineeId: string): Set<LiteracyLevel> {
  return new Set(db.prepare<[string], { level: LiteracyLevel }>('SELECT level FROM literacy_completions WHERE trainee_id = ?').all(traineeId).map((r) => r.level));
}

/** A skill's level at enrolment: the latest observation on or before it, else the first one after. */
function baseline(mine: readonly SkillObservation[], skill: Skill, enrolledOn: string): SkillLevel | null {
  const own = mine.filter((o) => o.skill === skill);
  const before = own.filter((o) => o.date <= enrolledOn).at(-1);
  return (before ?? own.find((o) => o.date > enrolledOn))?.level ?? null;
}

/** The class's trainees (enrolled on `day`, or on the class's last day) x skills, with the derived status and completions. */
export function progress(db: Database.Database, classId: string, day: string): ProgressMatrix {
  const cls = classOf(db, classId);
  // Enrolled on D: enrolled_date <= D < withdrawn_date (the classes slice's rule). A class closed
  // by `day` shows those it still had when it closed (closing withdraws them that day).
  const closedBy = cls.closed_date !== null && cls.closed_date <= day ? cls.closed_date : null;
  const enrolled = [...enrolments(db, classId, null, closedBy ?? day)].filter(([, e]) => e.leftOn === null || (closedBy !== null ? e.leftOn >= closedBy : e.leftOn > day));
  const ids = enrolled.map(([id]) => id);
  const people = new Map(
    db
      .prepare<[string], { id: string; file_number: string; full_name: string; status: string; sort_key: string }>(
        'SELECT id, file_number, full_name, status, sort_key FROM trainees WHERE id IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(ids))
      .map((r) => [r.id, r]),
  );
  const observations = observationsOf(db, ids, day);
  const completions = db
    .prepare<[string, string], { trainee_id: string; level: LiteracyLevel; date: string }>(
      'SELECT trainee_id, level, date FROM literacy_completions WHERE trainee_id IN (SELECT value FROM json_each(?)) AND date <= ?',
    )
    .all(JSON.stringify(ids), day);
  const rows: (ProgressRow & { sortKey: string })[] = [];
  for (const [traineeId, e] of enrolled) {
    const p = people.get(traineeId);
    if (!p) continue;
    const mine = observations.get(traineeId) ?? [];
    const current = currentLevels(mine);
    const skills = Object.fromEntries(
      SKILLS.map((s): [Skill, ProgressCell] => [s, { level: current[s]?.level ?? null, date: current[s]?.date ?? null, baseline: baseline(mine, s, e.enrolledOn) }]),
    ) as Record<Skill, ProgressCell>;
    const done = (level: LiteracyLevel) => completions.find((c) => c.trainee_id === traineeId && c.level === level)?.date ?? null;
    rows.push({
      traineeId,
      fileNumber: p.file_number,
      fullName: p.full_name,
      sortKey: p.sort_key,
      enrolledOn: e.enrolledOn,
      leftOn: e.leftOn,
      released: p.status === 'released',
      skills,
      status: statusOf(current),
      completed: { level1: done('level1'), level2: done('level2') },
    });
  }
  rows.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.traineeId.localeCompare(b.traineeId));
  return { classId, className: cls.name, day, rows: rows.map(({ sortKey: _s, ...r }) => r) };
}

export function certificate(db: Database.Database, traineeId: string, level: LiteracyLevel): Certificate {
  const c = db
    .prepare<
      [string, string],
      { class_id: string; date: string; override_reason: string | null; skills: string; recorded_by: string | null; file_number: string; full_name: string; date_of_birth: string }
    >(
      `SELECT c.class_id, c.date, c.override_reason, c.skills, u.full_name AS recorded_by, t.file_number, t.full_name, t.date_of_birth
       FROM literacy_completions c JOIN trainees t ON t.id = c.trainee_id LEFT JOIN users u ON u.id = c.recorded_by
       WHERE c.trainee_id = ? AND c.level = ?`,
    )
    .get(traineeId, level);
  if (!c) throw new SenError('NOT_FOUND', 'No such completion.', [{ path: 'level', code: 'notCompleted' }]);
  const cls = db
    .prepare<[string], { name: string; teacher: string | null }>('SELECT k.name, u.full_name AS teacher FROM literacy_classes k LEFT JOIN users u ON u.id = k.teacher_id WHERE k.class_id = ?')
    .get(c.class_id);
  const enrolledOn = db
    .prepare<[string, string, string], { enrolled_date: string }>(
      'SELECT enrolled_date FROM class_enrolments WHERE class_id = ? AND trainee_id = ? AND enrolled_date <= ? ORDER BY enrolled_date DESC, seq DESC LIMIT 1',
    )
    .get(c.class_id, traineeId, c.date);
  const facility = db.prepare<[], { name: string }>('SELECT name FROM facility WHERE id = 1').get();
  return {
    facilityName: facility?.name ?? '',
    traineeId,
    fileNumber: c.file_number,
    fullName: c.full_name,
    dateOfBirth: c.date_of_birth || null,
    classId: c.class_id,
    className: cls?.name ?? '',
    teacherName: cls?.teacher ?? null,
    level,
    enrolledOn: enrolledOn?.enrolled_date ?? null,
    date: c.date,
    overrideReason: c.override_reason,
    recordedBy: c.recorded_by,
    skills: JSON.parse(c.skills) as Certificate['skills'],
  };
}
