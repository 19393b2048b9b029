import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { SUBSTANCES } from '../admissions';
import { choice, isoDate, text, traineeId } from './common';
import { scaleDefinitionSchema, type Answers, type Localized, type ScaleBand, type ScaleDefinition } from './scales';

/**
 * Detox episodes assessed with withdrawal scales defined as data (COWS, CIWA-Ar, AWQ).
 *
 * An episode (DetoxEpisodeStarted) names the substance and the scale; assessments (DetoxAssessed)
 * carry every item's points (null = not assessed) and a total only when all items are answered;
 * closing (DetoxEpisodeClosed) ends it. At most one active episode per trainee. Closing never
 * moves the trainee's stage of treatment: that is `trainees.advancePhase`, a separate decision.
 * All on `medical:<traineeId>`; facility-defined scales on `facility`.
 */

/** What is withdrawn from: the admission's substances, plus alcohol (CIWA-Ar). */
export const DETOX_SUBSTANCES = [...SUBSTANCES, 'alcohol'] as const;
export type DetoxSubstance = (typeof DETOX_SUBSTANCES)[number];

export const DETOX_OUTCOMES = ['completed', 'referred', 'stopped', 'other'] as const;
export type DetoxOutcome = (typeof DETOX_OUTCOMES)[number];

/** The scale the start form proposes for a substance (the officer may choose another). */
export function suggestedScale(substance: DetoxSubstance): string {
  if (substance === 'heroin' || substance === 'opium') return 'cows';
  if (substance === 'alcohol') return 'ciwa-ar';
  return 'awq';
}

/** An instant with its offset ("2026-11-25T08:30:00.000Z", "2026-11-25T15:30+07:00"). */
export const instant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), 'invalidDateTime');

const episodeId = z.uuid({ error: 'invalidId' });
const points = z.number({ error: 'invalidType' }).int('notAnOption').nullable();

export const startEpisodeInput = z
  .object({
    traineeId,
    substance: choice(DETOX_SUBSTANCES),
    scaleId: z.string().min(1, 'required').max(40, 'unknownScale'),
    startedAt: instant,
  })
  .strict();

export const assessInput = z
  .object({
    traineeId,
    episodeId,
    assessedAt: instant,
    /** Points by item id; items left out or null were not assessed. */
    answers: z.record(z.string().max(40, 'unknownItem'), points),
  })
  .strict();

export const closeEpisodeInput = z
  .object({
    traineeId,
    episodeId,
    closedAt: instant,
    outcome: choice(DETOX_OUTCOMES),
    note: text(500),
  })
  .strict();

export const episodesInput = z.object({ traineeId, asOf: isoDate.optional() }).strict();
export const defineScaleInput = z.object({ definition: scaleDefinitionSchema }).strict();

const episodeData = z.object({ traineeId: z.uuid(), episodeId: z.uuid() });

export const DETOX_EVENTS = {
  /** Stream `medical:<traineeId>`. */
  DetoxEpisodeStarted: { schema: 1, data: episodeData.extend({ substance: z.enum(DETOX_SUBSTANCES), scaleId: z.string().min(1), startedAt: z.string() }) },
  /** Every item of the scale, null when not assessed; `total` only when every item is answered. */
  DetoxAssessed: {
    schema: 1,
    data: episodeData.extend({ assessedAt: z.string(), answers: z.record(z.string(), z.number().int().nullable()), total: z.number().int().nullable() }),
  },
  DetoxEpisodeClosed: { schema: 1, data: episodeData.extend({ closedAt: z.string(), outcome: z.enum(DETOX_OUTCOMES), note: z.string() }) },
  /** Stream `facility`: a facility's own scale (the built-in ones are always present). */
  WithdrawalScaleDefined: { schema: 1, data: z.object({ definition: scaleDefinitionSchema }) },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const DETOX_HANDLERS = {
  /** Every scale (built-in first, then the facility's), for the forms and the dashboard. */
  'medical.detox.scales': { input: z.object({}).strict(), permission: 'medical.read', kind: 'query' },
  /** A trainee's episodes, newest first, with their assessments. */
  'medical.detox.episodes': { input: episodesInput, permission: 'medical.read', kind: 'query' },
  /** Active episodes of trainees in care: last score, band or trend, next assessment due. */
  'medical.detox.dashboard': { input: z.object({}).strict(), permission: 'medical.read', kind: 'query' },
  'medical.detox.start': { input: startEpisodeInput, permission: 'medical.write', kind: 'command' },
  'medical.detox.assess': { input: assessInput, permission: 'medical.write', kind: 'command' },
  'medical.detox.close': { input: closeEpisodeInput, permission: 'medical.write', kind: 'command' },
  'medical.detox.defineScale': { input: defineScaleInput, permission: 'medical.write', kind: 'command' },
} as const satisfies Record<string, HandlerSpec>;

export interface DetoxAssessmentView {
  seq: number;
  assessedAt: string;
  answers: Answers;
  total: number | null;
  /** Who recorded it. */
  actor: string | null;
}

export interface DetoxEpisodeView {
  episodeId: string;
  traineeId: string;
  substance: DetoxSubstance;
  scaleId: string;
  startedAt: string;
  closedAt: string | null;
  outcome: DetoxOutcome | null;
  note: string;
  /** Oldest first. */
  assessments: DetoxAssessmentView[];
}

export type DetoxTrend = 'up' | 'down' | 'flat';

export interface DetoxDashboardRow {
  episodeId: string;
  traineeId: string;
  fullName: string;
  fileNumber: string;
  substance: DetoxSubstance;
  scaleId: string;
  scaleName: Localized;
  startedAt: string;
  lastAssessedAt: string | null;
  /** Total of the latest assessment (null when it was incomplete, or none yet). */
  lastTotal: number | null;
  /** Band of `lastTotal` on a scale with bands. */
  band: ScaleBand | null;
  /** For scales without bands: the last two complete totals compared. */
  trend: DetoxTrend | null;
  /** Last assessment (or the start) + the settings' interval. */
  nextDueAt: string;
  overdue: boolean;
}

export interface DetoxOutputs {
  'medical.detox.scales': ScaleDefinition[];
  'medical.detox.episodes': DetoxEpisodeView[];
  'medical.detox.dashboard': { rows: DetoxDashboardRow[]; intervalHours: number };
  'medical.detox.start': { episodeId: string; seq: number };
  'medical.detox.assess': { seq: number; total: number | null };
  'medical.detox.close': { seq: number };
  'medical.detox.defineScale': { seq: number };
}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const DETOX_VOIDABLE: readonly (keyof typeof DETOX_EVENTS)[] = ['DetoxEpisodeStarted', 'DetoxAssessed', 'DetoxEpisodeClosed'];
