import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent, StoredEvent } from '../../../../shared/events';
import type { KeepApartLevel, KeepApartReason, KeepApartRole } from '../../../../shared/duty/keepApart';

/**
 * The keep-apart and headcount rules. Pure: what the rules need from the projections (the pair's
 * active rule, whether a trainee is released, the rooms' expected occupants) comes in.
 */

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

export interface RuleState {
  version: number;
  set: boolean;
  endedDate: string | null;
  /** Calendar day the rule was recorded (an end cannot be before it). */
  setOn: string;
}

/** One rule's stream, voided events skipped. */
export function foldRule(events: readonly StoredEvent[]): RuleState {
  const voided = new Set(events.flatMap((e) => (e.type === 'EventVoided' ? [e.data.seq] : [])));
  const state: RuleState = { version: events.at(-1)?.version ?? 0, set: false, endedDate: null, setOn: '' };
  for (const e of events) {
    if (voided.has(e.seq)) continue;
    if (e.type === 'KeepApartSet') {
      state.set = true;
      state.setOn = e.occurredAt.slice(0, 10);
    } else if (e.type === 'KeepApartEnded') state.endedDate = e.data.date;
  }
  return state;
}

export interface SetRuleContext {
  /** Status of each named trainee, undefined when there is no such trainee. */
  status: (traineeId: string) => string | undefined;
  /** An active rule already keeps these two apart. */
  pairActive: boolean;
  today: string;
}

export function setKeepApart(
  cmd: { traineeA: string; traineeB: string; level: KeepApartLevel; reason: KeepApartReason; note: string; roleA: KeepApartRole; roleB: KeepApartRole; reviewDate: string },
  ruleId: string,
  ctx: SetRuleContext,
): NewEvent<'KeepApartSet'>[] {
  if (cmd.traineeA === cmd.traineeB) refuse([{ path: 'traineeB', code: 'sameTrainee' }]);
  for (const id of [cmd.traineeA, cmd.traineeB]) {
    const status = ctx.status(id);
    if (status === undefined) throw new SenError('NOT_FOUND', 'No such trainee.');
    if (status === 'released') throw new SenError('ALREADY_RELEASED', 'This trainee has already been released.');
  }
  if (ctx.pairActive) throw new SenError('KEEP_APART_ACTIVE', 'These two trainees already have an active keep-apart rule.');
  return [{ type: 'KeepApartSet', data: { ...cmd, ruleId }, occurredAt: ctx.today }];
}

export function endKeepApart(state: RuleState, cmd: { ruleId: string; date: string; note: string }, today: string): NewEvent<'KeepApartEnded'>[] {
  if (!state.set) throw new SenError('NOT_FOUND', 'No such keep-apart rule.');
  if (state.endedDate !== null) throw new SenError('NOT_ACTIVE', 'This keep-apart rule has already ended.');
  if (cmd.date > today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (cmd.date < state.setOn) refuse([{ path: 'date', code: 'endBeforeStart' }]);
  return [{ type: 'KeepApartEnded', data: cmd, occurredAt: cmd.date }];
}

/** Who should be in a room when it is counted: its occupants, and which of them are at hospital. */
export interface ExpectedRoom {
  occupants: readonly string[];
  atHospital: readonly string[];
}

export function recordHeadcount(
  cmd: { at: string; rooms: { roomId: string; counted: number; note: string }[] },
  countId: string,
  ctx: { now: string; rooms: ReadonlyMap<string, ExpectedRoom> },
): NewEvent<'HeadcountRecorded'>[] {
  const at = new Date(cmd.at).toISOString();
  const issues: FieldIssue[] = [];
  if (at > ctx.now) issues.push({ path: 'at', code: 'timeInFuture' });
  cmd.rooms.forEach((r, i) => {
    if (!ctx.rooms.has(r.roomId)) issues.push({ path: `rooms.${i}.roomId`, code: 'unknownRoom' });
  });
  if (issues.length) refuse(issues);
  const rooms = cmd.rooms.map((r) => {
    const expected = ctx.rooms.get(r.roomId)!;
    return { roomId: r.roomId, counted: r.counted, note: r.note, expected: expected.occupants.length, atHospital: [...expected.atHospital] };
  });
  return [{ type: 'HeadcountRecorded', data: { countId, at, rooms }, occurredAt: at }];
}

/** A mismatch, as the projection left it: counted differs from expected present; resolved or not. */
export function resolveMismatch(
  mismatch: { resolved: boolean } | undefined,
  cmd: { countId: string; roomId: string; note: string },
  now: string,
): NewEvent<'HeadcountMismatchResolved'>[] {
  if (!mismatch) throw new SenError('NOT_FOUND', 'No such difference in that count.');
  if (mismatch.resolved) throw new SenError('NOT_ACTIVE', 'This difference has already been resolved.');
  return [{ type: 'HeadcountMismatchResolved', data: cmd, occurredAt: now }];
}
