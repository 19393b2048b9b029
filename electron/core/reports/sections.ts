import type Database from 'better-sqlite3';
import { ADMISSION_TYPES, RELEASE_KINDS } from '../../../shared/admissions';
import { MEASURE_KINDS } from '../../../shared/duty/conduct';
import { RATINGS, REWARD_KINDS } from '../../../shared/duty/recognition';
import { DETOX_OUTCOMES } from '../../../shared/medical/detox';
import { LITERACY_LEVELS } from '../../../shared/training/literacy';
import { COUNSELLING_KINDS } from '../../../shared/training/reintegration';
import { readSettings } from '../training/reintegration/queries';
import { REPORT_SECTIONS, type ReportGroup, type ReportRow, type ReportSection, type ReportSectionId } from '../../../shared/reports';

/**
 * The monthly report's sections. Each is one function from the projection tables (live, or as they
 * stood at the end of the month: the caller passes the as-of database) and the period to a list of
 * groups of counts. Counts only: no names, notes or per-trainee results leave these functions.
 *
 * To add a section: write a function here, add it to
 * SECTIONS below and its id to REPORT_SECTIONS in shared/reports.ts, and give its group and row
 * keys labels in renderer/i18n/reports.ts. Nothing else changes: the screen and the printed page
 * draw every section the same way.
 */
export interface Period {
  /** First and last calendar day covered (yyyy-MM-dd); `to` is today for the current month. */
  from: string;
  to: string;
  /** The same days as ISO instants (local midnights), for columns holding instants: [fromInstant, toInstant). */
  fromInstant: string;
  toInstant: string;
}

export type SectionFn = (db: Database.Database, p: Period) => ReportGroup[];

/** Rows for every code of `codes` (zero when absent), then any other key the data holds. */
function byCode(codes: readonly string[], counts: { key: string; n: number }[]): ReportRow[] {
  const found = new Map(counts.map((c) => [c.key, c.n]));
  const rows: ReportRow[] = codes.map((key) => ({ key, value: found.get(key) ?? 0 }));
  for (const c of counts) if (!codes.includes(c.key)) rows.push({ key: c.key, value: c.n });
  return rows;
}

const count = (db: Database.Database, sql: string, ...params: unknown[]): number => (db.prepare(sql).pluck().get(...params) as number | undefined) ?? 0;
const grouped = (db: Database.Database, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as { key: string; n: number }[];

/** In care at the end of a day (the day twice as parameters): admitted by then, not released by then. */
const IN_CARE_AT_END = `admission_date <= ? AND (release_date IS NULL OR release_date > ?)`;

/** Census at the start and end of the month, admissions by type, releases by kind. */
const census: SectionFn = (db, p) => {
  const startCount = count(db, `SELECT COUNT(*) FROM trainees WHERE admission_date < ? AND (release_date IS NULL OR release_date >= ?)`, p.from, p.from);
  const endCount = count(db, `SELECT COUNT(*) FROM trainees WHERE ${IN_CARE_AT_END}`, p.to, p.to);
  const admitted = grouped(db, `SELECT admission_type AS key, COUNT(*) AS n FROM trainees WHERE admission_date BETWEEN ? AND ? GROUP BY admission_type`, p.from, p.to);
  const released = grouped(db, `SELECT release_kind AS key, COUNT(*) AS n FROM trainees WHERE release_date BETWEEN ? AND ? GROUP BY release_kind`, p.from, p.to);
  const total = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);
  return [
    {
      id: 'census',
      rows: [
        { key: 'start', value: startCount },
        { key: 'admitted', value: total(admitted) },
        { key: 'released', value: total(released) },
        { key: 'end', value: endCount },
      ],
    },
    { id: 'admissionsByType', rows: byCode(ADMISSION_TYPES, admitted), chart: true },
    { id: 'releasesByKind', rows: byCode(RELEASE_KINDS, released), chart: true },
  ];
};

/** Transfers out, hospital stays (whereabouts, never why nor where), absconding. */
const movements: SectionFn = (db, p) => [
  {
    id: 'movements',
    rows: [
      { key: 'transferredOut', value: count(db, `SELECT COUNT(*) FROM trainees WHERE release_kind = 'transferred' AND release_date BETWEEN ? AND ?`, p.from, p.to) },
      { key: 'hospitalSent', value: count(db, `SELECT COUNT(*) FROM referrals WHERE date BETWEEN ? AND ?`, p.from, p.to) },
      { key: 'hospitalReturned', value: count(db, `SELECT COUNT(*) FROM referrals WHERE returned_date BETWEEN ? AND ?`, p.from, p.to) },
      { key: 'hospitalAtEnd', value: count(db, `SELECT COUNT(*) FROM referrals WHERE date <= ? AND (returned_date IS NULL OR returned_date > ?)`, p.to, p.to) },
      // Absconding and return are not recorded by the admissions area yet.
      { key: 'absconded', value: null },
    ],
  },
];

/** Screening coverage, detox episodes, ART: aggregate counts only (PRODUCT.md: the admin sees medical data in aggregate, for reports). */
const medical: SectionFn = (db, p) => {
  const admitted = count(db, `SELECT COUNT(*) FROM trainees WHERE admission_date BETWEEN ? AND ?`, p.from, p.to);
  const admittedScreened = count(
    db,
    `SELECT COUNT(*) FROM trainees t WHERE t.admission_date BETWEEN ? AND ?
       AND EXISTS (SELECT 1 FROM screening_sessions s WHERE s.trainee_id = t.id AND s.date >= t.admission_date AND s.date <= ?)`,
    p.from,
    p.to,
    p.to,
  );
  const inCareEnd = count(db, `SELECT COUNT(*) FROM trainees WHERE ${IN_CARE_AT_END}`, p.to, p.to);
  const inCareScreened = count(
    db,
    `SELECT COUNT(*) FROM trainees t WHERE ${IN_CARE_AT_END}
       AND EXISTS (SELECT 1 FROM screening_sessions s WHERE s.trainee_id = t.id AND s.date <= ?)`,
    p.to,
    p.to,
    p.to,
  );
  const closed = grouped(db, `SELECT outcome AS key, COUNT(*) AS n FROM detox_episodes WHERE closed_at >= ? AND closed_at < ? GROUP BY outcome`, p.fromInstant, p.toInstant);
  const pills = db
    .prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(expected), 0) AS expected, COALESCE(SUM(MIN(counted, expected)), 0) AS taken FROM arv_pill_counts WHERE date BETWEEN ? AND ?`)
    .get(p.from, p.to) as { n: number; expected: number; taken: number };
  return [
    {
      id: 'screening',
      rows: [
        { key: 'sessions', value: count(db, `SELECT COUNT(*) FROM screening_sessions WHERE date BETWEEN ? AND ?`, p.from, p.to) },
        { key: 'admittedScreened', value: admittedScreened, of: admitted },
        { key: 'inCareScreened', value: inCareScreened, of: inCareEnd },
      ],
    },
    {
      id: 'detox',
      rows: [
        { key: 'started', value: count(db, `SELECT COUNT(*) FROM detox_episodes WHERE started_at >= ? AND started_at < ?`, p.fromInstant, p.toInstant) },
        ...byCode(DETOX_OUTCOMES, closed).map((r) => ({ ...r, key: `closed_${r.key}` })),
        { key: 'activeAtEnd', value: count(db, `SELECT COUNT(*) FROM detox_episodes WHERE started_at < ? AND (closed_at IS NULL OR closed_at >= ?)`, p.toInstant, p.toInstant) },
      ],
    },
    {
      id: 'art',
      rows: [
        {
          key: 'onArtAtEnd',
          value: count(db, `SELECT COUNT(*) FROM arv_patients a JOIN trainees t ON t.id = a.trainee_id WHERE a.started_date <= ? AND ${IN_CARE_AT_END}`, p.to, p.to, p.to),
        },
        { key: 'started', value: count(db, `SELECT COUNT(*) FROM arv_patients WHERE started_date BETWEEN ? AND ?`, p.from, p.to) },
        { key: 'pillCounts', value: pills.n },
        // Adherence by pill count: pills taken (expected less those left over) out of those expected.
        { key: 'pillsTaken', value: pills.taken, of: pills.expected },
      ],
    },
  ];
};

/** Violations by type, measures by kind, rewards by kind, the month's ratings. */
const conduct: SectionFn = (db, p) => {
  const types = db.prepare(`SELECT type_id AS id, name, built_in AS builtIn FROM violation_types ORDER BY position`).all() as { id: string; name: string; builtIn: number }[];
  const violations = new Map(grouped(db, `SELECT type_id AS key, COUNT(*) AS n FROM conduct_violations WHERE date BETWEEN ? AND ? GROUP BY type_id`, p.from, p.to).map((r) => [r.key, r.n]));
  const violationRows: ReportRow[] = types
    .filter((t) => violations.has(t.id) || t.builtIn === 1)
    .map((t) => ({ key: t.id, ...(t.builtIn === 1 ? {} : { label: t.name }), value: violations.get(t.id) ?? 0 }));
  const month = p.from.slice(0, 7);
  return [
    { id: 'violationsByType', rows: violationRows, chart: true },
    { id: 'measuresByKind', rows: byCode(MEASURE_KINDS, grouped(db, `SELECT kind AS key, COUNT(*) AS n FROM conduct_measures WHERE start_date BETWEEN ? AND ? GROUP BY kind`, p.from, p.to)) },
    { id: 'rewardsByKind', rows: byCode(REWARD_KINDS, grouped(db, `SELECT kind AS key, COUNT(*) AS n FROM rewards WHERE date BETWEEN ? AND ? GROUP BY kind`, p.from, p.to)) },
    { id: 'ratings', rows: byCode(RATINGS, grouped(db, `SELECT rating AS key, COUNT(*) AS n FROM monthly_ratings WHERE month = ? GROUP BY rating`, month)), chart: true },
  ];
};

/** Enrolled on day D: joined by then and not withdrawn by then (docs/training.md). */
const ENROLLED_ON = `enrolled_date <= ? AND (withdrawn_date IS NULL OR withdrawn_date > ?)`;

/** Literacy classes: classes and rolls, sessions and attendance, Level 1 / Level 2 reached. */
const literacy: SectionFn = (db, p) => {
  const marks = db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(present), 0) AS present FROM class_attendance WHERE date BETWEEN ? AND ?`).get(p.from, p.to) as { n: number; present: number };
  return [
    {
      id: 'literacy',
      rows: [
        { key: 'classesOpen', value: count(db, `SELECT COUNT(*) FROM literacy_classes WHERE opened_date <= ? AND (closed_date IS NULL OR closed_date > ?)`, p.to, p.to) },
        { key: 'enrolledStart', value: count(db, `SELECT COUNT(*) FROM class_enrolments WHERE enrolled_date < ? AND (withdrawn_date IS NULL OR withdrawn_date >= ?)`, p.from, p.from) },
        { key: 'enrolled', value: count(db, `SELECT COUNT(*) FROM class_enrolments WHERE enrolled_date BETWEEN ? AND ?`, p.from, p.to) },
        { key: 'withdrawn', value: count(db, `SELECT COUNT(*) FROM class_enrolments WHERE withdrawn_date BETWEEN ? AND ?`, p.from, p.to) },
        { key: 'enrolledEnd', value: count(db, `SELECT COUNT(*) FROM class_enrolments WHERE ${ENROLLED_ON}`, p.to, p.to) },
        { key: 'sessions', value: count(db, `SELECT COUNT(*) FROM (SELECT DISTINCT class_id, date FROM class_attendance WHERE date BETWEEN ? AND ?)`, p.from, p.to) },
        // Attendance rate: trainees present of the marks of the month's sessions.
        { key: 'present', value: marks.present, of: marks.n },
      ],
    },
    { id: 'literacyCompleted', rows: byCode(LITERACY_LEVELS, grouped(db, `SELECT level AS key, COUNT(*) AS n FROM literacy_completions WHERE date BETWEEN ? AND ? GROUP BY level`, p.from, p.to)) },
  ];
};

/** Hours summed from the sheets, rounded to hundredths so a sum of decimals reads as typed. */
const hundredths = (x: number) => Math.round(x * 100) / 100;

/** Labor therapy per workshop (its name as typed; output in its own unit) and totals. */
const labor: SectionFn = (db, p) => {
  const workshops = db
    .prepare(
      `SELECT w.workshop_id AS id, w.name, w.unit,
         (SELECT COUNT(*) FROM labor_assignments a JOIN trainees t ON t.id = a.trainee_id
           WHERE a.workshop_id = w.workshop_id AND a.since <= ? AND (a.until IS NULL OR a.until > ?) AND ${IN_CARE_AT_END}) AS assigned,
         COALESCE(SUM(e.present), 0) AS days, COALESCE(SUM(e.hours), 0) AS hours, COALESCE(SUM(e.output), 0) AS output, COALESCE(SUM(1 - e.present), 0) AS absences
       FROM labor_workshops w LEFT JOIN labor_entries e ON e.workshop_id = w.workshop_id AND e.date BETWEEN ? AND ?
       WHERE w.closed_on IS NULL OR w.closed_on >= ?
       GROUP BY w.workshop_id ORDER BY w.name, w.workshop_id`,
    )
    .all(p.to, p.to, p.to, p.to, p.from, p.to, p.from) as { id: string; name: string; unit: string; assigned: number; days: number; hours: number; output: number; absences: number }[];
  const perWorkshop = (value: (w: (typeof workshops)[number]) => number, label = (w: (typeof workshops)[number]) => w.name): ReportRow[] =>
    workshops.map((w) => ({ key: w.id, label: label(w), value: value(w) }));
  const sum = (value: (w: (typeof workshops)[number]) => number) => workshops.reduce((s, w) => s + value(w), 0);
  return [
    { id: 'laborAssigned', rows: perWorkshop((w) => w.assigned) },
    { id: 'laborDays', rows: perWorkshop((w) => w.days) },
    { id: 'laborHours', rows: perWorkshop((w) => hundredths(w.hours)), chart: true },
    { id: 'laborOutput', rows: perWorkshop((w) => hundredths(w.output), (w) => `${w.name} (${w.unit})`) },
    { id: 'laborAbsences', rows: perWorkshop((w) => w.absences) },
    {
      id: 'laborTotals',
      rows: [
        { key: 'assigned', value: sum((w) => w.assigned) },
        { key: 'days', value: sum((w) => w.days) },
        { key: 'hours', value: hundredths(sum((w) => w.hours)) },
        { key: 'absences', value: sum((w) => w.absences) },
      ],
    },
  ];
};

/** Reintegration counselling: the month's sessions by kind, who was counselled, who is due at month end. */
const reintegration: SectionFn = (db, p) => {
  const { dueWithinDays } = readSettings(db);
  const due = db
    .prepare(
      `SELECT COUNT(*) AS n, COALESCE(SUM(NOT EXISTS (SELECT 1 FROM counselling_sessions s WHERE s.trainee_id = t.id AND s.date <= ?)), 0) AS notCounselled
       FROM trainees t WHERE ${IN_CARE_AT_END} AND planned_release_date <= date(?, '+' || ? || ' days')`,
    )
    .get(p.to, p.to, p.to, p.to, dueWithinDays) as { n: number; notCounselled: number };
  return [
    { id: 'counsellingByKind', rows: byCode(COUNSELLING_KINDS, grouped(db, `SELECT kind AS key, COUNT(*) AS n FROM counselling_sessions WHERE date BETWEEN ? AND ? GROUP BY kind`, p.from, p.to)), chart: true },
    {
      id: 'reintegration',
      rows: [
        { key: 'counselled', value: count(db, `SELECT COUNT(DISTINCT trainee_id) FROM counselling_sessions WHERE date BETWEEN ? AND ?`, p.from, p.to) },
        { key: 'dueAtEnd', value: due.n },
        { key: 'dueNotCounselled', value: due.notCounselled, of: due.n },
      ],
    },
  ];
};

/** Every section, in REPORT_SECTIONS order: the compiler refuses an id without its function. */
export const SECTIONS: Record<ReportSectionId, SectionFn> = { census, movements, medical, conduct, literacy, labor, reintegration };

export function computeSections(db: Database.Database, p: Period): ReportSection[] {
  return REPORT_SECTIONS.map((id) => ({ id, groups: SECTIONS[id](db, p) }));
}
