import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { choice, isoDate, medicalSettingsSchema, text, traineeId, type MedicalSettings, type ScreeningTest } from './common';

/**
 * Intake and periodic screening (HIV, HBV, HCV, syphilis, TB symptoms, urine drug panel, vitals)
 * and the medical settings.
 *
 * A screening session is one event (ScreeningRecorded) on `medical:<traineeId>`: one date and the
 * results of any subset of the tests done that day. A result recorded by mistake is taken back by
 * voiding the session, then recorded again.
 */

/** Rapid/serology tests read as one result each: HIV, HBsAg (HBV), anti-HCV, syphilis. */
export const SEROLOGY_TESTS = ['hiv', 'hbv', 'hcv', 'syphilis'] as const satisfies readonly ScreeningTest[];
export type SerologyTest = (typeof SEROLOGY_TESTS)[number];
export const SEROLOGY_RESULTS = ['negative', 'positive', 'indeterminate'] as const;
export type SerologyResult = (typeof SEROLOGY_RESULTS)[number];

/** TB symptom screen: the screen is positive when any answer is yes. */
export const TB_SYMPTOMS = ['cough2Weeks', 'fever', 'weightLoss', 'nightSweats', 'tbContact'] as const;
export type TbSymptom = (typeof TB_SYMPTOMS)[number];

/** Urine immunoassay panel codes (presumptive results). */
export const URINE_PANEL = ['AMP', 'MET', 'MDMA', 'MOP', 'THC', 'KET', 'COC', 'BZO', 'MTD', 'BUP'] as const;
export type UrineCode = (typeof URINE_PANEL)[number];
/** Usual cut-offs (ng/mL) of the panel's strips, shown as hints: the facility's strips may differ. */
export const URINE_CUTOFFS: Record<UrineCode, string> = {
  AMP: '500/1000',
  MET: '500/1000',
  MDMA: '500',
  MOP: '300/2000',
  THC: '50',
  KET: '200',
  COC: '150/300',
  BZO: '300',
  MTD: '300',
  BUP: '10',
};
export const URINE_RESULTS = ['negative', 'positive'] as const;
export type UrineResult = (typeof URINE_RESULTS)[number];

/** Vital signs and weight, each optional; plausible ranges refuse typing slips (e.g. 370 for 37.0). */
export const VITAL_FIELDS = ['pulse', 'systolic', 'diastolic', 'temperature', 'respiratoryRate', 'weightKg'] as const;
export type VitalField = (typeof VITAL_FIELDS)[number];
export const VITAL_RANGES: Record<VitalField, { min: number; max: number; decimals: 0 | 1 }> = {
  pulse: { min: 20, max: 250, decimals: 0 },
  systolic: { min: 50, max: 260, decimals: 0 },
  diastolic: { min: 20, max: 160, decimals: 0 },
  temperature: { min: 30, max: 43, decimals: 1 },
  respiratoryRate: { min: 4, max: 80, decimals: 0 },
  weightKg: { min: 20, max: 250, decimals: 1 },
};

const vital = (f: VitalField) => {
  const r = VITAL_RANGES[f];
  const n = z.number({ error: 'invalidType' }).min(r.min, 'outOfRange').max(r.max, 'outOfRange');
  return (r.decimals === 0 ? n.int('invalid') : n).nullable();
};

const tbSchema = z.object(Object.fromEntries(TB_SYMPTOMS.map((s) => [s, z.boolean({ error: 'invalidType' })])) as Record<TbSymptom, z.ZodBoolean>).strict();

const urineSchema = z
  .object(Object.fromEntries(URINE_PANEL.map((c) => [c, choice(URINE_RESULTS).optional()])) as Record<UrineCode, z.ZodOptional<z.ZodEnum<{ negative: 'negative'; positive: 'positive' }>>>)
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'urineEmpty');

const vitalsSchema = z
  .object(Object.fromEntries(VITAL_FIELDS.map((f) => [f, vital(f)])) as Record<VitalField, z.ZodNullable<z.ZodNumber>>)
  .strict()
  .superRefine((v, ctx) => {
    if (VITAL_FIELDS.every((f) => v[f] === null)) ctx.addIssue({ code: 'custom', message: 'vitalsEmpty' });
    if ((v.systolic === null) !== (v.diastolic === null)) {
      ctx.addIssue({ code: 'custom', path: [v.systolic === null ? 'systolic' : 'diastolic'], message: 'bloodPressureBoth' });
    } else if (v.systolic !== null && v.diastolic !== null && v.diastolic >= v.systolic) {
      ctx.addIssue({ code: 'custom', path: ['diastolic'], message: 'diastolicAboveSystolic' });
    }
  });

/** The results of one session, any subset of the tests. */
export const screeningResultsSchema = z
  .object({
    hiv: choice(SEROLOGY_RESULTS).optional(),
    hbv: choice(SEROLOGY_RESULTS).optional(),
    hcv: choice(SEROLOGY_RESULTS).optional(),
    syphilis: choice(SEROLOGY_RESULTS).optional(),
    tb: tbSchema.optional(),
    urine: urineSchema.optional(),
    vitals: vitalsSchema.optional(),
  })
  .strict();
export type ScreeningResults = z.infer<typeof screeningResultsSchema>;

/** The tests a session's results cover, in SCREENING_TESTS order. */
export function testsOf(results: ScreeningResults): ScreeningTest[] {
  return (Object.keys(results) as ScreeningTest[]).filter((k) => results[k] !== undefined);
}

/** Whether a test's result is positive (a reactive serology, any TB symptom, any drug), or null for vitals. */
export function isPositive(results: ScreeningResults, test: ScreeningTest): boolean | null {
  switch (test) {
    case 'tb':
      return results.tb ? TB_SYMPTOMS.some((s) => results.tb![s]) : null;
    case 'urine':
      return results.urine ? Object.values(results.urine).includes('positive') : null;
    case 'vitals':
      return null;
    default:
      return results[test] === undefined ? null : results[test] === 'positive';
  }
}

export const recordScreeningInput = z
  .object({
    traineeId,
    /** The day of the session (samples taken, symptoms asked, vitals measured). */
    date: isoDate,
    results: screeningResultsSchema,
    note: text(500).default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (testsOf(v.results).length === 0) ctx.addIssue({ code: 'custom', path: ['results'], message: 'nothingToRecord' });
  });
export type RecordScreeningInput = z.output<typeof recordScreeningInput>;

export const SCREENING_EVENTS = {
  /** Stream `medical:<traineeId>`: one screening session (its date, the results of the tests done, a note). */
  ScreeningRecorded: {
    schema: 1,
    data: z.object({ traineeId: z.uuid(), sessionId: z.uuid(), date: z.string(), results: screeningResultsSchema, note: z.string() }),
  },
  /** Stream `facility`: the whole settings object after the change. */
  MedicalSettingsChanged: { schema: 1, data: medicalSettingsSchema },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

const asOf = isoDate.optional();

export const SCREENING_HANDLERS = {
  'medical.screening.record': { input: recordScreeningInput, permission: 'medical.write', kind: 'command' },
  /** One trainee's screenings: the latest result per test and every session, newest first. */
  'medical.screening.list': { input: z.object({ traineeId, asOf }).strict(), permission: 'medical.read', kind: 'query' },
  /** The dashboard: incomplete intake screenings (admitted more than 7 days ago) and re-screenings due. */
  'medical.screening.due': { input: z.object({ asOf }).strict(), permission: 'medical.read', kind: 'query' },
  'medical.settings.get': { input: z.object({}).strict(), permission: 'medical.read', kind: 'query' },
  'medical.settings.set': { input: medicalSettingsSchema, permission: 'medical.write', kind: 'command' },
} as const satisfies Record<string, HandlerSpec>;

/** Days after admission within which the intake screening should be complete. */
export const INTAKE_GRACE_DAYS = 7;

export interface ScreeningSession {
  seq: number;
  sessionId: string;
  date: string;
  results: ScreeningResults;
  note: string;
  recordedBy: string | null;
  recordedAt: string;
}

export interface LatestResult {
  test: ScreeningTest;
  date: string;
  /** Session (and event) it comes from. */
  seq: number;
  positive: boolean | null;
}

export interface TraineeScreenings {
  /** One entry per test ever recorded, in SCREENING_TESTS order. */
  latest: LatestResult[];
  /** Tests never recorded for this trainee (the intake is incomplete while any is left). */
  missing: ScreeningTest[];
  /** Next date each recorded test is due again per the settings (null: no periodic re-screening). */
  dueDates: Partial<Record<ScreeningTest, string | null>>;
  sessions: ScreeningSession[];
}

export interface DueTrainee {
  traineeId: string;
  fullName: string;
  fileNumber: string;
  admissionDate: string;
}

export interface ScreeningDue {
  /** The day the list is computed for (today or the as-of date). */
  today: string;
  /** In care, admitted more than INTAKE_GRACE_DAYS days ago, with tests never recorded. */
  intakeIncomplete: (DueTrainee & { missing: ScreeningTest[] })[];
  /** A recorded test whose interval has run out (due date today or earlier), most overdue first. */
  rescreening: (DueTrainee & { test: ScreeningTest; lastDate: string; dueDate: string })[];
}

/** Output type of each handler above. */
export interface ScreeningOutputs {
  'medical.screening.record': { sessionId: string; seq: number };
  'medical.screening.list': TraineeScreenings;
  'medical.screening.due': ScreeningDue;
  'medical.settings.get': MedicalSettings;
  'medical.settings.set': { seq: number };
}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const SCREENING_VOIDABLE: readonly (keyof typeof SCREENING_EVENTS)[] = ['ScreeningRecorded'];
