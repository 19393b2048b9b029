import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { asOf, isoDate, type Phase } from '../admissions';
import { refuseRepeatedTrainees } from './sheets';

/**
 * Labor therapy: workshops (product, output unit, uses blades), assignments (respecting work
 * restrictions without their reason), the daily labor sheet, totals.
 *
 * A workshop's own life (opened, changed, closed) is on `workshop:<workshopId>`; each trainee's
 * assignments and daily entries on `labor:<traineeId>`, so they join that trainee's timeline.
 * Rules chosen here (docs/training.md):
 * - A trainee is in one workshop at a time: assigning someone who is in another workshop moves
 *   them (an unassignment from the old one and the assignment, in one append).
 * - Closing a workshop unassigns everyone still in it, in the same transaction.
 * - A workshop's sheet for a day can be saved in parts (a late row later), but each trainee has
 *   at most one entry per workshop and day; a wrong entry is voided and recorded again.
 */

export const ABSENCE_REASONS = ['sick', 'refused', 'excused', 'at_hospital', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/** Most hours of work one trainee may be booked for in a day, all sheets together. */
export const MAX_HOURS_PER_DAY = 12;

/** Work restrictions (the flags slice's codes) that forbid a workshop using blades. */
export const SHARP_TOOL_RESTRICTIONS = ['no_sharp_tools', 'no_work'] as const;

const id = z.uuid({ error: 'invalidId' });
const text = (max: number) => z.string().trim().max(max, 'tooLong');
const requiredText = (max: number) => text(max).min(1, 'required');

/** A workshop's whole description, as opened or changed. */
const workshopData = z.object({ workshopId: z.uuid(), name: z.string().min(1), product: z.string(), unit: z.string().min(1), usesBlades: z.boolean(), instructorId: z.uuid() });

export const LABOR_EVENTS = {
  WorkshopOpened: { schema: 1, data: workshopData },
  /** The whole description after the change. */
  WorkshopChanged: { schema: 1, data: workshopData },
  WorkshopClosed: { schema: 1, data: z.object({ workshopId: z.uuid(), date: z.string() }) },
  /** Works in the workshop from `date` (on `labor:<traineeId>`). */
  TraineeAssignedToWorkshop: { schema: 1, data: z.object({ traineeId: z.uuid(), workshopId: z.uuid(), date: z.string() }) },
  /** No longer works there from `date`; `cause` says whether a person, a move or the closing did it. */
  TraineeUnassignedFromWorkshop: {
    schema: 1,
    data: z.object({ traineeId: z.uuid(), workshopId: z.uuid(), date: z.string(), cause: z.enum(['unassigned', 'moved', 'closed']), note: z.string() }),
  },
  /** One row of a daily labor sheet: present with hours and output, or absent with a reason. */
  LaborRecorded: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      workshopId: z.uuid(),
      date: z.string(),
      present: z.boolean(),
      hours: z.number().min(0),
      output: z.number().min(0),
      quality: z.string(),
      absence: z.enum(ABSENCE_REASONS).nullable(),
      absenceNote: z.string(),
    }),
  },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

// Command inputs. Messages are `validation.` keys; rules needing the clock or the record are the decider's.

export const workshopFields = {
  name: requiredText(100),
  product: text(200),
  unit: requiredText(40),
  usesBlades: z.boolean({ error: 'invalidType' }),
  instructorId: id,
};

export const openWorkshopInput = z.object(workshopFields).strict();
export const changeWorkshopInput = z.object({ workshopId: id, ...workshopFields }).strict();
export const closeWorkshopInput = z.object({ workshopId: id, date: isoDate }).strict();
export const assignInput = z.object({ workshopId: id, traineeId: id, date: isoDate }).strict();
export const unassignInput = z.object({ traineeId: id, date: isoDate, note: text(500) }).strict();

/** A number the sheet accepts: not negative, at most two decimals' worth of sense. */
const amount = (max: number, tooBig: string) => z.number({ error: 'notANumber' }).min(0, 'negativeNumber').max(max, tooBig);

export const sheetRow = z
  .object({
    traineeId: id,
    present: z.boolean({ error: 'invalidType' }),
    hours: amount(MAX_HOURS_PER_DAY, 'hoursOverDay'),
    output: amount(100_000, 'outputTooLarge'),
    quality: text(200),
    absence: z.enum(ABSENCE_REASONS, { error: 'invalidChoice' }).nullable(),
    absenceNote: text(200),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.present) {
      if (r.hours === 0) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'hoursRequired' });
      if (r.absence !== null) ctx.addIssue({ code: 'custom', path: ['absence'], message: 'absenceWhenPresent' });
    } else {
      if (r.absence === null) ctx.addIssue({ code: 'custom', path: ['absence'], message: 'absenceReasonRequired' });
      if (r.hours > 0 || r.output > 0) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'workWhenAbsent' });
    }
  });
export type SheetRowInput = z.infer<typeof sheetRow>;

export const recordSheetInput = z
  .object({ workshopId: id, date: isoDate, rows: z.array(sheetRow).min(1, 'rowsRequired').max(200, 'tooMany') })
  .strict()
  .superRefine(refuseRepeatedTrainees);

const listInput = z.object({ asOf, includeClosed: z.boolean({ error: 'invalidType' }).optional() }).strict();
const workshopInput = z.object({ workshopId: id, asOf }).strict();
const sheetInput = z.object({ workshopId: id, date: isoDate }).strict();
export const totalsInput = z
  .object({ workshopId: id, from: isoDate, to: isoDate, asOf })
  .strict()
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'endBeforeStart' });
  });

export const LABOR_HANDLERS = {
  'labor.workshops.open': { input: openWorkshopInput, permission: 'labor.manage', kind: 'command' },
  'labor.workshops.change': { input: changeWorkshopInput, permission: 'labor.manage', kind: 'command' },
  /** Closes it and unassigns everyone still in it, in one transaction. */
  'labor.workshops.close': { input: closeWorkshopInput, permission: 'labor.manage', kind: 'command' },
  /** Assigns (or moves, from another workshop) one trainee. */
  'labor.assign': { input: assignInput, permission: 'labor.write', kind: 'command' },
  'labor.unassign': { input: unassignInput, permission: 'labor.write', kind: 'command' },
  /** The daily labor sheet: one LaborRecorded per row, one transaction. */
  'labor.sheet.record': { input: recordSheetInput, permission: 'labor.write', kind: 'command' },
  /** Workshops (the caller's first when an instructor) with roster, today's sheet, output this week and month. */
  'labor.workshops.list': { input: listInput, permission: 'labor.read', kind: 'query' },
  /** One workshop and its roster (with the sharp-tools fact, never why). */
  'labor.workshop': { input: workshopInput, permission: 'labor.read', kind: 'query' },
  /** The trainees in care one may assign: phase, current workshop, the sharp-tools fact. */
  'labor.candidates': { input: z.object({ asOf }).strict(), permission: 'labor.read', kind: 'query' },
  /** Active accounts with the instructor role (for a workshop's instructor). */
  'labor.instructors': { input: z.object({}).strict(), permission: 'labor.read', kind: 'query' },
  /** A workshop's sheet for a day: who was assigned that day and what is recorded. */
  'labor.sheet': { input: sheetInput, permission: 'labor.read', kind: 'query' },
  /** Totals of one workshop over a period: per trainee, per ISO week, per month, per day. */
  'labor.totals': { input: totalsInput, permission: 'labor.read', kind: 'query' },
} as const satisfies Record<string, HandlerSpec>;

export interface Workshop {
  workshopId: string;
  name: string;
  product: string;
  unit: string;
  usesBlades: boolean;
  instructorId: string;
  instructorName: string;
  closedOn: string | null;
}

export interface RosterMember {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  since: string;
  /** A work restriction in force forbids work with sharp tools (the fact only). */
  noSharpTools: boolean;
}

export interface WorkshopSummary extends Workshop {
  roster: RosterMember[];
  /** Rows recorded today on this workshop's sheet (of roster.length). */
  recordedToday: number;
  outputWeek: number;
  outputMonth: number;
}

export interface LaborCandidate {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  phase: Phase;
  workshopId: string | null;
  noSharpTools: boolean;
}

export interface SheetEntry {
  present: boolean;
  hours: number;
  output: number;
  quality: string;
  absence: AbsenceReason | null;
  absenceNote: string;
}

export interface LaborSheetRow {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  /** This workshop's entry for the day, when recorded. */
  entry: SheetEntry | null;
  /** Hours already booked that day on other workshops' sheets. */
  otherHours: number;
}

export interface LaborSheet {
  workshop: Workshop;
  date: string;
  rows: LaborSheetRow[];
}

export interface LaborAmounts {
  hours: number;
  output: number;
  daysPresent: number;
  daysAbsent: number;
}

export interface LaborTotals {
  workshop: Workshop;
  from: string;
  to: string;
  total: LaborAmounts;
  trainees: (LaborAmounts & { traineeId: string; fileNumber: string; fullName: string })[];
  /** ISO weeks (e.g. 2026-W40) that have entries in the period, in order. */
  weeks: (LaborAmounts & { week: string; start: string })[];
  months: (LaborAmounts & { month: string })[];
  days: (LaborAmounts & { date: string })[];
  /** Every open workshop's totals over the same period (each in its own unit). */
  workshops: (LaborAmounts & { workshopId: string; name: string; unit: string })[];
}

export interface LaborOutputs {
  'labor.workshops.open': { workshopId: string };
  'labor.workshops.change': { seq: number };
  'labor.workshops.close': { seqs: number[]; unassigned: number };
  'labor.assign': { seqs: number[]; moved: boolean };
  'labor.unassign': { seq: number };
  'labor.sheet.record': { seqs: number[] };
  'labor.workshops.list': WorkshopSummary[];
  'labor.workshop': WorkshopSummary;
  'labor.candidates': LaborCandidate[];
  'labor.instructors': { userId: string; fullName: string }[];
  'labor.sheet': LaborSheet;
  'labor.totals': LaborTotals;
}

/** Event types a person may void (their own, or anyone's as admin). */
export const LABOR_VOIDABLE: readonly (keyof typeof LABOR_EVENTS)[] = ['LaborRecorded'];

/** The ISO week of a date (yyyy-Www) and its Monday: weeks belong to the year of their Thursday. */
export function isoWeek(date: string): { week: string; start: string } {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new Date(d.getTime() - dow * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, start: monday.toISOString().slice(0, 10) };
}
