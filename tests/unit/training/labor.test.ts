import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { StoredEvent } from '../../../shared/events';
import { isoWeek, type SheetRowInput } from '../../../shared/training/labor';
import { assign, changeWorkshop, closeWorkshop, foldWorkshop, openWorkshop, recordSheet, unassign, type Caller, type TraineeLaborFacts } from '../../../electron/core/training/labor/decider';
import { laborProjection } from '../../../electron/core/training/labor/projection';
import { laborTotals } from '../../../electron/core/training/labor/queries';

const W = '00000000-0000-4000-8000-0000000000aa';
const T = '00000000-0000-4000-8000-000000000001';
const ME = '00000000-0000-4000-8000-0000000000ff';
const caller: Caller = { today: '2026-11-20', userId: ME, isAdmin: false };
const desc = { name: 'Xưởng dệt chiếu', product: 'Chiếu cói', unit: 'chiếc chiếu', usesBlades: true, instructorId: ME };
const facts = { instructorOk: true, nameTaken: false, restrictedOnRoster: 0 };

let seq = 0;
function stored(events: { type: string; data: unknown }[], stream = `workshop:${W}`): StoredEvent[] {
  return events.map((e, i) => ({ ...e, seq: ++seq, stream, version: i + 1, occurredAt: '', recordedAt: '', meta: { actor: ME, roles: ['instructor'] } }) as unknown as StoredEvent);
}
const openState = () => foldWorkshop(stored(openWorkshop(desc, W, facts, caller)));
const trainee = (over: Partial<TraineeLaborFacts> = {}): TraineeLaborFacts => ({ admissionDate: '2026-09-01', released: false, current: null, noSharpTools: false, ...over });
const row = (over: Partial<SheetRowInput> = {}): SheetRowInput => ({ traineeId: T, present: true, hours: 6, output: 3, quality: '', absence: null, absenceNote: '', ...over });
const okRow = { released: false, assignedThatDay: true, alreadyRecorded: false, otherHours: 0 };

describe('labor decider: workshops', () => {
  it('opens with a real instructor and a free name; an instructor only for themselves', () => {
    expect(openWorkshop(desc, W, facts, caller)[0]).toMatchObject({ type: 'WorkshopOpened', data: { workshopId: W, unit: 'chiếc chiếu' } });
    expect(() => openWorkshop(desc, W, { ...facts, nameTaken: true }, caller)).toThrow(/duplicateWorkshopName/);
    expect(() => openWorkshop(desc, W, { ...facts, instructorOk: false }, caller)).toThrow(/notAnInstructor/);
    expect(() => openWorkshop({ ...desc, instructorId: T }, W, facts, caller)).toThrow(/notYourself/);
    expect(openWorkshop({ ...desc, instructorId: T }, W, facts, { ...caller, isAdmin: true })).toHaveLength(1);
  });

  it('changes by its instructor or an admin; refuses blades while restricted trainees are in it; nothing changed', () => {
    const s = openState();
    expect(() => changeWorkshop(s, { ...desc, workshopId: W }, facts, caller)).toThrow(/Nothing to change/);
    expect(changeWorkshop(s, { ...desc, workshopId: W, unit: 'đôi chiếu' }, facts, caller)[0]!.data.unit).toBe('đôi chiếu');
    expect(() => changeWorkshop(s, { ...desc, workshopId: W, unit: 'x' }, facts, { ...caller, userId: T })).toThrow(/instructor/);
    const sewing = foldWorkshop(stored(openWorkshop({ ...desc, usesBlades: false }, W, facts, caller)));
    expect(() => changeWorkshop(sewing, { ...desc, workshopId: W }, { ...facts, restrictedOnRoster: 2 }, caller)).toThrow(/restrictedOnRoster/);
  });

  it('closing unassigns everyone from the closing day; a closed workshop takes nobody', () => {
    const s = openState();
    const d = closeWorkshop(s, { workshopId: W, date: '2026-11-20' }, [{ traineeId: T, since: '2026-11-01' }], caller);
    expect(d.members[0]!.events[0]!.data).toMatchObject({ traineeId: T, workshopId: W, cause: 'closed', date: '2026-11-20' });
    expect(() => closeWorkshop(s, { workshopId: W, date: '2026-11-21' }, [], caller)).toThrow(/dateInFuture/);
    expect(() => closeWorkshop(s, { workshopId: W, date: '2026-10-31' }, [{ traineeId: T, since: '2026-11-01' }], caller)).toThrow(/beforeLastAssignment/);
    const closed = foldWorkshop([...stored(openWorkshop(desc, W, facts, caller)), ...stored(d.workshop)]);
    expect(() => assign(closed, { workshopId: W, traineeId: T, date: '2026-11-20' }, trainee(), caller)).toThrow(/workshopClosed/);
  });
});

describe('labor decider: assignments', () => {
  const cmd = { workshopId: W, traineeId: T, date: '2026-11-20' };
  it('refuses sharp-tool work with the fact only, a released trainee, future and pre-admission dates', () => {
    const s = openState();
    expect(() => assign(s, cmd, trainee({ noSharpTools: true }), caller)).toThrow(/^This trainee may not do work with sharp tools\.$/);
    expect(() => assign(s, cmd, trainee({ released: true }), caller)).toThrow(/released/);
    expect(() => assign(s, { ...cmd, date: '2026-11-21' }, trainee(), caller)).toThrow(/dateInFuture/);
    expect(() => assign(s, { ...cmd, date: '2026-08-31' }, trainee(), caller)).toThrow(/beforeAdmission/);
    // A workshop without blades takes them.
    const sewing = foldWorkshop(stored(openWorkshop({ ...desc, usesBlades: false }, W, facts, caller)));
    expect(assign(sewing, cmd, trainee({ noSharpTools: true }), caller)).toHaveLength(1);
  });

  it('one workshop at a time: a move is the old unassignment and the new assignment', () => {
    const s = openState();
    const evs = assign(s, cmd, trainee({ current: { workshopId: 'old', since: '2026-11-01' } }), caller);
    expect(evs.map((e) => e.type)).toEqual(['TraineeUnassignedFromWorkshop', 'TraineeAssignedToWorkshop']);
    expect(evs[0]!.data).toMatchObject({ workshopId: 'old', cause: 'moved' });
    expect(() => assign(s, cmd, trainee({ current: { workshopId: W, since: '2026-11-01' } }), caller)).toThrow(/Already/);
    expect(() => assign(s, cmd, trainee({ current: { workshopId: 'old', since: '2026-11-21' } }), caller)).toThrow(/beforeLastAssignment/);
    expect(() => unassign(null, { traineeId: T, date: '2026-11-20', note: '' }, trainee(), caller)).toThrow(/notAssigned/);
    expect(unassign(s, { traineeId: T, date: '2026-11-20', note: 'Chuyển sang học nghề' }, trainee({ current: { workshopId: W, since: '2026-11-01' } }), caller)[0]!.data).toMatchObject({ cause: 'unassigned' });
  });
});

describe('labor decider: the daily sheet', () => {
  const cmd = (rows: SheetRowInput[], date = '2026-11-20') => ({ workshopId: W, date, rows });
  it('one LaborRecorded per row; refusals name the row', () => {
    const s = openState();
    const out = recordSheet(s, cmd([row(), row({ traineeId: 'x', present: false, hours: 0, output: 0, absence: 'sick', quality: 'ignored' })]), [okRow, okRow], caller);
    expect(out.map((e) => e[0]!.type)).toEqual(['LaborRecorded', 'LaborRecorded']);
    expect(out[1]![0]!.data).toMatchObject({ present: false, quality: '', absence: 'sick', date: '2026-11-20' });
    expect(() => recordSheet(s, cmd([row()], '2026-11-21'), [okRow], caller)).toThrow(/date: dateInFuture/);
    expect(() => recordSheet(s, cmd([row(), row()]), [okRow, { ...okRow, released: true }], caller)).toThrow(/rows\.1\.traineeId: traineeReleased/);
    expect(() => recordSheet(s, cmd([row()]), [{ ...okRow, assignedThatDay: false }], caller)).toThrow(/rows\.0\.traineeId: notAssignedThatDay/);
    expect(() => recordSheet(s, cmd([row()]), [{ ...okRow, alreadyRecorded: true }], caller)).toThrow(/laborAlreadyRecorded/);
    expect(() => recordSheet(s, cmd([row({ hours: 5 })]), [{ ...okRow, otherHours: 7.5 }], caller)).toThrow(/rows\.0\.hours: hoursOverDay/);
    expect(recordSheet(s, cmd([row({ hours: 4.5 })]), [{ ...okRow, otherHours: 7.5 }], caller)).toHaveLength(1);
    expect(() => recordSheet(s, cmd([row()]), [okRow], { ...caller, userId: T })).toThrow(/instructor/);
  });
});

describe('labor totals', () => {
  it('ISO weeks belong to the year of their Thursday', () => {
    expect(isoWeek('2026-11-20')).toEqual({ week: '2026-W47', start: '2026-11-16' });
    expect(isoWeek('2027-01-01')).toEqual({ week: '2026-W53', start: '2026-12-28' });
    expect(isoWeek('2025-12-29')).toEqual({ week: '2026-W01', start: '2025-12-29' });
  });

  it('across a month boundary: the week total is the sum of its days, each month total its own days', () => {
    const db = new Database(':memory:');
    db.exec(laborProjection.schemaSql);
    db.exec("CREATE TABLE trainees (id TEXT PRIMARY KEY, file_number TEXT, full_name TEXT, sort_key TEXT); CREATE TABLE users (id TEXT PRIMARY KEY, full_name TEXT);");
    db.prepare("INSERT INTO trainees VALUES (?, '2026/001', 'Nguyễn Văn Bình', 'binh')").run(T);
    const apply = laborProjection.bind(db);
    const events = stored(openWorkshop(desc, W, facts, caller));
    // Mon 28/09/2026 … Sat 03/10/2026: one ISO week (2026-W40) over September and October.
    const days = ['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02', '2026-10-03'];
    const outputs = [3, 4, 2.5, 5, 1, 2];
    days.forEach((date, i) => events.push(...stored([{ type: 'LaborRecorded', data: { ...row({ output: outputs[i]!, hours: 6 }), workshopId: W, date } }], `labor:${T}`)));
    events.push(...stored([{ type: 'LaborRecorded', data: { ...row({ present: false, hours: 0, output: 0, absence: 'sick' }), workshopId: W, date: '2026-10-05' } }], `labor:${T}`));
    for (const e of events) apply(e);
    const t = laborTotals(db, { workshopId: W, from: '2026-09-01', to: '2026-10-31' });
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(t.weeks.find((w) => w.week === '2026-W40')).toMatchObject({ start: '2026-09-28', output: sum(outputs), hours: 36, daysPresent: 6 });
    expect(t.months).toEqual([
      { month: '2026-09', output: sum(outputs.slice(0, 3)), hours: 18, daysPresent: 3, daysAbsent: 0 },
      { month: '2026-10', output: sum(outputs.slice(3)), hours: 18, daysPresent: 3, daysAbsent: 1 },
    ]);
    expect(t.total.output).toBe(sum(outputs));
    expect(sum(t.weeks.map((w) => w.output))).toBe(t.total.output);
    expect(sum(t.months.map((m) => m.output))).toBe(t.total.output);
    expect(sum(t.days.map((d) => d.output))).toBe(t.total.output);
    expect(t.trainees).toEqual([{ traineeId: T, fileNumber: '2026/001', fullName: 'Nguyễn Văn Bình', output: sum(outputs), hours: 36, daysPresent: 6, daysAbsent: 1 }]);
    // Only the days asked: October alone has the week's last three days.
    expect(laborTotals(db, { workshopId: W, from: '2026-10-01', to: '2026-10-31' }).weeks[0]).toMatchObject({ week: '2026-W40', output: sum(outputs.slice(3)) });
  });
});
