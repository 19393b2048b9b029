import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { asOf } from '../admissions';
import { choice, isoDate, requiredText, text, traineeId } from '../medical/common';

/**
 * Reintegration counselling for trainees near planned release: sessions (legal, vocational, job
 * referral, family, other) with an outcome and a follow-up; who is due (within N days of planned
 * release) and who has not been counselled yet. Sessions live on `reintegration:<traineeId>` (so
 * they join the trainee's timeline for reintegration.read holders); N on the `facility` stream.
 */

export const COUNSELLING_KINDS = ['legal', 'vocational', 'job_referral', 'family', 'other'] as const;
export type CounsellingKind = (typeof COUNSELLING_KINDS)[number];

export const COUNSELLING_OUTCOMES = ['completed', 'needs_follow_up', 'referred'] as const;
export type CounsellingOutcome = (typeof COUNSELLING_OUTCOMES)[number];

/** A follow-up within this many days (today included) is "due"; before today it is "overdue". */
export const FOLLOW_UP_SOON_DAYS = 7;

export const reintegrationSettingsSchema = z
  .object({
    /** Trainees whose planned release is at most this many days away are due for counselling. */
    dueWithinDays: z.number({ error: 'invalidType' }).int('invalid').min(7, 'outOfRange').max(365, 'outOfRange'),
  })
  .strict();
export type ReintegrationSettings = z.infer<typeof reintegrationSettingsSchema>;

export const DEFAULT_REINTEGRATION_SETTINGS: ReintegrationSettings = { dueWithinDays: 90 };

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const REINTEGRATION_EVENTS = {
  /** One counselling session with one trainee; the counsellor is the person who recorded it. */
  CounsellingSessionRecorded: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      sessionId: z.uuid(),
      kind: z.enum(COUNSELLING_KINDS),
      date: z.string(),
      counsellorId: z.string(),
      topics: z.string(),
      notes: z.string(),
      outcome: z.enum(COUNSELLING_OUTCOMES),
      /** Where the trainee was referred (an employer, a vocational centre, the commune); '' when not referred. */
      referralTo: z.string(),
      followUpDate: z.string().nullable(),
    }),
  },
  /** The whole settings object (on the `facility` stream); defaults apply until the first. */
  ReintegrationSettingsChanged: { schema: 1, data: reintegrationSettingsSchema },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/**
 * A session as the counsellor records it. Rules without a clock live here (the form shows them at
 * once); the session date against today and the admission, and a released trainee, in the decider.
 */
export const recordSessionInput = z
  .object({
    traineeId,
    kind: choice(COUNSELLING_KINDS),
    date: isoDate,
    topics: requiredText(500),
    notes: text(2000),
    outcome: choice(COUNSELLING_OUTCOMES),
    referralTo: text(200),
    followUpDate: isoDate.nullable(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === 'referred' && v.referralTo === '') ctx.addIssue({ code: 'custom', path: ['referralTo'], message: 'referralToRequired' });
    if (v.outcome === 'needs_follow_up' && v.followUpDate === null) ctx.addIssue({ code: 'custom', path: ['followUpDate'], message: 'followUpDateRequired' });
    if (v.followUpDate !== null && v.followUpDate < v.date) ctx.addIssue({ code: 'custom', path: ['followUpDate'], message: 'followUpBeforeSession' });
  });

export const REINTEGRATION_HANDLERS = {
  /** One session with one trainee, by the signed-in teacher or instructor. */
  'reintegration.record': { input: recordSessionInput, permission: 'reintegration.write', kind: 'command' },
  /** Trainees in care within N days of planned release (or past it), not yet counselled first. */
  'reintegration.due': { input: z.object({ asOf }).strict(), permission: 'reintegration.read', kind: 'query' },
  /** One trainee's sessions, newest first. */
  'reintegration.forTrainee': { input: z.object({ traineeId, asOf }).strict(), permission: 'reintegration.read', kind: 'query' },
  'reintegration.settings': { input: z.object({}).strict(), permission: 'reintegration.read', kind: 'query' },
  'reintegration.setSettings': { input: reintegrationSettingsSchema, permission: 'facility.manage', kind: 'command' },
} as const satisfies Record<string, HandlerSpec>;

export interface CounsellingSession {
  sessionId: string;
  seq: number;
  kind: CounsellingKind;
  date: string;
  counsellor: { id: string; fullName: string } | null;
  topics: string;
  notes: string;
  outcome: CounsellingOutcome;
  referralTo: string;
  followUpDate: string | null;
}

export type FollowUpState = 'overdue' | 'due' | 'planned';

export interface DueTrainee {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  admissionDate: string;
  plannedReleaseDate: string;
  /** Days from the list's day to the planned release (0 = that day; negative = past it, still in care). */
  daysLeft: number;
  sessions: number;
  byKind: Record<CounsellingKind, number>;
  last: { date: string; kind: CounsellingKind; outcome: CounsellingOutcome; counsellorName: string | null } | null;
  /** The follow-up the latest session asked for (a later session answers it). */
  followUp: { date: string; state: FollowUpState } | null;
}

export interface DueList {
  /** The day the list is for: today, or the "as of" date. */
  day: string;
  dueWithinDays: number;
  rows: DueTrainee[];
  notCounselled: number;
  followUpsOverdue: number;
}

export interface TraineeCounselling {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  released: boolean;
  admissionDate: string;
  plannedReleaseDate: string;
  sessions: CounsellingSession[];
}

/** Output type of each handler of this slice. */
export interface ReintegrationOutputs {
  'reintegration.record': { sessionId: string; seq: number };
  'reintegration.due': DueList;
  'reintegration.forTrainee': TraineeCounselling;
  'reintegration.settings': ReintegrationSettings;
  'reintegration.setSettings': { seq: number };
}

/** Event types a person may void (their own, or anyone's as admin). */
export const REINTEGRATION_VOIDABLE: readonly (keyof typeof REINTEGRATION_EVENTS)[] = ['CounsellingSessionRecorded'];
