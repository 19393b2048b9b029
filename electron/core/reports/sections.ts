import type Database from 'better-sqlite3';
import { ADMISSION_TYPES, RELEASE_KINDS } from '../../../shared/admissions';
import { MEASURE_KINDS } from '../../../shared/duty/conduct';
import { RATINGS, REWARD_KINDS } from '../../../shared/duty/recognition';
import { DETOX_OUTCOMES } from '../../../shared/medical/detox';
import { REPORT_SECTIONS, type ReportGroup, type ReportRow, type ReportSection, type ReportSectionId } from '../../../shared/reports';

/**
 * The monthly report's sections. Each is one function from the projection tables (live, or as they
 * stood at the end of the month: the caller passes the as-of database) and the period to a list of
 * groups of counts. Counts only: no names, notes or per-trainee results leave these functions.
 *
 * To add a section (literacy, labor when issue 7 lands): write a function here, add it to
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

/** Every section, in REPORT_SECTIONS order: the compiler refuses an id without its function. */
export const SECTIONS: Record<ReportSectionId, SectionFn> = { census, movements, medical, conduct };

export function computeSections(db: Database.Database, p: Period): ReportSection[] {
  return REPORT_SECTIONS.map((id) => ({ id, groups: SECTIONS[id](db, p) }));
}
