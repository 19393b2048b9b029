import type Database from 'better-sqlite3';
import { todayIso } from '../../../../shared/dates';
import {
  DOSE_SLOTS,
  slotEnded,
  type AdministrationEntry,
  type DoseSlot,
  type DoseStatus,
  type DrugForm,
  type FormularyItem,
  type Prescription,
  type PrescriptionKind,
  type PrescriptionStatus,
  type Round,
  type RoundRow,
  type TraineePrescriptions,
} from '../../../../shared/medical/prescriptions';
import { foldForSearch } from '../../../../shared/text';
import { addDays, type ItemFacts } from './decider';

interface ItemRow {
  id: string;
  name: string;
  form: DrugForm;
  strength: string;
  arv: number;
  active: number;
}

export function listFormulary(db: Database.Database): FormularyItem[] {
  const rows = db.prepare<[], ItemRow>('SELECT id, name, form, strength, arv, active FROM formulary_items').all();
  return rows
    .map((r) => ({ id: r.id, name: r.name, form: r.form, strength: r.strength, arv: r.arv === 1, active: r.active === 1 }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'vi') || a.strength.localeCompare(b.strength, 'vi'));
}

export function formularyItem(db: Database.Database, itemId: string): (ItemFacts & { name: string }) | null {
  const r = db.prepare<[string], ItemRow>('SELECT id, name, form, strength, arv, active FROM formulary_items WHERE id = ?').get(itemId);
  return r ? { id: r.id, name: r.name, arv: r.arv === 1, active: r.active === 1 } : null;
}

/** Names are unique among active items, per strength ("Paracetamol 500 mg" and "Paracetamol 250 mg" are two items); case and diacritics ignored. */
export function drugKey(name: string, strength: string): string {
  return `${foldForSearch(name)}|${foldForSearch(strength).replace(/\s+/g, '')}`;
}

export function activeDrugKeys(db: Database.Database, exceptId?: string): Set<string> {
  const rows = db.prepare<[], ItemRow>('SELECT id, name, strength FROM formulary_items WHERE active = 1').all();
  return new Set(rows.filter((r) => r.id !== exceptId).map((r) => drugKey(r.name, r.strength)));
}

/** 'in_care', 'released', or null for an unknown trainee. */
export function traineeStatus(db: Database.Database, traineeId: string): string | null {
  return db.prepare<[string], { status: string }>('SELECT status FROM trainees WHERE id = ?').get(traineeId)?.status ?? null;
}

/* ------------------------------------------------------------------------------------ the round */

interface DueRow {
  id: string;
  trainee_id: string;
  full_name: string;
  file_number: string;
  item_name: string | null;
  strength: string | null;
  arv: number;
  dose: string;
  indication: string;
  rec_status: DoseStatus | null;
  rec_note: string | null;
  rec_seq: number | null;
}

/**
 * Prescriptions in force on `date` for `slot`, of trainees in care that day, with what was
 * recorded. In force: begun, not past its end date, and not yet stopped (a replaced or
 * discontinued prescription still counts on the days before it stopped, so a late round for a
 * past day shows what was due then). Two index ranges (active ones; ones stopped after the day).
 */
const DUE_SQL = `
  WITH due AS (
    SELECT * FROM prescriptions WHERE status = 'active' AND start_date <= @date
    UNION ALL
    SELECT * FROM prescriptions WHERE stopped_date > @date AND start_date <= @date
  )
  SELECT p.id, p.trainee_id, t.full_name, t.file_number, f.name AS item_name, f.strength, p.arv, p.dose, p.indication,
         d.status AS rec_status, d.note AS rec_note, d.seq AS rec_seq
  FROM due p
  JOIN trainees t ON t.id = p.trainee_id
  LEFT JOIN formulary_items f ON f.id = p.item_id
  LEFT JOIN dose_records d ON d.prescription_id = p.id AND d.date = @date AND d.slot = @slot
  WHERE (p.end_date IS NULL OR p.end_date >= @date)
    AND instr(p.slots, @quoted) > 0
    AND t.admission_date <= @date AND (t.release_date IS NULL OR t.release_date > @date)
  ORDER BY t.sort_key, t.id, f.name, p.seq`;

export function getRound(db: Database.Database, date: string, slot: DoseSlot, now: Date): Round {
  const ended = slotEnded(date, slot, now);
  const rows = db.prepare<[{ date: string; slot: string; quoted: string }], DueRow>(DUE_SQL).all({ date, slot, quoted: `"${slot}"` });
  const out: RoundRow[] = rows.map((r) => ({
    prescriptionId: r.id,
    traineeId: r.trainee_id,
    traineeName: r.full_name,
    fileNumber: r.file_number,
    // Rooms come with the housing area: a join on the trainee's bed slots in here.
    room: null,
    itemName: r.item_name ?? '',
    strength: r.strength ?? '',
    arv: r.arv === 1,
    dose: r.dose,
    indication: r.indication,
    recorded: r.rec_status ? { status: r.rec_status, note: r.rec_note ?? '', seq: r.rec_seq ?? 0 } : null,
    missed: !r.rec_status && ended,
  }));
  // No room last; rows keep the roster order (given name) within a room.
  out.sort((a, b) => (a.room === b.room ? 0 : a.room === null ? 1 : b.room === null ? -1 : a.room.localeCompare(b.room, 'vi')));
  return { date, slot, slotEnded: ended, rows: out };
}

/** What the round's decision needs to know about each prescription a dose names. */
export interface DoseFacts {
  prescriptionId: string;
  traineeId: string;
  traineeName: string;
  itemName: string;
  status: PrescriptionStatus;
  startDate: string;
  endDate: string | null;
  stoppedDate: string | null;
  slots: DoseSlot[];
  /** Admitted by and not released before the round's date. */
  inCare: boolean;
  /** A dose already recorded for this prescription, date and slot. */
  recorded: boolean;
}

/** One query for every prescription the round names (no read per row). */
export function doseFacts(db: Database.Database, ids: readonly string[], date: string, slot: DoseSlot): Map<string, DoseFacts> {
  const rows = db
    .prepare<
      [{ ids: string; date: string; slot: string }],
      {
        id: string;
        trainee_id: string;
        full_name: string | null;
        item_name: string | null;
        status: PrescriptionStatus;
        start_date: string;
        end_date: string | null;
        stopped_date: string | null;
        slots: string;
        in_care: number;
        recorded: number;
      }
    >(
      `SELECT p.id, p.trainee_id, t.full_name, f.name AS item_name, p.status, p.start_date, p.end_date, p.stopped_date, p.slots,
              (t.admission_date <= @date AND (t.release_date IS NULL OR t.release_date > @date)) AS in_care,
              (d.seq IS NOT NULL) AS recorded
       FROM prescriptions p
       LEFT JOIN trainees t ON t.id = p.trainee_id
       LEFT JOIN formulary_items f ON f.id = p.item_id
       LEFT JOIN dose_records d ON d.prescription_id = p.id AND d.date = @date AND d.slot = @slot
       WHERE p.id IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ ids: JSON.stringify(ids), date, slot });
  return new Map(
    rows.map((r) => [
      r.id,
      {
        prescriptionId: r.id,
        traineeId: r.trainee_id,
        traineeName: r.full_name ?? '',
        itemName: r.item_name ?? '',
        status: r.status,
        startDate: r.start_date,
        endDate: r.end_date,
        stoppedDate: r.stopped_date,
        slots: JSON.parse(r.slots) as DoseSlot[],
        inCare: r.in_care === 1,
        recorded: r.recorded === 1,
      },
    ]),
  );
}

/* ----------------------------------------------------------------- one trainee's prescriptions */

interface PrescriptionRow {
  id: string;
  trainee_id: string;
  item_id: string;
  item_name: string | null;
  form: DrugForm | null;
  strength: string | null;
  arv: number;
  dose: string;
  slots: string;
  start_date: string;
  end_date: string | null;
  indication: string;
  previous_id: string | null;
  status: PrescriptionStatus;
  stopped_date: string | null;
  seq: number;
}

interface ChangeRow {
  prescription_id: string;
  type: string;
  reason: string;
  recorded_at: string;
  actor_name: string | null;
}

const KIND: Record<string, PrescriptionKind> = { PrescriptionWritten: 'written', PrescriptionRevised: 'revised', PrescriptionRenewed: 'renewed' };

/** Days of the administration record, today included. */
export const ADMINISTRATION_DAYS = 30;

export function traineePrescriptions(db: Database.Database, traineeId: string, now: Date): TraineePrescriptions {
  const rows = db
    .prepare<[string], PrescriptionRow>(
      `SELECT p.*, f.name AS item_name, f.form, f.strength FROM prescriptions p LEFT JOIN formulary_items f ON f.id = p.item_id
       WHERE p.trainee_id = ? ORDER BY p.seq DESC`,
    )
    .all(traineeId);
  const changes = db
    .prepare<[string], ChangeRow>(
      `SELECT c.prescription_id, c.type, c.reason, c.recorded_at, u.full_name AS actor_name
       FROM prescription_changes c LEFT JOIN users u ON u.id = c.actor WHERE c.trainee_id = ? ORDER BY c.seq`,
    )
    .all(traineeId);
  const made = new Map<string, ChangeRow>();
  const stopped = new Map<string, ChangeRow>();
  for (const c of changes) (c.type === 'PrescriptionDiscontinued' ? stopped : made).set(c.prescription_id, c);

  const prescriptions: Prescription[] = rows.map((r) => {
    const m = made.get(r.id);
    const s = stopped.get(r.id);
    return {
      id: r.id,
      traineeId: r.trainee_id,
      itemId: r.item_id,
      itemName: r.item_name ?? '',
      form: r.form,
      strength: r.strength ?? '',
      arv: r.arv === 1,
      dose: r.dose,
      slots: JSON.parse(r.slots) as DoseSlot[],
      startDate: r.start_date,
      endDate: r.end_date,
      indication: r.indication,
      previousId: r.previous_id,
      status: r.status,
      stoppedDate: r.stopped_date,
      kind: (m && KIND[m.type]) ?? 'written',
      reason: m?.reason ?? '',
      recordedAt: m?.recorded_at ?? '',
      recordedBy: m?.actor_name ?? null,
      stop: s ? { reason: s.reason, recordedAt: s.recorded_at, recordedBy: s.actor_name } : null,
      seq: r.seq,
    };
  });

  const to = todayIso(now);
  const from = addDays(to, -(ADMINISTRATION_DAYS - 1));
  const doses = db
    .prepare<[string, string, string], { prescription_id: string; date: string; slot: DoseSlot; status: DoseStatus; note: string }>(
      'SELECT prescription_id, date, slot, status, note FROM dose_records WHERE trainee_id = ? AND date >= ? AND date <= ?',
    )
    .all(traineeId, from, to);
  const recorded = new Map(doses.map((d) => [`${d.prescription_id}|${d.date}|${d.slot}`, d]));
  const byId = new Map(prescriptions.map((p) => [p.id, p]));
  const entries = new Map<string, AdministrationEntry>();
  // Every dose due in the window (a handful of prescriptions × 30 days × 4 slots at most), then
  // whatever was recorded outside what is due now (e.g. before a retroactive stop).
  for (const p of prescriptions) {
    let day = p.startDate > from ? p.startDate : from;
    const last = [to, p.endDate, p.stoppedDate ? addDays(p.stoppedDate, -1) : null].filter((d): d is string => d !== null).sort()[0]!;
    for (; day <= last; day = addDays(day, 1)) {
      for (const slot of p.slots) {
        const key = `${p.id}|${day}|${slot}`;
        const d = recorded.get(key);
        entries.set(key, {
          date: day,
          slot,
          prescriptionId: p.id,
          itemName: p.itemName,
          dose: p.dose,
          status: d?.status ?? null,
          missed: !d && slotEnded(day, slot, now),
          note: d?.note ?? '',
        });
      }
    }
  }
  for (const [key, d] of recorded) {
    if (entries.has(key)) continue;
    const p = byId.get(d.prescription_id);
    entries.set(key, { date: d.date, slot: d.slot, prescriptionId: d.prescription_id, itemName: p?.itemName ?? '', dose: p?.dose ?? '', status: d.status, missed: false, note: d.note });
  }
  const slotIndex = (s: DoseSlot) => DOSE_SLOTS.indexOf(s);
  const administration = [...entries.values()].sort(
    (a, b) => b.date.localeCompare(a.date) || slotIndex(b.slot) - slotIndex(a.slot) || a.itemName.localeCompare(b.itemName, 'vi'),
  );
  return { traineeId, prescriptions, administration, from, to };
}
