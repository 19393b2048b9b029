import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { asOf } from '../admissions';
import { isValidIsoDate } from '../dates';
import { choice, isoDate, requiredText, text, traineeId } from './common';

/**
 * Separate-housing flags, work restrictions and hospital referrals.
 *
 * Medical officers decide them and know why; everyone who houses trainees or assigns work learns
 * only the fact ("separate housing required since 02/03/2026", "no work with sharp tools", "at
 * hospital"), never the reason, the note or the hospital. Every event lives on `medical:<id>`.
 */

/**
 * Why a trainee must be housed apart. Deliberately no HIV reason: Decree 63/2021 forbids
 * separating people because they have HIV (see DOMAIN.md); a test keeps it that way.
 */
export const HOUSING_REASONS = ['infectious_isolation', 'detox_observation', 'protection', 'other_medical'] as const;
export type HousingReason = (typeof HOUSING_REASONS)[number];

/** What work a trainee must not be given (the labor-therapy instructors' catalog). */
export const WORK_RESTRICTIONS = ['no_sharp_tools', 'no_heavy_labor', 'no_heat_or_chemicals', 'no_work'] as const;
export type WorkRestrictionCode = (typeof WORK_RESTRICTIONS)[number];

const uuid = z.uuid({ error: 'invalidId' });

export const FLAG_EVENTS = {
  /** From `since` the trainee must sleep apart; `reason` (catalog) and `note` are medical data. */
  HousingFlagSet: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      flagId: z.uuid(),
      reason: z.enum(HOUSING_REASONS),
      note: z.string(),
      since: z.string(),
      /** When the officer means to look at it again (the dashboard lists flags due). */
      reviewDate: z.string(),
    }),
  },
  /** Separate housing no longer required from `date`. */
  HousingFlagCleared: { schema: 1, data: z.object({ traineeId: z.uuid(), flagId: z.uuid(), date: z.string(), note: z.string() }) },
  /** No work of this kind from `since` until `until` (inclusive; null = until cleared). `reason` is medical data. */
  WorkRestrictionSet: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      restrictionId: z.uuid(),
      restriction: z.enum(WORK_RESTRICTIONS),
      reason: z.string(),
      since: z.string(),
      until: z.string().nullable(),
    }),
  },
  WorkRestrictionCleared: { schema: 1, data: z.object({ traineeId: z.uuid(), restrictionId: z.uuid(), date: z.string() }) },
  /** Sent to a hospital on `date`: "at hospital" until the return. Hospital and reason are medical data. */
  TraineeReferred: { schema: 1, data: z.object({ traineeId: z.uuid(), referralId: z.uuid(), date: z.string(), hospital: z.string().min(1), reason: z.string().min(1) }) },
  TraineeReturnedFromReferral: { schema: 1, data: z.object({ traineeId: z.uuid(), referralId: z.uuid(), date: z.string(), note: z.string() }) },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Compare dates only once both are real ones (each bad one has its own message already). */
const bothDates = (a: string, b: string) => isValidIsoDate(a) && isValidIsoDate(b);

// Command inputs. Messages are `validation.` keys; rules needing the clock or the record
// (future dates, before admission, what is in force) are the decider's.

export const setHousingFlagInput = z
  .object({ traineeId, reason: choice(HOUSING_REASONS), note: text(500), since: isoDate, reviewDate: isoDate })
  .strict()
  .superRefine((v, ctx) => {
    if (bothDates(v.since, v.reviewDate) && v.reviewDate < v.since) ctx.addIssue({ code: 'custom', path: ['reviewDate'], message: 'reviewBeforeSince' });
  });

export const clearHousingFlagInput = z.object({ traineeId, flagId: uuid, date: isoDate, note: text(500) }).strict();

export const setWorkRestrictionInput = z
  .object({ traineeId, restriction: choice(WORK_RESTRICTIONS), reason: requiredText(500), since: isoDate, until: isoDate.nullable() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.until !== null && bothDates(v.since, v.until) && v.until < v.since) ctx.addIssue({ code: 'custom', path: ['until'], message: 'untilBeforeSince' });
  });

export const clearWorkRestrictionInput = z.object({ traineeId, restrictionId: uuid, date: isoDate }).strict();

export const referInput = z.object({ traineeId, date: isoDate, hospital: requiredText(200), reason: requiredText(500) }).strict();

export const returnFromReferralInput = z.object({ traineeId, referralId: uuid, date: isoDate, note: text(500) }).strict();

const forTraineeInput = z.object({ traineeId, asOf }).strict();
const dashboardInput = z.object({ asOf }).strict();

export const FLAG_HANDLERS = {
  'medical.flags.setHousing': { input: setHousingFlagInput, permission: 'medical.write', kind: 'command' },
  'medical.flags.clearHousing': { input: clearHousingFlagInput, permission: 'medical.write', kind: 'command' },
  'medical.flags.setRestriction': { input: setWorkRestrictionInput, permission: 'medical.write', kind: 'command' },
  'medical.flags.clearRestriction': { input: clearWorkRestrictionInput, permission: 'medical.write', kind: 'command' },
  'medical.flags.refer': { input: referInput, permission: 'medical.write', kind: 'command' },
  'medical.flags.returnFromReferral': { input: returnFromReferralInput, permission: 'medical.write', kind: 'command' },
  /** Everything about one trainee's flags, restrictions and referrals, reasons included. */
  'medical.flags.forTrainee': { input: forTraineeInput, permission: 'medical.read', kind: 'query' },
  /** Active flags (review due first) and trainees at hospital, for the medical dashboard. */
  'medical.flags.dashboard': { input: dashboardInput, permission: 'medical.read', kind: 'query' },
  /** What those who house or assign work must know about one trainee: no reasons, no hospital. */
  'trainees.restrictions': { input: forTraineeInput, permission: 'trainee.restrictions', kind: 'query' },
} as const satisfies Record<string, HandlerSpec>;

export interface HousingFlag {
  flagId: string;
  reason: HousingReason;
  note: string;
  since: string;
  reviewDate: string;
  clearedDate: string | null;
  clearNote: string;
  /** In force (not cleared). */
  active: boolean;
}

export interface WorkRestriction {
  restrictionId: string;
  restriction: WorkRestrictionCode;
  reason: string;
  since: string;
  until: string | null;
  clearedDate: string | null;
  /** In force today (or on the "as of" date): not cleared, not past `until`. */
  active: boolean;
}

export interface Referral {
  referralId: string;
  date: string;
  hospital: string;
  reason: string;
  returnedDate: string | null;
  returnNote: string;
  /** Still at hospital. */
  open: boolean;
}

/** The medical view of one trainee, newest first in each list. */
export interface TraineeFlags {
  traineeId: string;
  housing: HousingFlag[];
  restrictions: WorkRestriction[];
  referrals: Referral[];
}

export interface FlagsDashboard {
  /** Active separate-housing flags, earliest review first. */
  housing: { traineeId: string; fileNumber: string; fullName: string; flagId: string; reason: HousingReason; since: string; reviewDate: string; reviewDue: boolean }[];
  /** Trainees at hospital now, longest first. */
  atHospital: { traineeId: string; fileNumber: string; fullName: string; referralId: string; date: string; hospital: string }[];
}

/** What duty officers and instructors may know: facts and dates, never why. */
export interface TraineeRestrictions {
  traineeId: string;
  separateHousing: { since: string; reviewDate: string } | null;
  workRestrictions: { restriction: WorkRestrictionCode; since: string; until: string | null }[];
  atHospitalSince: string | null;
}

/** Output type of each handler above. */
export interface FlagOutputs {
  'medical.flags.setHousing': { flagId: string; seq: number };
  'medical.flags.clearHousing': { seq: number };
  'medical.flags.setRestriction': { restrictionId: string; seq: number };
  'medical.flags.clearRestriction': { seq: number };
  'medical.flags.refer': { referralId: string; seq: number };
  'medical.flags.returnFromReferral': { seq: number };
  'medical.flags.forTrainee': TraineeFlags;
  'medical.flags.dashboard': FlagsDashboard;
  'trainees.restrictions': TraineeRestrictions;
}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const FLAG_VOIDABLE: readonly (keyof typeof FLAG_EVENTS)[] = [
  'HousingFlagSet',
  'HousingFlagCleared',
  'WorkRestrictionSet',
  'WorkRestrictionCleared',
  'TraineeReferred',
  'TraineeReturnedFromReferral',
];
