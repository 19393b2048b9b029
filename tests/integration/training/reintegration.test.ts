import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, openStore, projectionSnapshot, traineeDetails } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** The core's clock: 10 January 2027 unless a test moves it. Local (Vietnam) midday. */
let clock = new Date(2027, 0, 10, 12, 0, 0);
const NOW = () => clock;

/**
 * Three trainees admitted 2026-09-01: `near` (planned release 2027-02-01, 22 days away), `edge`
 * (exactly 90 days away: 2027-04-10) and `beyond` (91 days: 2027-04-11), plus the fixture's two
 * with two-year terms. `admittedAt` sets the clock for the set-up and admissions.
 */
async function facility(admittedAt = new Date(2027, 0, 10, 12, 0, 0)): Promise<{ f: MedicalFixture; near: string; edge: string; beyond: string }> {
  clock = admittedAt;
  const f = await medicalFixture(2, NOW);
  const admit = async (fullName: string, plannedReleaseDate: string) => (await f.ok('admin', 'trainees.admit', traineeDetails({ fullName, plannedReleaseDate }))).traineeId;
  return { f, near: await admit('Lò Văn Páo', '2027-02-01'), edge: await admit('Vàng A Dế', '2027-04-10'), beyond: await admit('Hoàng Đức Thắng', '2027-04-11') };
}

const session = (traineeId: string, over: Record<string, unknown> = {}) => ({
  traineeId,
  kind: 'legal' as const,
  date: '2027-01-08',
  topics: 'Quyền và nghĩa vụ sau khi chấp hành xong quyết định',
  notes: '',
  outcome: 'completed' as const,
  referralTo: '',
  followUpDate: null,
  ...over,
});

describe('reintegration counselling through the service', () => {
  it('teachers and instructors record sessions; the due list, the trainee sessions and the timeline show them', async () => {
    const { f, near, edge, beyond } = await facility();
    const empty = await f.ok('teacher', 'reintegration.due', {});
    expect(empty).toMatchObject({ day: '2027-01-10', dueWithinDays: 90, notCounselled: 2, followUpsOverdue: 0 });
    expect(empty.rows.map((r) => [r.traineeId, r.daysLeft, r.sessions])).toEqual([
      [near, 22, 0],
      [edge, 90, 0],
    ]);
    expect(empty.rows.map((r) => r.traineeId)).not.toContain(beyond);

    const before = f.events();
    await f.ok('teacher', 'reintegration.record', session(near));
    await f.ok('instructor', 'reintegration.record', session(near, { kind: 'job_referral', date: '2027-01-09', outcome: 'needs_follow_up', followUpDate: '2027-01-09', referralTo: 'Xưởng may Sơn La' }));
    expect(f.events()).toBe(before + 2);

    const due = await f.ok('duty', 'reintegration.due', {});
    // Not yet counselled comes first now.
    expect(due.rows.map((r) => r.traineeId)).toEqual([edge, near]);
    expect(due).toMatchObject({ notCounselled: 1, followUpsOverdue: 1 });
    expect(due.rows[1]).toMatchObject({
      sessions: 2,
      byKind: { legal: 1, job_referral: 1, vocational: 0, family: 0, other: 0 },
      last: { date: '2027-01-09', kind: 'job_referral', outcome: 'needs_follow_up', counsellorName: 'Cán bộ instructor' },
      followUp: { date: '2027-01-09', state: 'overdue' },
    });

    const mine = await f.ok('admin', 'reintegration.forTrainee', { traineeId: near });
    expect(mine.sessions.map((s) => [s.date, s.kind, s.counsellor?.fullName, s.referralTo])).toEqual([
      ['2027-01-09', 'job_referral', 'Cán bộ instructor', 'Xưởng may Sơn La'],
      ['2027-01-08', 'legal', 'Cán bộ teacher', ''],
    ]);

    for (const role of ['teacher', 'instructor', 'duty', 'admin'] as const) {
      const timeline = await f.ok(role, 'trainees.timeline', { traineeId: near });
      expect(timeline.filter((e) => e.type === 'CounsellingSessionRecorded'), role).toHaveLength(2);
    }
    // Medical officers do not read this area: not in their timeline.
    const medical = await f.ok('medical', 'trainees.timeline', { traineeId: near });
    expect(medical.filter((e) => e.type === 'CounsellingSessionRecorded')).toEqual([]);
    f.service.close();
  });

  it('the list follows the admin’s N (exactly N days is due) and a corrected planned release', async () => {
    const { f, near, edge, beyond } = await facility();
    expect(await f.as('duty', 'reintegration.setSettings', { dueWithinDays: 91 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await f.as('teacher', 'reintegration.setSettings', { dueWithinDays: 91 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await f.ok('admin', 'reintegration.setSettings', { dueWithinDays: 91 });
    expect(await f.ok('teacher', 'reintegration.settings', {})).toEqual({ dueWithinDays: 91 });
    expect((await f.ok('teacher', 'reintegration.due', {})).rows.map((r) => r.traineeId)).toEqual([near, edge, beyond]);
    await f.ok('admin', 'reintegration.setSettings', { dueWithinDays: 30 });
    expect((await f.ok('teacher', 'reintegration.due', {})).rows.map((r) => r.traineeId)).toEqual([near]);

    // A correction moves the planned release: the list reads the projected trainee row.
    await f.ok('admin', 'trainees.correct', { traineeId: near, changes: { plannedReleaseDate: '2027-06-01' }, reason: 'Nhập sai ngày' });
    await f.ok('admin', 'trainees.correct', { traineeId: beyond, changes: { plannedReleaseDate: '2027-02-09' }, reason: 'Giảm thời hạn' });
    expect((await f.ok('teacher', 'reintegration.due', {})).rows.map((r) => [r.traineeId, r.daysLeft])).toEqual([[beyond, 30]]);
    // Released trainees leave the list.
    await f.ok('admin', 'trainees.release', { traineeId: beyond, releaseDate: '2027-01-10', kind: 'completed', note: '' });
    expect((await f.ok('teacher', 'reintegration.due', {})).rows).toEqual([]);
    f.service.close();
  });

  it('refuses at the boundary — permissions, a released trainee, dates, a follow-up before the session, an unknown kind — and writes nothing', async () => {
    const { f, near, edge } = await facility();
    await f.ok('admin', 'trainees.release', { traineeId: edge, releaseDate: '2027-01-09', kind: 'completed', note: '' });
    const before = f.events();
    for (const role of ['duty', 'admin', 'medical'] as const) {
      expect(await f.as(role, 'reintegration.record', session(near)), role).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    for (const name of ['reintegration.due', 'reintegration.settings'] as const) {
      expect(await f.as('medical', name, {}), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await f.as('medical', 'reintegration.forTrainee', { traineeId: near })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const refused = async (input: unknown) => {
      const r = await f.as('teacher', 'reintegration.record', input as never);
      return r.ok ? 'written' : `${r.error.code}${r.error.issues ? `:${r.error.issues.map((i) => `${i.path}=${i.code}`).join(',')}` : ''}`;
    };
    expect(await refused(session(edge))).toBe('ALREADY_RELEASED');
    expect(await refused(session(near, { date: '2027-01-11' }))).toBe('VALIDATION:date=dateInFuture');
    expect(await refused(session(near, { date: '2026-08-31' }))).toBe('VALIDATION:date=beforeAdmission');
    expect(await refused(session(near, { followUpDate: '2027-01-07' }))).toBe('VALIDATION:followUpDate=followUpBeforeSession');
    expect(await refused(session(near, { kind: 'spiritual' }))).toBe('VALIDATION:kind=invalidChoice');
    expect(await refused(session(near, { outcome: 'referred' }))).toBe('VALIDATION:referralTo=referralToRequired');
    expect(await refused(session(near, { date: '08/01/2027' }))).toBe('VALIDATION:date=invalidDate');
    expect(await refused(session('00000000-0000-4000-8000-000000000999'))).toBe('NOT_FOUND');
    expect(await f.as('admin', 'reintegration.setSettings', { dueWithinDays: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'dueWithinDays', code: 'outOfRange' }] } });
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('as of a past date: the list on that day, with the sessions recorded by then', async () => {
    const { f, near } = await facility(new Date(2026, 10, 2, 9, 0, 0));
    clock = new Date(2026, 11, 5, 10, 0, 0);
    await f.ok('teacher', 'reintegration.record', session(near, { date: '2026-12-05', kind: 'family' }));
    clock = new Date(2027, 0, 10, 12, 0, 0);
    await f.ok('teacher', 'reintegration.record', session(near, { date: '2027-01-08' }));
    const then = await f.ok('teacher', 'reintegration.due', { asOf: '2026-12-03' });
    // 60 days before release; the edge trainee (128 days away then) was not due yet.
    expect(then.rows.map((r) => [r.traineeId, r.daysLeft, r.sessions])).toEqual([[near, 60, 0]]);
    const later = await f.ok('teacher', 'reintegration.due', { asOf: '2026-12-20' });
    expect(later.rows.find((r) => r.traineeId === near)).toMatchObject({ daysLeft: 43, sessions: 1, byKind: { family: 1 } });
    expect((await f.ok('teacher', 'reintegration.forTrainee', { traineeId: near, asOf: '2026-12-20' })).sessions).toHaveLength(1);
    f.service.close();
  });

  it('a voided session leaves the list; the inline tables equal a rebuild from the log', async () => {
    const { f, near, edge } = await facility();
    await f.ok('teacher', 'reintegration.record', session(near));
    const wrong = await f.ok('teacher', 'reintegration.record', session(edge, { kind: 'vocational', outcome: 'needs_follow_up', followUpDate: '2027-02-01' }));
    await f.ok('admin', 'reintegration.setSettings', { dueWithinDays: 120 });
    // Only the person who recorded it (or an admin) takes it back.
    expect(await f.as('instructor', 'events.void', { seq: wrong.seq, reason: 'Nhầm học viên' })).toMatchObject({ ok: false });
    await f.ok('teacher', 'events.void', { seq: wrong.seq, reason: 'Nhầm học viên' });
    const due = await f.ok('teacher', 'reintegration.due', {});
    expect(due.rows.find((r) => r.traineeId === edge)).toMatchObject({ sessions: 0, followUp: null });
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['counselling_sessions']).toHaveLength(1);
    expect(inline['reintegration_settings']).toHaveLength(1);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });
});
