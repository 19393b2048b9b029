import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerInput } from '../../../shared/api';
import { cleanupTempDirs, openStore, projectionSnapshot } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** Midday in Vietnam on Friday 2026-11-20; the trainees were admitted on 2026-09-01. */
const NOW = () => new Date('2026-11-20T05:00:00.000Z');
const TODAY = '2026-11-20';

function issueCodes(r: { ok: boolean; error?: { code: string; issues?: { path: string; code: string }[] } }): string[] {
  return r.ok ? ['accepted'] : [r.error!.code, ...(r.error!.issues ?? []).map((i) => `${i.path}:${i.code}`)];
}

async function teacherId(f: MedicalFixture): Promise<string> {
  const [t] = await f.ok('teacher', 'classes.teachers', {});
  return t!.userId;
}

const classInput = (teacher: string): HandlerInput<'classes.open'> => ({
  name: 'Lớp xóa mù chữ A1',
  teacherId: teacher,
  phase: 'phase1',
  weekdays: [5, 1, 3],
  startTime: '08:00',
  endTime: '10:00',
  room: 'Phòng học 1',
  date: '2026-10-01',
});

/** A class opened on 2026-10-01 (Mon, Wed, Fri) with the given trainees enrolled on 2026-10-05. */
async function classWith(f: MedicalFixture, traineeIds: string[]): Promise<string> {
  const { classId } = await f.ok('teacher', 'classes.open', classInput(await teacherId(f)));
  if (traineeIds.length > 0) await f.ok('teacher', 'classes.enrol', { classId, traineeIds, date: '2026-10-05' });
  return classId;
}

const presentRows = (ids: string[]) => ids.map((traineeId) => ({ traineeId, present: true, reason: null, note: '' }));

describe('classes through the service', () => {
  it('a teacher opens a class and enrols trainees: the roster, the list and the trainees\' timelines show it', async () => {
    const f = await medicalFixture(3, NOW);
    const [a, b, c] = f.traineeIds as [string, string, string];
    const classId = await classWith(f, [a, b]);
    const [summary] = await f.ok('teacher', 'classes.list', {});
    expect(summary).toMatchObject({ classId, name: 'Lớp xóa mù chữ A1', phase: 'phase1', weekdays: [1, 3, 5], enrolled: 2, nextSession: TODAY, scheduledToday: true, takenToday: false, sessionsHeld: 0, attendanceRate: null });
    const detail = await f.ok('admin', 'classes.get', { classId });
    expect(detail.roster.map((r) => r.traineeId).sort()).toEqual([a, b].sort());
    const timeline = await f.ok('teacher', 'trainees.timeline', { traineeId: a });
    expect(timeline.filter((e) => e.type === 'TraineeEnrolled')).toHaveLength(1);
    // Enrolled in one class at a time.
    const other = await f.ok('teacher', 'classes.open', { ...classInput(await teacherId(f)), name: 'Lớp A2' });
    expect(issueCodes(await f.as('teacher', 'classes.enrol', { classId: other.classId, traineeIds: [c, a], date: TODAY }))).toEqual(['VALIDATION', 'traineeIds.1.traineeId:enrolledElsewhere']);
    expect(issueCodes(await f.as('teacher', 'classes.enrol', { classId, traineeIds: [a], date: TODAY }))).toEqual(['VALIDATION', 'traineeIds.0.traineeId:alreadyEnrolled']);
    f.service.close();
  });

  it('an attendance sheet of 25 saved in one call writes 25 events in one transaction; a bad row writes none', async () => {
    const f = await medicalFixture(26, NOW);
    const ids = f.traineeIds.slice(0, 25);
    const classId = await classWith(f, ids);
    const rows = presentRows(ids);
    rows[3] = { traineeId: ids[3]!, present: false, reason: 'sick', note: '' } as never;
    // One trainee of the 26 is not enrolled: the whole sheet is refused, naming the row.
    const before = f.events();
    const bad = await f.as('teacher', 'classes.attendance.record', { classId, date: TODAY, rows: [...rows.slice(0, 24), { traineeId: f.traineeIds[25]!, present: true, reason: null, note: '' }] });
    expect(issueCodes(bad)).toEqual(['VALIDATION', 'rows.24.traineeId:notEnrolled']);
    expect(f.events()).toBe(before);
    const r = await f.ok('teacher', 'classes.attendance.record', { classId, date: TODAY, rows });
    expect(r.seqs).toHaveLength(25);
    expect(r.seqs).toEqual(Array.from({ length: 25 }, (_, i) => r.seqs[0]! + i));
    expect(f.events()).toBe(before + 25);
    f.service.close();
    const store = openStore(f.dataDir);
    const recordedAt = new Set(store.db.prepare<[number, number], { recorded_at: string }>('SELECT recorded_at FROM events WHERE seq BETWEEN ? AND ?').all(r.seqs[0]!, r.seqs[24]!).map((e) => e.recorded_at));
    expect(recordedAt.size).toBe(1);
    store.close();
  });

  it('the inline tables equal a rebuild from the log', async () => {
    const f = await medicalFixture(3, NOW);
    const [a, b, c] = f.traineeIds as [string, string, string];
    const classId = await classWith(f, [a, b, c]);
    await f.ok('teacher', 'classes.attendance.record', { classId, date: '2026-11-18', rows: presentRows([a, b, c]) });
    await f.ok('teacher', 'classes.withdraw', { classId, traineeId: c, date: '2026-11-19', reason: 'transferred', note: 'Chuyển lớp' });
    await f.ok('teacher', 'classes.attendance.record', { classId, date: TODAY, rows: [...presentRows([a]), { traineeId: b, present: false, reason: 'refused', note: '' }] });
    await f.ok('teacher', 'classes.close', { classId, date: TODAY, note: '' });
    f.service.close();
    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['literacy_classes']).toHaveLength(1);
    expect(inline['class_enrolments']).toHaveLength(3);
    expect(inline['class_attendance']).toHaveLength(5);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });

  it('only teachers enrol and take attendance; instructors and duty officers may not; the admin may open and close classes', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    const teacher = await teacherId(f);
    for (const role of ['instructor', 'duty', 'medical'] as const) {
      expect((await f.as(role, 'classes.open', classInput(teacher))).ok).toBe(false);
      expect(issueCodes(await f.as(role, 'classes.list', {}))).toEqual(['FORBIDDEN']);
    }
    const { classId } = await f.ok('admin', 'classes.open', classInput(teacher));
    expect(issueCodes(await f.as('admin', 'classes.enrol', { classId, traineeIds: [a], date: TODAY }))).toEqual(['FORBIDDEN']);
    await f.ok('teacher', 'classes.enrol', { classId, traineeIds: [a, b], date: TODAY });
    const before = f.events();
    for (const role of ['instructor', 'duty', 'admin'] as const) {
      expect(issueCodes(await f.as(role, 'classes.attendance.record', { classId, date: TODAY, rows: presentRows([a, b]) }))).toEqual(['FORBIDDEN']);
    }
    expect(f.events()).toBe(before);
    // The class's teacher must be an active account holding the teacher role.
    const [admin] = (await f.ok('admin', 'accounts.list', {})).filter((u) => u.username === 'admin');
    expect(issueCodes(await f.as('admin', 'classes.open', classInput(admin!.id)))).toEqual(['VALIDATION', 'teacherId:notATeacher']);
    await f.ok('admin', 'classes.close', { classId, date: TODAY, note: 'Hết khóa' });
    f.service.close();
  });

  it('bad sheets write nothing: a future date, before the class opened, a trainee not enrolled or released, a missing row, a reason without absence', async () => {
    const f = await medicalFixture(4, NOW);
    const [a, b, c, d] = f.traineeIds as [string, string, string, string];
    const classId = await classWith(f, [a, b, c]);
    await f.ok('admin', 'trainees.release', { traineeId: c, releaseDate: '2026-11-19', kind: 'completed', note: '' });
    const before = f.events();
    const sheet = (date: string, rows: HandlerInput<'classes.attendance.record'>['rows']) => f.as('teacher', 'classes.attendance.record', { classId, date, rows });
    expect(issueCodes(await sheet('2026-11-21', presentRows([a, b])))).toEqual(['VALIDATION', 'date:dateInFuture']);
    expect(issueCodes(await sheet('2026-09-30', presentRows([a, b])))).toEqual(['VALIDATION', 'date:beforeClassOpened']);
    expect(issueCodes(await sheet(TODAY, presentRows([a, b, d])))).toEqual(['VALIDATION', 'rows.2.traineeId:notEnrolled']);
    expect(issueCodes(await sheet(TODAY, presentRows([a, b, c])))).toEqual(['VALIDATION', 'rows.2.traineeId:traineeReleased']);
    expect(issueCodes(await sheet(TODAY, presentRows([a])))).toEqual(['VALIDATION', 'rows:rosterIncomplete']);
    expect(issueCodes(await sheet(TODAY, [...presentRows([a]), { traineeId: b, present: true, reason: 'sick', note: '' }]))).toEqual(['VALIDATION', 'rows.1.reason:reasonOnlyWhenAbsent']);
    expect(issueCodes(await sheet(TODAY, [...presentRows([a]), { traineeId: b, present: false, reason: 'other', note: '' }]))).toEqual(['VALIDATION', 'rows.1.note:noteRequiredForOther']);
    expect(issueCodes(await f.as('teacher', 'classes.enrol', { classId, traineeIds: [d], date: '2026-08-01' }))).toEqual(['VALIDATION', 'traineeIds.0.date:beforeClassOpened']);
    expect(f.events()).toBe(before);
    // The released trainee is not on the sheet.
    expect((await f.ok('teacher', 'classes.sheet', { classId, date: TODAY })).rows.map((r) => r.traineeId).sort()).toEqual([a, b].sort());
    f.service.close();
  });

  it('saving a session again records corrections for the rows changed, naming the earlier entries', async () => {
    const f = await medicalFixture(3, NOW);
    const [a, b, c] = f.traineeIds as [string, string, string];
    const classId = await classWith(f, [a, b, c]);
    const first = await f.ok('teacher', 'classes.attendance.record', { classId, date: '2026-11-18', rows: presentRows([a, b, c]) });
    expect((await f.ok('teacher', 'classes.sheet', { classId, date: '2026-11-18' })).taken).toBe(true);
    expect(issueCodes(await f.as('teacher', 'classes.attendance.record', { classId, date: '2026-11-18', rows: presentRows([a, b, c]) }))).toEqual(['NOTHING_CHANGED']);
    const rows = [...presentRows([a, c]), { traineeId: b, present: false, reason: 'excused' as const, note: 'Gặp gia đình' }];
    const second = await f.ok('teacher', 'classes.attendance.record', { classId, date: '2026-11-18', rows });
    expect(second).toMatchObject({ corrected: 1 });
    expect(second.seqs).toHaveLength(1);
    const timeline = await f.ok('teacher', 'trainees.timeline', { traineeId: b });
    const marks = timeline.filter((e) => e.type === 'AttendanceRecorded');
    expect(marks).toHaveLength(2);
    expect(marks.map((m) => m.data)).toContainEqual(expect.objectContaining({ present: false, reason: 'excused', corrects: first.seqs[1] }));
    const detail = await f.ok('teacher', 'classes.get', { classId });
    expect(detail.sessions).toEqual([{ date: '2026-11-18', present: 2, absent: 1 }]);
    expect(detail.roster.find((r) => r.traineeId === b)).toMatchObject({ present: 0, absent: 1, attendanceRate: 0 });
    expect(detail.summary.attendanceRate).toBeCloseTo(2 / 3);
    f.service.close();
  });

  it('a trainee at hospital is pre-marked absent (at hospital) on the sheet; closing the class withdraws everyone still enrolled', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    const classId = await classWith(f, [a, b]);
    await f.ok('medical', 'medical.flags.refer', { traineeId: a, date: '2026-11-19', hospital: 'BV Phổi', reason: 'Ho kéo dài' });
    const sheet = await f.ok('teacher', 'classes.sheet', { classId, date: TODAY });
    expect(sheet.rows.find((r) => r.traineeId === a)).toMatchObject({ atHospital: true, present: false, reason: 'at_hospital', saved: false });
    expect(sheet.rows.find((r) => r.traineeId === b)).toMatchObject({ atHospital: false, present: null, saved: false });
    expect(JSON.stringify(sheet)).not.toContain('BV Phổi');
    const r = await f.ok('teacher', 'classes.close', { classId, date: TODAY, note: '' });
    expect(r.seqs).toHaveLength(3);
    const detail = await f.ok('teacher', 'classes.get', { classId });
    expect(detail.roster.every((x) => x.withdrawReason === 'class_closed')).toBe(true);
    expect(await f.ok('teacher', 'classes.list', {})).toEqual([]);
    expect((await f.ok('teacher', 'classes.list', { includeClosed: true }))[0]).toMatchObject({ closedDate: TODAY, enrolled: 0, nextSession: null });
    f.service.close();
  });
});
