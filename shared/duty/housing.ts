import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { isoDate } from '../admissions';

/**
 * Facility layout (dorms, rooms, beds; rooms for separate housing; capacity) on the `layout`
 * stream, and the housing board (assign, move, vacate beds, with warnings) on `housing:<traineeId>`.
 * A room's beds are numbered 1..capacity. Changing the layout never rewrites history: a room is
 * changed or closed by an event, and the beds people slept in stay in their streams.
 */

const id = z.uuid({ error: 'invalidId' });
const name = z.string().trim().min(1, 'required').max(80, 'tooLong');
const reasonText = z.string().trim().min(1, 'required').max(500, 'tooLong');
const capacity = z.number({ error: 'invalidType' }).int('invalid').min(1, 'outOfRange').max(200, 'outOfRange');
const bed = z.number({ error: 'invalidType' }).int('invalid').min(1, 'outOfRange').max(200, 'outOfRange');

/** Why a placement is questionable, computed before it is recorded (see `housing.check`). */
export const HOUSING_WARNING_CODES = ['flaggedSharedRoom', 'overCapacity', 'keepApart'] as const;
export type HousingWarningCode = (typeof HOUSING_WARNING_CODES)[number];
export const KEEP_APART_LEVELS = ['room', 'dorm', 'area'] as const;

export interface HousingWarning {
  code: HousingWarningCode;
  /** keepApart: the other person of the rule and the rule's level. */
  otherTraineeId?: string;
  otherName?: string;
  level?: (typeof KEEP_APART_LEVELS)[number];
}

/** Recorded with a placement made despite warnings: who decided is in the meta, why is here. */
const overrideData = z.object({ reason: z.string(), warnings: z.array(z.enum(HOUSING_WARNING_CODES)) }).nullable();
const place = z.object({ roomId: z.uuid(), bed: z.number().int() });

export const HOUSING_EVENTS = {
  DormAdded: { schema: 1, data: z.object({ dormId: z.uuid(), name: z.string() }) },
  RoomAdded: { schema: 1, data: z.object({ roomId: z.uuid(), dormId: z.uuid(), name: z.string(), capacity: z.number().int(), separateHousing: z.boolean() }) },
  /** New capacity and separate-housing mark from now on (people already in beds stay). */
  RoomChanged: { schema: 1, data: z.object({ roomId: z.uuid(), capacity: z.number().int(), separateHousing: z.boolean() }) },
  /** No one sleeps here from `date`: only an empty room can be closed. */
  RoomClosed: { schema: 1, data: z.object({ roomId: z.uuid(), date: z.string() }) },
  BedAssigned: { schema: 1, data: z.object({ traineeId: z.uuid(), roomId: z.uuid(), bed: z.number().int(), date: z.string(), override: overrideData }) },
  BedMoved: { schema: 1, data: z.object({ traineeId: z.uuid(), from: place, to: place, date: z.string(), reason: z.string(), override: overrideData }) },
  BedVacated: { schema: 1, data: z.object({ traineeId: z.uuid(), roomId: z.uuid(), bed: z.number().int(), date: z.string(), reason: z.string() }) },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** "Record anyway": a reason is required, and it is logged with the event. */
export const overrideInput = z.object({ reason: reasonText }).strict().nullable();

export const addDormInput = z.object({ name }).strict();
export const addRoomInput = z.object({ dormId: id, name, capacity, separateHousing: z.boolean({ error: 'invalidType' }) }).strict();
export const changeRoomInput = z.object({ roomId: id, capacity, separateHousing: z.boolean({ error: 'invalidType' }) }).strict();
export const closeRoomInput = z.object({ roomId: id, date: isoDate }).strict();
export const checkInput = z.object({ traineeId: id, roomId: id, bed }).strict();
export const assignInput = z.object({ traineeId: id, roomId: id, bed, date: isoDate, override: overrideInput }).strict();
export const moveInput = z.object({ traineeId: id, roomId: id, bed, date: isoDate, reason: reasonText, override: overrideInput }).strict();
export const vacateInput = z.object({ traineeId: id, date: isoDate, reason: reasonText }).strict();

export const HOUSING_HANDLERS = {
  'housing.layout': { input: z.object({}).strict(), permission: 'duty.read', kind: 'query' },
  'housing.addDorm': { input: addDormInput, permission: 'facility.manage', kind: 'command' },
  'housing.addRoom': { input: addRoomInput, permission: 'facility.manage', kind: 'command' },
  'housing.changeRoom': { input: changeRoomInput, permission: 'facility.manage', kind: 'command' },
  'housing.closeRoom': { input: closeRoomInput, permission: 'facility.manage', kind: 'command' },
  /** Every open room with its beds and occupants, and the trainees in care without a bed. */
  'housing.board': { input: z.object({}).strict(), permission: 'duty.read', kind: 'query' },
  /** The warnings a placement would raise, before it is recorded. */
  'housing.check': { input: checkInput, permission: 'duty.read', kind: 'query' },
  'housing.assign': { input: assignInput, permission: 'duty.write', kind: 'command' },
  'housing.move': { input: moveInput, permission: 'duty.write', kind: 'command' },
  'housing.vacate': { input: vacateInput, permission: 'duty.write', kind: 'command' },
} as const satisfies Record<string, HandlerSpec>;

export interface LayoutRoom {
  roomId: string;
  dormId: string;
  name: string;
  capacity: number;
  separateHousing: boolean;
  closedDate: string | null;
  occupied: number;
}
export interface Layout {
  dorms: { dormId: string; name: string; rooms: LayoutRoom[] }[];
}

export interface BoardTrainee {
  traineeId: string;
  fullName: string;
  fileNumber: string;
  /** Separate housing required (a fact from the medical officers, never the reason). */
  separateHousing: boolean;
}
export interface BoardOccupant extends BoardTrainee {
  bed: number;
  since: string;
}
export interface BoardRoom {
  roomId: string;
  dormId: string;
  dormName: string;
  name: string;
  capacity: number;
  separateHousing: boolean;
  occupants: BoardOccupant[];
}
export interface HousingBoardData {
  rooms: BoardRoom[];
  unassigned: BoardTrainee[];
}

/** Output type of each handler above. */
export interface HousingOutputs {
  'housing.layout': Layout;
  'housing.addDorm': { dormId: string };
  'housing.addRoom': { roomId: string };
  'housing.changeRoom': { seq: number };
  'housing.closeRoom': { seq: number };
  'housing.board': HousingBoardData;
  'housing.check': { warnings: HousingWarning[] };
  'housing.assign': { seq: number };
  'housing.move': { seq: number };
  'housing.vacate': { seq: number };
}

/** Beds are corrected by a move or a vacate, never by a void: the night was slept where it was. */
export const HOUSING_VOIDABLE: readonly (keyof typeof HOUSING_EVENTS)[] = [];
