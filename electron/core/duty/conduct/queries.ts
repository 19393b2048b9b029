import type Database from 'better-sqlite3';
import type { ConductOverview, Measure, MeasureKind, Violation, ViolationType } from '../../../../shared/duty/conduct';
import { SenError } from '../../../../shared/errors';

/** Projection reads of the conduct slice. `day` is today, or the "as of" date. Never touches medical tables. */

export interface TraineeFacts {
  admissionDate: string;
  released: boolean;
}

export function traineeFacts(db: Database.Database, traineeId: string): TraineeFacts {
  const r = db.prepare<[string], { admission_date: string; status: string }>('SELECT admission_date, status FROM trainees WHERE id = ?').get(traineeId);
  if (!r) throw new SenError('NOT_FOUND', 'No such trainee.');
  return { admissionDate: r.admission_date, released: r.status === 'released' };
}

export function violationTypes(db: Database.Database): ViolationType[] {
  return db
    .prepare<[], { type_id: string; name: string; built_in: number; active: number }>('SELECT type_id, name, built_in, active FROM violation_types ORDER BY position')
    .all()
    .map((r) => ({ typeId: r.type_id, name: r.name, builtIn: r.built_in === 1, active: r.active === 1 }));
}

export function violationType(db: Database.Database, typeId: string): ViolationType | undefined {
  return violationTypes(db).find((t) => t.typeId === typeId);
}

interface MeasureRow {
  measure_id: string;
  violation_id: string;
  trainee_id: string;
  kind: string;
  start_date: string;
  end_date: string | null;
  note: string;
  suspended_until: string | null;
}

interface ViolationRow {
  violation_id: string;
  incident_id: string;
  trainee_id: string;
  file_number: string;
  full_name: string;
  type_id: string;
  date: string;
  time: string;
  place: string;
  description: string;
  witnesses: string;
  recorded_by: string | null;
  self_criticism_date: string | null;
}

/**
 * In force on `day`: started, not suspended through `day`, and either not past its end or, for a
 * measure with no end (criticism, warning, other), while the self-criticism is still awaited.
 */
function inForce(m: MeasureRow, day: string, selfCriticismDate: string | null): boolean {
  if (m.start_date > day) return false;
  if (m.suspended_until !== null && m.suspended_until >= day) return false;
  return m.end_date !== null ? m.end_date >= day : selfCriticismDate === null || selfCriticismDate > day;
}

function toMeasure(m: MeasureRow, day: string, selfCriticismDate: string | null): Measure {
  return {
    measureId: m.measure_id,
    violationId: m.violation_id,
    traineeId: m.trainee_id,
    kind: m.kind as MeasureKind,
    start: m.start_date,
    end: m.end_date,
    note: m.note,
    suspendedUntil: m.suspended_until,
    inForce: inForce(m, day, selfCriticismDate),
  };
}

const VIOLATION_SELECT = `SELECT v.violation_id, v.incident_id, v.trainee_id, t.file_number, t.full_name, v.type_id, v.date, v.time, v.place,
  v.description, v.witnesses, u.full_name AS recorded_by, v.self_criticism_date
  FROM conduct_violations v JOIN trainees t ON t.id = v.trainee_id LEFT JOIN users u ON u.id = v.recorded_by`;

/** Violations with their measures: one query for the violations, one for all their measures (no N+1). */
function withMeasures(db: Database.Database, rows: ViolationRow[], day: string): Violation[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.violation_id);
  const measures = db
    .prepare<string[], MeasureRow>(`SELECT * FROM conduct_measures WHERE violation_id IN (${ids.map(() => '?').join(',')}) ORDER BY seq`)
    .all(...ids);
  const byViolation = new Map<string, MeasureRow[]>();
  for (const m of measures) byViolation.set(m.violation_id, [...(byViolation.get(m.violation_id) ?? []), m]);
  return rows.map((r) => ({
    violationId: r.violation_id,
    incidentId: r.incident_id,
    traineeId: r.trainee_id,
    fileNumber: r.file_number,
    fullName: r.full_name,
    typeId: r.type_id,
    date: r.date,
    time: r.time,
    place: r.place,
    description: r.description,
    witnesses: r.witnesses,
    recordedBy: r.recorded_by ?? '',
    selfCriticismDate: r.self_criticism_date,
    measures: (byViolation.get(r.violation_id) ?? []).map((m) => toMeasure(m, day, r.self_criticism_date)),
  }));
}

export function traineeConduct(db: Database.Database, traineeId: string, day: string): Violation[] {
  traineeFacts(db, traineeId);
  const rows = db.prepare<[string], ViolationRow>(`${VIOLATION_SELECT} WHERE v.trainee_id = ? ORDER BY v.date DESC, v.seq DESC`).all(traineeId);
  return withMeasures(db, rows, day);
}

/** The list screen is bounded: the newest 500 matching violations. */
const LIST_LIMIT = 500;

export function conductOverview(db: Database.Database, filter: { status?: 'open' | 'all'; typeId?: string; from?: string; to?: string }, day: string): ConductOverview {
  const where: string[] = ['v.date <= @day'];
  if (filter.status !== 'all') where.push('v.measure_count = 0');
  if (filter.typeId) where.push('v.type_id = @typeId');
  if (filter.from) where.push('v.date >= @from');
  if (filter.to) where.push('v.date <= @to');
  const rows = db
    .prepare<Record<string, string>, ViolationRow>(`${VIOLATION_SELECT} WHERE ${where.join(' AND ')} ORDER BY v.date DESC, v.seq DESC LIMIT ${LIST_LIMIT}`)
    .all({ day, typeId: filter.typeId ?? '', from: filter.from ?? '', to: filter.to ?? '' });
  const current = db
    .prepare<{ day: string }, MeasureRow & { file_number: string; full_name: string; self_criticism_date: string | null }>(
      `SELECT m.*, t.file_number, t.full_name, v.self_criticism_date FROM conduct_measures m
       JOIN conduct_violations v ON v.violation_id = m.violation_id JOIN trainees t ON t.id = m.trainee_id
       WHERE m.start_date <= @day AND (m.suspended_until IS NULL OR m.suspended_until < @day)
         AND (m.end_date >= @day OR (m.end_date IS NULL AND (v.self_criticism_date IS NULL OR v.self_criticism_date > @day)))
       ORDER BY m.start_date, m.seq`,
    )
    .all({ day })
    .map((m) => ({ ...toMeasure(m, day, m.self_criticism_date), fileNumber: m.file_number, fullName: m.full_name }));
  return { violations: withMeasures(db, rows, day), measuresInForce: current };
}
