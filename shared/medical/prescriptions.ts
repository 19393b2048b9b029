import { z } from 'zod';
import type { HandlerSpec } from '../api';

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

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const PRESCRIPTION_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler above. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PrescriptionOutputs {}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const PRESCRIPTION_VOIDABLE: readonly (keyof typeof PRESCRIPTION_EVENTS)[] = [];
