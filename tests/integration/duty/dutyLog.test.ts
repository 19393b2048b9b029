import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, openStore, projectionSnapshot, traineeDetails } from '../../support/core';
import { medicalFixture } from '../../support/medical';
import { dayBefore, recordShiftNote } from '../../../electron/core/duty/dutyLog/decider';
import { DAY_SQL } from '../../../electron/core/duty/dutyLog/queries';
import { SenError } from '../../../shared/errors';

afterEach(cleanupTempDirs);

/** 05:00 UTC: the same calendar day (2026-11-20) wherever the tests run. */
const NOW = () => new Date('2026-11-20T05:00:00.000Z');
const TODAY = '2026-11-20';

function issueOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof SenError) return e.issues?.[0]?.code ?? e.code;
    throw e;
  }
  return undefined;
}

describe('shift note rule', () => {
  it("takes today's and yesterday's shifts, refuses the future and older days", () => {
    expect(recordShiftNote({ date: TODAY, shift: 'day', text: 'Yên' }, 'n1', TODAY)).toEqual([{ type: 'ShiftNoteRecorded', data: { noteId: 'n1', date: TODAY, shift: 'day', text: 'Yên' } }]);
    expect(recordShiftNote({ date: '2026-11-19', shift: 'night', text: 'Yên' }, 'n2', TODAY)).toHaveLength(1);
    expect(issueOf(() => recordShiftNote({ date: '2026-11-21', shift: 'day', text: 'x' }, 'n3', TODAY))).toBe('dateInFuture');
    expect(issueOf(() => recordShiftNote({ date: '2026-11-18', shift: 'night', text: 'x' }, 'n4', TODAY))).toBe('shiftNoteTooOld');
    // Across a month and a year boundary.
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });
});

describe('the duty log through the service', () => {
  it("the day's page lists a duty officer's admission and shift note, never a medical officer's screening or flag, nor the admin's work", async () => {
    const f = await medicalFixture(1, NOW);
    const admitted = await f.ok('duty', 'trainees.admit', traineeDetails({ fullName: 'Lò Văn Páo' }));
    await f.ok('medical', 'medical.screening.record', { traineeId: admitted.traineeId, date: '2026-11-19', results: { hiv: 'negative' }, note: 'KIN-SANG-LOC' });
    await f.ok('medical', 'medical.flags.setHousing', { traineeId: admitted.traineeId, reason: 'infectious_isolation', note: 'KIN-O-RIENG', since: '2026-11-19', reviewDate: '2026-12-01' });
    const note = await f.ok('duty', 'dutyLog.recordNote', { date: TODAY, shift: 'day', text: 'Phòng 3 mất điện, đã báo.' });

    const day = await f.ok('duty', 'dutyLog.day', { date: TODAY });
    expect(day.lines.map((l) => [l.type, l.officer, l.traineeId, l.traineeName])).toEqual([
      ['TraineeAdmitted', expect.any(String), admitted.traineeId, 'Lò Văn Páo'],
      ['ShiftNoteRecorded', expect.any(String), null, null],
    ]);
    expect(day.lines[0]!.officer).not.toBe('');
    expect(day.notes).toEqual([{ seq: note.seq, noteId: note.noteId, date: TODAY, shift: 'day', text: 'Phòng 3 mất điện, đã báo.', officerId: expect.any(String), officer: day.lines[0]!.officer, at: NOW().toISOString() }]);
    const json = JSON.stringify(day);
    for (const secret of ['Screening', 'HousingFlag', 'KIN-', 'infectious_isolation', 'medical:']) expect(json).not.toContain(secret);

    // The admin reads it too; another day is empty.
    expect((await f.ok('admin', 'dutyLog.day', { date: TODAY })).lines).toHaveLength(2);
    expect(await f.ok('duty', 'dutyLog.day', { date: '2026-11-19' })).toEqual({ date: '2026-11-19', lines: [], notes: [] });

    // The handover: the notes of the last shift, and facts without reasons.
    const handover = await f.ok('duty', 'dutyLog.handover', {});
    expect(handover.shift).toEqual({ date: TODAY, shift: 'day' });
    expect(handover.notes.map((n) => n.noteId)).toEqual([note.noteId]);
    expect(handover.counts).toEqual({ inCare: 2, withoutBed: 2, atHospital: 0, separateHousing: 1, activeKeepApart: 0, openMismatches: 0, recordedToday: 2 });
    expect(JSON.stringify(handover)).not.toContain('KIN-');
    f.service.close();
  });

  it('each duty event kind gives a line with its key details; a keep-apart line names both trainees', async () => {
    const f = await medicalFixture(3, NOW);
    const [a, b, c] = f.traineeIds as [string, string, string];
    const { dormId } = await f.ok('admin', 'housing.addDorm', { name: 'Khu A' });
    const { roomId: a1 } = await f.ok('admin', 'housing.addRoom', { dormId, name: 'A1', capacity: 4, separateHousing: false });
    const { roomId: b1 } = await f.ok('admin', 'housing.addRoom', { dormId, name: 'B1', capacity: 4, separateHousing: false });
    const rule = await f.ok('duty', 'duty.keepApart.set', { traineeA: a, traineeB: b, level: 'room', reason: 'threat', note: '', roleA: 'victim', roleB: 'perpetrator', reviewDate: '2026-12-20' });
    await f.ok('duty', 'housing.assign', { traineeId: a, roomId: a1, bed: 1, date: TODAY, override: null });
    await f.ok('duty', 'housing.assign', { traineeId: b, roomId: a1, bed: 2, date: TODAY, override: { reason: 'Hết giường trống' } });
    await f.ok('duty', 'housing.move', { traineeId: b, roomId: b1, bed: 3, date: TODAY, reason: 'Tách khỏi A', override: null });
    await f.ok('duty', 'housing.assign', { traineeId: c, roomId: a1, bed: 2, date: TODAY, override: null });
    await f.ok('duty', 'housing.vacate', { traineeId: c, date: TODAY, reason: 'Chuyển cơ sở' });
    const count = await f.ok('duty', 'duty.headcount.record', { at: '2026-11-20T04:30:00.000Z', rooms: [{ roomId: a1, counted: 2, note: '' }] });
    await f.ok('duty', 'duty.headcount.resolve', { countId: count.countId, roomId: a1, note: 'Người phòng khác sang' });
    const incident = await f.ok('duty', 'conduct.violations.record', { traineeIds: [a, c], typeId: 'mobile_phone', date: TODAY, time: '', place: 'Nhà ăn', description: 'Dùng điện thoại', witnesses: '' });
    const measure = await f.ok('duty', 'conduct.measures.impose', { traineeId: a, violationId: incident.violationIds[0]!, kind: 'discipline_room', start: TODAY, end: '2026-11-22', note: '' });
    await f.ok('duty', 'conduct.measures.suspend', { traineeId: a, measureId: measure.measureId, until: '2026-11-30', note: 'Ốm' });
    await f.ok('duty', 'duty.recognition.reward', { traineeIds: [b], kind: 'commendation', reason: 'Lao động tốt', date: TODAY });
    await f.ok('duty', 'duty.recognition.rate', { month: '2026-10', ratings: [{ traineeId: b, rating: 'good' }] });
    await f.ok('duty', 'duty.keepApart.end', { ruleId: rule.ruleId, date: TODAY, note: 'Đã hòa giải' });

    const day = await f.ok('duty', 'dutyLog.day', { date: TODAY });
    const room = (name: string) => `${name} (Khu A)`;
    const pair = ['Nguyễn Văn Bình', 'Trần Thị Hoà'];
    expect(day.lines.map((l) => [l.type, l.traineeName, l.details])).toEqual([
      ['KeepApartSet', 'Nguyễn Văn Bình', { pair, level: 'room' }],
      ['BedAssigned', 'Nguyễn Văn Bình', { room: room('A1'), bed: 1 }],
      ['BedAssigned', 'Trần Thị Hoà', { room: room('A1'), bed: 2, overrideReason: 'Hết giường trống' }],
      ['BedMoved', 'Trần Thị Hoà', { room: room('A1'), bed: 2, toRoom: room('B1'), toBed: 3, reason: 'Tách khỏi A' }],
      ['BedAssigned', 'Lò Văn Páo', { room: room('A1'), bed: 2 }],
      ['BedVacated', 'Lò Văn Páo', { room: room('A1'), bed: 2, reason: 'Chuyển cơ sở' }],
      ['HeadcountRecorded', null, { rooms: [{ room: room('A1'), counted: 2, expected: 1 }] }],
      ['HeadcountMismatchResolved', null, { room: room('A1'), reason: 'Người phòng khác sang' }],
      ['ViolationRecorded', 'Nguyễn Văn Bình', { violationType: 'mobile_phone', place: 'Nhà ăn' }],
      ['ViolationRecorded', 'Lò Văn Páo', { violationType: 'mobile_phone', place: 'Nhà ăn' }],
      ['MeasureImposed', 'Nguyễn Văn Bình', { kind: 'discipline_room', start: TODAY, end: '2026-11-22' }],
      ['MeasureSuspended', 'Nguyễn Văn Bình', { until: '2026-11-30' }],
      ['RewardGranted', 'Trần Thị Hoà', { kind: 'commendation', reason: 'Lao động tốt' }],
      ['MonthlyRated', 'Trần Thị Hoà', { month: '2026-10', rating: 'good' }],
      ['KeepApartEnded', null, { pair, level: 'room' }],
    ]);
    f.service.close();
  });

  it('refuses bad notes and the wrong people with a clear error, writing nothing', async () => {
    const f = await medicalFixture(1, NOW);
    const before = f.events();
    const refusals: [string, unknown][] = [];
    const tryAs = async (role: 'duty' | 'admin' | 'medical' | 'teacher', input: unknown) => {
      const r = await f.service.call(role, 'dutyLog.recordNote', input);
      refusals.push([role, r.ok ? 'ok' : (r.error.issues?.map((i) => `${i.path}:${i.code}`) ?? r.error.code)]);
    };
    await tryAs('duty', { date: '2026-11-21', shift: 'day', text: 'Ghi trước' });
    await tryAs('duty', { date: '2026-11-10', shift: 'night', text: 'Ghi muộn' });
    await tryAs('duty', { date: '20/11/2026', shift: 'day', text: 'Sai định dạng' });
    await tryAs('duty', { date: TODAY, shift: 'evening', text: 'Ca lạ' });
    await tryAs('duty', { date: TODAY, shift: 'day', text: '   ' });
    await tryAs('duty', { date: TODAY, shift: 'day', text: 'x'.repeat(2001) });
    await tryAs('admin', { date: TODAY, shift: 'day', text: 'Quản trị ghi' });
    await tryAs('medical', { date: TODAY, shift: 'day', text: 'Y tế ghi' });
    expect(refusals).toEqual([
      ['duty', ['date:dateInFuture']],
      ['duty', ['date:shiftNoteTooOld']],
      ['duty', ['date:invalidDate']],
      ['duty', ['shift:invalidChoice']],
      ['duty', ['text:required']],
      ['duty', ['text:tooLong']],
      ['admin', 'FORBIDDEN'],
      ['medical', 'FORBIDDEN'],
    ]);
    expect(f.events()).toBe(before);

    for (const role of ['medical', 'teacher', 'instructor'] as const) {
      const day = await f.service.call(role, 'dutyLog.day', { date: TODAY });
      const handover = await f.service.call(role, 'dutyLog.handover', {});
      expect([role, day.ok ? 'ok' : day.error.code, handover.ok ? 'ok' : handover.error.code]).toEqual([role, 'FORBIDDEN', 'FORBIDDEN']);
    }
    const bad = await f.service.call('duty', 'dutyLog.day', { date: '2026-13-01' });
    expect(bad.ok ? 'ok' : bad.error.issues?.map((i) => i.code)).toEqual(['invalidDate']);
    f.service.close();
  });

  it('a voided note leaves the page, its void stays listed; the inline tables equal a rebuild from the log', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    const night = await f.ok('duty', 'dutyLog.recordNote', { date: '2026-11-19', shift: 'night', text: 'Đêm yên tĩnh.' });
    const wrong = await f.ok('duty', 'dutyLog.recordNote', { date: TODAY, shift: 'day', text: 'Ghi nhầm ca.' });
    await f.ok('duty', 'trainees.advancePhase', { traineeId: a, from: 'intake', to: 'detox', date: TODAY, note: '' });
    await f.ok('medical', 'medical.flags.refer', { traineeId: b, date: TODAY, hospital: 'KIN-BV', reason: 'KIN-LY-DO' });
    await f.ok('duty', 'duty.keepApart.set', { traineeA: a, traineeB: b, level: 'room', reason: 'threat', note: '', roleA: 'victim', roleB: 'perpetrator', reviewDate: '2026-12-20' });
    await f.ok('duty', 'events.void', { seq: wrong.seq, reason: 'Nhầm ca' });

    const day = await f.ok('duty', 'dutyLog.day', { date: TODAY });
    expect(day.lines.map((l) => [l.type, l.voidedType, l.traineeId])).toEqual([
      ['ShiftNoteRecorded', null, null],
      ['TraineePhaseAdvanced', null, a],
      ['KeepApartSet', null, a],
      ['EventVoided', 'ShiftNoteRecorded', null],
    ]);
    // Notes belong to their shift's day: last night's is on yesterday's page, today's was voided.
    expect(day.notes).toEqual([]);
    expect((await f.ok('duty', 'dutyLog.day', { date: '2026-11-19' })).notes.map((n) => n.noteId)).toEqual([night.noteId]);
    // The only note left is last night's: the handover shows it, and b at hospital (no hospital, no reason).
    const handover = await f.ok('duty', 'dutyLog.handover', {});
    expect(handover.shift).toEqual({ date: '2026-11-19', shift: 'night' });
    expect(handover.counts).toEqual({ inCare: 2, withoutBed: 2, atHospital: 1, separateHousing: 0, activeKeepApart: 1, openMismatches: 0, recordedToday: 4 });
    expect(JSON.stringify([day, handover])).not.toContain('KIN-');
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['duty_log_entries']).toHaveLength(4);
    expect(inline['shift_notes']).toHaveLength(1);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    // Ten years of entries: the day's page is an index range, never a scan of the table or the log.
    const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${DAY_SQL}`).all(TODAY) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/SEARCH e USING (COVERING )?INDEX duty_log_entries_day/);
    store.close();
  });
});
