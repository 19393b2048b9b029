import { z } from 'zod';
import type { HandlerSpec } from '../api';
import { asOf, isoDate } from '../admissions';
import { isValidIsoDate } from '../dates';

/**
 * Violations from the facility's catalog (several trainees per incident) and disciplinary measures.
 *
 * The catalog lives on the `layout` stream (the facility's own set-up); each trainee's violations,
 * measures and self-criticisms on `conduct:<traineeId>`, so they join that trainee's timeline. An
 * incident with three trainees is three `ViolationRecorded` sharing an `incidentId`, appended in
 * one transaction. The officer who recorded it is the event's `meta.actor`.
 */

/** The catalog's built-in types (labelled by the renderer; the admin may rename or deactivate them). */
export const DEFAULT_VIOLATION_TYPES = ['mobile_phone', 'alcohol', 'drugs', 'fighting', 'leaving_area', 'disobeying_rules', 'damaging_property', 'other'] as const;
export type DefaultViolationType = (typeof DEFAULT_VIOLATION_TYPES)[number];

export const MEASURE_KINDS = ['criticism', 'warning', 'discipline_room', 'other'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/**
 * Longest stay in the discipline room one decision may impose, in days (start and end counted).
 * DOMAIN.md: at most 5 days per decision; a constant so a change of rule is one line.
 */
export const MAX_DISCIPLINE_ROOM_DAYS = 5;

/** Days from `start` to `end`, both counted (ISO dates, UTC arithmetic so no DST surprises). */
export function inclusiveDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

const id = z.uuid({ error: 'invalidId' });
const text = (max: number) => z.string().trim().max(max, 'tooLong');
const requiredText = (max: number) => text(max).min(1, 'required');
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'invalidChoice' });
/** A built-in code or the id of a type the admin added. */
const typeId = z.string().trim().min(1, 'required').max(64, 'tooLong');
const time = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, 'invalidTime');

export const CONDUCT_EVENTS = {
  /** The admin added a violation type to the catalog (on `layout`). */
  ViolationTypeAdded: { schema: 1, data: z.object({ typeId: z.string(), name: z.string().min(1) }) },
  /** Renamed and/or (de)activated; `name` '' keeps a built-in type's translated label. */
  ViolationTypeChanged: { schema: 1, data: z.object({ typeId: z.string(), name: z.string(), active: z.boolean() }) },
  /** One trainee's part in an incident: the same incidentId on every trainee's stream. */
  ViolationRecorded: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      violationId: z.uuid(),
      incidentId: z.uuid(),
      typeId: z.string(),
      date: z.string(),
      /** HH:mm, or '' when not known. */
      time: z.string(),
      place: z.string(),
      description: z.string(),
      witnesses: z.string(),
    }),
  },
  /** A measure for one violation; `end` only for the discipline room (inclusive). */
  MeasureImposed: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      measureId: z.uuid(),
      violationId: z.uuid(),
      kind: z.enum(MEASURE_KINDS),
      start: z.string(),
      end: z.string().nullable(),
      note: z.string(),
    }),
  },
  /** The measure is not carried out until `until` (inclusive). */
  MeasureSuspended: { schema: 1, data: z.object({ traineeId: z.uuid(), measureId: z.uuid(), until: z.string(), note: z.string() }) },
  /** The trainee handed in a written self-criticism for the violation on `date`. */
  SelfCriticismReceived: { schema: 1, data: z.object({ traineeId: z.uuid(), violationId: z.uuid(), date: z.string() }) },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

const bothDates = (a: string, b: string) => isValidIsoDate(a) && isValidIsoDate(b);

// Command inputs. Messages are `validation.` keys; rules needing the clock or the record are the decider's.

export const addViolationTypeInput = z.object({ name: requiredText(100) }).strict();
export const changeViolationTypeInput = z.object({ typeId, name: text(100), active: z.boolean({ error: 'invalidType' }) }).strict();

export const recordViolationInput = z
  .object({
    traineeIds: z.array(id).min(1, 'traineesRequired').max(100, 'tooMany'),
    typeId,
    date: isoDate,
    time,
    place: text(200),
    description: requiredText(2000),
    witnesses: text(500),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (new Set(v.traineeIds).size !== v.traineeIds.length) ctx.addIssue({ code: 'custom', path: ['traineeIds'], message: 'duplicateTrainee' });
  });

export const imposeMeasureInput = z
  .object({ traineeId: id, violationId: id, kind: choice(MEASURE_KINDS), start: isoDate, end: isoDate.nullable(), note: text(500) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'discipline_room' && v.end === null) ctx.addIssue({ code: 'custom', path: ['end'], message: 'required' });
    if (v.end !== null && bothDates(v.start, v.end)) {
      if (v.end < v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'endBeforeStart' });
      else if (v.kind === 'discipline_room' && inclusiveDays(v.start, v.end) > MAX_DISCIPLINE_ROOM_DAYS)
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'disciplineRoomTooLong' });
    }
  });

export const suspendMeasureInput = z.object({ traineeId: id, measureId: id, until: isoDate, note: text(500) }).strict();
export const selfCriticismInput = z.object({ traineeId: id, violationId: id, date: isoDate }).strict();

const listInput = z
  .object({
    asOf,
    /** Only violations with no measure yet (open), or all. */
    status: z.enum(['open', 'all'], { error: 'invalidChoice' }).optional(),
    typeId: typeId.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
const forTraineeInput = z.object({ traineeId: id, asOf }).strict();

export const CONDUCT_HANDLERS = {
  'conduct.types.list': { input: z.object({ asOf }).strict(), permission: 'duty.read', kind: 'query' },
  'conduct.types.add': { input: addViolationTypeInput, permission: 'facility.manage', kind: 'command' },
  'conduct.types.change': { input: changeViolationTypeInput, permission: 'facility.manage', kind: 'command' },
  'conduct.violations.record': { input: recordViolationInput, permission: 'duty.write', kind: 'command' },
  'conduct.measures.impose': { input: imposeMeasureInput, permission: 'duty.write', kind: 'command' },
  'conduct.measures.suspend': { input: suspendMeasureInput, permission: 'duty.write', kind: 'command' },
  'conduct.selfCriticism.receive': { input: selfCriticismInput, permission: 'duty.write', kind: 'command' },
  /** Violations (newest first) with their measures, filtered; in-force measures. */
  'conduct.overview': { input: listInput, permission: 'duty.read', kind: 'query' },
  'conduct.forTrainee': { input: forTraineeInput, permission: 'duty.read', kind: 'query' },
} as const satisfies Record<string, HandlerSpec>;

export interface ViolationType {
  typeId: string;
  /** '' for a built-in type not renamed: the renderer shows its translated label. */
  name: string;
  builtIn: boolean;
  active: boolean;
}

export interface Measure {
  measureId: string;
  violationId: string;
  traineeId: string;
  kind: MeasureKind;
  start: string;
  end: string | null;
  note: string;
  suspendedUntil: string | null;
  /** Not suspended on the day asked, and not past its end. */
  inForce: boolean;
}

export interface Violation {
  violationId: string;
  incidentId: string;
  traineeId: string;
  fileNumber: string;
  fullName: string;
  typeId: string;
  date: string;
  time: string;
  place: string;
  description: string;
  witnesses: string;
  /** Full name of the officer who recorded it. */
  recordedBy: string;
  selfCriticismDate: string | null;
  measures: Measure[];
}

export interface ConductOverview {
  violations: Violation[];
  /** Measures in force on the day asked, with who they concern. */
  measuresInForce: (Measure & { fileNumber: string; fullName: string })[];
}

/** Output type of each handler above. */
export interface ConductOutputs {
  'conduct.types.list': ViolationType[];
  'conduct.types.add': { typeId: string };
  'conduct.types.change': { seq: number };
  'conduct.violations.record': { incidentId: string; violationIds: string[]; seqs: number[] };
  'conduct.measures.impose': { measureId: string; seq: number };
  'conduct.measures.suspend': { seq: number };
  'conduct.selfCriticism.receive': { seq: number };
  'conduct.overview': ConductOverview;
  'conduct.forTrainee': Violation[];
}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const CONDUCT_VOIDABLE: readonly (keyof typeof CONDUCT_EVENTS)[] = ['ViolationRecorded', 'MeasureImposed', 'MeasureSuspended', 'SelfCriticismReceived'];
