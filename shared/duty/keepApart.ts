import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { asOf } from '../admissions';
import { instant } from '../medical/detox';
import { choice, isoDate, text, traineeId } from '../medical/common';

/**
 * Keep-apart rules between two trainees (each on its own `keepapart:<ruleId>` stream), and
 * headcounts per room compared with who should be there (the `headcount` stream).
 */

export const KEEP_APART_LEVELS = ['room', 'dorm', 'area'] as const;
export type KeepApartLevel = (typeof KEEP_APART_LEVELS)[number];
export const KEEP_APART_REASONS = ['violence', 'threat', 'gang', 'bullying', 'other'] as const;
export type KeepApartReason = (typeof KEEP_APART_REASONS)[number];
export const KEEP_APART_ROLES = ['victim', 'perpetrator', 'unknown'] as const;
export type KeepApartRole = (typeof KEEP_APART_ROLES)[number];

/** The room id of the whole facility, used while no layout has rooms: everyone in care is expected. */
export const WHOLE_FACILITY = 'facility';

const uuid = z.uuid({ error: 'invalidId' });

export const KEEP_APART_EVENTS = {
  /** Two trainees must not share a room, a dorm or an area (per `level`) until the rule ends. */
  KeepApartSet: {
    schema: 1,
    data: z.object({
      ruleId: z.uuid(),
      traineeA: z.uuid(),
      traineeB: z.uuid(),
      level: z.enum(KEEP_APART_LEVELS),
      reason: z.enum(KEEP_APART_REASONS),
      note: z.string(),
      roleA: z.enum(KEEP_APART_ROLES),
      roleB: z.enum(KEEP_APART_ROLES),
      reviewDate: z.string(),
    }),
  },
  KeepApartEnded: { schema: 1, data: z.object({ ruleId: z.uuid(), date: z.string(), note: z.string() }) },
  /**
   * One count of some rooms at `at`. Each room carries what was expected when it was counted
   * (occupants, and those of them at hospital), so the log alone says what was compared and a
   * rebuild never depends on how the housing board looks later.
   */
  HeadcountRecorded: {
    schema: 1,
    data: z.object({
      countId: z.uuid(),
      at: z.string(),
      rooms: z.array(
        z.object({
          roomId: z.string(),
          counted: z.number().int().min(0),
          note: z.string(),
          expected: z.number().int().min(0),
          atHospital: z.array(z.string()),
        }),
      ),
    }),
  },
  /** The officer found why a room's count differed (who was where); it leaves the open list. */
  HeadcountMismatchResolved: { schema: 1, data: z.object({ countId: z.uuid(), roomId: z.string(), note: z.string() }) },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

// Command inputs. Messages are `validation.` keys; rules needing the record are the decider's.

export const setKeepApartInput = z
  .object({
    traineeA: traineeId,
    traineeB: traineeId,
    level: choice(KEEP_APART_LEVELS),
    reason: choice(KEEP_APART_REASONS),
    note: text(500),
    roleA: choice(KEEP_APART_ROLES),
    roleB: choice(KEEP_APART_ROLES),
    reviewDate: isoDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.traineeA === v.traineeB) ctx.addIssue({ code: 'custom', path: ['traineeB'], message: 'sameTrainee' });
  });

export const endKeepApartInput = z.object({ ruleId: uuid, date: isoDate, note: text(500) }).strict();

const roomId = z.string({ error: 'required' }).trim().min(1, 'required').max(100, 'tooLong');

export const recordHeadcountInput = z
  .object({
    at: instant,
    rooms: z
      .array(
        z
          .object({
            roomId,
            counted: z.number({ error: 'invalidType' }).int('invalid').min(0, 'outOfRange').max(1000, 'outOfRange'),
            note: text(500),
          })
          .strict(),
      )
      .min(1, 'nothingToRecord')
      .max(2000, 'tooLong'),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.rooms.forEach((r, i) => {
      if (seen.has(r.roomId)) ctx.addIssue({ code: 'custom', path: ['rooms', i, 'roomId'], message: 'duplicateRoom' });
      seen.add(r.roomId);
    });
  });

export const resolveMismatchInput = z.object({ countId: uuid, roomId, note: text(500).min(1, 'required') }).strict();

const listRulesInput = z.object({ asOf, includeEnded: z.boolean({ error: 'invalidType' }).optional() }).strict();
const sheetInput = z.object({ asOf }).strict();

export const KEEP_APART_HANDLERS = {
  'duty.keepApart.set': { input: setKeepApartInput, permission: 'duty.write', kind: 'command' },
  'duty.keepApart.end': { input: endKeepApartInput, permission: 'duty.write', kind: 'command' },
  /** Active rules (review due first); ended ones too when asked. */
  'duty.keepApart.list': { input: listRulesInput, permission: 'duty.read', kind: 'query' },
  /** Every room with who should be in it now (and who of them is at hospital): the count sheet. */
  'duty.headcount.sheet': { input: sheetInput, permission: 'duty.read', kind: 'query' },
  'duty.headcount.record': { input: recordHeadcountInput, permission: 'duty.write', kind: 'command' },
  /** Rooms whose count differed and that nobody has resolved yet, oldest first. */
  'duty.headcount.mismatches': { input: sheetInput, permission: 'duty.read', kind: 'query' },
  'duty.headcount.resolve': { input: resolveMismatchInput, permission: 'duty.write', kind: 'command' },
} as const satisfies Record<string, HandlerSpec>;

export interface KeepApartPerson {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  role: KeepApartRole;
}

export interface KeepApartRule {
  ruleId: string;
  a: KeepApartPerson;
  b: KeepApartPerson;
  level: KeepApartLevel;
  reason: KeepApartReason;
  note: string;
  reviewDate: string;
  endedDate: string | null;
  /** Active and the review date has come. */
  reviewDue: boolean;
}

export interface HeadcountSheetRoom {
  roomId: string;
  /** The room's name from the layout; '' for the whole facility. */
  name: string;
  /** Who should sleep here (assigned to the room's beds, or everyone in care without a layout). */
  occupants: { traineeId: string; fileNumber: string; fullName: string; atHospital: boolean }[];
  /** Occupants not at hospital: the number the count should give. */
  expectedPresent: number;
}

export interface HeadcountMismatch {
  countId: string;
  at: string;
  roomId: string;
  roomName: string;
  expected: number;
  atHospital: number;
  counted: number;
  /** Expected present minus counted, when positive. */
  absent: number;
  /** Counted minus expected present, when positive. */
  unexpected: number;
  note: string;
}

/** Output type of each handler above. */
export interface KeepApartOutputs {
  'duty.keepApart.set': { ruleId: string; seq: number };
  'duty.keepApart.end': { seq: number };
  'duty.keepApart.list': KeepApartRule[];
  'duty.headcount.sheet': HeadcountSheetRoom[];
  'duty.headcount.record': { countId: string; seq: number; mismatches: number };
  'duty.headcount.mismatches': HeadcountMismatch[];
  'duty.headcount.resolve': { seq: number };
}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const KEEP_APART_VOIDABLE: readonly (keyof typeof KEEP_APART_EVENTS)[] = ['KeepApartSet', 'KeepApartEnded'];
