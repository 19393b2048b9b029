import type { HousingWarning } from '../../../../shared/duty/housing';
import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent, StoredEvent } from '../../../../shared/events';

/**
 * The housing deciders. Pure: the layout and a trainee's `housing:<id>` stream are folded here;
 * what other streams know (who is in the bed asked for, the warnings, the trainee's admission)
 * comes in through the context, read from the projections by the handlers.
 */

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

// ---- Layout -------------------------------------------------------------------------------

export interface LayoutState {
  version: number;
  dorms: Map<string, { name: string }>;
  rooms: Map<string, { dormId: string; name: string; capacity: number; separateHousing: boolean; closedDate: string | null }>;
}

export function foldLayout(events: readonly StoredEvent[]): LayoutState {
  const state: LayoutState = { version: events.at(-1)?.version ?? 0, dorms: new Map(), rooms: new Map() };
  for (const e of events) {
    switch (e.type) {
      case 'DormAdded':
        state.dorms.set(e.data.dormId, { name: e.data.name });
        break;
      case 'RoomAdded':
        state.rooms.set(e.data.roomId, { dormId: e.data.dormId, name: e.data.name, capacity: e.data.capacity, separateHousing: e.data.separateHousing, closedDate: null });
        break;
      case 'RoomChanged': {
        const r = state.rooms.get(e.data.roomId);
        if (r) Object.assign(r, { capacity: e.data.capacity, separateHousing: e.data.separateHousing });
        break;
      }
      case 'RoomClosed': {
        const r = state.rooms.get(e.data.roomId);
        if (r) r.closedDate = e.data.date;
        break;
      }
      default:
        break;
    }
  }
  return state;
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'vi', { sensitivity: 'base' }) === 0;

export function addDorm(state: LayoutState, cmd: { name: string }, dormId: string): NewEvent<'DormAdded'>[] {
  if ([...state.dorms.values()].some((d) => sameName(d.name, cmd.name))) refuse([{ path: 'name', code: 'duplicateRoomName' }]);
  return [{ type: 'DormAdded', data: { dormId, name: cmd.name } }];
}

export function addRoom(state: LayoutState, cmd: { dormId: string; name: string; capacity: number; separateHousing: boolean }, roomId: string): NewEvent<'RoomAdded'>[] {
  if (!state.dorms.has(cmd.dormId)) throw new SenError('NOT_FOUND', 'No such dorm.');
  // A closed room's name may be used again: the old one stays in history under its id.
  if ([...state.rooms.values()].some((r) => r.dormId === cmd.dormId && r.closedDate === null && sameName(r.name, cmd.name))) refuse([{ path: 'name', code: 'duplicateRoomName' }]);
  return [{ type: 'RoomAdded', data: { roomId, ...cmd } }];
}

function openRoom(state: LayoutState, roomId: string) {
  const room = state.rooms.get(roomId);
  if (!room) throw new SenError('NOT_FOUND', 'No such room.');
  if (room.closedDate !== null) throw new SenError('ROOM_CLOSED', 'This room is closed.');
  return room;
}

/** Lowering the capacity below the people in the room is allowed (a broken bed): the board then warns "over capacity". */
export function changeRoom(state: LayoutState, cmd: { roomId: string; capacity: number; separateHousing: boolean }): NewEvent<'RoomChanged'>[] {
  const room = openRoom(state, cmd.roomId);
  if (room.capacity === cmd.capacity && room.separateHousing === cmd.separateHousing) throw new SenError('NOTHING_CHANGED', 'Nothing to change.');
  return [{ type: 'RoomChanged', data: cmd }];
}

export function closeRoom(state: LayoutState, cmd: { roomId: string; date: string }, ctx: { today: string; occupied: number }): NewEvent<'RoomClosed'>[] {
  openRoom(state, cmd.roomId);
  if (cmd.date > ctx.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (ctx.occupied > 0) throw new SenError('ROOM_OCCUPIED', 'People still sleep in this room.');
  return [{ type: 'RoomClosed', data: cmd, occurredAt: cmd.date }];
}

// ---- Beds ---------------------------------------------------------------------------------

export interface BedState {
  version: number;
  current: { roomId: string; bed: number; since: string } | null;
  /** The date of the latest bed event: a new one cannot be earlier. */
  lastDate: string | null;
}

export function foldBeds(events: readonly StoredEvent[]): BedState {
  const state: BedState = { version: events.at(-1)?.version ?? 0, current: null, lastDate: null };
  for (const e of events) {
    switch (e.type) {
      case 'BedAssigned':
        state.current = { roomId: e.data.roomId, bed: e.data.bed, since: e.data.date };
        state.lastDate = e.data.date;
        break;
      case 'BedMoved':
        state.current = { roomId: e.data.to.roomId, bed: e.data.to.bed, since: e.data.date };
        state.lastDate = e.data.date;
        break;
      case 'BedVacated':
        state.current = null;
        state.lastDate = e.data.date;
        break;
      default:
        break;
    }
  }
  return state;
}

/** The trainee, the room asked for, who is in that bed, and the warnings the placement raises. */
export interface PlaceContext {
  today: string;
  admissionDate: string;
  released: boolean;
  room: { capacity: number; closedDate: string | null } | null;
  occupant: string | null;
  warnings: readonly HousingWarning[];
}

function checkDate(state: BedState, date: string, ctx: { today: string; admissionDate: string }): void {
  if (date > ctx.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (date < ctx.admissionDate) refuse([{ path: 'date', code: 'beforeAdmission' }]);
  if (state.lastDate !== null && date < state.lastDate) refuse([{ path: 'date', code: 'beforeCurrentBed' }]);
}

/** The checks an assign and a move share; returns the override to record (null without warnings). */
function checkPlace(traineeId: string, cmd: { bed: number; override: { reason: string } | null }, ctx: PlaceContext) {
  if (ctx.released) throw new SenError('ALREADY_RELEASED', 'This trainee has already been released.');
  if (!ctx.room) throw new SenError('NOT_FOUND', 'No such room.');
  if (ctx.room.closedDate !== null) throw new SenError('ROOM_CLOSED', 'This room is closed.');
  if (cmd.bed > ctx.room.capacity) refuse([{ path: 'bed', code: 'unknownBed' }]);
  if (ctx.occupant !== null && ctx.occupant !== traineeId) throw new SenError('BED_TAKEN', 'Someone is already in this bed.');
  if (ctx.warnings.length === 0) return null;
  const codes = [...new Set(ctx.warnings.map((w) => w.code))];
  if (!cmd.override) throw new SenError('HOUSING_WARNINGS', `This placement raises warnings: ${codes.join(', ')}.`, undefined, { warnings: codes.join(',') });
  return { reason: cmd.override.reason, warnings: codes };
}

export function assignBed(
  state: BedState,
  cmd: { traineeId: string; roomId: string; bed: number; date: string; override: { reason: string } | null },
  ctx: PlaceContext,
): NewEvent<'BedAssigned'>[] {
  if (state.current) throw new SenError('CONFLICT', 'This trainee already has a bed: move them instead.');
  const override = checkPlace(cmd.traineeId, cmd, ctx);
  checkDate(state, cmd.date, ctx);
  return [{ type: 'BedAssigned', data: { traineeId: cmd.traineeId, roomId: cmd.roomId, bed: cmd.bed, date: cmd.date, override }, occurredAt: cmd.date }];
}

export function moveBed(
  state: BedState,
  cmd: { traineeId: string; roomId: string; bed: number; date: string; reason: string; override: { reason: string } | null },
  ctx: PlaceContext,
): NewEvent<'BedMoved'>[] {
  const from = state.current;
  if (!from) throw new SenError('NO_BED', 'This trainee has no bed: assign one first.');
  if (from.roomId === cmd.roomId && from.bed === cmd.bed) throw new SenError('NOTHING_CHANGED', 'The trainee is already in this bed.');
  const override = checkPlace(cmd.traineeId, cmd, ctx);
  checkDate(state, cmd.date, ctx);
  return [
    {
      type: 'BedMoved',
      data: { traineeId: cmd.traineeId, from: { roomId: from.roomId, bed: from.bed }, to: { roomId: cmd.roomId, bed: cmd.bed }, date: cmd.date, reason: cmd.reason, override },
      occurredAt: cmd.date,
    },
  ];
}

/** Vacating is allowed after release too: the bed of someone who left must be freed. */
export function vacateBed(state: BedState, cmd: { traineeId: string; date: string; reason: string }, ctx: { today: string; admissionDate: string }): NewEvent<'BedVacated'>[] {
  const from = state.current;
  if (!from) throw new SenError('NO_BED', 'This trainee has no bed.');
  checkDate(state, cmd.date, ctx);
  return [{ type: 'BedVacated', data: { traineeId: cmd.traineeId, roomId: from.roomId, bed: from.bed, date: cmd.date, reason: cmd.reason }, occurredAt: cmd.date }];
}
