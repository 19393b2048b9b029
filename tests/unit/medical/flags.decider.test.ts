import { describe, expect, it } from 'vitest';
import type { NewEvent, StoredEvent } from '../../../shared/events';
import { HOUSING_REASONS, setHousingFlagInput, setWorkRestrictionInput } from '../../../shared/medical/flags';
import { SenError } from '../../../shared/errors';
import {
  clearHousingFlag,
  clearWorkRestriction,
  foldFlags,
  refer,
  returnFromReferral,
  setHousingFlag,
  setWorkRestriction,
  type FlagsContext,
} from '../../../electron/core/medical/flags/decider';

const T = '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b';
const FLAG = '11111111-1111-4111-8111-111111111111';
const R1 = '22222222-2222-4222-8222-222222222222';
const REF = '33333333-3333-4333-8333-333333333333';
const ctx: FlagsContext = { today: '2026-11-20', admissionDate: '2026-09-01', released: false };

/** Stored events from new ones, numbered as a stream would number them. */
function stored(events: NewEvent[], startSeq = 1): StoredEvent[] {
  return events.map(
    (e, i) =>
      ({
        seq: startSeq + i,
        stream: `medical:${T}`,
        version: i + 1,
        type: e.type,
        schema: 1,
        data: e.data,
        meta: { actor: null },
        occurredAt: e.occurredAt ?? '2026-11-20T00:00:00.000Z',
        recordedAt: '2026-11-20T00:00:00.000Z',
        prevHash: '',
        hash: '',
      }) as StoredEvent,
  );
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof SenError) return e.issues?.length ? `${e.code}:${e.issues.map((i) => `${i.path}=${i.code}`).join(',')}` : e.code;
    throw e;
  }
  return 'accepted';
}

const housing = { traineeId: T, reason: 'infectious_isolation' as const, note: 'Lao phổi AFB+', since: '2026-11-10', reviewDate: '2026-12-10' };

describe('flags decider: separate housing', () => {
  it('sets a flag dated on its start, and folds it as active', () => {
    const events = setHousingFlag(foldFlags([]), housing, FLAG, ctx);
    expect(events).toEqual([{ type: 'HousingFlagSet', data: { ...housing, flagId: FLAG }, occurredAt: '2026-11-10' }]);
    const state = foldFlags(stored(events));
    expect(state.housing.get(FLAG)).toEqual({ since: '2026-11-10', clearedDate: null });
    expect(state.version).toBe(1);
  });

  it('refuses a second active flag, a start in the future or before admission, and a released trainee', () => {
    const state = foldFlags(stored(setHousingFlag(foldFlags([]), housing, FLAG, ctx)));
    expect(code(() => setHousingFlag(state, housing, 'x', ctx))).toBe('HOUSING_FLAG_ACTIVE');
    expect(code(() => setHousingFlag(foldFlags([]), { ...housing, since: '2026-11-21' }, FLAG, ctx))).toBe('VALIDATION:since=dateInFuture');
    expect(code(() => setHousingFlag(foldFlags([]), { ...housing, since: '2026-08-31' }, FLAG, ctx))).toBe('VALIDATION:since=beforeAdmission');
    expect(code(() => setHousingFlag(foldFlags([]), housing, FLAG, { ...ctx, released: true }))).toBe('ALREADY_RELEASED');
  });

  it('clears only a flag that is set and active, not before it started', () => {
    const state = foldFlags(stored(setHousingFlag(foldFlags([]), housing, FLAG, ctx)));
    expect(code(() => clearHousingFlag(foldFlags([]), { traineeId: T, flagId: FLAG, date: '2026-11-20', note: '' }, ctx))).toBe('NOT_FOUND');
    expect(code(() => clearHousingFlag(state, { traineeId: T, flagId: FLAG, date: '2026-11-09', note: '' }, ctx))).toBe('VALIDATION:date=clearBeforeSince');
    expect(code(() => clearHousingFlag(state, { traineeId: T, flagId: FLAG, date: '2026-11-21', note: '' }, ctx))).toBe('VALIDATION:date=dateInFuture');
    const cleared = clearHousingFlag(state, { traineeId: T, flagId: FLAG, date: '2026-11-20', note: 'Hết lây' }, ctx);
    const after = foldFlags(stored([...setHousingFlag(foldFlags([]), housing, FLAG, ctx), ...cleared]));
    expect(code(() => clearHousingFlag(after, { traineeId: T, flagId: FLAG, date: '2026-11-20', note: '' }, ctx))).toBe('NOT_ACTIVE');
    // Once cleared, a new flag may be set.
    expect(code(() => setHousingFlag(after, housing, 'f2', ctx))).toBe('accepted');
  });

  it('skips voided events: a voided flag is as if never set', () => {
    const events = stored(setHousingFlag(foldFlags([]), housing, FLAG, ctx));
    const voided = [...events, ...stored([{ type: 'EventVoided', data: { seq: 1, voidedType: 'HousingFlagSet', reason: 'Nhầm học viên' } }], 2)];
    const state = foldFlags(voided);
    expect(state.housing.size).toBe(0);
    expect(state.version).toBe(1); // numbered by the helper; the fold keeps the last version
    expect(code(() => setHousingFlag(state, housing, 'f2', ctx))).toBe('accepted');
  });

  it('has no HIV reason in its catalog, and the schema refuses one', () => {
    expect(HOUSING_REASONS.filter((r) => /hiv|aids|arv/i.test(r))).toEqual([]);
    const r = setHousingFlagInput.safeParse({ ...housing, reason: 'hiv' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('invalidChoice');
  });

  it('refuses a review date before the start (schema)', () => {
    const r = setHousingFlagInput.safeParse({ ...housing, reviewDate: '2026-11-01' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reviewDate', 'reviewBeforeSince']]);
  });
});

describe('flags decider: work restrictions', () => {
  const cmd = { traineeId: T, restriction: 'no_sharp_tools' as const, reason: 'Vết thương bàn tay', since: '2026-11-01', until: '2026-11-30' };

  it('refuses the same restriction while in force, allows it once past its last day', () => {
    const state = foldFlags(stored(setWorkRestriction(foldFlags([]), cmd, R1, ctx)));
    expect(code(() => setWorkRestriction(state, cmd, 'r2', ctx))).toBe('RESTRICTION_ACTIVE');
    expect(code(() => setWorkRestriction(state, { ...cmd, restriction: 'no_heavy_labor' }, 'r2', ctx))).toBe('accepted');
    expect(code(() => setWorkRestriction(state, cmd, 'r2', { ...ctx, today: '2026-12-01' }))).toBe('accepted');
  });

  it('clears a restriction once, not before it started', () => {
    const events = setWorkRestriction(foldFlags([]), cmd, R1, ctx);
    const state = foldFlags(stored(events));
    expect(code(() => clearWorkRestriction(state, { traineeId: T, restrictionId: R1, date: '2026-10-31' }, ctx))).toBe('VALIDATION:date=clearBeforeSince');
    const cleared = clearWorkRestriction(state, { traineeId: T, restrictionId: R1, date: '2026-11-15' }, ctx);
    const after = foldFlags(stored([...events, ...cleared]));
    expect(code(() => clearWorkRestriction(after, { traineeId: T, restrictionId: R1, date: '2026-11-15' }, ctx))).toBe('NOT_ACTIVE');
    expect(code(() => clearWorkRestriction(after, { traineeId: T, restrictionId: REF, date: '2026-11-15' }, ctx))).toBe('NOT_FOUND');
  });

  it('refuses an end before the start (schema)', () => {
    const r = setWorkRestrictionInput.safeParse({ ...cmd, until: '2026-10-01' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['until', 'untilBeforeSince']]);
  });
});

describe('flags decider: referrals', () => {
  const cmd = { traineeId: T, date: '2026-11-12', hospital: 'Bệnh viện Phổi tỉnh', reason: 'Ho ra máu' };

  it('refers, refuses a second open referral, returns once and not before the referral', () => {
    const events = refer(foldFlags([]), cmd, REF, ctx);
    expect(events[0]).toMatchObject({ type: 'TraineeReferred', occurredAt: '2026-11-12' });
    const state = foldFlags(stored(events));
    expect(code(() => refer(state, { ...cmd, date: '2026-11-13' }, 'x', ctx))).toBe('REFERRAL_OPEN');
    expect(code(() => returnFromReferral(state, { traineeId: T, referralId: REF, date: '2026-11-11', note: '' }, ctx))).toBe('VALIDATION:date=returnBeforeReferral');
    expect(code(() => returnFromReferral(state, { traineeId: T, referralId: REF, date: '2026-11-21', note: '' }, ctx))).toBe('VALIDATION:date=dateInFuture');
    expect(code(() => returnFromReferral(foldFlags([]), { traineeId: T, referralId: REF, date: '2026-11-15', note: '' }, ctx))).toBe('NOT_FOUND');
    const back = returnFromReferral(state, { traineeId: T, referralId: REF, date: '2026-11-15', note: 'Ổn định' }, ctx);
    const after = foldFlags(stored([...events, ...back]));
    expect(code(() => returnFromReferral(after, { traineeId: T, referralId: REF, date: '2026-11-16', note: '' }, ctx))).toBe('NOT_ACTIVE');
    expect(code(() => refer(after, { ...cmd, date: '2026-11-14' }, 'x', ctx))).toBe('VALIDATION:date=beforePreviousReturn');
    expect(code(() => refer(after, { ...cmd, date: '2026-11-16' }, 'x', ctx))).toBe('accepted');
  });

  it('refuses dates in the future or before admission', () => {
    expect(code(() => refer(foldFlags([]), { ...cmd, date: '2026-11-21' }, REF, ctx))).toBe('VALIDATION:date=dateInFuture');
    expect(code(() => refer(foldFlags([]), { ...cmd, date: '2026-08-01' }, REF, ctx))).toBe('VALIDATION:date=beforeAdmission');
  });

  it('ignores other slices’ events in the stream but counts them in its version', () => {
    const dose: NewEvent = { type: 'DoseRecorded', data: { traineeId: T, prescriptionId: R1, date: '2026-11-12', slot: 'morning', status: 'given', note: '' } };
    const state = foldFlags(stored([dose, ...refer(foldFlags([]), cmd, REF, ctx), dose]));
    expect([...state.referrals.keys()]).toEqual([REF]);
    expect(state.housing.size + state.restrictions.size).toBe(0);
    expect(state.version).toBe(3);
  });
});
