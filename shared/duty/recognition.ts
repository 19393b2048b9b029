import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { asOf } from '../admissions';
import { choice, isoDate, requiredText, traineeId } from '../medical/common';

/**
 * Rewards and the monthly rating, and who is eligible for a commendation or a term-reduction proposal.
 * Rewards and ratings live on `conduct:<traineeId>` (so they join the trainee's timeline for
 * duty.read holders); the eligibility thresholds on the `facility` stream.
 */

export const REWARD_KINDS = ['commendation', 'gift', 'extra_visit', 'term_reduction_proposal', 'other'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

/** tốt / khá / trung bình / yếu, best first. */
export const RATINGS = ['good', 'fair', 'average', 'poor'] as const;
export type Rating = (typeof RATINGS)[number];

/** True when `r` is `min` or better. */
export function atLeast(r: Rating, min: Rating): boolean {
  return RATINGS.indexOf(r) <= RATINGS.indexOf(min);
}

/** A calendar month, `yyyy-MM`. */
export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const month = z.string({ error: 'invalidMonth' }).regex(MONTH_RE, 'invalidMonth');

export const eligibilityRulesSchema = z
  .object({
    /** Commendation: every month of a calendar quarter at this rating or better... */
    commendationMinRating: choice(RATINGS),
    /** ...with at least this many of them rated tốt. */
    commendationGoodMonths: z.number({ error: 'invalidType' }).int('invalid').min(0, 'outOfRange').max(3, 'outOfRange'),
    /** Term reduction: at least this share of the term (admission → planned release) served, in percent... */
    termSharePercent: z.number({ error: 'invalidType' }).int('invalid').min(1, 'outOfRange').max(100, 'outOfRange'),
    /** ...and the last this-many months rated... */
    termMonths: z.number({ error: 'invalidType' }).int('invalid').min(1, 'outOfRange').max(12, 'outOfRange'),
    /** ...at this rating or better. */
    termMinRating: choice(RATINGS),
  })
  .strict();
export type EligibilityRules = z.infer<typeof eligibilityRulesSchema>;

/** The rules of the decree as the facility applies them until an admin changes them. */
export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = {
  commendationMinRating: 'fair',
  commendationGoodMonths: 1,
  termSharePercent: 50,
  termMonths: 3,
  termMinRating: 'fair',
};

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const RECOGNITION_EVENTS = {
  /** One reward for one trainee; `batchId` ties together the rewards saved at once for a list. */
  RewardGranted: {
    schema: 1,
    data: z.object({ traineeId: z.uuid(), rewardId: z.uuid(), batchId: z.uuid(), kind: z.enum(REWARD_KINDS), reason: z.string().min(1), date: z.string() }),
  },
  /** The month's rating; a re-rating names the event it replaces (`replacesSeq`). */
  MonthlyRated: {
    schema: 1,
    data: z.object({ traineeId: z.uuid(), month: z.string(), rating: z.enum(RATINGS), replacesSeq: z.number().int().nullable() }),
  },
  /** The whole set of thresholds (on the `facility` stream); defaults apply until the first. */
  EligibilityRulesChanged: { schema: 1, data: eligibilityRulesSchema },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

export const grantRewardsInput = z
  .object({
    traineeIds: z.array(traineeId, { error: 'invalidType' }).min(1, 'traineesRequired').max(1000, 'outOfRange'),
    kind: choice(REWARD_KINDS),
    reason: requiredText(500),
    date: isoDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!uniqueIds(v.traineeIds)) ctx.addIssue({ code: 'custom', path: ['traineeIds'], message: 'duplicateTrainee' });
  });

export const rateMonthInput = z
  .object({
    month,
    ratings: z
      .array(z.object({ traineeId, rating: choice(RATINGS) }).strict(), { error: 'invalidType' })
      .min(1, 'nothingToRecord')
      .max(5000, 'outOfRange'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!uniqueIds(v.ratings.map((r) => r.traineeId))) ctx.addIssue({ code: 'custom', path: ['ratings'], message: 'duplicateTrainee' });
  });

/** `asOf`: the sheet and the lists as they stood on a past day (the app's "as of" mode). */
const monthInput = z.object({ month, asOf }).strict();

export const RECOGNITION_HANDLERS = {
  /** One reward, one reason, for a list of trainees: one event each, in one transaction. */
  'duty.recognition.reward': { input: grantRewardsInput, permission: 'duty.write', kind: 'command' },
  /** Save a month's sheet: one MonthlyRated per changed rating, in one transaction. */
  'duty.recognition.rate': { input: rateMonthInput, permission: 'duty.write', kind: 'command' },
  /** Every trainee in care during the month, with the rating given (if any). */
  'duty.recognition.sheet': { input: monthInput, permission: 'duty.read', kind: 'query' },
  /** Who is eligible for a commendation (the last complete quarter as of the month) and a term-reduction proposal (up to the month). */
  'duty.recognition.eligibility': { input: monthInput, permission: 'duty.read', kind: 'query' },
  'duty.recognition.rules': { input: z.object({}).strict(), permission: 'duty.read', kind: 'query' },
  'duty.recognition.setRules': { input: eligibilityRulesSchema, permission: 'facility.manage', kind: 'command' },
} as const satisfies Record<string, HandlerSpec>;

export interface RatingSheetRow {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  rating: Rating | null;
  /** The previous month's rating, to rate against. */
  previous: Rating | null;
}

export interface RatingSheet {
  month: string;
  rows: RatingSheetRow[];
}

export interface EligibleTrainee {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  /** The months the rule looked at, oldest first, with their ratings. */
  months: { month: string; rating: Rating | null }[];
  /** Share of the term served (percent, rounded down) at the end of the month; term reduction only. */
  servedPercent: number | null;
}

export interface Eligibility {
  month: string;
  rules: EligibilityRules;
  /** The last complete quarter as of `month` (its own if `month` ends it), e.g. ['2026-07', '2026-08', '2026-09']. */
  quarter: string[];
  commendation: EligibleTrainee[];
  termReduction: EligibleTrainee[];
}

/** Output type of each handler above. */
export interface RecognitionOutputs {
  'duty.recognition.reward': { batchId: string; seqs: number[] };
  'duty.recognition.rate': { recorded: number; unchanged: number };
  'duty.recognition.sheet': RatingSheet;
  'duty.recognition.eligibility': Eligibility;
  'duty.recognition.rules': EligibilityRules;
  'duty.recognition.setRules': { seq: number };
}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const RECOGNITION_VOIDABLE: readonly (keyof typeof RECOGNITION_EVENTS)[] = ['RewardGranted', 'MonthlyRated'];
