import type Database from 'better-sqlite3';
import { SenError } from '../../../../shared/errors';
import {
  SHARP_TOOL_RESTRICTIONS,
  isoWeek,
  type AbsenceReason,
  type LaborAmounts,
  type LaborCandidate,
  type LaborSheet,
  type LaborTotals,
  type RosterMember,
  type Workshop,
  type WorkshopSummary,
} from '../../../../shared/training/labor';
import { restrictionsInForce } from '../../medical/flags/queries';
import type { SheetRowFacts, TraineeLaborFacts } from './decider';

/**
 * Projection reads of the labor slice. `day` is today, or the "as of" date. Restrictions come
 * from `trainee_flags` (codes and dates only; no reason is stored there), reduced to one fact:
 * may this trainee work with sharp tools.
 */

interface WorkshopRow {
  workshop_id: string;
  name: string;
  product: string;
  unit: string;
  uses_blades: number;
  instructor_id: string;
  instructor_name: string | null;
  closed_on: string | null;
}

const WORKSHOP_SELECT = `SELECT w.*, u.full_name AS instructor_name FROM labor_workshops w LEFT JOIN users u ON u.id = w.instructor_id`;

function toWorkshop(r: WorkshopRow): Workshop {
  return {
    workshopId: r.workshop_id,
    name: r.name,
    product: r.product,
    unit: r.unit,
    usesBlades: r.uses_blades === 1,
    instructorId: r.instructor_id,
    instructorName: r.instructor_name ?? '',
    closedOn: r.closed_on,
  };
}

export function workshop(db: Database.Database, workshopId: string): Workshop {
  const r = db.prepare<[string], WorkshopRow>(`${WORKSHOP_SELECT} WHERE w.workshop_id = ?`).get(workshopId);
  if (!r) throw new SenError('NOT_FOUND', 'No such workshop.');
  return toWorkshop(r);
}

/** Forbids work with sharp tools on `day`, from a `trainee_flags.restrictions` cell. */
function noSharpTools(cell: string | null, day: string): boolean {
  return restrictionsInForce(cell, day).some((r) => (SHARP_TOOL_RESTRICTIONS as readonly string[]).includes(r.restriction));
}

/** In the workshop on `day`: arrived on or before it and not yet left. */
const ON_DAY = 'a.since <= @day AND (a.until IS NULL OR a.until > @day)';

/** The people in care in a workshop on `day` (the roster and the sheet). */
export function roster(db: Database.Database, workshopId: string, day: string): RosterMember[] {
  return db
    .prepare<{ workshopId: string; day: string }, { trainee_id: string; file_number: string; full_name: string; since: string; restrictions: string | null }>(
      `SELECT a.trainee_id, t.file_number, t.full_name, a.since, f.restrictions FROM labor_assignments a
       JOIN trainees t ON t.id = a.trainee_id LEFT JOIN trainee_flags f ON f.trainee_id = a.trainee_id
       WHERE a.workshop_id = @workshopId AND ${ON_DAY} AND t.status = 'in_care' ORDER BY t.sort_key, t.file_number`,
    )
    .all({ workshopId, day })
    .map((r) => ({ traineeId: r.trainee_id, fileNumber: r.file_number, fullName: r.full_name, since: r.since, noSharpTools: noSharpTools(r.restrictions, day) }));
}

/** Output of a workshop from `from` to `to` (inclusive). */
function outputBetween(db: Database.Database, workshopId: string, from: string, to: string): number {
  return db.prepare<[string, string, string], { n: number }>('SELECT COALESCE(SUM(output), 0) AS n FROM labor_entries WHERE workshop_id = ? AND date BETWEEN ? AND ?').get(workshopId, from, to)!.n;
}

function summarize(db: Database.Database, w: Workshop, day: string): WorkshopSummary {
  const members = roster(db, w.workshopId, day);
  const recordedToday = db
    .prepare<[string, string], { n: number }>('SELECT COUNT(DISTINCT trainee_id) AS n FROM labor_entries WHERE workshop_id = ? AND date = ?')
    .get(w.workshopId, day)!.n;
  return {
    ...w,
    roster: members,
    recordedToday,
    outputWeek: outputBetween(db, w.workshopId, isoWeek(day).start, day),
    outputMonth: outputBetween(db, w.workshopId, `${day.slice(0, 7)}-01`, day),
  };
}

/** Workshops open on `day` (and closed ones when asked), the caller's own first, then by name. */
export function listWorkshops(db: Database.Database, day: string, includeClosed: boolean, userId: string | null): WorkshopSummary[] {
  return db
    .prepare<{ day: string; all: number; me: string }, WorkshopRow>(
      `${WORKSHOP_SELECT} WHERE @all = 1 OR w.closed_on IS NULL OR w.closed_on > @day
       ORDER BY w.instructor_id = @me DESC, w.closed_on IS NOT NULL, w.name`,
    )
    .all({ day, all: includeClosed ? 1 : 0, me: userId ?? '' })
    .map((r) => summarize(db, toWorkshop(r), day));
}

export function workshopSummary(db: Database.Database, workshopId: string, day: string): WorkshopSummary {
  return summarize(db, workshop(db, workshopId), day);
}

/** Everyone in care, with where they work now and the sharp-tools fact. */
export function candidates(db: Database.Database, day: string): LaborCandidate[] {
  return db
    .prepare<{ day: string }, { id: string; file_number: string; full_name: string; phase: string; workshop_id: string | null; restrictions: string | null }>(
      `SELECT t.id, t.file_number, t.full_name, t.phase, a.workshop_id, f.restrictions FROM trainees t
       LEFT JOIN labor_assignments a ON a.trainee_id = t.id AND ${ON_DAY}
       LEFT JOIN trainee_flags f ON f.trainee_id = t.id
       WHERE t.status = 'in_care' ORDER BY t.sort_key, t.file_number`,
    )
    .all({ day })
    .map((r) => ({ traineeId: r.id, fileNumber: r.file_number, fullName: r.full_name, phase: r.phase as LaborCandidate['phase'], workshopId: r.workshop_id, noSharpTools: noSharpTools(r.restrictions, day) }));
}

export function instructors(db: Database.Database): { userId: string; fullName: string }[] {
  return db
    .prepare<[], { id: string; full_name: string }>(`SELECT u.id, u.full_name FROM users u, json_each(u.roles) r WHERE u.active = 1 AND r.value = 'instructor' ORDER BY u.full_name`)
    .all()
    .map((r) => ({ userId: r.id, fullName: r.full_name }));
}

export function isActiveInstructor(db: Database.Database, userId: string): boolean {
  return instructors(db).some((i) => i.userId === userId);
}

/** The trainee as assigning them needs: in care, where they work now, the sharp-tools fact. */
export function traineeLaborFacts(db: Database.Database, traineeId: string, day: string): TraineeLaborFacts {
  const t = db.prepare<[string], { admission_date: string; status: string; restrictions: string | null }>(
    'SELECT t.admission_date, t.status, f.restrictions FROM trainees t LEFT JOIN trainee_flags f ON f.trainee_id = t.id WHERE t.id = ?',
  ).get(traineeId);
  if (!t) throw new SenError('NOT_FOUND', 'No such trainee.');
  const current = db
    .prepare<[string], { workshop_id: string; since: string }>('SELECT workshop_id, since FROM labor_assignments WHERE trainee_id = ? AND until IS NULL ORDER BY seq DESC LIMIT 1')
    .get(traineeId);
  return {
    admissionDate: t.admission_date,
    released: t.status === 'released',
    current: current ? { workshopId: current.workshop_id, since: current.since } : null,
    noSharpTools: noSharpTools(t.restrictions, day),
  };
}

/** Each sheet row's trainee on the sheet's day (unknown trainees refused as not found). */
export function sheetRowFacts(db: Database.Database, workshopId: string, date: string, traineeIds: readonly string[]): SheetRowFacts[] {
  const status = db.prepare<[string], { status: string }>('SELECT status FROM trainees WHERE id = ?');
  const assigned = db.prepare<{ t: string; w: string; day: string }, { n: number }>(
    `SELECT COUNT(*) AS n FROM labor_assignments a WHERE a.trainee_id = @t AND a.workshop_id = @w AND ${ON_DAY}`,
  );
  const entries = db.prepare<[string, string], { workshop_id: string; hours: number }>('SELECT workshop_id, hours FROM labor_entries WHERE trainee_id = ? AND date = ?');
  return traineeIds.map((t) => {
    const s = status.get(t);
    if (!s) throw new SenError('NOT_FOUND', 'No such trainee.');
    const day = entries.all(t, date);
    return {
      released: s.status === 'released',
      assignedThatDay: assigned.get({ t, w: workshopId, day: date })!.n > 0,
      alreadyRecorded: day.some((e) => e.workshop_id === workshopId),
      otherHours: day.filter((e) => e.workshop_id !== workshopId).reduce((n, e) => n + e.hours, 0),
    };
  });
}

interface EntryRow {
  trainee_id: string;
  workshop_id: string;
  present: number;
  hours: number;
  output: number;
  quality: string;
  absence: string | null;
  absence_note: string;
}

export function laborSheet(db: Database.Database, workshopId: string, date: string): LaborSheet {
  const w = workshop(db, workshopId);
  const entries = db.prepare<[string, string], EntryRow>('SELECT * FROM labor_entries WHERE trainee_id = ? AND date = ?');
  const rows = roster(db, workshopId, date).map((m) => {
    const day = entries.all(m.traineeId, date);
    const own = day.find((e) => e.workshop_id === workshopId);
    return {
      traineeId: m.traineeId,
      fileNumber: m.fileNumber,
      fullName: m.fullName,
      entry: own
        ? { present: own.present === 1, hours: own.hours, output: own.output, quality: own.quality, absence: own.absence as AbsenceReason | null, absenceNote: own.absence_note }
        : null,
      otherHours: day.filter((e) => e.workshop_id !== workshopId).reduce((n, e) => n + e.hours, 0),
    };
  });
  return { workshop: w, date, rows };
}

/** Sums over `labor_entries e` (0 when a workshop has no entries). */
const AMOUNTS = 'COALESCE(SUM(e.hours), 0) AS hours, COALESCE(SUM(e.output), 0) AS output, COALESCE(SUM(e.present), 0) AS daysPresent, COALESCE(SUM(1 - e.present), 0) AS daysAbsent';

function add(a: LaborAmounts, b: LaborAmounts): LaborAmounts {
  return { hours: a.hours + b.hours, output: a.output + b.output, daysPresent: a.daysPresent + b.daysPresent, daysAbsent: a.daysAbsent + b.daysAbsent };
}

const ZERO: LaborAmounts = { hours: 0, output: 0, daysPresent: 0, daysAbsent: 0 };

/** Sums of day rows grouped by a key, in the days' order (ISO weeks and months are both ordered). */
function groupDays<K extends string>(days: (LaborAmounts & { date: string })[], key: (date: string) => K): Map<K, LaborAmounts> {
  const out = new Map<K, LaborAmounts>();
  for (const d of days) {
    const { date: _date, ...amounts } = d;
    out.set(key(d.date), add(out.get(key(d.date)) ?? ZERO, amounts));
  }
  return out;
}

/**
 * One workshop's totals over a period. Days are summed in SQL (an index range on workshop and
 * date); weeks and months are built from the days, so each equals the sum of its entries even
 * when an ISO week spans two months.
 */
export function laborTotals(db: Database.Database, input: { workshopId: string; from: string; to: string }): LaborTotals {
  const w = workshop(db, input.workshopId);
  const range = { w: input.workshopId, from: input.from, to: input.to };
  const days = db
    .prepare<typeof range, LaborAmounts & { date: string }>(`SELECT e.date, ${AMOUNTS} FROM labor_entries e WHERE e.workshop_id = @w AND e.date BETWEEN @from AND @to GROUP BY e.date ORDER BY e.date`)
    .all(range);
  const trainees = db
    .prepare<typeof range, LaborAmounts & { traineeId: string; fileNumber: string; fullName: string }>(
      `SELECT e.trainee_id AS traineeId, t.file_number AS fileNumber, t.full_name AS fullName, ${AMOUNTS}
       FROM labor_entries e JOIN trainees t ON t.id = e.trainee_id WHERE e.workshop_id = @w AND e.date BETWEEN @from AND @to
       GROUP BY e.trainee_id ORDER BY output DESC, t.sort_key`,
    )
    .all(range);
  const workshops = db
    .prepare<{ from: string; to: string }, LaborAmounts & { workshopId: string; name: string; unit: string }>(
      `SELECT w.workshop_id AS workshopId, w.name, w.unit, ${AMOUNTS}
       FROM labor_workshops w LEFT JOIN labor_entries e ON e.workshop_id = w.workshop_id AND e.date BETWEEN @from AND @to
       WHERE w.closed_on IS NULL OR w.closed_on >= @from GROUP BY w.workshop_id ORDER BY w.name`,
    )
    .all({ from: input.from, to: input.to });
  const weeks = [...groupDays(days, (d) => isoWeek(d).start)].map(([start, a]) => ({ week: isoWeek(start).week, start, ...a }));
  const months = [...groupDays(days, (d) => d.slice(0, 7))].map(([month, a]) => ({ month, ...a }));
  return { workshop: w, from: input.from, to: input.to, total: days.reduce<LaborAmounts>((s, d) => add(s, d), ZERO), trainees, weeks, months, days, workshops };
}
