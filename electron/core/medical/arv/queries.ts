import type Database from 'better-sqlite3';
import { SenError } from '../../../../shared/errors';
import type {
  Adherence,
  ArtChangeReason,
  ArvDashboard,
  ArvDashboardRow,
  ArvSummary,
  CurrentRegimen,
  LabEntry,
  LabTest,
  RegimenRef,
} from '../../../../shared/medical/arv';
import { ADHERENCE_WINDOW_DAYS } from '../../../../shared/medical/arv';
import type { MedicalSettings } from '../../../../shared/medical/common';
import type { DoseSlot } from '../../../../shared/medical/prescriptions';
import { addDays } from '../../demo/calendar';
import { computeAdherence, type ArvPrescriptionSpan, type RecordedDose } from './adherence';
import type { CurrentArv, FormularyFacts, LabFacts, TraineeFacts } from './decider';

/**
 * Reads for the ARV decisions and screens. Everything comes from projection tables (this slice's,
 * the trainees roster, and the prescriptions slice's formulary_items / prescriptions / dose_records),
 * never from streams, so the dashboard is a handful of indexed queries at any log size.
 */

/** "Now" for a query: the calendar day and the local "HH:mm" (a past day is over: "24:00"). */
export interface Clock {
  today: string;
  time: string;
}

interface PrescriptionRow {
  id: string;
  trainee_id: string;
  item_id: string;
  dose: string;
  slots: string;
  start_date: string;
  end_date: string | null;
  stopped_date: string | null;
}

function span(r: PrescriptionRow): ArvPrescriptionSpan {
  return { id: r.id, slots: JSON.parse(r.slots) as DoseSlot[], startDate: r.start_date, endDate: r.end_date, stoppedDate: r.stopped_date };
}

export function traineeFacts(db: Database.Database, traineeId: string): TraineeFacts | null {
  const row = db.prepare<[string], { admission_date: string; status: string }>('SELECT admission_date, status FROM trainees WHERE id = ?').get(traineeId);
  return row ? { admissionDate: row.admission_date, released: row.status === 'released' } : null;
}

export function formularyFacts(db: Database.Database, itemId: string): FormularyFacts | null {
  const row = db.prepare<[string], { id: string; arv: number; active: number }>('SELECT id, arv, active FROM formulary_items WHERE id = ?').get(itemId);
  return row ? { id: row.id, arv: row.arv === 1, active: row.active === 1 } : null;
}

/** The trainee's ARV prescription in force (the latest, should someone have written two). */
export function currentArv(db: Database.Database, traineeId: string): CurrentArv | null {
  const row = db
    .prepare<[string], { id: string; item_id: string; start_date: string }>(
      `SELECT id, item_id, start_date FROM prescriptions WHERE trainee_id = ? AND arv = 1 AND status = 'active' ORDER BY seq DESC LIMIT 1`,
    )
    .get(traineeId);
  return row ? { prescriptionId: row.id, itemId: row.item_id, startDate: row.start_date } : null;
}

export function labFacts(db: Database.Database, traineeId: string, labId: string): LabFacts | null {
  const row = db
    .prepare<[string, string], { test: LabTest; requested_date: string; received_date: string | null }>(
      'SELECT test, requested_date, received_date FROM arv_labs WHERE lab_id = ? AND trainee_id = ?',
    )
    .get(labId, traineeId);
  return row ? { test: row.test, requestedDate: row.requested_date, received: row.received_date !== null } : null;
}

/** One trainee's ARV prescriptions that were in force at some point of the window. */
const WINDOW_PRESCRIPTIONS = `SELECT p.id, p.trainee_id, p.item_id, p.dose, p.slots, p.start_date, p.end_date, p.stopped_date
  FROM prescriptions p
  WHERE p.trainee_id = @traineeId AND p.arv = 1 AND p.start_date <= @today
    AND (p.end_date IS NULL OR p.end_date >= @from) AND (p.stopped_date IS NULL OR p.stopped_date > @from)`;

function adherenceOf(db: Database.Database, traineeId: string, clock: Clock): Adherence {
  const from = addDays(clock.today, -(ADHERENCE_WINDOW_DAYS - 1));
  const prescriptions = db.prepare<{ traineeId: string; today: string; from: string }, PrescriptionRow>(WINDOW_PRESCRIPTIONS).all({ traineeId, today: clock.today, from });
  const doseStmt = db.prepare<[string, string, string], RecordedDose>(
    'SELECT prescription_id AS prescriptionId, date, slot, status FROM dose_records WHERE prescription_id = ? AND date BETWEEN ? AND ?',
  );
  const doses = prescriptions.flatMap((p) => doseStmt.all(p.id, from, clock.today));
  return computeAdherence(prescriptions.map(span), doses, clock.today, clock.time);
}

interface ItemRow {
  id: string;
  name: string;
  strength: string;
}

function itemsById(db: Database.Database): Map<string, RegimenRef> {
  const rows = db.prepare<[], ItemRow>('SELECT id, name, strength FROM formulary_items WHERE arv = 1').all();
  return new Map(rows.map((r) => [r.id, { itemId: r.id, name: r.name, strength: r.strength }]));
}

function ref(items: Map<string, RegimenRef>, id: string): RegimenRef {
  return items.get(id) ?? { itemId: id, name: '?', strength: '' };
}

function viralLoadDue(startedDate: string | null, labs: readonly { test: LabTest; requestedDate: string }[], settings: MedicalSettings): string | null {
  if (startedDate === null) return null;
  const last = labs.filter((l) => l.test === 'viral_load').reduce<string>((max, l) => (l.requestedDate > max ? l.requestedDate : max), startedDate);
  return addDays(last, settings.viralLoadIntervalDays);
}

export function arvSummary(db: Database.Database, traineeId: string, clock: Clock, settings: MedicalSettings): ArvSummary {
  const trainee = traineeFacts(db, traineeId);
  if (!trainee) throw new SenError('NOT_FOUND', 'No such trainee.');
  const items = itemsById(db);
  const started = db.prepare<[string], { started_date: string }>('SELECT started_date FROM arv_patients WHERE trainee_id = ?').get(traineeId);

  const regimens = db
    .prepare<[string], { seq: number; kind: 'start' | 'change'; date: string; stopped_item_id: string | null; started_item_id: string; reason_code: ArtChangeReason | null; reason_text: string }>(
      'SELECT seq, kind, date, stopped_item_id, started_item_id, reason_code, reason_text FROM arv_regimens WHERE trainee_id = ? ORDER BY seq',
    )
    .all(traineeId)
    .map((r) => ({
      seq: r.seq,
      kind: r.kind,
      date: r.date,
      stopped: r.stopped_item_id === null ? null : ref(items, r.stopped_item_id),
      started: ref(items, r.started_item_id),
      reasonCode: r.reason_code,
      reasonText: r.reason_text,
    }));

  const cur = db
    .prepare<[string], PrescriptionRow>(
      `SELECT id, trainee_id, item_id, dose, slots, start_date, end_date, stopped_date FROM prescriptions
       WHERE trainee_id = ? AND arv = 1 AND status = 'active' ORDER BY seq DESC LIMIT 1`,
    )
    .get(traineeId);
  const current: CurrentRegimen | null = cur
    ? { ...ref(items, cur.item_id), prescriptionId: cur.id, dose: cur.dose, slots: JSON.parse(cur.slots) as DoseSlot[], since: cur.start_date }
    : null;

  const pillCounts = db
    .prepare<[string], { seq: number; date: string; expected: number; counted: number; note: string }>(
      'SELECT seq, date, expected, counted, note FROM arv_pill_counts WHERE trainee_id = ? ORDER BY date DESC, seq DESC',
    )
    .all(traineeId)
    .map((r) => ({ ...r, percent: Math.floor((r.counted * 100) / r.expected) }));
  const counselling = db
    .prepare<[string], { seq: number; date: string; session: number; notes: string }>(
      'SELECT seq, date, session, notes FROM arv_counselling WHERE trainee_id = ? ORDER BY date DESC, seq DESC',
    )
    .all(traineeId);
  const labs: LabEntry[] = db
    .prepare<[string], { lab_id: string; requested_seq: number; test: LabTest; requested_date: string; received_date: string | null; value: number | null; undetectable: number; result_seq: number | null }>(
      'SELECT * FROM arv_labs WHERE trainee_id = ? ORDER BY requested_date DESC, requested_seq DESC',
    )
    .all(traineeId)
    .map((r) => ({
      labId: r.lab_id,
      seq: r.requested_seq,
      test: r.test,
      requestedDate: r.requested_date,
      receivedDate: r.received_date,
      value: r.value,
      undetectable: r.undetectable === 1,
      resultSeq: r.result_seq,
      high: r.test === 'viral_load' && r.value !== null && r.undetectable === 0 && r.value >= settings.viralLoadHighCopies,
    }));

  return {
    traineeId,
    admissionDate: trainee.admissionDate,
    startedDate: started?.started_date ?? null,
    current,
    regimens,
    adherence: adherenceOf(db, traineeId, clock),
    pillCounts,
    counselling,
    labs,
    regimenOptions: db.prepare<[], ItemRow>('SELECT id, name, strength FROM formulary_items WHERE arv = 1 AND active = 1 ORDER BY name').all().map((r) => ({ itemId: r.id, name: r.name, strength: r.strength })),
    nextSession: counselling.reduce((max, c) => Math.max(max, c.session), 0) + 1,
    viralLoadDue: viralLoadDue(started?.started_date ?? null, labs, settings),
    adherenceThresholdPercent: settings.adherenceThresholdPercent,
  };
}

/** ARV prescriptions of the trainees in care on ART that were in force at some point of the window. */
const IN_SCOPE = `SELECT p.id, p.trainee_id, p.slots, p.start_date, p.end_date, p.stopped_date
  FROM arv_patients a JOIN trainees t ON t.id = a.trainee_id AND t.status = 'in_care'
  JOIN prescriptions p ON p.trainee_id = a.trainee_id
  WHERE p.arv = 1 AND p.start_date <= @today AND (p.end_date IS NULL OR p.end_date >= @from) AND (p.stopped_date IS NULL OR p.stopped_date > @from)`;

/** The dashboard's queries (exported so a test can check their plans: indexed, no scan of the dose log). */
export const DASHBOARD_SQL = {
  prescriptions: IN_SCOPE,
  // Doses by primary-key range of each prescription in scope, never a scan of ten years of doses.
  doses: `SELECT s.trainee_id, d.prescription_id AS prescriptionId, d.date, d.slot, d.status
    FROM (${IN_SCOPE}) s JOIN dose_records d ON d.prescription_id = s.id AND d.date BETWEEN @from AND @today`,
  viralLoads: `SELECT l.trainee_id, l.requested_date, l.received_date, l.value, l.undetectable FROM arv_labs l
    JOIN arv_patients a ON a.trainee_id = l.trainee_id WHERE l.test = 'viral_load' ORDER BY l.requested_date, l.requested_seq`,
  lastCounselling: 'SELECT trainee_id, MAX(date) AS last FROM arv_counselling GROUP BY trainee_id',
};

/**
 * Trainees in care on ART needing attention. Five queries whatever the number of trainees: the
 * patients, their ARV prescriptions in the window, those prescriptions' doses (by primary key
 * range), their viral loads, their last counselling; the rest is computed here.
 */
export function arvDashboard(db: Database.Database, clock: Clock, settings: MedicalSettings): ArvDashboard {
  const from = addDays(clock.today, -(ADHERENCE_WINDOW_DAYS - 1));
  const patients = db
    .prepare<[], { trainee_id: string; started_date: string; full_name: string; file_number: string }>(
      `SELECT a.trainee_id, a.started_date, t.full_name, t.file_number FROM arv_patients a
       JOIN trainees t ON t.id = a.trainee_id WHERE t.status = 'in_care' ORDER BY t.sort_key`,
    )
    .all();
  const params = { today: clock.today, from };
  const prescriptions = db.prepare<typeof params, PrescriptionRow>(DASHBOARD_SQL.prescriptions).all(params);
  const doses = db.prepare<typeof params, RecordedDose & { trainee_id: string }>(DASHBOARD_SQL.doses).all(params);
  const viralLoads = db
    .prepare<[], { trainee_id: string; requested_date: string; received_date: string | null; value: number | null; undetectable: number }>(DASHBOARD_SQL.viralLoads)
    .all();
  const lastCounselling = new Map(db.prepare<[], { trainee_id: string; last: string }>(DASHBOARD_SQL.lastCounselling).all().map((r) => [r.trainee_id, r.last]));

  const group = <T extends { trainee_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.trainee_id, [...(m.get(r.trainee_id) ?? []), r]);
    return m;
  };
  const prescriptionsBy = group(prescriptions);
  const dosesBy = group(doses);
  const viralLoadsBy = group(viralLoads);

  const rows: ArvDashboardRow[] = [];
  for (const p of patients) {
    const adherence = computeAdherence((prescriptionsBy.get(p.trainee_id) ?? []).map(span), (dosesBy.get(p.trainee_id) ?? []) as RecordedDose[], clock.today, clock.time);
    const vls = viralLoadsBy.get(p.trainee_id) ?? [];
    const due = viralLoadDue(p.started_date, vls.map((v) => ({ test: 'viral_load' as const, requestedDate: v.requested_date })), settings) ?? clock.today;
    const lastResult = vls.filter((v) => v.received_date !== null).at(-1);
    const highViralLoad =
      lastResult && lastResult.undetectable === 0 && lastResult.value !== null && lastResult.value >= settings.viralLoadHighCopies
        ? { value: lastResult.value, receivedDate: lastResult.received_date! }
        : null;
    const counselled = lastCounselling.get(p.trainee_id);
    const row: ArvDashboardRow = {
      traineeId: p.trainee_id,
      fullName: p.full_name,
      fileNumber: p.file_number,
      adherence,
      lowAdherence: adherence.percent !== null && adherence.percent < settings.adherenceThresholdPercent,
      viralLoadDue: due,
      viralLoadOverdue: due <= clock.today,
      viralLoadPending: vls.some((v) => v.received_date === null),
      highViralLoad,
      counsellingDue: highViralLoad !== null && (counselled === undefined || counselled < highViralLoad.receivedDate),
    };
    if (row.lowAdherence || row.viralLoadOverdue || row.highViralLoad || row.counsellingDue) rows.push(row);
  }
  return { rows, onArt: patients.length, adherenceThresholdPercent: settings.adherenceThresholdPercent };
}

