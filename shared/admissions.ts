import { z } from 'zod';
import { isValidIsoDate } from './dates';
import type { WorkRestrictionCode } from './medical/flags';

/**
 * Admissions: the trainee record, its enumerations and the command inputs. Messages in schemas
 * are keys under `validation.` in the renderer's catalogs, so the user reads them in their language.
 */
export const SEXES = ['male', 'female'] as const;
export const ADMISSION_TYPES = ['compulsory', 'voluntary'] as const;
export const RELEASE_KINDS = ['completed', 'transferred', 'other'] as const;
export const TRAINEE_STATUSES = ['in_care', 'released'] as const;
export const EDUCATION_LEVELS = ['none', 'primary_incomplete', 'primary', 'lower_secondary', 'upper_secondary', 'higher'] as const;
export const SUBSTANCES = ['methamphetamine', 'heroin', 'amphetamine', 'mdma', 'cannabis', 'ketamine', 'cocaine', 'opium', 'other'] as const;
/** The five stages of treatment (Law 73/2021 Art. 29). */
export const PHASES = ['intake', 'detox', 'education', 'labor', 'reintegration'] as const;

export type Sex = (typeof SEXES)[number];
export type AdmissionType = (typeof ADMISSION_TYPES)[number];
export type ReleaseKind = (typeof RELEASE_KINDS)[number];
export type TraineeStatus = (typeof TRAINEE_STATUSES)[number];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type Substance = (typeof SUBSTANCES)[number];
export type Phase = (typeof PHASES)[number];

export const isoDate = z.string().refine(isValidIsoDate, 'invalidDate');
const text = (max: number) => z.string().trim().max(max, 'tooLong');
const requiredText = (max: number) => text(max).min(1, 'required');
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'invalidChoice' });

/** CCCD (12 digits) or the older CMND (9 digits); empty when the trainee has none. */
export const idNumber = z.string().trim().regex(/^(\d{9}|\d{12})?$/, 'invalidIdNumber');

export const familyContactSchema = z.object({
  name: text(100),
  relationship: text(50),
  phone: z.string().trim().regex(/^[0-9 +().-]{0,20}$/, 'invalidPhone'),
});

const traineeDetailsShape = {
  fileNumber: requiredText(30),
  fullName: requiredText(100),
  sex: choice(SEXES),
  dateOfBirth: isoDate,
  idNumber,
  homeAddress: requiredText(300),
  admissionType: choice(ADMISSION_TYPES),
  /** Court decision number (compulsory) or the facility's admission decision (voluntary). */
  decisionNumber: text(50),
  admissionDate: isoDate,
  plannedReleaseDate: isoDate,
  educationLevel: choice(EDUCATION_LEVELS),
  substances: z.array(choice(SUBSTANCES)).max(SUBSTANCES.length),
  familyContact: familyContactSchema,
};

/** Rules across fields. The date rules that need a clock (or read better after it) live in the core's decider. */
function crossFieldRules(d: { admissionType: AdmissionType; decisionNumber: string; admissionDate: string; plannedReleaseDate: string }, ctx: z.RefinementCtx): void {
  if (d.admissionType === 'compulsory' && d.decisionNumber.trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['decisionNumber'], message: 'decisionRequired' });
  }
  if (d.plannedReleaseDate <= d.admissionDate) {
    ctx.addIssue({ code: 'custom', path: ['plannedReleaseDate'], message: 'plannedReleaseBeforeAdmission' });
  }
}

export const traineeDetailsBase = z.object(traineeDetailsShape);
export const traineeDetailsSchema = traineeDetailsBase.superRefine(crossFieldRules);
export type TraineeDetails = z.infer<typeof traineeDetailsBase>;
export const TRAINEE_DETAIL_FIELDS = Object.keys(traineeDetailsShape) as (keyof TraineeDetails)[];

/**
 * "As of" a past calendar date: answer from the events recorded up to the end of that day
 * (the workstation's local day). Absent means now.
 */
export const asOf = isoDate.optional();

export const traineeIdInput = z.object({ traineeId: z.uuid({ error: 'invalidId' }), asOf });

export const admitInput = traineeDetailsSchema;

export const correctInput = z.object({
  traineeId: z.uuid({ error: 'invalidId' }),
  /** Only the fields that change; the core re-checks the whole record after applying them. */
  changes: traineeDetailsBase.partial().strict(),
  reason: requiredText(500),
});

export const releaseInput = z.object({
  traineeId: z.uuid({ error: 'invalidId' }),
  releaseDate: isoDate,
  kind: choice(RELEASE_KINDS),
  note: text(500),
});

/** The next stage of treatment: `from` is the stage the officer saw (refused if it changed meanwhile). */
export const advancePhaseInput = z.object({
  traineeId: z.uuid({ error: 'invalidId' }),
  from: choice(PHASES),
  to: choice(PHASES),
  date: isoDate,
  note: text(500),
});

export const listTraineesInput = z.object({
  search: text(100).default(''),
  status: z.enum(['in_care', 'released', 'all']).default('in_care'),
  admissionType: z.enum(['compulsory', 'voluntary', 'all']).default('all'),
  /** Rows returned at most; ten years of releases are thousands of rows nobody scrolls through. */
  limit: z.number().int().min(1).max(5000).default(500),
  asOf,
});

export interface TraineeSummary {
  id: string;
  fileNumber: string;
  fullName: string;
  sex: Sex;
  dateOfBirth: string;
  admissionType: AdmissionType;
  admissionDate: string;
  plannedReleaseDate: string;
  status: TraineeStatus;
  phase: Phase;
  releaseDate: string | null;
  /** At hospital (an open referral): whereabouts everyone may know, never why nor where. */
  atHospital: boolean;
  /**
   * Separate housing required, and the work restrictions in force (codes only, no reasons), for
   * those holding `trainee.restrictions`; null for other viewers.
   */
  separateHousing: boolean | null;
  workRestrictions: WorkRestrictionCode[] | null;
}

export interface RosterCounts {
  /** Rows matching every filter (may exceed the rows returned: see `truncated`). */
  shown: number;
  inCare: number;
  released: number;
  compulsory: number;
  voluntary: number;
}

export interface TraineeList {
  items: TraineeSummary[];
  counts: RosterCounts;
  /** True when more rows match than `limit`: the screen asks to narrow the search. */
  truncated: boolean;
}

export interface TraineeRecord extends TraineeDetails {
  id: string;
  status: TraineeStatus;
  phase: Phase;
  releaseDate: string | null;
  releaseKind: ReleaseKind | null;
  releaseNote: string;
  /** Stream version, for callers that want to append with an expected version. */
  version: number;
}

export interface FieldChange {
  field: keyof TraineeDetails;
  from: unknown;
  to: unknown;
}
