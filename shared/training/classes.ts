import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { asOf, isoDate } from '../admissions';
import { refuseRepeatedTrainees } from './sheets';

/**
 * Literacy classes: open, enrol, withdraw, close; the attendance sheet of a session (one
 * AttendanceRecorded per trainee, one transaction).
 *
 * A class lives on `class:<classId>` (opened, closed); its roster and attendance on the trainees'
 * `literacy:<traineeId>` streams, so they join each trainee's timeline. A class belongs to a phase
 * of the literacy programme (DOMAIN.md, Decree 20/2014 Art. 19: phase 1 ≈ grades 1–3, phase 2 ≈
 * grades 4–5), not to the treatment phase. A session is a class on a date: the first sheet saved
 * for that date records it; saving the sheet again records corrections, each naming (by seq) the
 * entry it corrects, for the rows that changed only.
 */

/** The literacy programme's phases a class teaches. */
export const LITERACY_PHASES = ['phase1', 'phase2'] as const;
export type LiteracyPhase = (typeof LITERACY_PHASES)[number];

export const ABSENCE_REASONS = ['sick', 'refused', 'excused', 'at_hospital', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const WITHDRAW_REASONS = ['completed', 'released', 'transferred', 'class_closed', 'other'] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number];

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** ISO weekday (1 = Monday … 7 = Sunday) of an ISO date. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

const id = z.uuid({ error: 'invalidId' });
const text = (max: number) => z.string().trim().max(max, 'tooLong');
const requiredText = (max: number) => text(max).min(1, 'required');
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'invalidChoice' });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalidTime');

const scheduleShape = {
  /** ISO weekdays the class meets, ascending. */
  weekdays: z.array(z.number().int().min(1).max(7)),
  startTime: z.string(),
  endTime: z.string(),
};

export const CLASSES_EVENTS = {
  /** A class opened on `date` (on `class:<classId>`). `room` is free text (a classroom, or a housing room's name). */
  ClassOpened: {
    schema: 1,
    data: z.object({ classId: z.uuid(), name: z.string().min(1), teacherId: z.uuid(), phase: z.enum(LITERACY_PHASES), ...scheduleShape, room: z.string(), date: z.string() }),
  },
  /** The class ended on `date`; the trainees still enrolled are withdrawn in the same transaction (reason `class_closed`). */
  ClassClosed: { schema: 1, data: z.object({ classId: z.uuid(), date: z.string(), note: z.string() }) },
  /** The trainee joined the class on `date` (on `literacy:<traineeId>`). */
  TraineeEnrolled: { schema: 1, data: z.object({ traineeId: z.uuid(), classId: z.uuid(), date: z.string() }) },
  /** The trainee left the class on `date` (no session of that class from that day on). */
  TraineeWithdrawn: {
    schema: 1,
    data: z.object({ traineeId: z.uuid(), classId: z.uuid(), date: z.string(), reason: z.enum(WITHDRAW_REASONS), note: z.string() }),
  },
  /**
   * One trainee at one session. `reason` only when absent. `corrects` is the seq of the entry for
   * the same class, date and trainee that this one replaces, or null for the first.
   */
  AttendanceRecorded: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      classId: z.uuid(),
      date: z.string(),
      present: z.boolean(),
      reason: z.enum(ABSENCE_REASONS).nullable(),
      note: z.string(),
      corrects: z.number().int().nullable(),
    }),
  },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

// Command inputs. Messages are `validation.` keys; rules needing the clock or the record are the decider's.

export const openClassInput = z
  .object({
    name: requiredText(100),
    teacherId: id,
    phase: choice(LITERACY_PHASES),
    weekdays: z
      .array(z.number({ error: 'invalidChoice' }).int('invalidChoice').min(1, 'invalidChoice').max(7, 'invalidChoice'))
      .min(1, 'weekdaysRequired')
      .max(7, 'tooMany')
      .transform((ds) => [...new Set(ds)].sort((a, b) => a - b)),
    startTime: time,
    endTime: time,
    room: text(100),
    date: isoDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'endBeforeStart' });
  });

export const closeClassInput = z.object({ classId: id, date: isoDate, note: text(500) }).strict();

export const enrolInput = z
  .object({ classId: id, traineeIds: z.array(id).min(1, 'traineesRequired').max(100, 'tooMany'), date: isoDate })
  .strict()
  .superRefine((v, ctx) => {
    if (new Set(v.traineeIds).size !== v.traineeIds.length) ctx.addIssue({ code: 'custom', path: ['traineeIds'], message: 'duplicateTrainee' });
  });

export const withdrawInput = z
  .object({ classId: id, traineeId: id, date: isoDate, reason: choice(WITHDRAW_REASONS), note: text(500) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.reason === 'other' && v.note === '') ctx.addIssue({ code: 'custom', path: ['note'], message: 'noteRequiredForOther' });
  });

const attendanceRow = z
  .object({ traineeId: id, present: z.boolean({ error: 'invalidType' }), reason: choice(ABSENCE_REASONS).nullable(), note: text(200) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.present && v.reason !== null) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reasonOnlyWhenAbsent' });
    if (!v.present && v.reason === null) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'absenceReasonRequired' });
    if (v.reason === 'other' && v.note === '') ctx.addIssue({ code: 'custom', path: ['note'], message: 'noteRequiredForOther' });
  });
export type AttendanceRow = z.infer<typeof attendanceRow>;

export const recordAttendanceInput = z
  .object({ classId: id, date: isoDate, rows: z.array(attendanceRow).min(1, 'nothingToRecord').max(200, 'tooMany') })
  .strict()
  .superRefine(refuseRepeatedTrainees);

const classIdInput = z.object({ classId: id, asOf }).strict();

export const CLASSES_HANDLERS = {
  /** Active accounts holding the teacher role: who may be named a class's teacher. */
  'classes.teachers': { input: z.object({}).strict(), permission: 'literacy.read', kind: 'query' },
  /** Classes (open ones, or all), optionally one teacher's, with roster count, next session and today's sheet status. */
  'classes.list': {
    input: z.object({ asOf, teacherId: id.optional(), includeClosed: z.boolean().optional() }).strict(),
    permission: 'literacy.read',
    kind: 'query',
  },
  /** One class: its roster (with attendance rates), its sessions held. */
  'classes.get': { input: classIdInput, permission: 'literacy.read', kind: 'query' },
  /** The attendance sheet of a session: the roster of that date with the marks saved (or the pre-marks). */
  'classes.sheet': { input: z.object({ classId: id, date: isoDate }).strict(), permission: 'literacy.read', kind: 'query' },
  'classes.open': { input: openClassInput, permission: 'literacy.manage', kind: 'command' },
  'classes.close': { input: closeClassInput, permission: 'literacy.manage', kind: 'command' },
  'classes.enrol': { input: enrolInput, permission: 'literacy.write', kind: 'command' },
  'classes.withdraw': { input: withdrawInput, permission: 'literacy.write', kind: 'command' },
  'classes.attendance.record': { input: recordAttendanceInput, permission: 'literacy.write', kind: 'command' },
} as const satisfies Record<string, HandlerSpec>;

export interface TeacherOption {
  userId: string;
  fullName: string;
}

export interface ClassSummary {
  classId: string;
  name: string;
  teacherId: string;
  teacherName: string;
  phase: LiteracyPhase;
  weekdays: number[];
  startTime: string;
  endTime: string;
  room: string;
  openedDate: string;
  closedDate: string | null;
  /** Trainees enrolled now (or on the "as of" day). */
  enrolled: number;
  /** The next scheduled day from today on (today while its sheet is not saved), or null when closed. */
  nextSession: string | null;
  /** Whether the class meets today by its schedule, and whether today's sheet is saved. */
  scheduledToday: boolean;
  takenToday: boolean;
  sessionsHeld: number;
  /** Present marks / all marks, 0..1; null before the first session. */
  attendanceRate: number | null;
}

export interface RosterEntry {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  enrolledDate: string;
  withdrawnDate: string | null;
  withdrawReason: WithdrawReason | null;
  withdrawNote: string;
  released: boolean;
  atHospital: boolean;
  present: number;
  absent: number;
  attendanceRate: number | null;
}

export interface SessionSummary {
  date: string;
  present: number;
  absent: number;
}

export interface ClassDetail {
  summary: ClassSummary;
  /** Enrolled now first (by name), then those who left (latest first). */
  roster: RosterEntry[];
  /** Sessions held, latest first. */
  sessions: SessionSummary[];
}

export interface SheetRow {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  atHospital: boolean;
  present: boolean | null;
  reason: AbsenceReason | null;
  note: string;
  /** Whether this mark is saved (false: not yet, or a pre-mark for a trainee at hospital). */
  saved: boolean;
}

export interface AttendanceSheet {
  summary: ClassSummary;
  date: string;
  /** A sheet was already saved for this date: saving again records corrections. */
  taken: boolean;
  rows: SheetRow[];
}

/** Output type of each handler of this slice. */
export interface ClassesOutputs {
  'classes.teachers': TeacherOption[];
  'classes.list': ClassSummary[];
  'classes.get': ClassDetail;
  'classes.sheet': AttendanceSheet;
  'classes.open': { classId: string; seq: number };
  'classes.close': { seqs: number[] };
  'classes.enrol': { seqs: number[] };
  'classes.withdraw': { seq: number };
  'classes.attendance.record': { seqs: number[]; corrected: number };
}

/** Event types a person may void (their own, or anyone's as admin): none, a sheet is corrected by saving it again. */
export const CLASSES_VOIDABLE: readonly (keyof typeof CLASSES_EVENTS)[] = [];
