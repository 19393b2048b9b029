import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../shared/events';
import { closeClass, enrol, foldClass, foldTraineeLiteracy, openClass, recordAttendance, withdraw, type ClassState } from '../../../electron/core/training/classes/decider';

const T = '00000000-0000-4000-8000-000000000001';
const C = '00000000-0000-4000-8000-000000000002';
const OTHER = '00000000-0000-4000-8000-000000000003';
const ctx = { today: '2026-11-20', admissionDate: '2026-09-01', released: false };
const cls: ClassState = { version: 1, classId: C, openedDate: '2026-10-01', closedDate: null };

let seq = 0;
function ev(type: string, data: Record<string, unknown>): StoredEvent {
  seq += 1;
  return { seq, stream: `literacy:${T}`, version: seq, type, schema: 1, data, meta: { actor: null }, occurredAt: '', recordedAt: '', hash: '', prevHash: '' } as unknown as StoredEvent;
}

const enrolled = () => foldTraineeLiteracy([ev('TraineeEnrolled', { traineeId: T, classId: C, date: '2026-10-05' })]);
const mark = { traineeId: T, classId: C, date: '2026-11-20', present: true, reason: null, note: '' };

describe('classes decider', () => {
  it('opens a class for an active teacher, not in the future, ending after it starts', () => {
    const cmd = { name: 'A1', teacherId: OTHER, phase: 'phase1' as const, weekdays: [1, 3], startTime: '08:00', endTime: '10:00', room: '', date: '2026-11-20' };
    expect(openClass(cmd, C, { today: ctx.today, teacherActive: true })[0]!.data).toMatchObject({ classId: C, name: 'A1' });
    expect(() => openClass(cmd, C, { today: ctx.today, teacherActive: false })).toThrow(/notATeacher/);
    expect(() => openClass({ ...cmd, date: '2026-11-21' }, C, { today: ctx.today, teacherActive: true })).toThrow(/dateInFuture/);
    expect(() => openClass({ ...cmd, endTime: '07:00' }, C, { today: ctx.today, teacherActive: true })).toThrow(/endBeforeStart/);
  });

  it('folds a class stream: opened, closed', () => {
    const opened = { ...ev('ClassOpened', { classId: C, date: '2026-10-01' }), stream: `class:${C}`, version: 1 } as StoredEvent;
    const closed = { ...ev('ClassClosed', { classId: C, date: '2026-11-01', note: '' }), stream: `class:${C}`, version: 2 } as StoredEvent;
    expect(foldClass([])).toBeNull();
    expect(foldClass([opened, closed])).toEqual({ version: 2, classId: C, openedDate: '2026-10-01', closedDate: '2026-11-01' });
    expect(() => closeClass({ ...cls, closedDate: '2026-11-01' }, { classId: C, date: '2026-11-20', note: '' }, ctx.today)).toThrow(/already closed/);
    expect(() => closeClass(cls, { classId: C, date: '2026-09-30', note: '' }, ctx.today)).toThrow(/beforeClassOpened/);
    expect(() => closeClass(null, { classId: C, date: '2026-11-20', note: '' }, ctx.today)).toThrow(/No such class/);
  });

  it('enrols a trainee in care in one class at a time, on a class day after admission', () => {
    const none = foldTraineeLiteracy([]);
    const cmd = { traineeId: T, classId: C, date: '2026-10-05' };
    expect(enrol(none, cls, cmd, ctx)).toHaveLength(1);
    expect(() => enrol(none, cls, cmd, { ...ctx, released: true })).toThrow(/traineeReleased/);
    expect(() => enrol(none, cls, { ...cmd, date: '2026-09-30' }, ctx)).toThrow(/beforeClassOpened/);
    expect(() => enrol(none, cls, { ...cmd, date: '2026-11-21' }, ctx)).toThrow(/dateInFuture/);
    expect(() => enrol(none, cls, cmd, { ...ctx, admissionDate: '2026-10-10' })).toThrow(/beforeAdmission/);
    expect(() => enrol(none, { ...cls, closedDate: '2026-11-01' }, cmd, ctx)).toThrow(/classClosed/);
    expect(() => enrol(enrolled(), cls, cmd, ctx)).toThrow(/alreadyEnrolled/);
    expect(() => enrol(enrolled(), { ...cls, classId: OTHER }, { ...cmd, classId: OTHER }, ctx)).toThrow(/enrolledElsewhere/);
  });

  it('withdraws only from the class the trainee is in, not before joining; "other" needs a note', () => {
    const cmd = { traineeId: T, classId: C, date: '2026-11-01', reason: 'released' as const, note: '' };
    expect(withdraw(enrolled(), cmd, ctx.today)).toHaveLength(1);
    expect(() => withdraw(foldTraineeLiteracy([]), cmd, ctx.today)).toThrow(/notEnrolled/);
    expect(() => withdraw(enrolled(), { ...cmd, classId: OTHER }, ctx.today)).toThrow(/notEnrolled/);
    expect(() => withdraw(enrolled(), { ...cmd, date: '2026-10-04' }, ctx.today)).toThrow(/beforeEnrolment/);
    expect(() => withdraw(enrolled(), { ...cmd, reason: 'other' }, ctx.today)).toThrow(/noteRequiredForOther/);
  });

  it('records attendance for an enrolled trainee in care, on a class day; a re-record corrects, naming the earlier entry', () => {
    expect(recordAttendance(enrolled(), cls, mark, ctx)[0]!.data.corrects).toBeNull();
    expect(() => recordAttendance(foldTraineeLiteracy([]), cls, mark, ctx)).toThrow(/notEnrolled/);
    expect(() => recordAttendance(enrolled(), cls, { ...mark, date: '2026-10-04' }, ctx)).toThrow(/notEnrolled/);
    expect(() => recordAttendance(enrolled(), cls, { ...mark, date: '2026-11-21' }, ctx)).toThrow(/dateInFuture/);
    expect(() => recordAttendance(enrolled(), cls, { ...mark, date: '2026-09-30' }, ctx)).toThrow(/beforeClassOpened/);
    expect(() => recordAttendance(enrolled(), cls, mark, { ...ctx, released: true })).toThrow(/traineeReleased/);
    expect(() => recordAttendance(enrolled(), cls, { ...mark, present: false }, ctx)).toThrow(/absenceReasonRequired/);
    expect(() => recordAttendance(enrolled(), cls, { ...mark, present: false, reason: 'other' }, ctx)).toThrow(/noteRequiredForOther/);
    const first = ev('AttendanceRecorded', { ...mark, corrects: null });
    const state = foldTraineeLiteracy([ev('TraineeEnrolled', { traineeId: T, classId: C, date: '2026-10-05' }), first]);
    expect(recordAttendance(state, cls, mark, ctx)).toEqual([]);
    expect(recordAttendance(state, cls, { ...mark, present: false, reason: 'sick' }, ctx)[0]!.data.corrects).toBe(first.seq);
    // After leaving the class, the trainee is not on its sheets from that day on.
    const left = foldTraineeLiteracy([ev('TraineeEnrolled', { traineeId: T, classId: C, date: '2026-10-05' }), ev('TraineeWithdrawn', { traineeId: T, classId: C, date: '2026-11-02', reason: 'transferred', note: '' })]);
    expect(recordAttendance(left, cls, { ...mark, date: '2026-11-01' }, ctx)).toHaveLength(1);
    expect(() => recordAttendance(left, cls, { ...mark, date: '2026-11-02' }, ctx)).toThrow(/notEnrolled/);
  });
});
