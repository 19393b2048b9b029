import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerInput } from '../../../shared/api';
import type { SheetRowInput } from '../../../shared/training/labor';
import { cleanupTempDirs, openStore, projectionSnapshot } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** Midday in Vietnam on Friday 20/11/2026, wherever the tests run. */
const NOW = () => new Date('2026-11-20T05:00:00.000Z');
const REASON = 'ZZ-MEDICAL-REASON-do-not-show';

function codes(r: { ok: boolean; error?: { code: string; message: string; issues?: { path: string; code: string }[] } }): string[] {
  return r.ok ? ['accepted'] : [r.error!.code, ...(r.error!.issues ?? []).map((i) => `${i.path}:${i.code}`)];
}

async function instructorId(f: MedicalFixture): Promise<string> {
  const list = await f.ok('instructor', 'labor.instructors', {});
  return list[0]!.userId;
}

async function open(f: MedicalFixture, over: Partial<HandlerInput<'labor.workshops.open'>> = {}) {
  const input = { name: 'Xưởng dệt chiếu', product: 'Chiếu cói', unit: 'chiếc chiếu', usesBlades: true, instructorId: await instructorId(f), ...over };
  return (await f.ok('instructor', 'labor.workshops.open', input)).workshopId;
}

const present = (traineeId: string, hours: number, output: number): SheetRowInput => ({ traineeId, present: true, hours, output, quality: '', absence: null, absenceNote: '' });

describe('labor (integration via the service)', () => {
  it('instructor opens a workshop, assigns, records the sheet in one transaction; totals follow', async () => {
    const f = await medicalFixture(3, NOW);
    const [a, b, c] = f.traineeIds as [string, string, string];
    const w = await open(f);
    for (const t of [a, b, c]) await f.ok('instructor', 'labor.assign', { workshopId: w, traineeId: t, date: '2026-11-02' });
    const before = f.events();
    const r = await f.ok('instructor', 'labor.sheet.record', {
      workshopId: w,
      date: '2026-11-20',
      rows: [present(a, 6, 3), present(b, 5.5, 2), { traineeId: c, present: false, hours: 0, output: 0, quality: '', absence: 'sick', absenceNote: '' }],
    });
    expect(r.seqs).toHaveLength(3);
    expect(f.events()).toBe(before + 3);
    const list = await f.ok('instructor', 'labor.workshops.list', {});
    expect(list[0]).toMatchObject({ workshopId: w, recordedToday: 3, outputWeek: 5, outputMonth: 5, instructorName: expect.any(String) });
    expect(list[0]!.roster).toHaveLength(3);
    const totals = await f.ok('instructor', 'labor.totals', { workshopId: w, from: '2026-11-01', to: '2026-11-30' });
    expect(totals.total).toEqual({ hours: 11.5, output: 5, daysPresent: 2, daysAbsent: 1 });
    expect(totals.trainees.find((x) => x.traineeId === a)).toMatchObject({ hours: 6, output: 3 });
    // The trainee's timeline shows the assignment and the day's entry to the instructor.
    const timeline = await f.ok('instructor', 'trainees.timeline', { traineeId: a });
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['TraineeAssignedToWorkshop', 'LaborRecorded']));
  });

  it('teacher and duty may not open, assign or record; admin may open but not keep the sheet', async () => {
    const f = await medicalFixture(1, NOW);
    const [a] = f.traineeIds as [string];
    const me = await instructorId(f);
    const input = { name: 'Xưởng may', product: 'Quần áo', unit: 'bộ', usesBlades: false, instructorId: me };
    for (const role of ['teacher', 'duty', 'medical'] as const) expect(codes(await f.as(role, 'labor.workshops.open', input))[0]).toBe('FORBIDDEN');
    const w = (await f.ok('admin', 'labor.workshops.open', input)).workshopId;
    for (const role of ['teacher', 'duty', 'admin'] as const) expect(codes(await f.as(role, 'labor.assign', { workshopId: w, traineeId: a, date: '2026-11-20' }))[0]).toBe('FORBIDDEN');
    for (const role of ['teacher', 'duty'] as const) expect(codes(await f.as(role, 'labor.workshops.list', {}))[0]).toBe('FORBIDDEN');
    // An instructor opens workshops only for themselves; another's is not theirs to run.
    const admin = (await f.ok('admin', 'accounts.list', {})).find((u) => u.username === 'admin')!;
    expect(codes(await f.as('instructor', 'labor.workshops.open', { ...input, name: 'Khác', instructorId: admin.id }))).toContain('instructorId:notYourself');
    expect(codes(await f.as('admin', 'labor.workshops.open', { ...input, name: 'Khác', instructorId: admin.id }))).toContain('instructorId:notAnInstructor');
  });

  it('a trainee restricted from sharp tools is refused for a blade workshop, without the reason', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    await f.ok('medical', 'medical.flags.setRestriction', { traineeId: a, restriction: 'no_sharp_tools', reason: REASON, since: '2026-11-01', until: null });
    const blades = await open(f);
    const sewing = await open(f, { name: 'Xưởng may', unit: 'bộ', usesBlades: false });
    const before = f.events();
    const r = await f.as('instructor', 'labor.assign', { workshopId: blades, traineeId: a, date: '2026-11-20' });
    expect(codes(r)).toEqual(['VALIDATION', 'traineeId:noSharpTools']);
    expect(JSON.stringify(r)).not.toContain(REASON);
    expect(!r.ok && r.error.message).toBe('This trainee may not do work with sharp tools.');
    expect(f.events()).toBe(before);
    // The fact (not why) shows on the candidates list; other workshops take them.
    const cand = await f.ok('instructor', 'labor.candidates', {});
    expect(cand.find((x) => x.traineeId === a)).toMatchObject({ noSharpTools: true });
    expect(JSON.stringify(cand)).not.toContain(REASON);
    await f.ok('instructor', 'labor.assign', { workshopId: sewing, traineeId: a, date: '2026-11-20' });
    // Marking the sewing workshop as using blades is refused while a restricted trainee is in it.
    const me = await instructorId(f);
    const change = await f.as('instructor', 'labor.workshops.change', { workshopId: sewing, name: 'Xưởng may', product: '', unit: 'bộ', usesBlades: true, instructorId: me });
    expect(codes(change)).toEqual(['VALIDATION', 'usesBlades:restrictedOnRoster']);
    // Moving b between workshops is one append: out of one, into the other.
    await f.ok('instructor', 'labor.assign', { workshopId: blades, traineeId: b, date: '2026-11-10' });
    const moved = await f.ok('instructor', 'labor.assign', { workshopId: sewing, traineeId: b, date: '2026-11-20' });
    expect(moved).toMatchObject({ moved: true, seqs: [expect.any(Number), expect.any(Number)] });
    expect((await f.ok('instructor', 'labor.workshop', { workshopId: blades })).roster).toEqual([]);
    expect((await f.ok('instructor', 'labor.workshop', { workshopId: sewing })).roster.map((m) => m.traineeId).sort()).toEqual([a, b].sort());
  });

  it('bad sheets write nothing and name the row', async () => {
    const f = await medicalFixture(3, NOW);
    const [a, b, c] = f.traineeIds as [string, string, string];
    const w = await open(f);
    const other = await open(f, { name: 'Xưởng mây tre', unit: 'chiếc giỏ' });
    await f.ok('instructor', 'labor.assign', { workshopId: w, traineeId: a, date: '2026-11-02' });
    await f.ok('instructor', 'labor.assign', { workshopId: w, traineeId: b, date: '2026-11-19' });
    await f.ok('instructor', 'labor.assign', { workshopId: other, traineeId: c, date: '2026-11-02' });
    const before = f.events();
    const sheet = (rows: unknown[], date = '2026-11-20') => f.as('instructor', 'labor.sheet.record', { workshopId: w, date, rows } as never);
    expect(codes(await sheet([present(a, 6, 1), { ...present(b, 6, 0), output: -2 }]))).toEqual(['VALIDATION', 'rows.1.output:negativeNumber']);
    expect(codes(await sheet([{ ...present(a, 6, 0), output: 'ba' }]))).toEqual(['VALIDATION', 'rows.0.output:notANumber']);
    expect(codes(await sheet([present(a, 13, 1)]))).toEqual(['VALIDATION', 'rows.0.hours:hoursOverDay']);
    expect(codes(await sheet([present(a, 6, 1)], '2026-11-21'))).toEqual(['VALIDATION', 'date:dateInFuture']);
    // b joined on 19/11: not in the workshop on 18/11; c is in another workshop.
    expect(codes(await sheet([present(a, 6, 1), present(b, 6, 1)], '2026-11-18'))).toEqual(['VALIDATION', 'rows.1.traineeId:notAssignedThatDay']);
    expect(codes(await sheet([present(c, 6, 1)]))).toEqual(['VALIDATION', 'rows.0.traineeId:notAssignedThatDay']);
    expect(f.events()).toBe(before);
    const mid = f.events();
    // A released trainee is refused by name.
    await f.ok('admin', 'trainees.release', { traineeId: b, releaseDate: '2026-11-20', kind: 'completed', note: '' });
    expect(codes(await sheet([present(a, 6, 1), present(b, 6, 1)]))).toEqual(['VALIDATION', 'rows.1.traineeId:traineeReleased']);
    expect(codes(await f.as('instructor', 'labor.assign', { workshopId: other, traineeId: b, date: '2026-11-20' }))[0]).toBe('ALREADY_RELEASED');
    expect(f.events()).toBe(mid + 1);
  });

  it('hours over 12 summed across sheets of the same day are refused', async () => {
    const f = await medicalFixture(1, NOW);
    const [a] = f.traineeIds as [string];
    const w = await open(f);
    const other = await open(f, { name: 'Xưởng mây tre', unit: 'chiếc giỏ' });
    await f.ok('instructor', 'labor.assign', { workshopId: other, traineeId: a, date: '2026-11-02' });
    await f.ok('instructor', 'labor.sheet.record', { workshopId: other, date: '2026-11-20', rows: [present(a, 8, 2)] });
    // Moved at noon: the afternoon in the blade workshop.
    await f.ok('instructor', 'labor.assign', { workshopId: w, traineeId: a, date: '2026-11-20' });
    const before = f.events();
    const r = await f.as('instructor', 'labor.sheet.record', { workshopId: w, date: '2026-11-20', rows: [present(a, 5, 1)] });
    expect(codes(r)).toEqual(['VALIDATION', 'rows.0.hours:hoursOverDay']);
    expect(f.events()).toBe(before);
    await f.ok('instructor', 'labor.sheet.record', { workshopId: w, date: '2026-11-20', rows: [present(a, 4, 1)] });
    expect((await f.ok('instructor', 'labor.sheet', { workshopId: w, date: '2026-11-20' })).rows[0]).toMatchObject({ otherHours: 8, entry: { hours: 4 } });
    // Once per workshop and day.
    expect(codes(await f.as('instructor', 'labor.sheet.record', { workshopId: w, date: '2026-11-20', rows: [present(a, 1, 0)] }))).toEqual([
      'VALIDATION',
      'rows.0.traineeId:laborAlreadyRecorded',
    ]);
  });

  it('closing unassigns everyone in one transaction; voids replay; inline tables equal a rebuild', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    const w = await open(f);
    for (const t of [a, b]) await f.ok('instructor', 'labor.assign', { workshopId: w, traineeId: t, date: '2026-11-02' });
    const r = await f.ok('instructor', 'labor.sheet.record', { workshopId: w, date: '2026-11-19', rows: [present(a, 6, 4), present(b, 6, 5)] });
    await f.ok('instructor', 'events.void', { seq: r.seqs[0]!, reason: 'Ghi nhầm người' });
    expect((await f.ok('instructor', 'labor.totals', { workshopId: w, from: '2026-11-01', to: '2026-11-30' })).total.output).toBe(5);
    const closed = await f.ok('instructor', 'labor.workshops.close', { workshopId: w, date: '2026-11-20' });
    expect(closed).toMatchObject({ unassigned: 2, seqs: [expect.any(Number), expect.any(Number), expect.any(Number)] });
    expect(codes(await f.as('instructor', 'labor.assign', { workshopId: w, traineeId: a, date: '2026-11-20' }))).toEqual(['VALIDATION', 'workshopId:workshopClosed']);
    expect((await f.ok('instructor', 'labor.candidates', {})).every((x) => x.workshopId === null)).toBe(true);
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['labor_workshops']).toHaveLength(1);
    expect(inline['labor_assignments']).toHaveLength(2);
    expect(inline['labor_entries']).toHaveLength(1);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });
});
