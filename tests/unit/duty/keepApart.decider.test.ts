import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../shared/events';
import { SenError } from '../../../shared/errors';
import { endKeepApart, foldRule, recordHeadcount, resolveMismatch, setKeepApart, type ExpectedRoom } from '../../../electron/core/duty/keepApart/decider';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const RULE = '00000000-0000-4000-8000-000000000001';
const cmd = { traineeA: A, traineeB: B, level: 'room', reason: 'gang', note: '', roleA: 'unknown', roleB: 'unknown', reviewDate: '2026-12-01' } as const;

function code(fn: () => unknown): string {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    if (!(e instanceof SenError)) throw e;
    return e.issues?.length ? `${e.code}:${e.issues.map((i) => `${i.path}=${i.code}`).join(',')}` : e.code;
  }
}

const stored = (seq: number, version: number, type: string, data: unknown, occurredAt = '2026-11-10'): StoredEvent =>
  ({ seq, version, stream: `keepapart:${RULE}`, type, data, occurredAt, recordedAt: `${occurredAt}T08:00:00.000Z` }) as unknown as StoredEvent;

describe('keep-apart decider', () => {
  const inCare = { status: () => 'in_care', pairActive: false, today: '2026-11-20' };

  it('sets a rule for two trainees in care without an active rule', () => {
    expect(setKeepApart(cmd, RULE, inCare)).toEqual([{ type: 'KeepApartSet', data: { ...cmd, ruleId: RULE }, occurredAt: '2026-11-20' }]);
  });

  it('refuses the same trainee twice, an unknown or released trainee, and an active rule for the pair', () => {
    expect(code(() => setKeepApart({ ...cmd, traineeB: A }, RULE, inCare))).toBe('VALIDATION:traineeB=sameTrainee');
    expect(code(() => setKeepApart(cmd, RULE, { ...inCare, status: (id) => (id === B ? undefined : 'in_care') }))).toBe('NOT_FOUND');
    expect(code(() => setKeepApart(cmd, RULE, { ...inCare, status: (id) => (id === B ? 'released' : 'in_care') }))).toBe('ALREADY_RELEASED');
    expect(code(() => setKeepApart(cmd, RULE, { ...inCare, pairActive: true }))).toBe('KEEP_APART_ACTIVE');
  });

  it('folds a rule skipping voided events, and ends it once, not before it was set nor in the future', () => {
    const set = stored(5, 1, 'KeepApartSet', { ...cmd, ruleId: RULE });
    const end = stored(9, 2, 'KeepApartEnded', { ruleId: RULE, date: '2026-11-15', note: '' }, '2026-11-15');
    const voidEnd = stored(12, 3, 'EventVoided', { seq: 9, reason: 'nhầm' }, '2026-11-16');
    expect(foldRule([set, end])).toEqual({ version: 2, set: true, endedDate: '2026-11-15', setOn: '2026-11-10' });
    const state = foldRule([set, end, voidEnd]);
    expect(state).toEqual({ version: 3, set: true, endedDate: null, setOn: '2026-11-10' });
    expect(code(() => endKeepApart(foldRule([set, end]), { ruleId: RULE, date: '2026-11-16', note: '' }, '2026-11-20'))).toBe('NOT_ACTIVE');
    expect(code(() => endKeepApart(foldRule([]), { ruleId: RULE, date: '2026-11-16', note: '' }, '2026-11-20'))).toBe('NOT_FOUND');
    expect(code(() => endKeepApart(state, { ruleId: RULE, date: '2026-11-21', note: '' }, '2026-11-20'))).toBe('VALIDATION:date=dateInFuture');
    expect(code(() => endKeepApart(state, { ruleId: RULE, date: '2026-11-09', note: '' }, '2026-11-20'))).toBe('VALIDATION:date=endBeforeStart');
    expect(endKeepApart(state, { ruleId: RULE, date: '2026-11-20', note: 'x' }, '2026-11-20')).toHaveLength(1);
  });
});

describe('headcount decider', () => {
  const rooms = new Map<string, ExpectedRoom>([
    ['r1', { occupants: [A, B], atHospital: [B] }],
    ['r2', { occupants: [], atHospital: [] }],
  ]);
  const now = '2026-11-20T05:00:00.000Z';

  it('writes what each room was expected to hold into the event, the instant normalized to UTC', () => {
    const [e] = recordHeadcount({ at: '2026-11-20T11:30+07:00', rooms: [{ roomId: 'r1', counted: 1, note: '' }] }, 'c1', { now, rooms });
    expect(e).toEqual({
      type: 'HeadcountRecorded',
      data: { countId: 'c1', at: '2026-11-20T04:30:00.000Z', rooms: [{ roomId: 'r1', counted: 1, note: '', expected: 2, atHospital: [B] }] },
      occurredAt: '2026-11-20T04:30:00.000Z',
    });
  });

  it('refuses a future instant and rooms not in the layout, naming each', () => {
    expect(code(() => recordHeadcount({ at: '2026-11-20T05:00:01.000Z', rooms: [{ roomId: 'r1', counted: 1, note: '' }] }, 'c1', { now, rooms }))).toBe('VALIDATION:at=timeInFuture');
    expect(code(() => recordHeadcount({ at: now, rooms: [{ roomId: 'r2', counted: 0, note: '' }, { roomId: 'x', counted: 1, note: '' }] }, 'c1', { now, rooms }))).toBe(
      'VALIDATION:rooms.1.roomId=unknownRoom',
    );
  });

  it('resolves an open difference once', () => {
    const c = { countId: 'c1', roomId: 'r1', note: 'đã tìm thấy' };
    expect(resolveMismatch({ resolved: false }, c, now)).toEqual([{ type: 'HeadcountMismatchResolved', data: c, occurredAt: now }]);
    expect(code(() => resolveMismatch({ resolved: true }, c, now))).toBe('NOT_ACTIVE');
    expect(code(() => resolveMismatch(undefined, c, now))).toBe('NOT_FOUND');
  });
});
