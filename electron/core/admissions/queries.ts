import type Database from 'better-sqlite3';
import type { HandlerParsed, TimelineEntry } from '../../../shared/api';
import type { TraineeList, TraineeRecord, TraineeSummary } from '../../../shared/admissions';
import { SenError } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import { foldForSearch } from '../../../shared/text';
import type { EventStore } from '../store/eventStore';
import { redactMedicalEvents } from '../medical/redaction';
import type { Permission } from '../../../shared/roles';
import { restrictionsInForce } from '../medical/flags/queries';
import { keepApartRuleIds } from '../duty/keepApart/queries';

interface TraineeRow {
  id: string;
  file_number: string;
  full_name: string;
  sex: string;
  date_of_birth: string;
  id_number: string;
  home_address: string;
  admission_type: string;
  decision_number: string;
  admission_date: string;
  planned_release_date: string;
  education_level: string;
  substances: string;
  family_contact: string;
  status: string;
  phase: string;
  release_date: string | null;
  release_kind: string | null;
  release_note: string;
  version: number;
}

/** The roster's join with `trainee_flags` (the flags slice): facts only, never reasons. */
interface FlagColumns {
  housing_since?: string | null;
  hospital_since?: string | null;
  restrictions?: string | null;
}

/** Who asks and on which day: restrictions are shown to `trainee.restrictions` holders only. */
export interface RosterViewer {
  day: string;
  seesRestrictions: boolean;
}

type FlagFacts = Pick<TraineeSummary, 'atHospital' | 'separateHousing' | 'workRestrictions'>;

function flagFacts(r: FlagColumns, viewer: RosterViewer): FlagFacts {
  return {
    atHospital: Boolean(r.hospital_since),
    separateHousing: viewer.seesRestrictions ? Boolean(r.housing_since) : null,
    workRestrictions: viewer.seesRestrictions ? restrictionsInForce(r.restrictions ?? null, viewer.day).map((x) => x.restriction) : null,
  };
}

function toSummary(r: TraineeRow): Omit<TraineeSummary, keyof FlagFacts> {
  return {
    id: r.id,
    fileNumber: r.file_number,
    fullName: r.full_name,
    sex: r.sex,
    dateOfBirth: r.date_of_birth,
    admissionType: r.admission_type,
    admissionDate: r.admission_date,
    plannedReleaseDate: r.planned_release_date,
    status: r.status,
    phase: r.phase,
    releaseDate: r.release_date,
  } as Omit<TraineeSummary, keyof FlagFacts>;
}

/** LIKE pattern for a folded search term, with LIKE's wildcards escaped. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listTrainees(db: Database.Database, input: HandlerParsed<'trainees.list'>, viewer: RosterViewer): TraineeList {
  const where: string[] = [];
  const params: string[] = [];
  const term = foldForSearch(input.search);
  if (term) {
    where.push("search_text LIKE ? ESCAPE '\\'");
    params.push(likePattern(term));
  }
  if (input.status !== 'all') {
    where.push('status = ?');
    params.push(input.status);
  }
  if (input.admissionType !== 'all') {
    where.push('admission_type = ?');
    params.push(input.admissionType);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // One primary-key lookup per row into trainee_flags (rows only for trainees with something in force).
  const items = db
    .prepare<(string | number)[], TraineeRow & FlagColumns>(
      `SELECT trainees.*, f.housing_since, f.hospital_since, f.restrictions FROM trainees LEFT JOIN trainee_flags f ON f.trainee_id = trainees.id
       ${whereSql} ORDER BY sort_key, file_number LIMIT ?`,
    )
    .all(...params, input.limit)
    .map((r) => ({ ...toSummary(r), ...flagFacts(r, viewer) }));
  const shown = items.length < input.limit ? items.length : db.prepare<string[], { n: number }>(`SELECT COUNT(*) AS n FROM trainees ${whereSql}`).get(...params)!.n;
  // Facility-wide counts, from the (status, admission_type) index alone.
  const groups = db
    .prepare<[], { status: string; admission_type: string; n: number }>('SELECT status, admission_type, COUNT(*) AS n FROM trainees GROUP BY status, admission_type')
    .all();
  const count = (status: string, type?: string) => groups.filter((g) => g.status === status && (!type || g.admission_type === type)).reduce((s, g) => s + g.n, 0);
  return {
    items,
    counts: { shown, inCare: count('in_care'), released: count('released'), compulsory: count('in_care', 'compulsory'), voluntary: count('in_care', 'voluntary') },
    truncated: shown > items.length,
  };
}

export function fileNumberInUse(db: Database.Database, fileNumber: string): boolean {
  return db.prepare('SELECT 1 FROM trainees WHERE file_number = ?').get(fileNumber) !== undefined;
}

export function getTrainee(db: Database.Database, id: string): TraineeRecord {
  const r = db.prepare<[string], TraineeRow>('SELECT * FROM trainees WHERE id = ?').get(id);
  if (!r) throw new SenError('NOT_FOUND', 'No such trainee.');
  return {
    ...toSummary(r),
    idNumber: r.id_number,
    homeAddress: r.home_address,
    decisionNumber: r.decision_number,
    educationLevel: r.education_level,
    substances: JSON.parse(r.substances),
    familyContact: JSON.parse(r.family_contact),
    releaseKind: r.release_kind,
    releaseNote: r.release_note,
    version: r.version,
  } as TraineeRecord;
}

/**
 * The trainee's own events, newest first, each with the name of who recorded it. As of a past
 * date: only the events recorded before `recordedBefore`, names from that date's `view`.
 */
export function traineeTimeline(
  store: EventStore,
  id: string,
  view: Database.Database = store.db,
  recordedBefore: string | null = null,
  /** What the viewer holds: medical officers get the medical stream whole, others what their permissions allow. */
  may: (permission: Permission) => boolean = () => false,
): TimelineEntry[] {
  const own = store.readStream(streams.trainee(id));
  if (own.length === 0) throw new SenError('NOT_FOUND', 'No such trainee.');
  // The medical stream joins the timeline whole for medical officers, reduced for everyone else.
  const medical = store.readStream(streams.medical(id));
  // Beds and conduct (violations, measures, rewards, ratings) for those who hold duty.read.
  // Keep-apart rules naming the trainee too (each rule is its own stream, found by the indexed table).
  const duty = may('duty.read')
    ? [...store.readStream(streams.housing(id)), ...store.readStream(streams.conduct(id)), ...keepApartRuleIds(store.db, id).flatMap((r) => store.readStream(streams.keepApart(r)))]
    : [];
  // Literacy, labor therapy and reintegration counselling, each for those who read that area.
  const training = [
    ...(may('literacy.read') ? store.readStream(streams.literacy(id)) : []),
    ...(may('labor.read') ? store.readStream(streams.labor(id)) : []),
    ...(may('reintegration.read') ? store.readStream(streams.reintegration(id)) : []),
  ];
  const merged = [...own, ...(may('medical.read') ? medical : redactMedicalEvents(medical, may)), ...duty, ...training].sort((a, b) => a.seq - b.seq);
  const events = recordedBefore === null ? merged : merged.filter((e) => e.recordedAt < recordedBefore);
  if (events.length === 0) throw new SenError('NOT_FOUND', 'No such trainee.');
  const names = new Map(
    view.prepare<[], { id: string; full_name: string }>('SELECT id, full_name FROM users').all().map((u) => [u.id, u.full_name]),
  );
  const actor = (id: string | null) => (id ? { id, fullName: names.get(id) ?? id } : null);
  const voids = new Map(
    events.flatMap((e) => (e.type === 'EventVoided' ? [[e.data.seq, { bySeq: e.seq, reason: e.data.reason, actor: actor(e.meta.actor), recordedAt: e.recordedAt }] as const] : [])),
  );
  return events.reverse().map((e) => ({
    seq: e.seq,
    type: e.type,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    actor: actor(e.meta.actor),
    meta: e.meta,
    data: e.data as Record<string, unknown>,
    voided: voids.get(e.seq) ?? null,
  }));
}
