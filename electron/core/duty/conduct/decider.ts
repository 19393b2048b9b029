import {
  MAX_DISCIPLINE_ROOM_DAYS,
  inclusiveDays,
  type MeasureKind,
} from '../../../../shared/duty/conduct';
import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent, StoredEvent } from '../../../../shared/events';

/**
 * The conduct decider: `foldConduct` folds one trainee's `conduct:<id>` stream (other slices'
 * events ignored, voided ones skipped) into what the rules need; each command function turns a
 * validated command into events or refuses it. Pure: the clock and the trainee's facts come in.
 */
export interface ConductState {
  /** Version of the whole stream (shared with the recognition slice), for the expected version. */
  version: number;
  violations: Map<string, { date: string; selfCriticismDate: string | null }>;
  measures: Map<string, { violationId: string; start: string; end: string | null; suspendedUntil: string | null }>;
}

export function foldConduct(events: readonly StoredEvent[]): ConductState {
  const voided = new Set(events.flatMap((e) => (e.type === 'EventVoided' ? [e.data.seq] : [])));
  const state: ConductState = { version: events.at(-1)?.version ?? 0, violations: new Map(), measures: new Map() };
  for (const e of events) {
    if (voided.has(e.seq)) continue;
    switch (e.type) {
      case 'ViolationRecorded':
        state.violations.set(e.data.violationId, { date: e.data.date, selfCriticismDate: null });
        break;
      case 'SelfCriticismReceived': {
        const v = state.violations.get(e.data.violationId);
        if (v) v.selfCriticismDate = e.data.date;
        break;
      }
      case 'MeasureImposed':
        state.measures.set(e.data.measureId, { violationId: e.data.violationId, start: e.data.start, end: e.data.end, suspendedUntil: null });
        break;
      case 'MeasureSuspended': {
        const m = state.measures.get(e.data.measureId);
        if (m) m.suspendedUntil = e.data.until;
        break;
      }
      default:
        break;
    }
  }
  return state;
}

/** The trainee as the rules need them (from the roster projection), and the core's clock. */
export interface ConductContext {
  today: string;
  admissionDate: string;
  released: boolean;
}

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

function checkInCare(ctx: ConductContext): void {
  if (ctx.released) throw new SenError('ALREADY_RELEASED', 'This trainee has already been released.');
}

/** A day something happened: not in the future, not before the trainee came. */
function checkPast(path: string, date: string, ctx: ConductContext): void {
  if (date > ctx.today) refuse([{ path, code: 'dateInFuture' }]);
  if (date < ctx.admissionDate) refuse([{ path, code: 'beforeAdmission' }]);
}

export interface ViolationCommand {
  typeId: string;
  date: string;
  time: string;
  place: string;
  description: string;
  witnesses: string;
}

/**
 * One trainee's part in an incident. The catalog check (type exists and is in use) is the
 * handler's, since the catalog is not on this stream.
 */
export function recordViolation(cmd: ViolationCommand, ids: { traineeId: string; violationId: string; incidentId: string }, ctx: ConductContext): NewEvent<'ViolationRecorded'>[] {
  checkInCare(ctx);
  checkPast('date', cmd.date, ctx);
  return [{ type: 'ViolationRecorded', data: { ...ids, ...cmd }, occurredAt: cmd.date }];
}

function violationOf(state: ConductState, violationId: string) {
  const v = state.violations.get(violationId);
  // Also refuses another trainee's violation: it is not on this trainee's stream.
  if (!v) refuse([{ path: 'violationId', code: 'unknownViolation' }]);
  return v;
}

export function imposeMeasure(
  state: ConductState,
  cmd: { traineeId: string; violationId: string; kind: MeasureKind; start: string; end: string | null; note: string },
  measureId: string,
  ctx: ConductContext,
): NewEvent<'MeasureImposed'>[] {
  checkInCare(ctx);
  const v = violationOf(state, cmd.violationId);
  if (cmd.start < v.date) refuse([{ path: 'start', code: 'beforeViolation' }]);
  // The schema checks these too; the decider keeps the rule whole for any caller.
  if (cmd.end !== null && cmd.end < cmd.start) refuse([{ path: 'end', code: 'endBeforeStart' }]);
  if (cmd.kind === 'discipline_room') {
    if (cmd.end === null) refuse([{ path: 'end', code: 'required' }]);
    if (inclusiveDays(cmd.start, cmd.end) > MAX_DISCIPLINE_ROOM_DAYS) refuse([{ path: 'end', code: 'disciplineRoomTooLong' }]);
  }
  return [{ type: 'MeasureImposed', data: { ...cmd, measureId }, occurredAt: cmd.start }];
}

export function suspendMeasure(state: ConductState, cmd: { traineeId: string; measureId: string; until: string; note: string }, ctx: ConductContext): NewEvent<'MeasureSuspended'>[] {
  checkInCare(ctx);
  const m = state.measures.get(cmd.measureId);
  if (!m) refuse([{ path: 'measureId', code: 'unknownMeasure' }]);
  if (m.suspendedUntil !== null) throw new SenError('NOT_ACTIVE', 'This measure is already suspended.');
  if (cmd.until < m.start) refuse([{ path: 'until', code: 'untilBeforeSince' }]);
  return [{ type: 'MeasureSuspended', data: cmd }];
}

export function receiveSelfCriticism(state: ConductState, cmd: { traineeId: string; violationId: string; date: string }, ctx: ConductContext): NewEvent<'SelfCriticismReceived'>[] {
  checkInCare(ctx);
  const v = violationOf(state, cmd.violationId);
  if (cmd.date > ctx.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (cmd.date < v.date) refuse([{ path: 'date', code: 'beforeViolation' }]);
  if (v.selfCriticismDate !== null) refuse([{ path: 'violationId', code: 'selfCriticismAlreadyReceived' }]);
  return [{ type: 'SelfCriticismReceived', data: cmd, occurredAt: cmd.date }];
}
