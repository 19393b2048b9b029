import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../shared/events';
import { SenError } from '../../../shared/errors';
import { addRoom, assignBed, changeRoom, closeRoom, foldBeds, foldLayout, moveBed, vacateBed, type PlaceContext } from '../../../electron/core/duty/housing/decider';

const T = '00000000-0000-4000-8000-000000000101';
const DORM = '00000000-0000-4000-8000-0000000000d1';
const R1 = '00000000-0000-4000-8000-0000000000a1';
const R2 = '00000000-0000-4000-8000-0000000000a2';

let seq = 0;
function stored<E extends { type: string; data: unknown }>(e: E, version: number): StoredEvent {
  seq += 1;
  return { seq, stream: 's', version, type: e.type, schema: 1, data: e.data, meta: {}, occurredAt: '2026-11-01', recordedAt: '2026-11-01T00:00:00Z' } as unknown as StoredEvent;
}

const ctx = (over: Partial<PlaceContext> = {}): PlaceContext => ({
  today: '2026-11-20',
  admissionDate: '2026-09-01',
  released: false,
  room: { capacity: 2, closedDate: null },
  occupant: null,
  warnings: [],
  ...over,
});

function code(f: () => unknown): string {
  try {
    f();
    return 'accepted';
  } catch (e) {
    if (!(e instanceof SenError)) throw e;
    return e.issues?.length ? `${e.code}:${e.issues.map((i) => `${i.path}=${i.code}`).join(',')}` : e.code;
  }
}

describe('housing decider: beds', () => {
  const empty = foldBeds([]);
  const assign = { traineeId: T, roomId: R1, bed: 1, date: '2026-11-10', override: null };
  const housed = foldBeds([stored({ type: 'BedAssigned', data: { ...assign } }, 1)]);

  it('assigns a free bed; refuses a taken one, a closed room, an unknown bed, a released trainee, a future or pre-admission date', () => {
    expect(assignBed(empty, assign, ctx())).toEqual([{ type: 'BedAssigned', data: assign, occurredAt: '2026-11-10' }]);
    expect(code(() => assignBed(empty, assign, ctx({ occupant: 'someone-else' })))).toBe('BED_TAKEN');
    expect(code(() => assignBed(empty, assign, ctx({ room: { capacity: 2, closedDate: '2026-11-01' } })))).toBe('ROOM_CLOSED');
    expect(code(() => assignBed(empty, { ...assign, bed: 3 }, ctx()))).toBe('VALIDATION:bed=unknownBed');
    expect(code(() => assignBed(empty, assign, ctx({ room: null })))).toBe('NOT_FOUND');
    expect(code(() => assignBed(empty, assign, ctx({ released: true })))).toBe('ALREADY_RELEASED');
    expect(code(() => assignBed(empty, { ...assign, date: '2026-11-21' }, ctx()))).toBe('VALIDATION:date=dateInFuture');
    expect(code(() => assignBed(empty, { ...assign, date: '2026-08-31' }, ctx()))).toBe('VALIDATION:date=beforeAdmission');
    expect(code(() => assignBed(housed, assign, ctx()))).toBe('CONFLICT');
  });

  it('warnings refuse the placement unless overridden with a reason, which is recorded with the warning codes', () => {
    const warned = ctx({ warnings: [{ code: 'overCapacity' }, { code: 'keepApart', otherTraineeId: 'x', level: 'room' }, { code: 'keepApart', otherTraineeId: 'y', level: 'dorm' }] });
    let error: unknown;
    try {
      assignBed(empty, assign, warned);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SenError);
    expect((error as SenError).code).toBe('HOUSING_WARNINGS');
    expect((error as SenError).params).toEqual({ warnings: 'overCapacity,keepApart' });
    const [e] = assignBed(empty, { ...assign, override: { reason: 'Hết phòng' } }, warned);
    expect(e!.data.override).toEqual({ reason: 'Hết phòng', warnings: ['overCapacity', 'keepApart'] });
    // No warnings: a stray override is not recorded.
    expect(assignBed(empty, { ...assign, override: { reason: 'x' } }, ctx())[0]!.data.override).toBeNull();
  });

  it('moves from the current bed (named in the event), not before it was taken; vacates; a trainee without a bed cannot move or vacate', () => {
    const move = { traineeId: T, roomId: R2, bed: 1, date: '2026-11-12', reason: 'Đổi phòng', override: null };
    expect(moveBed(housed, move, ctx())[0]!.data).toMatchObject({ from: { roomId: R1, bed: 1 }, to: { roomId: R2, bed: 1 } });
    expect(code(() => moveBed(housed, { ...move, date: '2026-11-09' }, ctx()))).toBe('VALIDATION:date=beforeCurrentBed');
    expect(code(() => moveBed(housed, { ...move, roomId: R1 }, ctx()))).toBe('NOTHING_CHANGED');
    expect(code(() => moveBed(empty, move, ctx()))).toBe('NO_BED');
    // Moving within the room to a bed the trainee holds is not "taken".
    expect(code(() => moveBed(housed, { ...move, roomId: R1, bed: 2 }, ctx({ occupant: T })))).toBe('accepted');
    expect(vacateBed(housed, { traineeId: T, date: '2026-11-15', reason: 'Ra trại' }, ctx())[0]!.data).toEqual({ traineeId: T, roomId: R1, bed: 1, date: '2026-11-15', reason: 'Ra trại' });
    expect(code(() => vacateBed(empty, { traineeId: T, date: '2026-11-15', reason: 'x' }, ctx()))).toBe('NO_BED');
    const moved = foldBeds([stored({ type: 'BedAssigned', data: assign }, 1), stored({ type: 'BedMoved', data: { traineeId: T, from: { roomId: R1, bed: 1 }, to: { roomId: R2, bed: 1 }, date: '2026-11-12', reason: '', override: null } }, 2)]);
    expect(moved).toEqual({ version: 2, current: { roomId: R2, bed: 1, since: '2026-11-12' }, lastDate: '2026-11-12' });
  });
});

describe('housing decider: layout', () => {
  const layout = foldLayout([
    stored({ type: 'DormAdded', data: { dormId: DORM, name: 'Khu A' } }, 1),
    stored({ type: 'RoomAdded', data: { roomId: R1, dormId: DORM, name: 'A1', capacity: 4, separateHousing: false } }, 2),
  ]);

  it('room names are unique per dorm among open rooms; a change must change something; only an empty room closes, not in the future', () => {
    expect(code(() => addRoom(layout, { dormId: DORM, name: 'a1', capacity: 2, separateHousing: false }, R2))).toBe('VALIDATION:name=duplicateRoomName');
    expect(code(() => addRoom(layout, { dormId: R2, name: 'B1', capacity: 2, separateHousing: false }, R2))).toBe('NOT_FOUND');
    expect(code(() => changeRoom(layout, { roomId: R1, capacity: 4, separateHousing: false }))).toBe('NOTHING_CHANGED');
    expect(changeRoom(layout, { roomId: R1, capacity: 3, separateHousing: true })).toEqual([{ type: 'RoomChanged', data: { roomId: R1, capacity: 3, separateHousing: true } }]);
    expect(code(() => closeRoom(layout, { roomId: R1, date: '2026-11-20' }, { today: '2026-11-20', occupied: 1 }))).toBe('ROOM_OCCUPIED');
    expect(code(() => closeRoom(layout, { roomId: R1, date: '2026-11-21' }, { today: '2026-11-20', occupied: 0 }))).toBe('VALIDATION:date=dateInFuture');
    const closed = foldLayout([stored({ type: 'DormAdded', data: { dormId: DORM, name: 'Khu A' } }, 1), stored({ type: 'RoomAdded', data: { roomId: R1, dormId: DORM, name: 'A1', capacity: 4, separateHousing: false } }, 2), stored({ type: 'RoomClosed', data: { roomId: R1, date: '2026-11-19' } }, 3)]);
    expect(code(() => changeRoom(closed, { roomId: R1, capacity: 3, separateHousing: true }))).toBe('ROOM_CLOSED');
    // A closed room's name may be used again.
    expect(code(() => addRoom(closed, { dormId: DORM, name: 'A1', capacity: 2, separateHousing: false }, R2))).toBe('accepted');
  });
});
