import { afterEach, describe, expect, it } from 'vitest';
import { WHOLE_FACILITY } from '../../../shared/duty/keepApart';
import { cleanupTempDirs, openStore, projectionSnapshot } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** Midday UTC: the same calendar day (2026-11-20) wherever the tests run. */
const NOW = () => new Date('2026-11-20T05:00:00.000Z');
const AT = '2026-11-20T04:30:00.000Z';

function refusal(r: { ok: true } | { ok: false; error: { code: string; issues?: { path: string; code: string }[] } }): string {
  if (r.ok) return 'accepted';
  return r.error.issues?.length ? `${r.error.code}:${r.error.issues.map((i) => `${i.path}=${i.code}`).join(',')}` : r.error.code;
}

/** Dorm "Khu A" with rooms A1 (t1, t2) and A2 (t3, t4); t5 has no bed. */
async function housed(f: MedicalFixture) {
  const [t1, t2, t3, t4] = f.traineeIds as [string, string, string, string];
  const { dormId } = await f.ok('admin', 'housing.addDorm', { name: 'Khu A' });
  const { roomId: a1 } = await f.ok('admin', 'housing.addRoom', { dormId, name: 'A1', capacity: 4, separateHousing: false });
  const { roomId: a2 } = await f.ok('admin', 'housing.addRoom', { dormId, name: 'A2', capacity: 4, separateHousing: false });
  for (const [traineeId, roomId, bed] of [
    [t1, a1, 1],
    [t2, a1, 2],
    [t3, a2, 1],
    [t4, a2, 2],
  ] as const) {
    await f.ok('duty', 'housing.assign', { traineeId, roomId, bed, date: '2026-11-10', override: null });
  }
  return { a1, a2 };
}

describe('headcounts through the service', () => {
  it('the sheet lists each room with its occupants; hospital stays are expected absent; differences stay until resolved', async () => {
    const f = await medicalFixture(5, NOW);
    const [t1, , t3] = f.traineeIds as [string, string, string];
    const { a1, a2 } = await housed(f);
    await f.ok('medical', 'medical.flags.refer', { traineeId: t3, date: '2026-11-19', hospital: 'BV tỉnh', reason: 'Sốt cao' });

    const sheet = await f.ok('duty', 'duty.headcount.sheet', {});
    expect(sheet.map((r) => [r.roomId, r.name, r.occupants.length, r.expectedPresent])).toEqual([
      [a1, 'Khu A · A1', 2, 2],
      [a2, 'Khu A · A2', 2, 1],
    ]);
    expect(sheet[1]!.occupants.find((o) => o.traineeId === t3)?.atHospital).toBe(true);
    // Nothing medical beyond the fact of the stay.
    expect(JSON.stringify(sheet)).not.toMatch(/BV tỉnh|Sốt cao/);

    // A1: one missing; A2: as expected (one at hospital).
    const first = await f.ok('duty', 'duty.headcount.record', { at: AT, rooms: [{ roomId: a1, counted: 1, note: '' }, { roomId: a2, counted: 1, note: '' }] });
    expect(first.mismatches).toBe(1);
    // A later count with one person too many in A2: both differences are listed, oldest first.
    const second = await f.ok('duty', 'duty.headcount.record', { at: '2026-11-20T04:50:00.000Z', rooms: [{ roomId: a2, counted: 2, note: 'Có người phòng khác sang' }] });
    let open = await f.ok('admin', 'duty.headcount.mismatches', {});
    expect(open.map((m) => [m.countId, m.roomId, m.roomName, m.expected, m.atHospital, m.counted, m.absent, m.unexpected])).toEqual([
      [first.countId, a1, 'Khu A · A1', 2, 0, 1, 1, 0],
      [second.countId, a2, 'Khu A · A2', 2, 1, 2, 0, 1],
    ]);

    await f.ok('duty', 'duty.headcount.resolve', { countId: first.countId, roomId: a1, note: `${t1} đi lao động về muộn` });
    open = await f.ok('duty', 'duty.headcount.mismatches', {});
    expect(open.map((m) => m.countId)).toEqual([second.countId]);

    const before = f.events();
    expect(refusal(await f.as('duty', 'duty.headcount.resolve', { countId: first.countId, roomId: a1, note: 'lần hai' }))).toBe('NOT_ACTIVE');
    // A room counted as expected has no difference to resolve.
    expect(refusal(await f.as('duty', 'duty.headcount.resolve', { countId: first.countId, roomId: a2, note: 'x' }))).toBe('NOT_FOUND');
    expect(refusal(await f.as('duty', 'duty.headcount.resolve', { countId: second.countId, roomId: a2, note: '  ' }))).toBe('VALIDATION:note=required');
    expect(f.events()).toBe(before);
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['headcount_rooms']).toHaveLength(3);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });

  it('without a layout the whole facility is one count of the trainees in care', async () => {
    const f = await medicalFixture(3, NOW);
    const [, , t3] = f.traineeIds as [string, string, string];
    await f.ok('admin', 'trainees.release', { traineeId: t3, releaseDate: '2026-11-19', kind: 'completed', note: '' });
    const sheet = await f.ok('duty', 'duty.headcount.sheet', {});
    expect(sheet.map((r) => [r.roomId, r.occupants.length, r.expectedPresent])).toEqual([[WHOLE_FACILITY, 2, 2]]);
    const r = await f.ok('duty', 'duty.headcount.record', { at: AT, rooms: [{ roomId: WHOLE_FACILITY, counted: 2, note: '' }] });
    expect(r.mismatches).toBe(0);
    expect(await f.ok('duty', 'duty.headcount.mismatches', {})).toEqual([]);
    f.service.close();
  });

  it('refuses a count in the future, an unknown or repeated room, a negative or fractional count, an empty count, and non-duty writers: nothing written', async () => {
    const f = await medicalFixture(4, NOW);
    const { a1 } = await housed(f);
    const before = f.events();
    const row = { roomId: a1, counted: 2, note: '' };
    expect(refusal(await f.as('duty', 'duty.headcount.record', { at: '2026-11-20T06:00:00.000Z', rooms: [row] }))).toBe('VALIDATION:at=timeInFuture');
    expect(refusal(await f.as('duty', 'duty.headcount.record', { at: AT, rooms: [row, { ...row, roomId: '00000000-0000-4000-8000-000000000099' }] }))).toBe('VALIDATION:rooms.1.roomId=unknownRoom');
    expect(refusal(await f.as('duty', 'duty.headcount.record', { at: AT, rooms: [row, row] }))).toBe('VALIDATION:rooms.1.roomId=duplicateRoom');
    expect(refusal(await f.as('duty', 'duty.headcount.record', { at: AT, rooms: [{ ...row, counted: -1 }] }))).toBe('VALIDATION:rooms.0.counted=outOfRange');
    expect(refusal(await f.as('duty', 'duty.headcount.record', { at: AT, rooms: [{ ...row, counted: 1.5 }] }))).toBe('VALIDATION:rooms.0.counted=invalid');
    expect(refusal(await f.as('duty', 'duty.headcount.record', { at: AT, rooms: [] }))).toBe('VALIDATION:rooms=nothingToRecord');
    expect(refusal(await f.as('duty', 'duty.headcount.record', { at: '20/11/2026 11:30', rooms: [row] }))).toBe('VALIDATION:at=invalidDateTime');
    expect(refusal(await f.as('admin', 'duty.headcount.record', { at: AT, rooms: [row] }))).toBe('FORBIDDEN');
    expect(refusal(await f.as('instructor', 'duty.headcount.sheet', {}))).toBe('FORBIDDEN');
    expect(f.events()).toBe(before);
    f.service.close();
  });
});
