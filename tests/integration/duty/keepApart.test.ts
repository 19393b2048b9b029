import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, openStore, projectionSnapshot } from '../../support/core';
import { medicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** Midday UTC: the same calendar day (2026-11-20) wherever the tests run. */
const NOW = () => new Date('2026-11-20T05:00:00.000Z');

function refusal(r: { ok: true } | { ok: false; error: { code: string; issues?: { path: string; code: string }[] } }): string {
  if (r.ok) return 'accepted';
  return r.error.issues?.length ? `${r.error.code}:${r.error.issues.map((i) => `${i.path}=${i.code}`).join(',')}` : r.error.code;
}

const rule = (traineeA: string, traineeB: string) =>
  ({ traineeA, traineeB, level: 'dorm', reason: 'violence', note: 'Đánh nhau ở nhà ăn', roleA: 'perpetrator', roleB: 'victim', reviewDate: '2026-12-20' }) as const;

describe('keep-apart rules through the service', () => {
  it('duty sets a rule, lists it with names and review due, ends it; the table the housing slice reads has it', async () => {
    const f = await medicalFixture(3, NOW);
    const [a, b, c] = f.traineeIds as [string, string, string];
    const first = await f.ok('duty', 'duty.keepApart.set', rule(a, b));
    const second = await f.ok('duty', 'duty.keepApart.set', { ...rule(c, a), level: 'room', reason: 'threat', roleA: 'unknown', roleB: 'unknown', reviewDate: '2026-11-20', note: '' });

    const list = await f.ok('admin', 'duty.keepApart.list', {});
    // Review due first (today), then later reviews.
    expect(list.map((r) => [r.ruleId, r.a.traineeId, r.b.traineeId, r.level, r.reason, r.reviewDue])).toEqual([
      [second.ruleId, c, a, 'room', 'threat', true],
      [first.ruleId, a, b, 'dorm', 'violence', false],
    ]);
    expect(list[1]).toMatchObject({ a: { fullName: 'Nguyễn Văn Bình', role: 'perpetrator' }, b: { fullName: 'Trần Thị Hoà', role: 'victim' }, note: 'Đánh nhau ở nhà ăn', endedDate: null });

    await f.ok('duty', 'duty.keepApart.end', { ruleId: second.ruleId, date: '2026-11-20', note: 'Đã hòa giải' });
    expect((await f.ok('duty', 'duty.keepApart.list', {})).map((r) => r.ruleId)).toEqual([first.ruleId]);
    const all = await f.ok('duty', 'duty.keepApart.list', { includeEnded: true });
    expect(all.map((r) => [r.ruleId, r.endedDate])).toEqual([
      [first.ruleId, null],
      [second.ruleId, '2026-11-20'],
    ]);
    // As of yesterday neither rule existed.
    expect(await f.ok('duty', 'duty.keepApart.list', { asOf: '2026-11-19' })).toEqual([]);
    // A pair whose rule ended may get a new one.
    await f.ok('duty', 'duty.keepApart.set', rule(a, c));
    // Both trainees' timelines hold their rules, for duty officers; a teacher sees none.
    const types = async (role: 'duty' | 'teacher', id: string) => (await f.ok(role, 'trainees.timeline', { traineeId: id })).filter((e) => e.type.startsWith('KeepApart')).map((e) => e.type);
    expect(await types('duty', a)).toEqual(['KeepApartSet', 'KeepApartEnded', 'KeepApartSet', 'KeepApartSet']);
    expect(await types('duty', b)).toEqual(['KeepApartSet']);
    expect(await types('teacher', a)).toEqual([]);
    f.service.close();

    const store = openStore(f.dataDir);
    const rows = store.db.prepare('SELECT id, trainee_a, trainee_b, level, ended_date FROM keep_apart_rules ORDER BY seq').all();
    expect(rows).toEqual([
      { id: first.ruleId, trainee_a: a, trainee_b: b, level: 'dorm', ended_date: null },
      { id: second.ruleId, trainee_a: c, trainee_b: a, level: 'room', ended_date: '2026-11-20' },
      expect.objectContaining({ trainee_a: a, trainee_b: c, ended_date: null }),
    ]);
    const plan = store.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM keep_apart_rules WHERE trainee_b = 'x'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('keep_apart_rules_b');
    store.close();
  });

  it('refuses the same trainee twice, a released trainee, a duplicate active rule (either order), bad input and a second end: nothing written', async () => {
    const f = await medicalFixture(3, NOW);
    const [a, b, c] = f.traineeIds as [string, string, string];
    const set = await f.ok('duty', 'duty.keepApart.set', rule(a, b));
    await f.ok('admin', 'trainees.release', { traineeId: c, releaseDate: '2026-11-19', kind: 'completed', note: '' });
    const before = f.events();

    expect(refusal(await f.as('duty', 'duty.keepApart.set', rule(a, a)))).toBe('VALIDATION:traineeB=sameTrainee');
    expect(refusal(await f.as('duty', 'duty.keepApart.set', rule(a, c)))).toBe('ALREADY_RELEASED');
    expect(refusal(await f.as('duty', 'duty.keepApart.set', rule(b, a)))).toBe('KEEP_APART_ACTIVE');
    expect(refusal(await f.as('duty', 'duty.keepApart.set', { ...rule(a, '00000000-0000-4000-8000-000000000099') }))).toBe('NOT_FOUND');
    expect(refusal(await f.as('duty', 'duty.keepApart.set', { ...rule(a, b), level: 'building' as never, reviewDate: '31/12/2026' }))).toBe('VALIDATION:level=invalidChoice,reviewDate=invalidDate');
    expect(refusal(await f.as('duty', 'duty.keepApart.end', { ruleId: set.ruleId, date: '2026-11-21', note: '' }))).toBe('VALIDATION:date=dateInFuture');
    expect(refusal(await f.as('duty', 'duty.keepApart.end', { ruleId: set.ruleId, date: '2026-11-19', note: '' }))).toBe('VALIDATION:date=endBeforeStart');
    expect(refusal(await f.as('duty', 'duty.keepApart.end', { ruleId: '00000000-0000-4000-8000-000000000099', date: '2026-11-20', note: '' }))).toBe('NOT_FOUND');
    // Only duty officers write rules; teachers may not even read them.
    expect(refusal(await f.as('admin', 'duty.keepApart.set', rule(a, b)))).toBe('FORBIDDEN');
    expect(refusal(await f.as('teacher', 'duty.keepApart.list', {}))).toBe('FORBIDDEN');
    expect(refusal(await f.as('medical', 'duty.keepApart.end', { ruleId: set.ruleId, date: '2026-11-20', note: '' }))).toBe('FORBIDDEN');
    expect(f.events()).toBe(before);

    await f.ok('duty', 'duty.keepApart.end', { ruleId: set.ruleId, date: '2026-11-20', note: '' });
    const after = f.events();
    expect(refusal(await f.as('duty', 'duty.keepApart.end', { ruleId: set.ruleId, date: '2026-11-20', note: '' }))).toBe('NOT_ACTIVE');
    expect(f.events()).toBe(after);
    f.service.close();
  });

  it('a voided rule or end is replayed away; the inline tables equal a rebuild from the log', async () => {
    const f = await medicalFixture(3, NOW);
    const [a, b, c] = f.traineeIds as [string, string, string];
    const kept = await f.ok('duty', 'duty.keepApart.set', rule(a, b));
    const ended = await f.ok('duty', 'duty.keepApart.end', { ruleId: kept.ruleId, date: '2026-11-20', note: 'Nhầm' });
    const wrong = await f.ok('duty', 'duty.keepApart.set', rule(b, c));
    await f.ok('duty', 'events.void', { seq: ended.seq, reason: 'Kết thúc nhầm' });
    await f.ok('duty', 'events.void', { seq: wrong.seq, reason: 'Nhầm học viên' });
    expect((await f.ok('duty', 'duty.keepApart.list', { includeEnded: true })).map((r) => [r.ruleId, r.endedDate])).toEqual([[kept.ruleId, null]]);
    // The end was voided: the rule can be ended again.
    await f.ok('duty', 'duty.keepApart.end', { ruleId: kept.ruleId, date: '2026-11-20', note: '' });
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['keep_apart_rules']).toHaveLength(1);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });
});
