import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { RELEASE_KINDS } from '../../../shared/admissions';
import type { HandlerName } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import { bedOf, housingWarnings } from '../../../electron/core/duty/housing/queries';
import { cleanupTempDirs, openStore, projectionSnapshot } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** Midday UTC: the same calendar day (2026-11-20) wherever the tests run. */
const NOW = () => new Date('2026-11-20T05:00:00.000Z');

/** Dorm A: room A1 (2 beds), A2 (2 beds, separate housing); dorm B: room B1 (3 beds). */
async function facility(f: MedicalFixture) {
  const { dormId: a } = await f.ok('admin', 'housing.addDorm', { name: 'Khu A' });
  const { dormId: b } = await f.ok('admin', 'housing.addDorm', { name: 'Khu B' });
  const { roomId: a1 } = await f.ok('admin', 'housing.addRoom', { dormId: a, name: 'A1', capacity: 2, separateHousing: false });
  const { roomId: a2 } = await f.ok('admin', 'housing.addRoom', { dormId: a, name: 'A2', capacity: 2, separateHousing: true });
  const { roomId: b1 } = await f.ok('admin', 'housing.addRoom', { dormId: b, name: 'B1', capacity: 3, separateHousing: false });
  return { dorms: { a, b }, a1, a2, b1 };
}

function refusal(r: { ok: true } | { ok: false; error: { code: string; issues?: { path: string; code: string }[] } }): string {
  if (r.ok) return 'accepted';
  return r.error.issues?.length ? `${r.error.code}:${r.error.issues.map((i) => `${i.path}=${i.code}`).join(',')}` : r.error.code;
}

describe('housing through the service', () => {
  it('the admin lays out dorms and rooms; duty assigns, moves and vacates; the board and the timeline show it', async () => {
    const f = await medicalFixture(3, NOW);
    const [t1, t2, t3] = f.traineeIds as [string, string, string];
    const { a1, b1, dorms } = await facility(f);

    await f.ok('duty', 'housing.assign', { traineeId: t1, roomId: a1, bed: 1, date: '2026-11-10', override: null });
    await f.ok('duty', 'housing.assign', { traineeId: t2, roomId: a1, bed: 2, date: '2026-11-10', override: null });
    await f.ok('duty', 'housing.move', { traineeId: t2, roomId: b1, bed: 3, date: '2026-11-12', reason: 'Đổi phòng', override: null });
    await f.ok('duty', 'housing.vacate', { traineeId: t1, date: '2026-11-15', reason: 'Chuyển đi' });

    const board = await f.ok('duty', 'housing.board', {});
    expect(board.rooms.map((r) => [r.name, r.occupants.map((o) => [o.traineeId, o.bed])])).toEqual([
      ['A1', []],
      ['A2', []],
      ['B1', [[t2, 3]]],
    ]);
    expect(board.unassigned.map((u) => u.traineeId).sort()).toEqual([t1, t3].sort());

    const store = openStore(f.dataDir);
    expect(bedOf(store.db, t2)).toEqual({ roomId: b1, dormId: dorms.b, bed: 3 });
    expect(bedOf(store.db, t1)).toBeNull();
    store.close();

    const timeline = await f.ok('duty', 'trainees.timeline', { traineeId: t2 });
    expect(timeline.filter((e) => e.type.startsWith('Bed')).map((e) => e.type)).toEqual(['BedMoved', 'BedAssigned']);
    const layout = await f.ok('duty', 'housing.layout', {});
    expect(layout.dorms.map((d) => [d.name, d.rooms.map((r) => [r.name, r.occupied])])).toEqual([
      ['Khu A', [['A1', 0], ['A2', 0]]],
      ['Khu B', [['B1', 1]]],
    ]);
    f.service.close();
  });

  it('refuses a taken bed, a closed room, a released trainee, an unknown bed, future dates; writes nothing', async () => {
    const f = await medicalFixture(3, NOW);
    const [t1, t2, t3] = f.traineeIds as [string, string, string];
    const { a1, a2, b1 } = await facility(f);
    await f.ok('duty', 'housing.assign', { traineeId: t1, roomId: a1, bed: 1, date: '2026-11-10', override: null });
    await f.ok('admin', 'housing.closeRoom', { roomId: b1, date: '2026-11-19' });
    await f.ok('admin', 'trainees.release', { traineeId: t3, releaseDate: '2026-11-19', kind: RELEASE_KINDS[0], note: '' });
    const before = f.events();
    const assign = (input: object) => f.as('duty', 'housing.assign', { traineeId: t2, roomId: a1, bed: 2, date: '2026-11-19', override: null, ...input } as never);

    expect(refusal(await assign({ bed: 1 }))).toBe('BED_TAKEN');
    expect(refusal(await assign({ roomId: b1, bed: 1 }))).toBe('ROOM_CLOSED');
    expect(refusal(await assign({ bed: 3 }))).toBe('VALIDATION:bed=unknownBed');
    expect(refusal(await assign({ bed: 0 }))).toBe('VALIDATION:bed=outOfRange');
    expect(refusal(await assign({ date: '2026-11-21' }))).toBe('VALIDATION:date=dateInFuture');
    expect(refusal(await assign({ date: '21/11/2026' }))).toBe('VALIDATION:date=invalidDate');
    expect(refusal(await assign({ override: { reason: '  ' } }))).toBe('VALIDATION:override.reason=required');
    expect(refusal(await f.as('duty', 'housing.move', { traineeId: t1, roomId: a1, bed: 2, date: '2026-11-09', reason: 'x', override: null }))).toBe('VALIDATION:date=beforeCurrentBed');
    expect(refusal(await f.as('duty', 'housing.move', { traineeId: t1, roomId: a1, bed: 2, date: '2026-11-19', reason: '', override: null }))).toBe('VALIDATION:reason=required');
    expect(refusal(await f.as('duty', 'housing.vacate', { traineeId: t2, date: '2026-11-19', reason: 'x' }))).toBe('NO_BED');
    expect(refusal(await f.as('admin', 'housing.closeRoom', { roomId: a1, date: '2026-11-19' }))).toBe('ROOM_OCCUPIED');
    expect(refusal(await f.as('admin', 'housing.addRoom', { dormId: (await f.ok('duty', 'housing.layout', {})).dorms[0]!.dormId, name: 'a1', capacity: 2, separateHousing: false }))).toBe(
      'VALIDATION:name=duplicateRoomName',
    );
    expect(refusal(await f.as('admin', 'housing.addRoom', { dormId: a2, name: 'X', capacity: 2, separateHousing: false }))).toBe('NOT_FOUND');
    expect(refusal(await f.as('admin', 'housing.changeRoom', { roomId: a1, capacity: 0, separateHousing: false }))).toBe('VALIDATION:capacity=outOfRange');

    // A released trainee gets no bed.
    expect(refusal(await f.as('duty', 'housing.assign', { traineeId: t3, roomId: a1, bed: 2, date: '2026-11-19', override: null }))).toBe('ALREADY_RELEASED');
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('permissions: the layout is the admin\'s, the board the duty officers\'', async () => {
    const f = await medicalFixture(1, NOW);
    const [t1] = f.traineeIds as [string];
    const { a1 } = await facility(f);
    const before = f.events();
    const calls: [Role, HandlerName, object][] = [
      ['duty', 'housing.addDorm', { name: 'Khu C' }],
      ['medical', 'housing.addRoom', { dormId: a1, name: 'C1', capacity: 2, separateHousing: false }],
      ['admin', 'housing.assign', { traineeId: t1, roomId: a1, bed: 1, date: '2026-11-19', override: null }],
      ['medical', 'housing.board', {}],
      ['teacher', 'housing.layout', {}],
      ['instructor', 'housing.check', { traineeId: t1, roomId: a1, bed: 1 }],
    ];
    for (const [role, name, input] of calls) expect(refusal(await f.as(role, name, input as never)), `${role} ${name}`).toBe('FORBIDDEN');
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('warns before recording: flagged trainee in a shared room, over capacity, keep-apart pair; records anyway only with a reason', async () => {
    const f = await medicalFixture(4, NOW);
    const [t1, t2, t3, t4] = f.traineeIds as [string, string, string, string];
    const { a1, a2, b1 } = await facility(f);
    await f.ok('medical', 'medical.flags.setHousing', { traineeId: t1, reason: 'infectious_isolation', note: 'GHI-CHU-KIN', since: '2026-11-10', reviewDate: '2026-11-30' });
    await f.ok('duty', 'housing.assign', { traineeId: t2, roomId: a1, bed: 1, date: '2026-11-10', override: null });

    // Flagged trainee into a shared room with someone: warned; into the separate-housing room: fine.
    const check = await f.ok('duty', 'housing.check', { traineeId: t1, roomId: a1, bed: 2 });
    expect(check.warnings).toEqual([{ code: 'flaggedSharedRoom' }]);
    expect(JSON.stringify(check)).not.toContain('GHI-CHU-KIN');
    expect((await f.ok('duty', 'housing.check', { traineeId: t1, roomId: a2, bed: 1 })).warnings).toEqual([]);

    const before = f.events();
    const r = await f.as('duty', 'housing.assign', { traineeId: t1, roomId: a1, bed: 2, date: '2026-11-19', override: null });
    expect(refusal(r)).toBe('HOUSING_WARNINGS');
    expect(!r.ok && r.error.params).toEqual({ warnings: 'flaggedSharedRoom' });
    expect(f.events()).toBe(before);
    await f.ok('duty', 'housing.assign', { traineeId: t1, roomId: a1, bed: 2, date: '2026-11-19', override: { reason: 'Phòng riêng đang sửa' } });
    const timeline = await f.ok('duty', 'trainees.timeline', { traineeId: t1 });
    expect(timeline.find((e) => e.type === 'BedAssigned')?.data).toMatchObject({ override: { reason: 'Phòng riêng đang sửa', warnings: ['flaggedSharedRoom'] } });

    // Lowering the capacity under the occupants: the next placement warns "over capacity".
    await f.ok('admin', 'housing.changeRoom', { roomId: a1, capacity: 1, separateHousing: false });
    expect((await f.ok('duty', 'housing.check', { traineeId: t3, roomId: a1, bed: 1 })).warnings.map((w) => w.code)).toContain('overCapacity');

    // Keep-apart: a dorm-level rule between t3 and t4 warns in another room of the same dorm.
    await f.ok('duty', 'housing.assign', { traineeId: t4, roomId: b1, bed: 1, date: '2026-11-19', override: null });
    const store = openStore(f.dataDir);
    store.db.exec(`CREATE TABLE IF NOT EXISTS keep_apart_rules (id TEXT PRIMARY KEY, trainee_a TEXT, trainee_b TEXT, level TEXT, reason TEXT, role_a TEXT, role_b TEXT,
      review_date TEXT, ended_date TEXT, seq INTEGER)`);
    store.db.prepare('DELETE FROM keep_apart_rules').run();
    const rule = store.db.prepare("INSERT INTO keep_apart_rules (id, trainee_a, trainee_b, level, reason, role_a, role_b, review_date, ended_date, seq) VALUES (?, ?, ?, ?, 'threat', 'x', 'y', '2026-12-01', NULL, 1)");
    rule.run('r1', t4, t3, 'dorm');
    const room = store.db.prepare("UPDATE keep_apart_rules SET level = 'room'");
    // t3 into b1 (t4's room): warned at dorm level; a room-level rule warns in the same room only.
    expect(housingWarnings(store.db, t3, b1)).toEqual([{ code: 'keepApart', otherTraineeId: t4, otherName: 'Hoàng Đức Thắng', level: 'dorm' }]);
    expect(housingWarnings(store.db, t3, a2)).toEqual([]);
    room.run();
    expect(housingWarnings(store.db, t3, b1).map((w) => w.level)).toEqual(['room']);
    store.db.prepare("UPDATE keep_apart_rules SET ended_date = '2026-11-19'").run();
    expect(housingWarnings(store.db, t3, b1)).toEqual([]);
    store.close();
    f.service.close();
  });
});

describe('keep-apart through the service', () => {
  it('a room-level rule warns only in the same room; assigning the pair together is refused until recorded anyway with a reason', async () => {
    const f = await medicalFixture(2, NOW);
    const [t1, t2] = f.traineeIds as [string, string];
    const { a1, a2 } = await facility(f);
    await f.ok('duty', 'duty.keepApart.set', { traineeA: t1, traineeB: t2, level: 'room', reason: 'threat', note: '', roleA: 'victim', roleB: 'perpetrator', reviewDate: '2026-12-20' });
    await f.ok('duty', 'housing.assign', { traineeId: t1, roomId: a1, bed: 1, date: '2026-11-19', override: null });
    expect((await f.ok('duty', 'housing.check', { traineeId: t2, roomId: a1, bed: 2 })).warnings).toEqual([{ code: 'keepApart', otherTraineeId: t1, otherName: 'Nguyễn Văn Bình', level: 'room' }]);
    expect((await f.ok('duty', 'housing.check', { traineeId: t2, roomId: a2, bed: 1 })).warnings).toEqual([]);
    const before = f.events();
    expect(refusal(await f.as('duty', 'housing.assign', { traineeId: t2, roomId: a1, bed: 2, date: '2026-11-19', override: null }))).toBe('HOUSING_WARNINGS');
    expect(f.events()).toBe(before);
    await f.ok('duty', 'housing.assign', { traineeId: t2, roomId: a1, bed: 2, date: '2026-11-19', override: { reason: 'Tạm thời một đêm' } });
    expect(f.events()).toBe(before + 1);
    f.service.close();
  });
});

describe('the housing board after random moves equals a rebuild', () => {
  it('property: any sequence of assign / move / vacate / room changes leaves the same tables as a rebuild', async () => {
    const f = await medicalFixture(5, NOW);
    const { a1, a2, b1 } = await facility(f);
    const rooms = [a1, a2, b1];
    type Step = { kind: 'assign' | 'move' | 'vacate' | 'capacity'; who: number; room: number; bed: number; day: number };
    const step = fc.record({
      kind: fc.constantFrom('assign' as const, 'move' as const, 'vacate' as const, 'capacity' as const),
      who: fc.nat({ max: 4 }),
      room: fc.nat({ max: 2 }),
      bed: fc.integer({ min: 1, max: 3 }),
      day: fc.integer({ min: 1, max: 20 }),
    });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps: Step[]) => {
        for (const s of steps) {
          const traineeId = f.traineeIds[s.who]!;
          const roomId = rooms[s.room]!;
          const date = `2026-11-${String(s.day).padStart(2, '0')}`;
          const override = { reason: 'Ghi nhận dù có cảnh báo' };
          const r =
            s.kind === 'assign'
              ? await f.as('duty', 'housing.assign', { traineeId, roomId, bed: s.bed, date, override })
              : s.kind === 'move'
                ? await f.as('duty', 'housing.move', { traineeId, roomId, bed: s.bed, date, reason: 'Đổi chỗ', override })
                : s.kind === 'vacate'
                  ? await f.as('duty', 'housing.vacate', { traineeId, date, reason: 'Trả giường' })
                  : await f.as('admin', 'housing.changeRoom', { roomId, capacity: s.bed, separateHousing: s.day % 2 === 0 });
          if (r.ok) accepted++;
        }
        const store = openStore(f.dataDir);
        try {
          const inline = projectionSnapshot(store);
          store.rebuild();
          expect(projectionSnapshot(store)).toEqual(inline);
          // One bed per trainee, one trainee per bed.
          const beds = inline['room_beds'] as { trainee_id: string }[];
          expect(new Set(beds.map((b) => b.trainee_id)).size).toBe(beds.length);
          expect((inline['trainee_beds'] as unknown[]).length).toBe(beds.length);
        } finally {
          store.close();
        }
      }),
      { seed: 20261120, numRuns: 15 },
    );
    expect(accepted).toBeGreaterThan(0);
    f.service.close();
  }, 120_000);
});
