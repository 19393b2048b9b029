import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerName } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import { cleanupTempDirs, openStore, projectionSnapshot } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** Midday UTC: the same calendar day (2026-11-20) wherever the tests run. */
const NOW = () => new Date('2026-11-20T05:00:00.000Z');

/** Recognisable strings for what only medical officers may read. */
const SECRETS = ['GHI-CHU-KIN', 'LY-DO-HAN-CHE-KIN', 'BENH-VIEN-KIN', 'LY-DO-CHUYEN-KIN', 'GHI-CHU-BO-KIN', 'GHI-CHU-VE-KIN', 'infectious_isolation'];

function leaks(value: unknown): string[] {
  const json = JSON.stringify(value);
  return SECRETS.filter((s) => json.includes(s));
}

/** Trainee a: housed apart, no sharp tools, at hospital. */
async function flagged(f: MedicalFixture, traineeId: string) {
  const housing = await f.ok('medical', 'medical.flags.setHousing', { traineeId, reason: 'infectious_isolation', note: 'GHI-CHU-KIN lao phổi', since: '2026-11-10', reviewDate: '2026-11-20' });
  const restriction = await f.ok('medical', 'medical.flags.setRestriction', { traineeId, restriction: 'no_sharp_tools', reason: 'LY-DO-HAN-CHE-KIN', since: '2026-11-11', until: null });
  const referral = await f.ok('medical', 'medical.flags.refer', { traineeId, date: '2026-11-18', hospital: 'BENH-VIEN-KIN Phổi tỉnh', reason: 'LY-DO-CHUYEN-KIN' });
  return { housing, restriction, referral };
}

describe('flags through the service', () => {
  it('a medical officer sees reasons; the dashboard lists the flag (review due) and the hospital stay', async () => {
    const f = await medicalFixture(2, NOW);
    const [a] = f.traineeIds as [string];
    const { housing, restriction, referral } = await flagged(f, a);

    const mine = await f.ok('medical', 'medical.flags.forTrainee', { traineeId: a });
    expect(mine.housing).toEqual([
      { flagId: housing.flagId, reason: 'infectious_isolation', note: 'GHI-CHU-KIN lao phổi', since: '2026-11-10', reviewDate: '2026-11-20', clearedDate: null, clearNote: '', active: true },
    ]);
    expect(mine.restrictions).toEqual([
      { restrictionId: restriction.restrictionId, restriction: 'no_sharp_tools', reason: 'LY-DO-HAN-CHE-KIN', since: '2026-11-11', until: null, clearedDate: null, active: true },
    ]);
    expect(mine.referrals[0]).toMatchObject({ referralId: referral.referralId, hospital: 'BENH-VIEN-KIN Phổi tỉnh', open: true });

    const dash = await f.ok('medical', 'medical.flags.dashboard', {});
    expect(dash.housing.map((h) => [h.traineeId, h.reason, h.reviewDue])).toEqual([[a, 'infectious_isolation', true]]);
    expect(dash.atHospital.map((h) => [h.traineeId, h.date, h.hospital])).toEqual([[a, '2026-11-18', 'BENH-VIEN-KIN Phổi tỉnh']]);

    // The medical timeline has the whole events.
    const timeline = await f.ok('medical', 'trainees.timeline', { traineeId: a });
    expect(timeline.find((e) => e.type === 'HousingFlagSet')?.data).toMatchObject({ reason: 'infectious_isolation', note: 'GHI-CHU-KIN lao phổi' });
    f.service.close();
  });

  it('duty sees separate housing, restrictions and the hospital stay with dates only: in trainees.restrictions, the roster and the timeline', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    await flagged(f, a);

    const facts = await f.ok('duty', 'trainees.restrictions', { traineeId: a });
    expect(facts).toEqual({
      traineeId: a,
      separateHousing: { since: '2026-11-10', reviewDate: '2026-11-20' },
      workRestrictions: [{ restriction: 'no_sharp_tools', since: '2026-11-11', until: null }],
      atHospitalSince: '2026-11-18',
    });
    const roster = await f.ok('duty', 'trainees.list', {});
    const rows = Object.fromEntries(roster.items.map((r) => [r.id, r]));
    expect(rows[a]).toMatchObject({ separateHousing: true, atHospital: true, workRestrictions: ['no_sharp_tools'] });
    expect(rows[b]).toMatchObject({ separateHousing: false, atHospital: false, workRestrictions: [] });

    const timeline = await f.ok('duty', 'trainees.timeline', { traineeId: a });
    const set = timeline.find((e) => e.type === 'HousingFlagSet');
    expect(set?.data).toEqual({ flagId: expect.any(String), since: '2026-11-10', reviewDate: '2026-11-20' });
    expect(timeline.find((e) => e.type === 'WorkRestrictionSet')?.data).toEqual({ restrictionId: expect.any(String), restriction: 'no_sharp_tools', since: '2026-11-11', until: null });
    expect(timeline.find((e) => e.type === 'TraineeReferred')?.data).toEqual({ referralId: expect.any(String), date: '2026-11-18' });

    expect(leaks([facts, roster, timeline])).toEqual([]);
    f.service.close();
  });

  it('an instructor sees restrictions without reasons; a teacher is refused trainees.restrictions and sees only "at hospital" in the roster', async () => {
    const f = await medicalFixture(1, NOW);
    const [a] = f.traineeIds as [string];
    await flagged(f, a);

    const instructor = await f.ok('instructor', 'trainees.restrictions', { traineeId: a });
    expect(instructor.workRestrictions.map((r) => r.restriction)).toEqual(['no_sharp_tools']);
    const admin = await f.ok('admin', 'trainees.restrictions', { traineeId: a });
    expect(admin.separateHousing?.since).toBe('2026-11-10');

    const teacher = await f.as('teacher', 'trainees.restrictions', { traineeId: a });
    expect(teacher.ok ? null : teacher.error.code).toBe('FORBIDDEN');
    const roster = await f.ok('teacher', 'trainees.list', {});
    expect(roster.items[0]).toMatchObject({ atHospital: true, separateHousing: null, workRestrictions: null });
    const timeline = await f.ok('teacher', 'trainees.timeline', { traineeId: a });
    expect(leaks([instructor, admin, roster, timeline])).toEqual([]);
    // The timeline tells a teacher no more than the roster does: the referral, not the flag or restriction.
    const medicalTypes = timeline.map((e) => e.type).filter((t) => t !== 'TraineeAdmitted');
    expect(medicalTypes).toEqual(['TraineeReferred']);
    const instructorTimeline = await f.ok('instructor', 'trainees.timeline', { traineeId: a });
    expect(instructorTimeline.map((e) => e.type)).toEqual(expect.arrayContaining(['HousingFlagSet', 'WorkRestrictionSet', 'TraineeReferred']));
    f.service.close();
  });

  it('refuses the medical handlers to every other role, writing nothing', async () => {
    const f = await medicalFixture(1, NOW);
    const [a] = f.traineeIds as [string];
    const { housing } = await flagged(f, a);
    const before = f.events();
    const calls: [HandlerName, object][] = [
      ['medical.flags.setHousing', { traineeId: a, reason: 'protection', note: '', since: '2026-11-19', reviewDate: '2026-11-30' }],
      ['medical.flags.clearHousing', { traineeId: a, flagId: housing.flagId, date: '2026-11-20', note: '' }],
      ['medical.flags.setRestriction', { traineeId: a, restriction: 'no_work', reason: 'x', since: '2026-11-19', until: null }],
      ['medical.flags.refer', { traineeId: a, date: '2026-11-19', hospital: 'x', reason: 'x' }],
      ['medical.flags.forTrainee', { traineeId: a }],
      ['medical.flags.dashboard', {}],
    ];
    for (const role of ['admin', 'duty', 'teacher', 'instructor'] as Role[]) {
      for (const [name, input] of calls) {
        const r = await f.as(role, name, input as never);
        expect(r.ok ? 'accepted' : r.error.code, `${role} ${name}`).toBe('FORBIDDEN');
      }
    }
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('bad input gets a validation or domain error naming the field, and writes nothing', async () => {
    const f = await medicalFixture(1, NOW);
    const [a] = f.traineeIds as [string];
    await flagged(f, a);
    const before = f.events();
    const refused = async (name: HandlerName, input: object) => {
      const r = await f.as('medical', name, input as never);
      if (r.ok) return 'accepted';
      return r.error.issues?.length ? `${r.error.code}:${r.error.issues.map((i) => `${i.path}=${i.code}`).join(',')}` : r.error.code;
    };
    const base = { traineeId: a, note: '', since: '2026-11-19', reviewDate: '2026-11-30' };
    expect(await refused('medical.flags.setHousing', { ...base, reason: 'hiv' })).toBe('VALIDATION:reason=invalidChoice');
    expect(await refused('medical.flags.setHousing', { ...base, reason: 'protection', reviewDate: '2026-11-01' })).toBe('VALIDATION:reviewDate=reviewBeforeSince');
    expect(await refused('medical.flags.setHousing', { ...base, reason: 'protection', since: '31/12/2026' })).toBe('VALIDATION:since=invalidDate');
    expect(await refused('medical.flags.setHousing', { ...base, reason: 'protection' })).toBe('HOUSING_FLAG_ACTIVE');
    expect(await refused('medical.flags.setRestriction', { traineeId: a, restriction: 'no_heavy_labor', reason: 'x', since: '2026-11-21', until: null })).toBe('VALIDATION:since=dateInFuture');
    expect(await refused('medical.flags.setRestriction', { traineeId: a, restriction: 'no_heavy_labor', reason: '', since: '2026-11-19', until: null })).toBe('VALIDATION:reason=required');
    expect(await refused('medical.flags.setRestriction', { traineeId: a, restriction: 'no_sharp_tools', reason: 'x', since: '2026-11-19', until: null })).toBe('RESTRICTION_ACTIVE');
    expect(await refused('medical.flags.refer', { traineeId: a, date: '2026-11-19', hospital: 'x', reason: 'x' })).toBe('REFERRAL_OPEN');
    expect(await refused('medical.flags.refer', { traineeId: crypto.randomUUID(), date: '2026-11-19', hospital: 'x', reason: 'x' })).toBe('NOT_FOUND');
    const { referrals } = await f.ok('medical', 'medical.flags.forTrainee', { traineeId: a });
    expect(await refused('medical.flags.returnFromReferral', { traineeId: a, referralId: referrals[0]!.referralId, date: '2026-11-17', note: '' })).toBe('VALIDATION:date=returnBeforeReferral');
    expect(await refused('medical.flags.clearHousing', { traineeId: a, flagId: crypto.randomUUID(), date: '2026-11-20', note: '' })).toBe('NOT_FOUND');
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('refuses a flag or a referral dated before the admission', async () => {
    const f = await medicalFixture(1, NOW);
    const [a] = f.traineeIds as [string];
    const r = await f.as('medical', 'medical.flags.refer', { traineeId: a, date: '2026-08-31', hospital: 'x', reason: 'x' });
    expect(r.ok ? null : r.error.issues).toEqual([{ path: 'date', code: 'beforeAdmission' }]);
    f.service.close();
  });

  it('clearing and returning take the badges off; the dashboard empties', async () => {
    const f = await medicalFixture(1, NOW);
    const [a] = f.traineeIds as [string];
    const { housing, restriction, referral } = await flagged(f, a);
    await f.ok('medical', 'medical.flags.clearHousing', { traineeId: a, flagId: housing.flagId, date: '2026-11-19', note: 'GHI-CHU-BO-KIN' });
    await f.ok('medical', 'medical.flags.clearRestriction', { traineeId: a, restrictionId: restriction.restrictionId, date: '2026-11-19' });
    await f.ok('medical', 'medical.flags.returnFromReferral', { traineeId: a, referralId: referral.referralId, date: '2026-11-20', note: 'GHI-CHU-VE-KIN' });

    const roster = await f.ok('duty', 'trainees.list', {});
    expect(roster.items[0]).toMatchObject({ separateHousing: false, atHospital: false, workRestrictions: [] });
    expect(await f.ok('duty', 'trainees.restrictions', { traineeId: a })).toEqual({ traineeId: a, separateHousing: null, workRestrictions: [], atHospitalSince: null });
    expect(await f.ok('medical', 'medical.flags.dashboard', {})).toEqual({ housing: [], atHospital: [] });
    const mine = await f.ok('medical', 'medical.flags.forTrainee', { traineeId: a });
    expect(mine.housing[0]).toMatchObject({ active: false, clearedDate: '2026-11-19', clearNote: 'GHI-CHU-BO-KIN' });
    expect(mine.referrals[0]).toMatchObject({ open: false, returnedDate: '2026-11-20', returnNote: 'GHI-CHU-VE-KIN' });

    const timeline = await f.ok('duty', 'trainees.timeline', { traineeId: a });
    expect(timeline.find((e) => e.type === 'HousingFlagCleared')?.data).toEqual({ flagId: housing.flagId, date: '2026-11-19' });
    expect(leaks(timeline)).toEqual([]);
    f.service.close();
  });

  it('a restriction past its last day is no longer in force; as of an earlier date nothing was set', async () => {
    // Admitted (recorded) on the 18th, restrictions recorded on the 20th.
    let now = new Date('2026-11-18T05:00:00.000Z');
    const f = await medicalFixture(1, () => now);
    const [a] = f.traineeIds as [string];
    now = NOW();
    await f.ok('medical', 'medical.flags.setRestriction', { traineeId: a, restriction: 'no_heavy_labor', reason: 'Sau mổ', since: '2026-11-01', until: '2026-11-15' });
    await f.ok('medical', 'medical.flags.setRestriction', { traineeId: a, restriction: 'no_work', reason: 'Sốt', since: '2026-11-19', until: '2026-11-25' });
    const facts = await f.ok('instructor', 'trainees.restrictions', { traineeId: a });
    expect(facts.workRestrictions.map((r) => r.restriction)).toEqual(['no_work']);
    expect((await f.ok('instructor', 'trainees.list', {})).items[0]?.workRestrictions).toEqual(['no_work']);
    const mine = await f.ok('medical', 'medical.flags.forTrainee', { traineeId: a });
    expect(mine.restrictions.map((r) => [r.restriction, r.active])).toEqual([
      ['no_work', true],
      ['no_heavy_labor', false],
    ]);
    // As of the 19th the log had none of it.
    expect((await f.ok('instructor', 'trainees.restrictions', { traineeId: a, asOf: '2026-11-19' })).workRestrictions).toEqual([]);
    f.service.close();
  });

  it('voids replay the stream; the inline tables equal a rebuild from the log', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    const { housing, referral } = await flagged(f, a);
    const cleared = await f.ok('medical', 'medical.flags.clearHousing', { traineeId: a, flagId: housing.flagId, date: '2026-11-19', note: '' });
    await f.ok('medical', 'medical.flags.returnFromReferral', { traineeId: a, referralId: referral.referralId, date: '2026-11-19', note: '' });
    await f.ok('medical', 'medical.flags.setHousing', { traineeId: b, reason: 'detox_observation', note: '', since: '2026-11-15', reviewDate: '2026-11-22' });
    // The clear was a mistake: the flag is in force again, and duty sees it.
    await f.ok('medical', 'events.void', { seq: cleared.seq, reason: 'Nhầm ngày' });
    expect((await f.ok('duty', 'trainees.restrictions', { traineeId: a })).separateHousing).toEqual({ since: '2026-11-10', reviewDate: '2026-11-20' });
    // The referral was entered on the wrong trainee: voided, the return goes with it.
    await f.ok('medical', 'events.void', { seq: referral.seq, reason: 'Nhầm học viên' });
    expect((await f.ok('medical', 'medical.flags.forTrainee', { traineeId: a })).referrals).toEqual([]);
    const timeline = await f.ok('duty', 'trainees.timeline', { traineeId: a });
    expect(timeline.find((e) => e.seq === referral.seq)?.voided?.reason).toBe('');
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['housing_flags']).toHaveLength(2);
    expect(inline['trainee_flags']).toHaveLength(2);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });
});
