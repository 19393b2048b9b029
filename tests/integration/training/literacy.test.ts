import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerInput } from '../../../shared/api';
import { SKILLS, type SkillLevel } from '../../../shared/training/literacy';
import { cleanupTempDirs, openStore, projectionSnapshot } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** Midday in Vietnam on Friday 2026-11-20; the trainees were admitted on 2026-09-01. */
const NOW = () => new Date('2026-11-20T05:00:00.000Z');
const TODAY = '2026-11-20';

function issueCodes(r: { ok: boolean; error?: { code: string; issues?: { path: string; code: string }[] } }): string[] {
  return r.ok ? ['accepted'] : [r.error!.code, ...(r.error!.issues ?? []).map((i) => `${i.path}:${i.code}`)];
}

/** A class opened on 2026-10-01 with the given trainees enrolled on 2026-10-05. */
async function classWith(f: MedicalFixture, traineeIds: string[]): Promise<string> {
  const [teacher] = await f.ok('teacher', 'classes.teachers', {});
  const { classId } = await f.ok('teacher', 'classes.open', {
    name: 'Lớp xóa mù chữ A1',
    teacherId: teacher!.userId,
    phase: 'phase1',
    weekdays: [1, 3, 5],
    startTime: '08:00',
    endTime: '10:00',
    room: 'Phòng học 1',
    date: '2026-10-01',
  });
  if (traineeIds.length > 0) await f.ok('teacher', 'classes.enrol', { classId, traineeIds, date: '2026-10-05' });
  return classId;
}

const allSkills = (level: SkillLevel) => SKILLS.map((skill) => ({ skill, level }));
const sheet = (classId: string, date: string, ids: string[], level: SkillLevel): HandlerInput<'literacy.observe'> => ({
  classId,
  date,
  rows: ids.map((traineeId) => ({ traineeId, skills: allSkills(level) })),
});

describe('literacy observations through the service', () => {
  it('a sheet writes one SkillsObserved per trainee in one transaction; the matrix shows current levels, change since enrolment and the status', async () => {
    // The clock moves: the first sheet is recorded on the enrolment day, the later ones in November.
    let now = new Date('2026-10-05T05:00:00.000Z');
    const f = await medicalFixture(3, () => now);
    const [a, b, c] = f.traineeIds as [string, string, string];
    const classId = await classWith(f, [a, b, c]);
    const before = f.events();
    const first = await f.ok('teacher', 'literacy.observe', sheet(classId, '2026-10-05', [a, b, c], 'pre_literate'));
    expect(first.seqs).toEqual([first.seqs[0]!, first.seqs[0]! + 1, first.seqs[0]! + 2]);
    expect(f.events()).toBe(before + 3);
    now = NOW();
    await f.ok('teacher', 'literacy.observe', sheet(classId, '2026-11-18', [a], 'phase1'));
    await f.ok('teacher', 'literacy.observe', { classId, date: '2026-11-19', rows: [{ traineeId: b, skills: [{ skill: 'numbers', level: 'phase2' }] }] });

    const m = await f.ok('teacher', 'literacy.progress', { classId });
    expect(m.day).toBe(TODAY);
    const row = (id: string) => m.rows.find((r) => r.traineeId === id)!;
    expect(m.rows).toHaveLength(3);
    expect(row(a).status).toBe('level1');
    expect(row(a).skills.reading_aloud).toEqual({ level: 'phase1', date: '2026-11-18', baseline: 'pre_literate' });
    expect(row(b).status).toBe('none');
    expect(row(b).skills.numbers).toEqual({ level: 'phase2', date: '2026-11-19', baseline: 'pre_literate' });
    expect(row(c).skills.numbers.level).toBe('pre_literate');

    // As of a past day: the matrix as it stood then.
    const past = await f.ok('teacher', 'literacy.progress', { classId, asOf: '2026-11-10' });
    expect(past.day).toBe('2026-11-10');
    expect(past.rows.find((r) => r.traineeId === a)!.status).toBe('none');
    expect(past.rows.find((r) => r.traineeId === a)!.skills.reading_aloud.level).toBe('pre_literate');

    // The timeline shows it to literacy readers only.
    const timeline = await f.ok('teacher', 'trainees.timeline', { traineeId: a });
    expect(timeline.filter((e) => e.type === 'SkillsObserved')).toHaveLength(2);
    const duty = await f.ok('duty', 'trainees.timeline', { traineeId: a });
    expect(duty.filter((e) => e.type === 'SkillsObserved')).toHaveLength(0);
    f.service.close();
  });

  it('bad sheets are refused whole, naming the row, and write nothing', async () => {
    const f = await medicalFixture(5, NOW);
    const [a, b, c, d, e] = f.traineeIds as [string, string, string, string, string];
    const classId = await classWith(f, [a, b, c]);
    await f.ok('teacher', 'classes.enrol', { classId, traineeIds: [e], date: '2026-11-10' });
    await f.ok('admin', 'trainees.release', { traineeId: c, releaseDate: '2026-11-19', kind: 'completed', note: '' });
    const before = f.events();
    const refused = async (input: unknown) => issueCodes(await f.as('teacher', 'literacy.observe', input as HandlerInput<'literacy.observe'>));
    expect(await refused(sheet(classId, TODAY, [a, c], 'phase1'))).toEqual(['ALREADY_RELEASED', 'rows.1.traineeId:traineeReleased']);
    expect(await refused(sheet(classId, TODAY, [a, b, d], 'phase1'))).toEqual(['VALIDATION', 'rows.2.traineeId:notEnrolled']);
    expect(await refused(sheet(classId, '2026-11-21', [a], 'phase1'))).toEqual(['VALIDATION', 'date:dateInFuture']);
    expect(await refused(sheet(classId, '2026-11-01', [a, e], 'phase1'))).toEqual(['VALIDATION', 'rows.1.traineeId:beforeEnrolment']);
    expect(await refused(sheet(classId, '2026-10-04', [a], 'phase1'))).toEqual(['VALIDATION', 'rows.0.traineeId:beforeEnrolment']);
    expect(await refused(sheet('00000000-0000-4000-8000-000000000999', TODAY, [a], 'phase1'))).toEqual(['NOT_FOUND', 'classId:unknownClass']);
    expect(await refused(sheet(classId, TODAY, [a, a], 'phase1'))).toEqual(['VALIDATION', 'rows:duplicateTrainee']);
    expect(await refused({ classId, date: TODAY, rows: [] })).toEqual(['VALIDATION', 'rows:nothingToRecord']);
    expect(await refused({ classId, date: TODAY, rows: [{ traineeId: a, skills: [{ skill: 'numbers', level: 'phase3' }] }] })).toEqual(['VALIDATION', 'rows.0.skills.0.level:invalidChoice']);
    expect(await refused({ classId, date: '20/11/2026', rows: [{ traineeId: a, skills: [{ skill: 'numbers', level: 'phase1' }] }] })).toEqual(['VALIDATION', 'date:invalidDate']);
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('a withdrawn trainee leaves the sheet and the matrix from the withdrawal day; a closed class keeps the roster it closed with', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    const classId = await classWith(f, [a, b]);
    await f.ok('teacher', 'literacy.observe', sheet(classId, '2026-10-05', [a, b], 'pre_literate'));
    await f.ok('teacher', 'classes.withdraw', { classId, traineeId: b, date: '2026-11-19', reason: 'transferred', note: 'Chuyển lớp' });
    expect(issueCodes(await f.as('teacher', 'literacy.observe', sheet(classId, '2026-11-19', [b], 'phase1')))).toEqual(['VALIDATION', 'rows.0.traineeId:notEnrolled']);
    await f.ok('teacher', 'literacy.observe', sheet(classId, '2026-11-18', [b], 'phase1'));
    expect((await f.ok('teacher', 'literacy.progress', { classId })).rows.map((r) => r.traineeId)).toEqual([a]);
    await f.ok('teacher', 'classes.close', { classId, date: TODAY, note: '' });
    const closed = await f.ok('teacher', 'literacy.progress', { classId });
    expect(closed.rows.map((r) => [r.traineeId, r.leftOn])).toEqual([[a, TODAY]]);
    expect(issueCodes(await f.as('teacher', 'literacy.observe', sheet(classId, TODAY, [a], 'phase1')))).toEqual(['VALIDATION', 'rows.0.traineeId:notEnrolled']);
    f.service.close();
  });

  it('only teachers record; the admin reads; instructors and duty officers see nothing', async () => {
    const f = await medicalFixture(1, NOW);
    const [a] = f.traineeIds as [string];
    const classId = await classWith(f, [a]);
    const input = sheet(classId, TODAY, [a], 'phase1');
    const before = f.events();
    for (const role of ['admin', 'medical', 'duty', 'instructor'] as const) expect((await f.as(role, 'literacy.observe', input)).ok, role).toBe(false);
    for (const role of ['admin', 'duty', 'instructor'] as const) {
      expect((await f.as(role, 'literacy.complete', { traineeId: a, classId, level: 'level1', date: TODAY, overrideReason: 'x' })).ok).toBe(false);
    }
    expect(f.events()).toBe(before);
    expect((await f.as('admin', 'literacy.progress', { classId })).ok).toBe(true);
    for (const role of ['duty', 'instructor', 'medical'] as const) expect(issueCodes(await f.as(role, 'literacy.progress', { classId }))).toEqual(['FORBIDDEN']);
    f.service.close();
  });
});

describe('literacy completion through the service', () => {
  it('records a completion the observations support; refuses one they do not unless a reason is given; the certificate shows it', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    const classId = await classWith(f, [a, b]);
    await f.ok('teacher', 'literacy.observe', sheet(classId, '2026-10-05', [a, b], 'pre_literate'));
    await f.ok('teacher', 'literacy.observe', sheet(classId, '2026-11-18', [a], 'phase1'));
    const before = f.events();
    expect(issueCodes(await f.as('teacher', 'literacy.complete', { traineeId: a, classId, level: 'level2', date: TODAY }))).toEqual(['VALIDATION', 'overrideReason:levelNotReached']);
    expect(issueCodes(await f.as('teacher', 'literacy.complete', { traineeId: a, classId, level: 'level1', date: '2026-11-17' }))).toEqual(['VALIDATION', 'overrideReason:levelNotReached']);
    expect(issueCodes(await f.as('teacher', 'literacy.complete', { traineeId: a, classId, level: 'level1', date: '2026-11-21' }))).toEqual(['VALIDATION', 'date:dateInFuture']);
    expect(f.events()).toBe(before);

    await f.ok('teacher', 'literacy.complete', { traineeId: a, classId, level: 'level1', date: TODAY });
    expect(issueCodes(await f.as('teacher', 'literacy.complete', { traineeId: a, classId, level: 'level1', date: TODAY }))).toEqual(['VALIDATION', 'level:alreadyCompleted']);
    await f.ok('teacher', 'literacy.complete', { traineeId: b, classId, level: 'level1', date: TODAY, overrideReason: 'Bài kiểm tra cuối khóa đạt yêu cầu' });

    const m = await f.ok('teacher', 'literacy.progress', { classId });
    expect(m.rows.find((r) => r.traineeId === a)!.completed).toEqual({ level1: TODAY, level2: null });
    const cert = await f.ok('admin', 'literacy.certificate', { traineeId: b, level: 'level1' });
    expect(cert).toMatchObject({ className: 'Lớp xóa mù chữ A1', level: 'level1', date: TODAY, enrolledOn: '2026-10-05', overrideReason: 'Bài kiểm tra cuối khóa đạt yêu cầu', fullName: 'Trần Thị Hoà' });
    expect(cert.facilityName).not.toBe('');
    expect(cert.teacherName).toBeTruthy();
    expect(cert.recordedBy).toBe(cert.teacherName);
    expect(cert.skills).toHaveLength(8);
    expect(cert.skills[0]).toEqual({ skill: 'decoding', level: 'pre_literate', date: '2026-10-05' });
    expect(issueCodes(await f.as('teacher', 'literacy.certificate', { traineeId: a, level: 'level2' }))).toEqual(['NOT_FOUND', 'level:notCompleted']);
    f.service.close();
  });

  it('a void takes an observation back; the inline tables equal a rebuild from the log', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    const classId = await classWith(f, [a, b]);
    await f.ok('teacher', 'literacy.observe', sheet(classId, '2026-10-05', [a, b], 'pre_literate'));
    const later = await f.ok('teacher', 'literacy.observe', sheet(classId, '2026-11-18', [a, b], 'phase1'));
    await f.ok('teacher', 'literacy.complete', { traineeId: a, classId, level: 'level1', date: TODAY });
    await f.ok('teacher', 'events.void', { seq: later.seqs[1]!, reason: 'Nhầm học viên' });
    const m = await f.ok('teacher', 'literacy.progress', { classId });
    expect(m.rows.find((r) => r.traineeId === b)!.status).toBe('none');
    expect(m.rows.find((r) => r.traineeId === a)!.status).toBe('level1');
    f.service.close();
    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['skill_observations']).toHaveLength(8 * 3);
    expect(inline['literacy_completions']).toHaveLength(1);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });
});
