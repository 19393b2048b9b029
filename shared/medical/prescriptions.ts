import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { todayIso } from '../dates';
import { choice, isoDate, requiredText, text, traineeId } from './common';

/**
 * The formulary, prescriptions as an immutable chain, and the medication round.
 *
 * A prescription is never edited: revising or renewing writes a new prescription that names the
 * one it replaces (`previousId`), which stops being active; discontinuing ends it. Doses of the
 * round are recorded one event per dose (DoseRecorded), all doses of a round in one transaction.
 */

/** The round's time slots, in the order of the day. */
export const DOSE_SLOTS = ['morning', 'noon', 'evening', 'night'] as const;
export type DoseSlot = (typeof DOSE_SLOTS)[number];

/**
 * When each slot ends (local wall-clock time, HH:mm): a dose not recorded by then shows as
 * missed. The round for a slot can still be recorded later (e.g. after a power cut).
 */
export const SLOT_ENDS: Record<DoseSlot, string> = { morning: '11:00', noon: '15:00', evening: '20:00', night: '23:59' };

/** Whether a slot of a day has ended by `now` (the workstation's local wall clock). */
export function slotEnded(date: string, slot: DoseSlot, now: Date): boolean {
  const today = todayIso(now);
  if (date !== today) return date < today;
  const hhmm = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  return hhmm >= SLOT_ENDS[slot];
}

/** The slot the round is in at `now`: the first of the day that has not ended. */
export function currentSlot(now: Date): DoseSlot {
  const today = todayIso(now);
  return DOSE_SLOTS.find((s) => !slotEnded(today, s, now)) ?? 'night';
}

export const DOSE_STATUSES = ['given', 'refused', 'held', 'missed'] as const;
export type DoseStatus = (typeof DOSE_STATUSES)[number];

export const DRUG_FORMS = ['tablet', 'capsule', 'syrup', 'injection', 'other'] as const;
export type DrugForm = (typeof DRUG_FORMS)[number];

const formularyItemData = z.object({
  itemId: z.uuid(),
  /** e.g. "Paracetamol", or an ARV regimen's name "TDF/3TC/DTG". */
  name: z.string().min(1),
  form: z.enum(DRUG_FORMS),
  /** e.g. "500 mg", "300/300/50 mg". */
  strength: z.string(),
  /** An antiretroviral regimen: its doses count toward ARV adherence. */
  arv: z.boolean(),
});

const prescriptionData = z.object({
  traineeId: z.uuid(),
  prescriptionId: z.uuid(),
  itemId: z.uuid(),
  /** What one dose is, as the officer writes it: "1 viên", "10 ml". */
  dose: z.string().min(1),
  slots: z.array(z.enum(DOSE_SLOTS)).min(1),
  startDate: z.string(),
  /** Last day of treatment, or null for "until discontinued" (ARV regimens). */
  endDate: z.string().nullable(),
  /** Why it is prescribed (medical data). */
  indication: z.string(),
});

export const PRESCRIPTION_EVENTS = {
  /** Stream `formulary`. */
  FormularyItemAdded: { schema: 1, data: formularyItemData },
  /** Stream `formulary`: the item's fields after the change; `active: false` takes it off the list for new prescriptions. */
  FormularyItemChanged: { schema: 1, data: formularyItemData.extend({ active: z.boolean() }) },
  /** Stream `medical:<traineeId>`: a new prescription (first of its chain). */
  PrescriptionWritten: { schema: 1, data: prescriptionData },
  /** A new prescription replacing `previousId` (dose, slots or dates changed), with a reason. */
  PrescriptionRevised: { schema: 1, data: prescriptionData.extend({ previousId: z.uuid(), reason: z.string().min(1) }) },
  /** The same treatment continued past its end date: a new prescription replacing `previousId`. */
  PrescriptionRenewed: { schema: 1, data: prescriptionData.extend({ previousId: z.uuid(), reason: z.string() }) },
  /** No more doses from `date` on. */
  PrescriptionDiscontinued: { schema: 1, data: z.object({ traineeId: z.uuid(), prescriptionId: z.uuid(), date: z.string(), reason: z.string().min(1) }) },
  /** One dose of the round: given, refused, held (by the officer's decision) or missed. */
  DoseRecorded: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      prescriptionId: z.uuid(),
      date: z.string(),
      slot: z.enum(DOSE_SLOTS),
      status: z.enum(DOSE_STATUSES),
      note: z.string(),
    }),
  },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/* ---------------------------------------------------------------- command and query inputs */

const itemId = z.uuid({ error: 'invalidId' });
const prescriptionId = z.uuid({ error: 'invalidId' });

const formularyFields = {
  name: requiredText(100),
  form: choice(DRUG_FORMS),
  strength: text(50),
  arv: z.boolean({ error: 'invalidType' }),
};

export const addFormularyItemInput = z.object(formularyFields).strict();
/** The item's fields after the change; `active: false` deactivates it (no new prescriptions). */
export const changeFormularyItemInput = z.object({ itemId, ...formularyFields, active: z.boolean({ error: 'invalidType' }) }).strict();

/** Slots of a prescription: at least one, each once, kept in the order of the day. */
export const doseSlots = z
  .array(choice(DOSE_SLOTS))
  .min(1, 'slotsRequired')
  .refine((s) => new Set(s).size === s.length, 'invalidChoice')
  .transform((s) => DOSE_SLOTS.filter((slot) => s.includes(slot)));

const treatmentFields = {
  itemId,
  dose: requiredText(100),
  slots: doseSlots,
  startDate: isoDate,
  /** null: until discontinued. */
  endDate: isoDate.nullable(),
  indication: text(300),
};

function endNotBeforeStart(v: { startDate: string; endDate: string | null }, ctx: z.RefinementCtx): void {
  if (v.endDate !== null && v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'endBeforeStart' });
}

export const writePrescriptionInput = z.object({ traineeId, ...treatmentFields }).strict().superRefine(endNotBeforeStart);
/** A new prescription replacing `previousId` from its start date on. */
export const revisePrescriptionInput = z
  .object({ traineeId, previousId: prescriptionId, ...treatmentFields, reason: requiredText(500) })
  .strict()
  .superRefine(endNotBeforeStart);
/** The same treatment continued: starts the day after the previous one ends (or today, if it has lapsed). */
export const renewPrescriptionInput = z.object({ traineeId, previousId: prescriptionId, endDate: isoDate.nullable(), reason: text(500) }).strict();
export const discontinuePrescriptionInput = z.object({ traineeId, prescriptionId, date: isoDate, reason: requiredText(500) }).strict();

export const roundKey = z.object({ date: isoDate, slot: choice(DOSE_SLOTS) });
export const roundDoseInput = z.object({ prescriptionId, status: choice(DOSE_STATUSES), note: text(300).default('') }).strict();
export const recordRoundInput = roundKey
  .extend({ doses: z.array(roundDoseInput).min(1, 'required').max(5000, 'tooLong') })
  .strict();

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const PRESCRIPTION_HANDLERS = {
  /** Every item, active first. */
  'medical.formulary.list': { input: z.object({}).strict(), permission: 'medical.read', kind: 'query' },
  'medical.formulary.add': { input: addFormularyItemInput, permission: 'medical.write', kind: 'command' },
  'medical.formulary.change': { input: changeFormularyItemInput, permission: 'medical.write', kind: 'command' },
  /** A new facility's first list (common drugs and ARV regimens); items already there are skipped. */
  'medical.formulary.addStarter': { input: z.object({}).strict(), permission: 'medical.write', kind: 'command' },
  /** One trainee's prescriptions (active, the whole chain history) and the last 30 days of doses. */
  'medical.prescriptions.get': { input: z.object({ traineeId }).strict(), permission: 'medical.read', kind: 'query' },
  'medical.prescriptions.write': { input: writePrescriptionInput, permission: 'medical.write', kind: 'command' },
  'medical.prescriptions.revise': { input: revisePrescriptionInput, permission: 'medical.write', kind: 'command' },
  'medical.prescriptions.renew': { input: renewPrescriptionInput, permission: 'medical.write', kind: 'command' },
  'medical.prescriptions.discontinue': { input: discontinuePrescriptionInput, permission: 'medical.write', kind: 'command' },
  /** Every dose due in one slot of one day, for every trainee in care, with what was recorded. */
  'medical.round.get': { input: roundKey.strict(), permission: 'medical.read', kind: 'query' },
  /** The whole round in one transaction: one DoseRecorded per dose, or nothing. */
  'medical.round.record': { input: recordRoundInput, permission: 'medical.write', kind: 'command' },
} as const satisfies Record<string, HandlerSpec>;

/* ---------------------------------------------------------------- outputs */

export interface FormularyItem {
  id: string;
  name: string;
  form: DrugForm;
  strength: string;
  arv: boolean;
  active: boolean;
}

export type PrescriptionStatus = 'active' | 'replaced' | 'discontinued';
/** How a prescription came to be: first of its chain, a revision, or a renewal. */
export type PrescriptionKind = 'written' | 'revised' | 'renewed';

export interface Prescription {
  id: string;
  traineeId: string;
  itemId: string;
  itemName: string;
  form: DrugForm | null;
  strength: string;
  arv: boolean;
  dose: string;
  slots: DoseSlot[];
  startDate: string;
  endDate: string | null;
  indication: string;
  previousId: string | null;
  status: PrescriptionStatus;
  /** The first day without doses, once discontinued or replaced. */
  stoppedDate: string | null;
  kind: PrescriptionKind;
  /** Why it was revised or renewed. */
  reason: string;
  recordedAt: string;
  recordedBy: string | null;
  /** When discontinued: why, when and by whom it was recorded. */
  stop: { reason: string; recordedAt: string; recordedBy: string | null } | null;
  seq: number;
}

/** One due dose of the administration record: what was recorded, or missed once its slot ended. */
export interface AdministrationEntry {
  date: string;
  slot: DoseSlot;
  prescriptionId: string;
  itemName: string;
  dose: string;
  status: DoseStatus | null;
  /** Not recorded and the slot has ended (computed, not written). */
  missed: boolean;
  note: string;
}

export interface TraineePrescriptions {
  traineeId: string;
  /** Newest first: active ones and their whole chains. */
  prescriptions: Prescription[];
  /** Last 30 days, newest first. */
  administration: AdministrationEntry[];
  from: string;
  to: string;
}

export interface RoundRow {
  prescriptionId: string;
  traineeId: string;
  traineeName: string;
  fileNumber: string;
  /** The trainee's room; null until the housing area assigns one. */
  room: string | null;
  itemName: string;
  strength: string;
  arv: boolean;
  dose: string;
  indication: string;
  /** What was recorded for this dose, if anything. */
  recorded: { status: DoseStatus; note: string; seq: number } | null;
  /** Not recorded and the slot has ended by the core's clock (computed, not written). */
  missed: boolean;
}

export interface Round {
  date: string;
  slot: DoseSlot;
  slotEnded: boolean;
  /** Ordered by room (no room last), then trainee, then drug. */
  rows: RoundRow[];
}

/** Output type of each handler above. */
export interface PrescriptionOutputs {
  'medical.formulary.list': FormularyItem[];
  'medical.formulary.add': { itemId: string; seq: number };
  'medical.formulary.change': { seq: number };
  'medical.formulary.addStarter': { added: number };
  'medical.prescriptions.get': TraineePrescriptions;
  'medical.prescriptions.write': { prescriptionId: string; seq: number };
  'medical.prescriptions.revise': { prescriptionId: string; seq: number };
  'medical.prescriptions.renew': { prescriptionId: string; seq: number };
  'medical.prescriptions.discontinue': { seq: number };
  'medical.round.get': Round;
  'medical.round.record': { recorded: number; firstSeq: number; lastSeq: number };
}

/**
 * Event types of this slice a person may void (their own, or anyone's as admin): a dose or a
 * prescription recorded by mistake is voided, then recorded again. Formulary items are changed
 * or deactivated instead.
 */
export const PRESCRIPTION_VOIDABLE: readonly (keyof typeof PRESCRIPTION_EVENTS)[] = [
  'PrescriptionWritten',
  'PrescriptionRevised',
  'PrescriptionRenewed',
  'PrescriptionDiscontinued',
  'DoseRecorded',
];
