import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent, StoredEvent } from '../../../../shared/events';
import type { DetoxOutcome, DetoxSubstance } from '../../../../shared/medical/detox';
import { BUILT_IN_SCALE_IDS, scaleTotal, type Answers, type ScaleDefinition } from '../../../../shared/medical/scales';

/**
 * The detox decider: `foldDetox` folds a trainee's medical stream (voided events skipped) into
 * the episodes decisions need; `startEpisode`, `assess`, `closeEpisode` and `defineScale` turn a
 * validated command into events or refuse it. Pure: the clock comes in as `now` (ISO instant).
 */
export interface EpisodeState {
  episodeId: string;
  scaleId: string;
  startedAt: string;
  closedAt: string | null;
  /** Latest assessment time (not the latest recorded: one may be entered late). */
  lastAssessedAt: string | null;
}

export interface DetoxState {
  episodes: Map<string, EpisodeState>;
  /** The episode not yet closed, if any (at most one). */
  active: string | null;
  /** The medical stream's version (every slice's events count). */
  version: number;
}

export function foldDetox(events: readonly StoredEvent[]): DetoxState {
  const voided = new Set(events.flatMap((e) => (e.type === 'EventVoided' ? [e.data.seq] : [])));
  const episodes = new Map<string, EpisodeState>();
  for (const e of events) {
    if (voided.has(e.seq)) continue;
    switch (e.type) {
      case 'DetoxEpisodeStarted':
        episodes.set(e.data.episodeId, { episodeId: e.data.episodeId, scaleId: e.data.scaleId, startedAt: e.data.startedAt, closedAt: null, lastAssessedAt: null });
        break;
      case 'DetoxAssessed': {
        // An assessment of a voided episode is left out with it.
        const ep = episodes.get(e.data.episodeId);
        if (ep && (ep.lastAssessedAt === null || e.data.assessedAt > ep.lastAssessedAt)) ep.lastAssessedAt = e.data.assessedAt;
        break;
      }
      case 'DetoxEpisodeClosed': {
        const ep = episodes.get(e.data.episodeId);
        if (ep) ep.closedAt = e.data.closedAt;
        break;
      }
      default:
        break;
    }
  }
  const active = [...episodes.values()].find((ep) => ep.closedAt === null)?.episodeId ?? null;
  return { episodes, active, version: events.at(-1)?.version ?? 0 };
}

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

/** Instants compare as strings once normalised to UTC ("…Z", milliseconds). */
export function normalizeInstant(s: string): string {
  return new Date(s).toISOString();
}

export interface StartContext {
  now: string;
  episodeId: string;
  /** The trainee as the roster knows them; null = no such trainee. */
  trainee: { status: string; admissionDate: string } | null;
  scale: ScaleDefinition | null;
  /** The local calendar date of an instant (compared with the admission date). */
  localDate(instant: string): string;
}

export function startEpisode(
  state: DetoxState,
  cmd: { traineeId: string; substance: DetoxSubstance; scaleId: string; startedAt: string },
  ctx: StartContext,
): NewEvent<'DetoxEpisodeStarted'>[] {
  if (!ctx.trainee) throw new SenError('NOT_FOUND', 'No such trainee.');
  if (ctx.trainee.status === 'released') throw new SenError('ALREADY_RELEASED', 'This trainee has already been released.');
  const startedAt = normalizeInstant(cmd.startedAt);
  const issues: FieldIssue[] = [];
  if (!ctx.scale) issues.push({ path: 'scaleId', code: 'unknownScale' });
  if (startedAt > ctx.now) issues.push({ path: 'startedAt', code: 'timeInFuture' });
  else if (ctx.localDate(startedAt) < ctx.trainee.admissionDate) issues.push({ path: 'startedAt', code: 'beforeAdmission' });
  if (issues.length) refuse(issues);
  if (state.active) throw new SenError('DETOX_EPISODE_ACTIVE', 'This trainee already has an active detox episode; close it before starting another.');
  return [
    {
      type: 'DetoxEpisodeStarted',
      data: { traineeId: cmd.traineeId, episodeId: ctx.episodeId, substance: cmd.substance, scaleId: cmd.scaleId, startedAt },
      occurredAt: startedAt,
    },
  ];
}

function openEpisode(state: DetoxState, episodeId: string): EpisodeState {
  const ep = state.episodes.get(episodeId);
  if (!ep) throw new SenError('NOT_FOUND', 'No such detox episode for this trainee.');
  if (ep.closedAt !== null) throw new SenError('DETOX_EPISODE_CLOSED', 'This detox episode is closed.');
  return ep;
}

export function assess(
  state: DetoxState,
  cmd: { traineeId: string; episodeId: string; assessedAt: string; answers: Answers },
  ctx: { now: string; scale: ScaleDefinition | null },
): NewEvent<'DetoxAssessed'>[] {
  const ep = openEpisode(state, cmd.episodeId);
  // The scale of an open episode is always known (built-in, or defined before the episode started).
  const scale = ctx.scale;
  if (!scale) throw new SenError('INTERNAL', `Scale ${ep.scaleId} is not defined.`);
  const assessedAt = normalizeInstant(cmd.assessedAt);
  const issues: FieldIssue[] = [];
  if (assessedAt > ctx.now) issues.push({ path: 'assessedAt', code: 'timeInFuture' });
  else if (assessedAt < ep.startedAt) issues.push({ path: 'assessedAt', code: 'beforeEpisodeStart' });
  const items = new Map(scale.items.map((i) => [i.id, i]));
  for (const [id, points] of Object.entries(cmd.answers)) {
    const item = items.get(id);
    if (!item) issues.push({ path: `answers.${id}`, code: 'unknownItem' });
    else if (points !== null && !item.options.some((o) => o.points === points)) issues.push({ path: `answers.${id}`, code: 'notAnOption' });
  }
  // Every item of the scale, in its order; those not assessed are null.
  const answers: Answers = Object.fromEntries(scale.items.map((i) => [i.id, Object.hasOwn(cmd.answers, i.id) ? (cmd.answers[i.id] ?? null) : null]));
  if (Object.values(answers).every((p) => p === null) && !issues.some((i) => i.path.startsWith('answers'))) {
    issues.push({ path: 'answers', code: 'answerRequired' });
  }
  if (issues.length) refuse(issues);
  return [
    {
      type: 'DetoxAssessed',
      data: { traineeId: cmd.traineeId, episodeId: cmd.episodeId, assessedAt, answers, total: scaleTotal(scale, answers) },
      occurredAt: assessedAt,
    },
  ];
}

export function closeEpisode(
  state: DetoxState,
  cmd: { traineeId: string; episodeId: string; closedAt: string; outcome: DetoxOutcome; note: string },
  ctx: { now: string },
): NewEvent<'DetoxEpisodeClosed'>[] {
  const ep = openEpisode(state, cmd.episodeId);
  const closedAt = normalizeInstant(cmd.closedAt);
  if (closedAt > ctx.now) refuse([{ path: 'closedAt', code: 'timeInFuture' }]);
  if (closedAt < ep.startedAt) refuse([{ path: 'closedAt', code: 'beforeEpisodeStart' }]);
  if (ep.lastAssessedAt !== null && closedAt < ep.lastAssessedAt) refuse([{ path: 'closedAt', code: 'beforeLastAssessment' }]);
  return [
    {
      type: 'DetoxEpisodeClosed',
      data: { traineeId: cmd.traineeId, episodeId: cmd.episodeId, closedAt, outcome: cmd.outcome, note: cmd.note },
      occurredAt: closedAt,
    },
  ];
}

/**
 * A facility's own scale. Ids are never reused (built-in or defined): episodes name their scale by
 * id, so a changed form gets a new id and old assessments keep reading against the form they used.
 */
export function defineScale(definition: ScaleDefinition, ctx: { definedIds: ReadonlySet<string> }): NewEvent<'WithdrawalScaleDefined'>[] {
  if (BUILT_IN_SCALE_IDS.includes(definition.id) || ctx.definedIds.has(definition.id)) refuse([{ path: 'definition.id', code: 'scaleIdInUse' }]);
  return [{ type: 'WithdrawalScaleDefined', data: { definition } }];
}
