import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { isoDate } from '../admissions';

/** The duty log: a day's page of everything duty officers recorded, shift notes, the handover. */

export const SHIFTS = ['day', 'night'] as const;
export type Shift = (typeof SHIFTS)[number];

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const DUTY_LOG_EVENTS = {
  /**
   * A free-text note for the shift of `date` (the calendar day the shift began: a night-shift note
   * written at 02:00 belongs to the evening before). On the `dutylog` stream.
   */
  ShiftNoteRecorded: {
    schema: 1,
    data: z.object({ noteId: z.uuid(), date: z.string(), shift: z.enum(SHIFTS), text: z.string().min(1) }),
  },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

// Command inputs. Messages are `validation.` keys; "not in the future" is the decider's (the clock).

export const recordShiftNoteInput = z
  .object({
    date: isoDate,
    shift: z.enum(SHIFTS, { error: 'invalidChoice' }),
    text: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
  })
  .strict();

const dayInput = z.object({ date: isoDate }).strict();
const handoverInput = z.object({}).strict();

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const DUTY_LOG_HANDLERS = {
  'dutyLog.recordNote': { input: recordShiftNoteInput, permission: 'duty.write', kind: 'command' },
  /** Everything duty officers recorded on one day (never a medical event), and that day's shift notes. */
  'dutyLog.day': { input: dayInput, permission: 'duty.read', kind: 'query' },
  /** For the next shift: the last shift's notes and the counts to take over. */
  'dutyLog.handover': { input: handoverInput, permission: 'duty.read', kind: 'query' },
} as const satisfies Record<string, HandlerSpec>;

/** One thing a duty officer recorded: when, who, what (an event type), about whom. */
export interface DutyLogLine {
  seq: number;
  /** ISO instant it was recorded. */
  at: string;
  officer: string;
  type: string;
  /** For a void: the type of the event taken back. */
  voidedType: string | null;
  traineeId: string | null;
  traineeName: string | null;
  fileNumber: string | null;
  /** What happened, from the event's data with names resolved in the core; codes stay codes (the screen translates). */
  details: DutyLogDetails;
}

/**
 * A line's key details; each event type fills only its own. Only duty fields are picked (never
 * the whole event data), so nothing else can ride along.
 */
export interface DutyLogDetails {
  /** A room as "room (dorm)", and bed; a move's destination in toRoom/toBed. */
  room?: string;
  bed?: number;
  toRoom?: string;
  toBed?: number;
  /** A move's, a vacate's or a reward's reason. */
  reason?: string;
  /** Recorded despite warnings: the officer's reason. */
  overrideReason?: string;
  /** The catalog name, or a built-in type's id when the admin gave it no name. */
  violationType?: string;
  place?: string;
  /** A measure's or a reward's kind. */
  kind?: string;
  start?: string;
  end?: string | null;
  until?: string;
  /** A keep-apart rule set or ended: both trainees' names, and the level. */
  pair?: [string, string];
  level?: string;
  /** A headcount: each room counted against what was expected. */
  rooms?: { room: string; counted: number; expected: number }[];
  month?: string;
  rating?: string;
}

export interface ShiftNote {
  seq: number;
  noteId: string;
  date: string;
  shift: Shift;
  text: string;
  /** The user who wrote it (they, or an admin, may void it). */
  officerId: string | null;
  officer: string;
  at: string;
}

export interface DutyLogDay {
  date: string;
  /** In the order recorded. */
  lines: DutyLogLine[];
  /** That day's shift notes, day shift first, in the order written. */
  notes: ShiftNote[];
}

export interface HandoverCounts {
  inCare: number;
  atHospital: number;
  separateHousing: number;
  /** In care and not in a bed. */
  withoutBed: number;
  activeKeepApart: number;
  /** Headcount differences not resolved yet. */
  openMismatches: number;
  recordedToday: number;
}

export interface Handover {
  /** The latest shift with notes (date and shift), or null when none was ever written. */
  shift: { date: string; shift: Shift } | null;
  notes: ShiftNote[];
  /**
   * What the next shift takes over: facts only (no reasons), from the roster, trainee_flags, the
   * bed board, the keep-apart rules and the headcounts.
   */
  counts: HandoverCounts;
}

/** Output type of each handler above. */
export interface DutyLogOutputs {
  'dutyLog.recordNote': { noteId: string; seq: number };
  'dutyLog.day': DutyLogDay;
  'dutyLog.handover': Handover;
}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const DUTY_LOG_VOIDABLE: readonly (keyof typeof DUTY_LOG_EVENTS)[] = ['ShiftNoteRecorded'];
