import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { asOf } from '../admissions';
import { choice, isoDate, text, traineeId } from '../medical/common';

/**
 * Literacy progress (DOMAIN.md "Literacy progress model"): dated skill observations (skills x
 * levels), the class progress matrix, the derived Level 1 / Level 2 status, completion. Every
 * event is on the trainee's `literacy:<traineeId>` stream (it joins the timeline for literacy.read
 * holders).
 */

/** The eight skills a teacher observes, in the order the screens show them. */
export const SKILLS = ['decoding', 'reading_aloud', 'comprehension', 'dictation', 'free_writing', 'numbers', 'operations', 'money_measurement'] as const;
export type Skill = (typeof SKILLS)[number];

/** A skill's level, lowest first: not yet literate, phase 1 (≈ grades 1–3), phase 2 (≈ grades 4–5). */
export const SKILL_LEVELS = ['pre_literate', 'phase1', 'phase2'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** The literacy standards of Decree 20/2014 Art. 19 a trainee may complete. */
export const LITERACY_LEVELS = ['level1', 'level2'] as const;
export type LiteracyLevel = (typeof LITERACY_LEVELS)[number];
/** The derived status: no standard reached yet, or the highest one reached. */
export const LITERACY_STATUSES = ['none', 'level1', 'level2'] as const;
export type LiteracyStatus = (typeof LITERACY_STATUSES)[number];

/**
 * THE rule (Decree 20/2014 Art. 19): Level 1 = phase 1 of the programme completed (≈ grades 1–3),
 * Level 2 = phase 2 completed (≈ grades 4–5). Sen reads "completed" as: every one of the eight
 * skills currently observed at least at that phase. A skill never observed counts as not reached.
 */
export const LEVEL_REQUIRES: Record<LiteracyLevel, SkillLevel> = { level1: 'phase1', level2: 'phase2' };

export const levelRank = (l: SkillLevel): number => SKILL_LEVELS.indexOf(l);

/** One dated observation of one skill; `seq` orders two observations of the same day. */
export interface SkillObservation {
  skill: Skill;
  level: SkillLevel;
  date: string;
  seq: number;
}

export interface CurrentSkill {
  level: SkillLevel;
  date: string;
}

/** The current level of each skill: the latest dated observation (on or before `asOf`, when given). */
export function currentLevels(observations: readonly SkillObservation[], asOfDay?: string): Partial<Record<Skill, CurrentSkill>> {
  const best = new Map<Skill, SkillObservation>();
  for (const o of observations) {
    if (asOfDay !== undefined && o.date > asOfDay) continue;
    const b = best.get(o.skill);
    if (!b || o.date > b.date || (o.date === b.date && o.seq > b.seq)) best.set(o.skill, o);
  }
  return Object.fromEntries([...best].map(([skill, o]) => [skill, { level: o.level, date: o.date }]));
}

/** Whether the current levels meet `level` (every skill at its required phase or above). */
export function meets(current: Partial<Record<Skill, CurrentSkill | SkillLevel | null>>, level: LiteracyLevel): boolean {
  const need = levelRank(LEVEL_REQUIRES[level]);
  return SKILLS.every((s) => {
    const c = current[s];
    const l = typeof c === 'string' ? c : c?.level;
    return l !== undefined && levelRank(l) >= need;
  });
}

/** The highest standard the current levels meet. */
export function statusOf(current: Partial<Record<Skill, CurrentSkill | SkillLevel | null>>): LiteracyStatus {
  if (meets(current, 'level2')) return 'level2';
  if (meets(current, 'level1')) return 'level1';
  return 'none';
}

/** The derived status from the observations themselves, as of a day (default: all of them). */
export function deriveStatus(observations: readonly SkillObservation[], asOfDay?: string): LiteracyStatus {
  return statusOf(currentLevels(observations, asOfDay));
}

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const LITERACY_EVENTS = {
  /** One trainee's levels in one or several skills on a day, in a class; `batchId` ties a sheet together. */
  SkillsObserved: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      classId: z.uuid(),
      batchId: z.uuid(),
      date: z.string(),
      skills: z.array(z.object({ skill: z.enum(SKILLS), level: z.enum(SKILL_LEVELS) })).min(1),
    }),
  },
  /**
   * A trainee completed Level 1 or 2 in a class. `status` is what Sen derived on `date`;
   * `overrideReason` is set when the teacher recorded it although the status did not support it.
   * `skills` keeps the levels the certificate shows, as they stood on `date`.
   */
  LiteracyCompleted: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      classId: z.uuid(),
      level: z.enum(LITERACY_LEVELS),
      date: z.string(),
      status: z.enum(LITERACY_STATUSES),
      overrideReason: z.string().nullable(),
      skills: z.array(z.object({ skill: z.enum(SKILLS), level: z.enum(SKILL_LEVELS).nullable(), date: z.string().nullable() })),
    }),
  },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

const classId = z.uuid({ error: 'invalidId' });

export const observeInput = z
  .object({
    classId,
    date: isoDate,
    rows: z
      .array(
        z
          .object({
            traineeId,
            skills: z
              .array(z.object({ skill: choice(SKILLS), level: choice(SKILL_LEVELS) }).strict(), { error: 'invalidType' })
              .min(1, 'nothingToRecord')
              .max(SKILLS.length, 'outOfRange'),
          })
          .strict()
          .superRefine((r, ctx) => {
            if (new Set(r.skills.map((s) => s.skill)).size !== r.skills.length) ctx.addIssue({ code: 'custom', path: ['skills'], message: 'duplicateSkill' });
          }),
        { error: 'invalidType' },
      )
      .min(1, 'nothingToRecord')
      .max(500, 'outOfRange'),
  })
  .strict()
  .superRefine((v, ctx) => {
    const ids = v.rows.map((r) => r.traineeId);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['rows'], message: 'duplicateTrainee' });
  });

export const completeInput = z
  .object({
    traineeId,
    classId,
    level: choice(LITERACY_LEVELS),
    date: isoDate,
    /** Required when the derived status does not support the level (the teacher's reason); else empty. */
    overrideReason: text(500).optional(),
  })
  .strict();

export const LITERACY_HANDLERS = {
  /** A sheet of observations: one SkillsObserved per trainee, in one transaction. */
  'literacy.observe': { input: observeInput, permission: 'literacy.write', kind: 'command' },
  /** The class's trainees x skills: current level, change since enrolment, derived status, completions. */
  'literacy.progress': { input: z.object({ classId, asOf }).strict(), permission: 'literacy.read', kind: 'query' },
  'literacy.complete': { input: completeInput, permission: 'literacy.write', kind: 'command' },
  /** What the printable certificate shows for a completion in force. */
  'literacy.certificate': { input: z.object({ traineeId, level: choice(LITERACY_LEVELS) }).strict(), permission: 'literacy.read', kind: 'query' },
} as const satisfies Record<string, HandlerSpec>;

export interface ProgressCell {
  /** The current level (latest observation on or before the day), null if never observed. */
  level: SkillLevel | null;
  date: string | null;
  /** The level at enrolment: the latest observation on or before it, else the first one after. */
  baseline: SkillLevel | null;
}

export interface ProgressRow {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  enrolledOn: string;
  /** The day they left the class (withdrawn or the class closed; not enrolled from then on), after the matrix's day; null while enrolled. */
  leftOn: string | null;
  released: boolean;
  skills: Record<Skill, ProgressCell>;
  status: LiteracyStatus;
  /** Completion dates recorded (null: not completed). */
  completed: Record<LiteracyLevel, string | null>;
}

export interface ProgressMatrix {
  classId: string;
  className: string;
  /** The day the matrix stands on. */
  day: string;
  rows: ProgressRow[];
}

export interface Certificate {
  facilityName: string;
  traineeId: string;
  fileNumber: string;
  fullName: string;
  dateOfBirth: string | null;
  classId: string;
  className: string;
  teacherName: string | null;
  level: LiteracyLevel;
  enrolledOn: string | null;
  date: string;
  overrideReason: string | null;
  /** Who recorded the completion. */
  recordedBy: string | null;
  skills: { skill: Skill; level: SkillLevel | null; date: string | null }[];
}

/** Output type of each handler above. */
export interface LiteracyOutputs {
  'literacy.observe': { batchId: string; seqs: number[] };
  'literacy.progress': ProgressMatrix;
  'literacy.complete': { seq: number };
  'literacy.certificate': Certificate;
}

/** Event types a person may void (their own, or anyone's as admin). */
export const LITERACY_VOIDABLE: readonly (keyof typeof LITERACY_EVENTS)[] = ['SkillsObserved', 'LiteracyCompleted'];
