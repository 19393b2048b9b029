import { describe, expect, it } from 'vitest';
import { DEFAULT_ELIGIBILITY_RULES, type Rating } from '../../../shared/duty/recognition';
import { SenError } from '../../../shared/errors';
import { grantRewards, rateMonth, type TraineeFacts } from '../../../electron/core/duty/recognition/decider';
import { addMonths, eligibleLists, lastDayOf, monthsEnding, quarterOf, servedPercent } from '../../../electron/core/duty/recognition/eligibility';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const inCare: TraineeFacts = { admissionDate: '2026-03-15', status: 'in_care', releaseDate: null };

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof SenError) return e.issues?.length ? `${e.code}:${e.issues.map((i) => i.code).join(',')}` : e.code;
    throw e;
  }
  return 'ok';
}

describe('month arithmetic', () => {
  it('crosses year and quarter boundaries', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsEnding('2027-02', 3)).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(quarterOf('2026-01')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(quarterOf('2026-06')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(quarterOf('2026-11')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
  });

  it('share of the term served, clamped to 0..100', () => {
    expect(servedPercent('2026-01-01', '2027-01-01', '2026-07-03')).toBe(50);
    expect(servedPercent('2026-01-01', '2027-01-01', '2026-07-02')).toBe(49);
    expect(servedPercent('2026-01-01', '2027-01-01', '2025-12-01')).toBe(0);
    expect(servedPercent('2026-01-01', '2027-01-01', '2028-01-01')).toBe(100);
  });
});

describe('eligibility', () => {
  const trainee = { traineeId: A, fileNumber: 'HS-1', fullName: 'A', admissionDate: '2026-01-01', plannedReleaseDate: '2027-01-01' };
  const ratings = (r: Record<string, Rating>) => new Map([[A, new Map(Object.entries(r))]]);

  it('commendation: the whole calendar quarter at khá or better with one month tốt', () => {
    const q = { '2026-07': 'fair', '2026-08': 'good', '2026-09': 'fair' } as const;
    expect(eligibleLists(DEFAULT_ELIGIBILITY_RULES, '2026-09', '2026-09-30', [trainee], ratings(q)).commendation.map((t) => t.traineeId)).toEqual([A]);
    // Asked in a quarter's last month, that quarter is the last complete one.
    expect(eligibleLists(DEFAULT_ELIGIBILITY_RULES, '2026-09', '2026-09-30', [trainee], ratings(q)).quarter).toEqual(['2026-07', '2026-08', '2026-09']);
    // No month tốt; one month trung bình; one month missing: none eligible.
    for (const r of [
      { '2026-07': 'fair', '2026-08': 'fair', '2026-09': 'fair' },
      { '2026-07': 'good', '2026-08': 'average', '2026-09': 'good' },
      { '2026-07': 'good', '2026-08': 'good' },
    ] as Record<string, Rating>[]) {
      expect(eligibleLists(DEFAULT_ELIGIBILITY_RULES, '2026-09', '2026-09-30', [trainee], ratings(r)).commendation).toEqual([]);
    }
    // A good June belongs to the previous quarter: Q3 with July–September all khá is not enough.
    expect(
      eligibleLists(DEFAULT_ELIGIBILITY_RULES, '2026-09', '2026-09-30', [trainee], ratings({ '2026-06': 'good', '2026-07': 'fair', '2026-08': 'fair', '2026-09': 'fair' })).commendation,
    ).toEqual([]);
  });

  it('commendation: a month mid-quarter asks about the last complete quarter, not one still running (across a year)', () => {
    const q2 = { '2026-04': 'good', '2026-05': 'fair', '2026-06': 'fair' } as const;
    for (const month of ['2026-07', '2026-08']) {
      const lists = eligibleLists(DEFAULT_ELIGIBILITY_RULES, month, lastDayOf(month), [trainee], ratings(q2));
      expect(lists.quarter, month).toEqual(['2026-04', '2026-05', '2026-06']);
      expect(lists.commendation.map((t) => t.traineeId), month).toEqual([A]);
    }
    // February 2027: the last complete quarter is October–December 2026.
    expect(eligibleLists(DEFAULT_ELIGIBILITY_RULES, '2027-02', '2027-02-28', [trainee], ratings({})).quarter).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('term reduction: half the term served and the last 3 months at khá or better, across a year boundary', () => {
    const t = { ...trainee, admissionDate: '2026-01-01', plannedReleaseDate: '2027-06-01' };
    const r = ratings({ '2026-11': 'fair', '2026-12': 'good', '2027-01': 'fair' });
    const lists = eligibleLists(DEFAULT_ELIGIBILITY_RULES, '2027-01', '2027-01-31', [t], r);
    expect(lists.termReduction.map((x) => [x.traineeId, x.months.map((m) => m.month), x.servedPercent])).toEqual([[A, ['2026-11', '2026-12', '2027-01'], 76]]);
    // Not yet half served.
    expect(eligibleLists(DEFAULT_ELIGIBILITY_RULES, '2027-01', '2027-01-31', [{ ...t, plannedReleaseDate: '2029-01-01' }], r).termReduction).toEqual([]);
    // One of the last 3 months yếu.
    expect(eligibleLists(DEFAULT_ELIGIBILITY_RULES, '2027-01', '2027-01-31', [t], ratings({ '2026-11': 'poor', '2026-12': 'good', '2027-01': 'fair' })).termReduction).toEqual([]);
  });

  it('follows configured thresholds', () => {
    const strict = { ...DEFAULT_ELIGIBILITY_RULES, commendationMinRating: 'good', commendationGoodMonths: 3, termMonths: 1, termMinRating: 'good', termSharePercent: 30 } as const;
    const r = ratings({ '2026-07': 'good', '2026-08': 'good', '2026-09': 'fair' });
    const lists = eligibleLists(strict, '2026-09', '2026-09-30', [trainee], r);
    expect(lists.commendation).toEqual([]);
    expect(lists.termReduction).toEqual([]);
    expect(eligibleLists(strict, '2026-08', '2026-08-31', [trainee], r).termReduction.map((x) => x.traineeId)).toEqual([A]);
  });
});

describe('recognition decider', () => {
  const facts = new Map<string, TraineeFacts>([
    [A, inCare],
    [B, { admissionDate: '2026-01-10', status: 'released', releaseDate: '2026-08-20' }],
  ]);

  it('rewards: one event per trainee; refuses a future date, a date before admission, a released trainee, an unknown one', () => {
    const out = grantRewards({ traineeIds: [A], kind: 'gift', reason: 'Lao động tốt', date: '2026-11-01' }, facts, { batchId: B, rewardIds: [A] }, '2026-11-20');
    expect(out).toEqual([{ traineeId: A, event: { type: 'RewardGranted', data: { traineeId: A, rewardId: A, batchId: B, kind: 'gift', reason: 'Lao động tốt', date: '2026-11-01' }, occurredAt: '2026-11-01' } }]);
    const ids = { batchId: B, rewardIds: [A, B] };
    expect(code(() => grantRewards({ traineeIds: [A], kind: 'gift', reason: 'x', date: '2026-11-21' }, facts, ids, '2026-11-20'))).toBe('VALIDATION:dateInFuture');
    expect(code(() => grantRewards({ traineeIds: [A], kind: 'gift', reason: 'x', date: '2026-03-14' }, facts, ids, '2026-11-20'))).toBe('VALIDATION:beforeAdmission');
    expect(code(() => grantRewards({ traineeIds: [A, B], kind: 'gift', reason: 'x', date: '2026-11-01' }, facts, ids, '2026-11-20'))).toBe('ALREADY_RELEASED');
    expect(code(() => grantRewards({ traineeIds: ['00000000-0000-4000-8000-0000000000cc'], kind: 'gift', reason: 'x', date: '2026-11-01' }, facts, ids, '2026-11-20'))).toBe('NOT_FOUND');
  });

  it('ratings: the month must have begun, within the stay; unchanged writes nothing; a change names the previous', () => {
    const current = new Map([[A, { rating: 'fair' as Rating, seq: 41 }]]);
    const same = rateMonth({ month: '2026-11', ratings: [{ traineeId: A, rating: 'fair' }] }, facts, current, '2026-11-20');
    expect(same).toEqual({ recorded: [], unchanged: 1 });
    const changed = rateMonth({ month: '2026-11', ratings: [{ traineeId: A, rating: 'good' }] }, facts, current, '2026-11-20');
    expect(changed.recorded[0]?.event.data).toEqual({ traineeId: A, month: '2026-11', rating: 'good', replacesSeq: 41 });
    expect(rateMonth({ month: '2026-10', ratings: [{ traineeId: A, rating: 'poor' }] }, facts, new Map(), '2026-11-20').recorded[0]?.event.data.replacesSeq).toBeNull();

    expect(code(() => rateMonth({ month: '2026-12', ratings: [{ traineeId: A, rating: 'good' }] }, facts, current, '2026-11-30'))).toBe('VALIDATION:monthNotBegun');
    expect(code(() => rateMonth({ month: '2026-02', ratings: [{ traineeId: A, rating: 'good' }] }, facts, current, '2026-11-20'))).toBe('VALIDATION:monthBeforeAdmission');
    // Released in August: August can still be rated, September cannot.
    expect(code(() => rateMonth({ month: '2026-08', ratings: [{ traineeId: B, rating: 'good' }] }, facts, current, '2026-11-20'))).toBe('ok');
    expect(code(() => rateMonth({ month: '2026-09', ratings: [{ traineeId: B, rating: 'good' }] }, facts, current, '2026-11-20'))).toBe('ALREADY_RELEASED');
  });
});
