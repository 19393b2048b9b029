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
});
