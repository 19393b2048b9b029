import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { asOf } from '../admissions';
import { choice, isoDate, requiredText, text, traineeId } from './common';
import { doseSlots, type DoseSlot } from './prescriptions';

/**
 * ARV care: ART start and regimen changes, pill counts, adherence counselling, CD4 and viral load.
 *
 * Starting ART and changing the regimen also write the regimen's prescription (PrescriptionWritten,
 * and PrescriptionDiscontinued for the regimen stopped) in the same append, so the medication round
 * lists the ARV doses and adherence is computed from what the round recorded. Everything here is
 * HIV care: invisible to every role but `medical` (redaction null for every event).
 */

/** Why a regimen was changed (coded, as in KenyaEMR), with free text beside it. */
export const ART_CHANGE_REASONS = ['toxicity', 'treatment_failure', 'drug_interaction', 'stock_out', 'new_guideline', 'pregnancy', 'other'] as const;
export type ArtChangeReason = (typeof ART_CHANGE_REASONS)[number];

export const LAB_TESTS = ['cd4', 'viral_load'] as const;
export type LabTest = (typeof LAB_TESTS)[number];

/** Upper bounds of a plausible result: CD4 in cells/mm³, viral load in copies/mL. */
export const LAB_VALUE_MAX: Record<LabTest, number> = { cd4: 5000, viral_load: 100_000_000 };

/** Days of round records adherence looks back on (today included). */
export const ADHERENCE_WINDOW_DAYS = 30;

/** The indication written on an ARV regimen's prescription (language-neutral). */
export const ART_INDICATION = 'ARV';

const count = z.number({ error: 'invalidType' }).int('invalid').min(0, 'outOfRange').max(10_000, 'outOfRange');
/** The regimen's slots, as the prescriptions slice checks them (each once, kept in the order of the day). */
const slots = doseSlots;

export const ARV_EVENTS = {
  /** ART begins with regimen `itemId` (an ARV formulary item); its prescription is written in the same append. */
  ArtStarted: { schema: 1, data: z.object({ traineeId: z.uuid(), date: z.string(), itemId: z.uuid(), prescriptionId: z.uuid() }) },
  /** One regimen replaced by another from `date` (the old prescription discontinued, the new written, same append). */
  ArtRegimenChanged: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      date: z.string(),
      stoppedItemId: z.uuid(),
      startedItemId: z.uuid(),
      stoppedPrescriptionId: z.uuid(),
      newPrescriptionId: z.uuid(),
      reasonCode: z.enum(ART_CHANGE_REASONS),
      reasonText: z.string(),
    }),
  },
  /** Tablets that should have been taken since the last count, and tablets taken by the count. */
  PillCountRecorded: { schema: 1, data: z.object({ traineeId: z.uuid(), date: z.string(), expected: z.number().int().positive(), counted: z.number().int().min(0), note: z.string() }) },
  AdherenceCounsellingRecorded: { schema: 1, data: z.object({ traineeId: z.uuid(), date: z.string(), session: z.number().int().positive(), notes: z.string() }) },
  LabRequested: { schema: 1, data: z.object({ traineeId: z.uuid(), labId: z.uuid(), test: z.enum(LAB_TESTS), requestedDate: z.string() }) },
  /** `value`: CD4 cells/mm³ or viral load copies/mL; `undetectable` (viral load only): below the test's detection limit. */
  LabResultReceived: { schema: 1, data: z.object({ traineeId: z.uuid(), labId: z.uuid(), receivedDate: z.string(), value: z.number().int().min(0), undetectable: z.boolean() }) },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

export type ArvEventType = keyof typeof ARV_EVENTS;

// ---- command and query inputs (messages are `validation.` keys) ----

export const startArtInput = z
  .object({
    traineeId,
    date: isoDate,
    itemId: z.uuid({ error: 'required' }),
    dose: requiredText(100),
    slots,
  })
  .strict();

export const changeRegimenInput = z
  .object({
    traineeId,
    date: isoDate,
    /** The regimen started. */
    itemId: z.uuid({ error: 'required' }),
    dose: requiredText(100),
    slots,
    reasonCode: choice(ART_CHANGE_REASONS),
    reasonText: text(500),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.reasonCode === 'other' && v.reasonText === '') ctx.addIssue({ code: 'custom', path: ['reasonText'], message: 'required' });
  });

export const pillCountInput = z
  .object({ traineeId, date: isoDate, expected: count.min(1, 'outOfRange'), counted: count, note: text(500) })
  .strict();

export const counsellingInput = z
  .object({ traineeId, date: isoDate, session: z.number({ error: 'invalidType' }).int('invalid').min(1, 'outOfRange').max(100, 'outOfRange'), notes: text(2000) })
  .strict();

export const labRequestInput = z.object({ traineeId, test: choice(LAB_TESTS), requestedDate: isoDate }).strict();

export const labResultInput = z
  .object({
    traineeId,
    labId: z.uuid({ error: 'invalidId' }),
    receivedDate: isoDate,
    value: z.number({ error: 'invalidType' }).int('invalid').min(0, 'outOfRange').max(LAB_VALUE_MAX.viral_load, 'outOfRange'),
    undetectable: z.boolean({ error: 'invalidType' }),
  })
  .strict();

export const arvSummaryInput = z.object({ traineeId, asOf }).strict();
export const arvDashboardInput = z.object({ asOf }).strict();

export const ARV_HANDLERS = {
  /** Start ART: ArtStarted + the regimen's PrescriptionWritten, one append. */
  'medical.arv.start': { input: startArtInput, permission: 'medical.write', kind: 'command' },
  /** ArtRegimenChanged + PrescriptionDiscontinued (old) + PrescriptionWritten (new), one append. */
  'medical.arv.changeRegimen': { input: changeRegimenInput, permission: 'medical.write', kind: 'command' },
  'medical.arv.recordPillCount': { input: pillCountInput, permission: 'medical.write', kind: 'command' },
  'medical.arv.recordCounselling': { input: counsellingInput, permission: 'medical.write', kind: 'command' },
  'medical.arv.requestLab': { input: labRequestInput, permission: 'medical.write', kind: 'command' },
  'medical.arv.recordLabResult': { input: labResultInput, permission: 'medical.write', kind: 'command' },
  /** One trainee's HIV care: regimens, adherence, pill counts, counselling, labs. */
  'medical.arv.summary': { input: arvSummaryInput, permission: 'medical.read', kind: 'query' },
  /** Trainees on ART needing attention: low adherence, viral load due or high, counselling due. */
  'medical.arv.dashboard': { input: arvDashboardInput, permission: 'medical.read', kind: 'query' },
} as const satisfies Record<string, HandlerSpec>;

// ---- outputs ----

export interface RegimenRef {
  itemId: string;
  name: string;
  strength: string;
}

export interface RegimenHistoryEntry {
  seq: number;
  kind: 'start' | 'change';
  date: string;
  stopped: RegimenRef | null;
  started: RegimenRef;
  reasonCode: ArtChangeReason | null;
  reasonText: string;
}

/** Doses of ARV prescriptions due in the window and what the round recorded for them. */
export interface Adherence {
  from: string;
  to: string;
  /** Doses due, held ones excluded (holding is a clinical decision, not a missed dose). */
  due: number;
  /** Missed, refused, or not recorded once the slot had ended. */
  missed: number;
  held: number;
  /** (due − missed) / due, rounded down to a whole percent; null when nothing was due. */
  percent: number | null;
}

export interface PillCount {
  seq: number;
  date: string;
  expected: number;
  counted: number;
  percent: number;
  note: string;
}

export interface CounsellingSession {
  seq: number;
  date: string;
  session: number;
  notes: string;
}

export interface LabEntry {
  labId: string;
  seq: number;
  test: LabTest;
  requestedDate: string;
  receivedDate: string | null;
  value: number | null;
  undetectable: boolean;
  resultSeq: number | null;
  /** A viral load at or above the facility's threshold. */
  high: boolean;
}

export interface CurrentRegimen extends RegimenRef {
  prescriptionId: string;
  dose: string;
  slots: DoseSlot[];
  since: string;
}

export interface ArvSummary {
  traineeId: string;
  admissionDate: string;
  /** First ART start, or null if never started. */
  startedDate: string | null;
  /** The regimen whose prescription is active, or null (never started, or its prescription was stopped). */
  current: CurrentRegimen | null;
  regimens: RegimenHistoryEntry[];
  adherence: Adherence;
  pillCounts: PillCount[];
  counselling: CounsellingSession[];
  labs: LabEntry[];
  /** Active ARV regimens of the formulary, for the start and change forms. */
  regimenOptions: RegimenRef[];
  nextSession: number;
  viralLoadDue: string | null;
  adherenceThresholdPercent: number;
}

export interface ArvDashboardRow {
  traineeId: string;
  fullName: string;
  fileNumber: string;
  adherence: Adherence;
  lowAdherence: boolean;
  /** Date the next viral load is due (last sample, or ART start, + the interval). */
  viralLoadDue: string;
  viralLoadOverdue: boolean;
  /** A viral load request without a result yet. */
  viralLoadPending: boolean;
  /** The last viral load, when at or above the threshold. */
  highViralLoad: { value: number; receivedDate: string } | null;
  counsellingDue: boolean;
}

export interface ArvDashboard {
  rows: ArvDashboardRow[];
  onArt: number;
  adherenceThresholdPercent: number;
}

export interface ArvOutputs {
  'medical.arv.start': { seq: number; prescriptionId: string };
  'medical.arv.changeRegimen': { seq: number; prescriptionId: string };
  'medical.arv.recordPillCount': { seq: number };
  'medical.arv.recordCounselling': { seq: number };
  'medical.arv.requestLab': { seq: number; labId: string };
  'medical.arv.recordLabResult': { seq: number };
  'medical.arv.summary': ArvSummary;
  'medical.arv.dashboard': ArvDashboard;
}

/**
 * Event types of this slice a person may void. ART start and regimen changes are not: they carry
 * prescription events with them; a wrong regimen is corrected by a regimen change.
 */
export const ARV_VOIDABLE: readonly (keyof typeof ARV_EVENTS)[] = ['PillCountRecorded', 'AdherenceCounsellingRecorded', 'LabRequested', 'LabResultReceived'];
