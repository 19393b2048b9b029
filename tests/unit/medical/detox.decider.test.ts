import { describe, expect, it } from 'vitest';
import { SenError } from '../../../shared/errors';
import type { NewEvent, StoredEvent } from '../../../shared/events';
import { advancePhase, foldTrainee } from '../../../electron/core/admissions/decider';
import { assess, closeEpisode, defineScale, foldDetox, startEpisode, type DetoxState } from '../../../electron/core/medical/detox/decider';
import { AWQ, COWS } from '../../../shared/medical/scales';
import { traineeDetails } from '../../support/core';

const T = '00000000-0000-4000-8000-0000000000aa';
const E1 = '00000000-0000-4000-8000-0000000000e1';
const E2 = '00000000-0000-4000-8000-0000000000e2';
const NOW = '2026-11-25T08:00:00.000Z';

/** Events as the store would give them back: seq and version in order. */
function stored(events: NewEvent[], from = 1): StoredEvent[] {
  return events.map(
    (e, i) =>
      ({ ...e, seq: from + i, version: from + i, stream: `medical:${T}`, schema: 1, meta: { actor: null }, occurredAt: NOW, recordedAt: NOW, prevHash: '', hash: '' }) as StoredEvent,
  );
}

const trainee = { status: 'in_care', admissionDate: '2026-09-01' };
const startCtx = (episodeId = E1, over: Partial<Parameters<typeof startEpisode>[2]> = {}) => ({
  now: NOW,
  episodeId,
  trainee,
  scale: COWS,
  localDate: (i: string) => i.slice(0, 10),
  ...over,
});
const start = (state: DetoxState = foldDetox([]), episodeId = E1) =>
  startEpisode(state, { traineeId: T, substance: 'heroin', scaleId: 'cows', startedAt: '2026-11-24T08:00:00+07:00' }, startCtx(episodeId));

function refusal(f: () => unknown): { code: string; issues: string[] } {
  try {
    f();
  } catch (e) {
    if (e instanceof SenError) return { code: e.code, issues: (e.issues ?? []).map((i) => `${i.path}:${i.code}`) };
    throw e;
  }
  throw new Error('expected a refusal');
}

const fullCows = Object.fromEntries(COWS.items.map((i) => [i.id, i.options[1]!.points]));

describe('detox decider', () => {
  it('starts an episode with the instant normalised to UTC', () => {
    const [e] = start();
    expect(e).toMatchObject({ type: 'DetoxEpisodeStarted', data: { episodeId: E1, scaleId: 'cows', startedAt: '2026-11-24T01:00:00.000Z' } });
  });

  it('refuses a second active episode, a future start, a start before admission, an unknown scale, a released trainee', () => {
    const state = foldDetox(stored(start()));
    expect(refusal(() => start(state, E2)).code).toBe('DETOX_EPISODE_ACTIVE');
    const base = { traineeId: T, substance: 'heroin' as const, scaleId: 'cows' };
    expect(refusal(() => startEpisode(foldDetox([]), { ...base, startedAt: '2026-11-25T08:01:00Z' }, startCtx())).issues).toEqual(['startedAt:timeInFuture']);
    expect(refusal(() => startEpisode(foldDetox([]), { ...base, startedAt: '2026-08-31T08:00:00Z' }, startCtx())).issues).toEqual(['startedAt:beforeAdmission']);
    expect(refusal(() => startEpisode(foldDetox([]), { ...base, startedAt: NOW }, startCtx(E1, { scale: null }))).issues).toEqual(['scaleId:unknownScale']);
    expect(refusal(() => startEpisode(foldDetox([]), { ...base, startedAt: NOW }, startCtx(E1, { trainee: { ...trainee, status: 'released' } }))).code).toBe('ALREADY_RELEASED');
    expect(refusal(() => startEpisode(foldDetox([]), { ...base, startedAt: NOW }, startCtx(E1, { trainee: null }))).code).toBe('NOT_FOUND');
  });

  it('an assessment carries every item (missing ones null) and a total only when complete', () => {
    const state = foldDetox(stored(start()));
    const [complete] = assess(state, { traineeId: T, episodeId: E1, assessedAt: NOW, answers: fullCows }, { now: NOW, scale: COWS });
    // The second option of each item: 1 point, except gooseflesh (0/3/5).
    expect(complete!.data.total).toBe(13);
    const { gooseflesh: _g, ...partial } = fullCows;
    const [incomplete] = assess(state, { traineeId: T, episodeId: E1, assessedAt: NOW, answers: partial }, { now: NOW, scale: COWS });
    expect(incomplete!.data.total).toBeNull();
    expect(Object.keys(incomplete!.data.answers)).toEqual(COWS.items.map((i) => i.id));
    expect(incomplete!.data.answers['gooseflesh']).toBeNull();
  });

  it('refuses a score that is not an option, an unknown item, no answer at all, a future time, a time before the start', () => {
    const state = foldDetox(stored(start()));
    const cmd = { traineeId: T, episodeId: E1, assessedAt: NOW, answers: fullCows };
    const ctx = { now: NOW, scale: COWS };
    // Restlessness is 0/1/3/5: 2 is not one of its options.
    expect(refusal(() => assess(state, { ...cmd, answers: { ...fullCows, restlessness: 2 } }, ctx)).issues).toEqual(['answers.restlessness:notAnOption']);
    expect(refusal(() => assess(state, { ...cmd, answers: { ...fullCows, mood: 1 } }, ctx)).issues).toEqual(['answers.mood:unknownItem']);
    expect(refusal(() => assess(state, { ...cmd, answers: { pulse: null } }, ctx)).issues).toEqual(['answers:answerRequired']);
    expect(refusal(() => assess(state, { ...cmd, assessedAt: '2026-11-25T08:00:01Z' }, ctx)).issues).toEqual(['assessedAt:timeInFuture']);
    expect(refusal(() => assess(state, { ...cmd, assessedAt: '2026-11-24T00:59:00Z' }, ctx)).issues).toEqual(['assessedAt:beforeEpisodeStart']);
    expect(refusal(() => assess(state, { ...cmd, episodeId: E2 }, ctx)).code).toBe('NOT_FOUND');
  });

  it('refuses an assessment and a second closing after the episode closed; a new episode may then start', () => {
    const events = stored([
      ...start(),
      ...closeEpisode(foldDetox(stored(start())), { traineeId: T, episodeId: E1, closedAt: NOW, outcome: 'completed', note: '' }, { now: NOW }),
    ]);
    const state = foldDetox(events);
    expect(state.active).toBeNull();
    expect(refusal(() => assess(state, { traineeId: T, episodeId: E1, assessedAt: NOW, answers: fullCows }, { now: NOW, scale: COWS })).code).toBe('DETOX_EPISODE_CLOSED');
    expect(refusal(() => closeEpisode(state, { traineeId: T, episodeId: E1, closedAt: NOW, outcome: 'completed', note: '' }, { now: NOW })).code).toBe('DETOX_EPISODE_CLOSED');
    expect(start(state, E2)[0]!.data.episodeId).toBe(E2);
  });

  it('closing: not in the future, not before the start or the latest assessment', () => {
    const assessed = stored([...start(), ...assess(foldDetox(stored(start())), { traineeId: T, episodeId: E1, assessedAt: '2026-11-25T06:00:00Z', answers: fullCows }, { now: NOW, scale: COWS })]);
    const state = foldDetox(assessed);
    const cmd = { traineeId: T, episodeId: E1, outcome: 'completed' as const, note: '' };
    expect(refusal(() => closeEpisode(state, { ...cmd, closedAt: '2026-11-26T00:00:00Z' }, { now: NOW })).issues).toEqual(['closedAt:timeInFuture']);
    expect(refusal(() => closeEpisode(state, { ...cmd, closedAt: '2026-11-25T05:00:00Z' }, { now: NOW })).issues).toEqual(['closedAt:beforeLastAssessment']);
    expect(refusal(() => closeEpisode(state, { ...cmd, closedAt: '2026-11-23T05:00:00Z' }, { now: NOW })).issues).toEqual(['closedAt:beforeEpisodeStart']);
  });

  it('a voided start leaves no episode (and its assessments go with it)', () => {
    const events = stored(start());
    const voided = [...events, ...stored([{ type: 'EventVoided', data: { seq: 1, voidedType: 'DetoxEpisodeStarted', reason: 'nhầm' } }], 2)];
    const state = foldDetox(voided);
    expect(state.episodes.size).toBe(0);
    expect(state.active).toBeNull();
    expect(state.version).toBe(2);
  });

  it('a facility scale cannot take a built-in or an already defined id', () => {
    expect(refusal(() => defineScale({ ...AWQ }, { definedIds: new Set() })).issues).toEqual(['definition.id:scaleIdInUse']);
    expect(refusal(() => defineScale({ ...AWQ, id: 'tt18' }, { definedIds: new Set(['tt18']) })).issues).toEqual(['definition.id:scaleIdInUse']);
    expect(defineScale({ ...AWQ, id: 'tt18' }, { definedIds: new Set() })[0]!.type).toBe('WithdrawalScaleDefined');
  });
});

describe('phase advance decider', () => {
  const admitted = foldTrainee([
    { seq: 1, version: 1, stream: `trainee:${T}`, type: 'TraineeAdmitted', schema: 1, data: { traineeId: T, ...traineeDetails({ admissionDate: '2026-09-01' }) }, meta: { actor: null }, occurredAt: '2026-09-01', recordedAt: NOW, prevHash: '', hash: '' } as StoredEvent,
  ]);
  const today = '2026-11-25';

  it('moves to a later stage (skipping is allowed) and the fold follows', () => {
    const [e] = advancePhase(admitted, { from: 'intake', to: 'detox', date: '2026-09-03', note: '' }, { today });
    expect(e).toMatchObject({ type: 'TraineePhaseAdvanced', data: { from: 'intake', to: 'detox' }, occurredAt: '2026-09-03' });
    expect(advancePhase(admitted, { from: 'intake', to: 'education', date: today, note: '' }, { today })[0]!.data.to).toBe('education');
    const moved = foldTrainee([
      ...[{ seq: 1, version: 1, stream: `trainee:${T}`, type: 'TraineeAdmitted', schema: 1, data: { traineeId: T, ...traineeDetails({ admissionDate: '2026-09-01' }) }, meta: { actor: null }, occurredAt: '', recordedAt: NOW, prevHash: '', hash: '' } as StoredEvent],
      { seq: 2, version: 2, stream: `trainee:${T}`, type: 'TraineePhaseAdvanced', schema: 1, data: e!.data, meta: { actor: null }, occurredAt: '', recordedAt: NOW, prevHash: '', hash: '' } as StoredEvent,
    ]);
    expect([moved.phase, moved.phaseSince]).toEqual(['detox', '2026-09-03']);
    expect(refusal(() => advancePhase(moved, { from: 'detox', to: 'education', date: '2026-09-02', note: '' }, { today })).issues).toEqual(['date:beforeLastPhaseChange']);
  });

  it('refuses a stale `from`, a stage that is not later, a future date, a date before admission, a released trainee', () => {
    expect(refusal(() => advancePhase(admitted, { from: 'detox', to: 'education', date: today, note: '' }, { today })).issues).toEqual(['from:phaseNotCurrent']);
    expect(refusal(() => advancePhase(admitted, { from: 'intake', to: 'intake', date: today, note: '' }, { today })).issues).toEqual(['to:phaseNotLater']);
    expect(refusal(() => advancePhase(admitted, { from: 'intake', to: 'detox', date: '2026-11-26', note: '' }, { today })).issues).toEqual(['date:dateInFuture']);
    expect(refusal(() => advancePhase(admitted, { from: 'intake', to: 'detox', date: '2026-08-31', note: '' }, { today })).issues).toEqual(['date:beforeAdmission']);
    expect(refusal(() => advancePhase({ ...admitted, status: 'released' }, { from: 'intake', to: 'detox', date: today, note: '' }, { today })).code).toBe('ALREADY_RELEASED');
  });
});
