import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, openStore, projectionSnapshot, traineeDetails } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** 10 January 2027, midday in Vietnam: December is the last whole month, February not begun. */
const NOW = () => new Date('2027-01-10T05:00:00.000Z');

/** Two trainees from the fixture (2-year terms from 2026-09-01) and one with a 6-month term. */
async function facility(): Promise<{ f: MedicalFixture; a: string; b: string; short: string }> {
  const f = await medicalFixture(2, NOW);
  const [a, b] = f.traineeIds as [string, string];
  const { traineeId: short } = await f.ok('admin', 'trainees.admit', traineeDetails({ fullName: 'Lò Văn Páo', admissionDate: '2026-09-01', plannedReleaseDate: '2027-03-01' }));
  return { f, a, b, short };
}

describe('recognition through the service', () => {
  it('a month sheet is saved at once; a re-rating replaces the month and names the previous; unchanged ratings write nothing', async () => {
    const { f, a, b, short } = await facility();
    const empty = await f.ok('duty', 'duty.recognition.sheet', { month: '2026-12' });
    expect(empty.rows.map((r) => [r.traineeId, r.rating])).toEqual(expect.arrayContaining([[a, null], [b, null], [short, null]]));

    const before = f.events();
    expect(await f.ok('duty', 'duty.recognition.rate', { month: '2026-11', ratings: [{ traineeId: a, rating: 'fair' }, { traineeId: b, rating: 'poor' }] })).toEqual({ recorded: 2, unchanged: 0 });
    expect(f.events()).toBe(before + 2);
    const again = await f.ok('duty', 'duty.recognition.rate', { month: '2026-11', ratings: [{ traineeId: a, rating: 'good' }, { traineeId: b, rating: 'poor' }] });
    expect(again).toEqual({ recorded: 1, unchanged: 1 });
    expect(f.events()).toBe(before + 3);

    const sheet = await f.ok('duty', 'duty.recognition.sheet', { month: '2026-11' });
    expect(Object.fromEntries(sheet.rows.map((r) => [r.traineeId, r.rating]))).toMatchObject({ [a]: 'good', [b]: 'poor', [short]: null });
    const dec = await f.ok('duty', 'duty.recognition.sheet', { month: '2026-12' });
    expect(dec.rows.find((r) => r.traineeId === a)?.previous).toBe('good');

    // The timeline shows both ratings; the second names the first.
    const timeline = await f.ok('duty', 'trainees.timeline', { traineeId: a });
    const rated = timeline.filter((e) => e.type === 'MonthlyRated');
    expect(rated.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        { traineeId: a, month: '2026-11', rating: 'fair', replacesSeq: null },
        { traineeId: a, month: '2026-11', rating: 'good', replacesSeq: rated.find((e) => (e.data as { rating: string }).rating === 'fair')?.seq },
      ]),
    );
    f.service.close();
  });

  it('rewards for a list: one event per trainee in one call, in each timeline', async () => {
    const { f, a, b } = await facility();
    const before = f.events();
    const r = await f.ok('duty', 'duty.recognition.reward', { traineeIds: [a, b], kind: 'extra_visit', reason: 'Lao động tích cực tháng 12', date: '2027-01-05' });
    expect(r.seqs).toHaveLength(2);
    expect(f.events()).toBe(before + 2);
    for (const id of [a, b]) {
      const timeline = await f.ok('duty', 'trainees.timeline', { traineeId: id });
      expect(timeline.find((e) => e.type === 'RewardGranted')?.data).toMatchObject({ traineeId: id, kind: 'extra_visit', reason: 'Lao động tích cực tháng 12', batchId: r.batchId });
    }
    f.service.close();
  });

  it('eligibility: Q4 at khá with one tốt → commendation; half the term and 3 months khá → term reduction; thresholds follow the admin', async () => {
    const { f, a, b, short } = await facility();
    const months = { '2026-10': ['fair', 'good', 'good'], '2026-11': ['good', 'fair', 'fair'], '2026-12': ['fair', 'fair', 'good'] } as const;
    for (const [month, [ra, rb, rs]] of Object.entries(months)) {
      await f.ok('duty', 'duty.recognition.rate', { month, ratings: [{ traineeId: a, rating: ra }, { traineeId: b, rating: rb }, { traineeId: short, rating: rs }] });
    }
    const e = await f.ok('duty', 'duty.recognition.eligibility', { month: '2026-12' });
    expect(e.quarter).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(e.commendation.map((t) => t.traineeId).sort()).toEqual([a, b, short].sort());
    // Only the 6-month term is half served by 31/12 (121 of 181 days).
    expect(e.termReduction.map((t) => [t.traineeId, t.servedPercent])).toEqual([[short, 66]]);
    // In January the new quarter has just begun: the list is still October–December's.
    const january = await f.ok('duty', 'duty.recognition.eligibility', { month: '2027-01' });
    expect(january.quarter).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(january.commendation).toEqual(e.commendation);

    // The admin raises the bar: two months tốt.
    expect(await f.as('duty', 'duty.recognition.setRules', { ...e.rules, commendationGoodMonths: 2 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await f.ok('admin', 'duty.recognition.setRules', { ...e.rules, commendationGoodMonths: 2 });
    expect((await f.ok('duty', 'duty.recognition.rules', {})).commendationGoodMonths).toBe(2);
    expect((await f.ok('duty', 'duty.recognition.eligibility', { month: '2026-12' })).commendation.map((t) => t.traineeId)).toEqual([short]);
    f.service.close();
  });

  it('refuses at the boundary: permissions, bad input, a month not begun, a released trainee — nothing written', async () => {
    const { f, a, b } = await facility();
    await f.ok('admin', 'trainees.release', { traineeId: b, releaseDate: '2026-11-15', kind: 'completed', note: '' });
    const before = f.events();
    const rate = (month: string, traineeId = a) => ({ month, ratings: [{ traineeId, rating: 'good' as const }] });

    for (const role of ['medical', 'teacher', 'instructor', 'admin'] as const) {
      expect(await f.as(role, 'duty.recognition.rate', rate('2026-12')), role).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await f.as(role, 'duty.recognition.reward', { traineeIds: [a], kind: 'gift', reason: 'x', date: '2027-01-01' }), role).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    for (const role of ['medical', 'teacher', 'instructor'] as const) {
      expect(await f.as(role, 'duty.recognition.sheet', { month: '2026-12' }), role).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const issue = (r: unknown) => (r as { error: { code: string; issues?: { code: string }[] } }).error;
    expect(issue(await f.as('duty', 'duty.recognition.rate', rate('2026-13')))).toMatchObject({ code: 'VALIDATION', issues: [{ code: 'invalidMonth' }] });
    expect(issue(await f.as('duty', 'duty.recognition.rate', rate('2027-02')))).toMatchObject({ code: 'VALIDATION', issues: [{ code: 'monthNotBegun' }] });
    expect(issue(await f.as('duty', 'duty.recognition.rate', rate('2026-08')))).toMatchObject({ code: 'VALIDATION', issues: [{ code: 'monthBeforeAdmission' }] });
    expect(issue(await f.as('duty', 'duty.recognition.rate', { month: '2026-12', ratings: [] }))).toMatchObject({ code: 'VALIDATION', issues: [{ code: 'nothingToRecord' }] });
    expect(issue(await f.as('duty', 'duty.recognition.rate', { month: '2026-12', ratings: [{ traineeId: a, rating: 'great' }] } as never))).toMatchObject({ code: 'VALIDATION', issues: [{ code: 'invalidChoice' }] });
    // Released on 15/11: November can be rated, December cannot — and the whole sheet is refused.
    expect(issue(await f.as('duty', 'duty.recognition.rate', { month: '2026-12', ratings: [{ traineeId: a, rating: 'good' }, { traineeId: b, rating: 'good' }] }))).toMatchObject({ code: 'ALREADY_RELEASED' });
    expect(issue(await f.as('duty', 'duty.recognition.reward', { traineeIds: [a, a], kind: 'gift', reason: 'x', date: '2027-01-01' }))).toMatchObject({ code: 'VALIDATION', issues: [{ code: 'duplicateTrainee' }] });
    expect(issue(await f.as('duty', 'duty.recognition.reward', { traineeIds: [a], kind: 'gift', reason: '  ', date: '2027-01-01' }))).toMatchObject({ code: 'VALIDATION', issues: [{ code: 'required' }] });
    expect(issue(await f.as('duty', 'duty.recognition.reward', { traineeIds: [a], kind: 'gift', reason: 'x', date: '2027-01-11' }))).toMatchObject({ code: 'VALIDATION', issues: [{ code: 'dateInFuture' }] });
    expect(issue(await f.as('duty', 'duty.recognition.reward', { traineeIds: [a, b], kind: 'gift', reason: 'x', date: '2027-01-01' }))).toMatchObject({ code: 'ALREADY_RELEASED' });
    expect(issue(await f.as('admin', 'duty.recognition.setRules', { commendationMinRating: 'fair', commendationGoodMonths: 4, termSharePercent: 50, termMonths: 3, termMinRating: 'fair' }))).toMatchObject({
      code: 'VALIDATION',
      issues: [{ code: 'outOfRange' }],
    });
    expect(f.events()).toBe(before);
    expect(await f.ok('duty', 'duty.recognition.rate', rate('2026-11', b))).toEqual({ recorded: 1, unchanged: 0 });
    f.service.close();
  });

  it('a voided re-rating brings the previous rating back; the inline tables equal a rebuild from the log', async () => {
    const { f, a, b } = await facility();
    await f.ok('duty', 'duty.recognition.rate', { month: '2026-12', ratings: [{ traineeId: a, rating: 'fair' }, { traineeId: b, rating: 'good' }] });
    await f.ok('duty', 'duty.recognition.rate', { month: '2026-12', ratings: [{ traineeId: a, rating: 'poor' }] });
    const reward = await f.ok('duty', 'duty.recognition.reward', { traineeIds: [a, b], kind: 'commendation', reason: 'Quý IV tốt', date: '2027-01-08' });
    await f.ok('admin', 'duty.recognition.setRules', { commendationMinRating: 'fair', commendationGoodMonths: 0, termSharePercent: 40, termMonths: 2, termMinRating: 'average' });
    const timeline = await f.ok('duty', 'trainees.timeline', { traineeId: a });
    const poor = timeline.find((e) => e.type === 'MonthlyRated' && (e.data as { rating: string }).rating === 'poor')!;
    await f.ok('duty', 'events.void', { seq: poor.seq, reason: 'Nhầm học viên' });
    await f.ok('duty', 'events.void', { seq: reward.seqs[1]!, reason: 'Nhầm học viên' });
    const sheet = await f.ok('duty', 'duty.recognition.sheet', { month: '2026-12' });
    expect(sheet.rows.find((r) => r.traineeId === a)?.rating).toBe('fair');
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['monthly_ratings']).toHaveLength(2);
    expect(inline['rewards']).toHaveLength(1);
    expect(inline['eligibility_rules']).toHaveLength(1);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });
});
