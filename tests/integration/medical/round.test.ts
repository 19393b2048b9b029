import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, openStore } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** A clock the test moves (local wall-clock time, as the slots' ends are). */
function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, set: (s: string) => (now = new Date(s)) };
}

async function formulary(f: MedicalFixture) {
  await f.ok('medical', 'medical.formulary.addStarter', {});
  return (await f.ok('medical', 'medical.formulary.list', {})).filter((i) => i.active && !i.arv).map((i) => i.id);
}

describe('the medication round', () => {
  it('records 100 doses in one call: 100 events in one transaction, then the round shows them recorded', async () => {
    const c = clock('2026-09-10T08:30:00');
    const f = await medicalFixture(25, c.now);
    const items = await formulary(f);
    const ids: string[] = [];
    for (const traineeId of f.traineeIds) {
      for (const itemId of items.slice(0, 4)) {
        const p = await f.ok('medical', 'medical.prescriptions.write', { traineeId, itemId, dose: '1 viên', slots: ['morning', 'evening'], startDate: '2026-09-10', endDate: null, indication: '' });
        ids.push(p.prescriptionId);
      }
    }
    const round = await f.ok('medical', 'medical.round.get', { date: '2026-09-10', slot: 'morning' });
    expect(round.rows).toHaveLength(100);
    expect(round.slotEnded).toBe(false);
    expect(round.rows.every((r) => r.recorded === null && !r.missed && r.room === null)).toBe(true);
    expect(new Set(round.rows.map((r) => r.prescriptionId))).toEqual(new Set(ids));

    const before = f.events();
    const doses = round.rows.map((r, i) => ({ prescriptionId: r.prescriptionId, status: i === 7 ? ('refused' as const) : ('given' as const), note: i === 7 ? 'Không chịu uống' : '' }));
    const result = await f.ok('medical', 'medical.round.record', { date: '2026-09-10', slot: 'morning', doses });
    expect(result).toEqual({ recorded: 100, firstSeq: before + 1, lastSeq: before + 100 });
    expect(f.events()).toBe(before + 100);

    const store = openStore(f.dataDir);
    const rows = store.db
      .prepare<[number], { seq: number; type: string; recorded_at: string; meta: string }>('SELECT seq, type, recorded_at, meta FROM events WHERE seq > ? ORDER BY seq')
      .all(before);
    store.close();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => before + 1 + i));
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['DoseRecorded']));
    // One transaction, one author, one instant.
    expect(new Set(rows.map((r) => r.recorded_at)).size).toBe(1);
    expect(new Set(rows.map((r) => r.meta)).size).toBe(1);

    const after = await f.ok('medical', 'medical.round.get', { date: '2026-09-10', slot: 'morning' });
    expect(after.rows.filter((r) => r.recorded?.status === 'given')).toHaveLength(99);
    expect(after.rows.find((r) => r.prescriptionId === doses[7]!.prescriptionId)!.recorded).toMatchObject({ status: 'refused', note: 'Không chịu uống' });
    f.service.close();
  });

  it('refuses the whole round when one row is wrong, naming the row; nothing is written', async () => {
    const c = clock('2026-09-10T08:30:00');
    const f = await medicalFixture(3, c.now);
    const [a, b, d] = f.traineeIds as [string, string, string];
    const [item] = await formulary(f);
    const write = (traineeId: string, slots: ('morning' | 'evening')[], startDate = '2026-09-02') =>
      f.ok('medical', 'medical.prescriptions.write', { traineeId, itemId: item!, dose: '1 viên', slots, startDate, endDate: null, indication: '' });
    const pa = await write(a, ['morning']);
    const pb = await write(b, ['morning']);
    const pEvening = await write(d, ['evening']);
    const pLater = await write(d, ['morning'], '2026-09-11');
    const pStopped = await write(d, ['morning']);
    await f.ok('medical', 'medical.prescriptions.discontinue', { traineeId: d, prescriptionId: pStopped.prescriptionId, date: '2026-09-09', reason: 'Hết triệu chứng' });
    await f.ok('medical', 'medical.round.record', { date: '2026-09-10', slot: 'morning', doses: [{ prescriptionId: pb.prescriptionId, status: 'given', note: '' }] });
    const before = f.events();

    const good = { prescriptionId: pa.prescriptionId, status: 'given' as const, note: '' };
    const bad: [string, string][] = [
      [pb.prescriptionId, 'doseAlreadyRecorded'],
      [pEvening.prescriptionId, 'doseNotDue'],
      [pLater.prescriptionId, 'doseNotDue'],
      [pStopped.prescriptionId, 'prescriptionNotActive'],
      ['5b1e0f8e-6a39-4f5e-8f51-7c1e2a9d4e10', 'unknownPrescription'],
      [pa.prescriptionId, 'doseAlreadyRecorded'],
    ];
    for (const [prescriptionId, code] of bad) {
      const r = await f.as('medical', 'medical.round.record', { date: '2026-09-10', slot: 'morning', doses: [good, { prescriptionId, status: 'given', note: '' }] });
      expect(r, code).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'doses.1', code, params: { row: 2 } }] } });
      if (!r.ok) expect(r.error.message).toContain('row 2');
    }
    const named = await f.as('medical', 'medical.round.record', { date: '2026-09-10', slot: 'morning', doses: [good, { prescriptionId: pb.prescriptionId, status: 'given', note: '' }] });
    expect(named).toMatchObject({ ok: false, error: { issues: [{ params: { name: 'Trần Thị Hoà', item: expect.any(String) as string } }] } });

    const future = await f.as('medical', 'medical.round.record', { date: '2026-09-11', slot: 'morning', doses: [good] });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'date', code: 'dateInFuture' }] } });
    const badInput = await f.as('medical', 'medical.round.record', { date: '2026-09-10', slot: 'lunch' as 'noon', doses: [{ ...good, status: 'swallowed' as 'given' }] });
    expect(badInput).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: expect.arrayContaining([{ path: 'slot', code: 'invalidChoice' }, { path: 'doses.0.status', code: 'invalidChoice' }]) } });
    const empty = await f.as('medical', 'medical.round.record', { date: '2026-09-10', slot: 'morning', doses: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'doses', code: 'required' }] } });
    for (const role of ['admin', 'duty', 'teacher', 'instructor'] as const) {
      expect(await f.as(role, 'medical.round.record', { date: '2026-09-10', slot: 'morning', doses: [good] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(f.events()).toBe(before);

    // A late record of a day before the stop is still a dose of that prescription.
    await f.ok('medical', 'medical.round.record', { date: '2026-09-08', slot: 'morning', doses: [{ prescriptionId: pStopped.prescriptionId, status: 'given', note: '' }] });
    expect(f.events()).toBe(before + 1);
    f.service.close();
  });

  it('shows doses not recorded as missed once the slot has ended, without writing anything', async () => {
    const c = clock('2026-09-10T10:59:00');
    const f = await medicalFixture(2, c.now);
    const [a, b] = f.traineeIds as [string, string];
    const [item] = await formulary(f);
    const pa = await f.ok('medical', 'medical.prescriptions.write', { traineeId: a, itemId: item!, dose: '1 viên', slots: ['morning'], startDate: '2026-09-10', endDate: null, indication: '' });
    await f.ok('medical', 'medical.prescriptions.write', { traineeId: b, itemId: item!, dose: '1 viên', slots: ['morning', 'night'], startDate: '2026-09-10', endDate: null, indication: '' });
    await f.ok('medical', 'medical.round.record', { date: '2026-09-10', slot: 'morning', doses: [{ prescriptionId: pa.prescriptionId, status: 'held', note: 'Huyết áp thấp' }] });

    let round = await f.ok('medical', 'medical.round.get', { date: '2026-09-10', slot: 'morning' });
    expect(round.slotEnded).toBe(false);
    expect(round.rows.map((r) => [r.traineeName, r.recorded?.status ?? null, r.missed])).toEqual([
      ['Nguyễn Văn Bình', 'held', false],
      ['Trần Thị Hoà', null, false],
    ]);
    const before = f.events();
    c.set('2026-09-10T11:00:00');
    round = await f.ok('medical', 'medical.round.get', { date: '2026-09-10', slot: 'morning' });
    expect(round.slotEnded).toBe(true);
    expect(round.rows.map((r) => [r.recorded?.status ?? null, r.missed])).toEqual([
      ['held', false],
      [null, true],
    ]);
    const night = await f.ok('medical', 'medical.round.get', { date: '2026-09-10', slot: 'night' });
    expect(night.rows.map((r) => [r.traineeName, r.missed])).toEqual([['Trần Thị Hoà', false]]);
    // Yesterday, before the prescriptions began: nothing due.
    expect((await f.ok('medical', 'medical.round.get', { date: '2026-09-09', slot: 'morning' })).rows).toEqual([]);
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('leaves out released trainees and prescriptions stopped before the day', async () => {
    const c = clock('2026-09-10T08:00:00');
    const f = await medicalFixture(2, c.now);
    const [a, b] = f.traineeIds as [string, string];
    const [item] = await formulary(f);
    for (const traineeId of [a, b]) {
      await f.ok('medical', 'medical.prescriptions.write', { traineeId, itemId: item!, dose: '1 viên', slots: ['morning'], startDate: '2026-09-02', endDate: null, indication: '' });
    }
    await f.ok('admin', 'trainees.release', { traineeId: b, releaseDate: '2026-09-09', kind: 'transferred', note: '' });
    expect((await f.ok('medical', 'medical.round.get', { date: '2026-09-10', slot: 'morning' })).rows.map((r) => r.traineeId)).toEqual([a]);
    // On a day before the release both were due (a late round for that day).
    expect((await f.ok('medical', 'medical.round.get', { date: '2026-09-08', slot: 'morning' })).rows).toHaveLength(2);
    f.service.close();
  });
});
