import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent, StoredEvent } from '../../../../shared/events';
import type { HousingReason, WorkRestrictionCode } from '../../../../shared/medical/flags';

/**
 * The flags decider: `foldFlags` folds a trainee's medical stream (other slices' events are
 * ignored, voided ones skipped) into what this slice's rules need; each command function turns a
 * validated command into events or refuses it. Pure: the clock and the trainee's admission come in.
 */
export interface FlagsState {
  /** Version of the whole `medical:<id>` stream, for the append's expected version. */
  version: number;
  housing: Map<string, { since: string; clearedDate: string | null }>;
  restrictions: Map<string, { restriction: WorkRestrictionCode; since: string; until: string | null; clearedDate: string | null }>;
  referrals: Map<string, { date: string; returnedDate: string | null }>;
}

export function foldFlags(events: readonly StoredEvent[]): FlagsState {
  const voided = new Set(events.flatMap((e) => (e.type === 'EventVoided' ? [e.data.seq] : [])));
  const state: FlagsState = { version: events.at(-1)?.version ?? 0, housing: new Map(), restrictions: new Map(), referrals: new Map() };
  for (const e of events) {
    if (voided.has(e.seq)) continue;
    switch (e.type) {
      case 'HousingFlagSet':
        state.housing.set(e.data.flagId, { since: e.data.since, clearedDate: null });
        break;
      case 'HousingFlagCleared': {
        const f = state.housing.get(e.data.flagId);
        if (f) f.clearedDate = e.data.date;
        break;
      }
      case 'WorkRestrictionSet':
        state.restrictions.set(e.data.restrictionId, { restriction: e.data.restriction, since: e.data.since, until: e.data.until, clearedDate: null });
        break;
      case 'WorkRestrictionCleared': {
        const r = state.restrictions.get(e.data.restrictionId);
        if (r) r.clearedDate = e.data.date;
        break;
      }
      case 'TraineeReferred':
        state.referrals.set(e.data.referralId, { date: e.data.date, returnedDate: null });
        break;
      case 'TraineeReturnedFromReferral': {
        const r = state.referrals.get(e.data.referralId);
        if (r) r.returnedDate = e.data.date;
        break;
      }
      default:
        break;
    }
  }
  return state;
}

/** The trainee as the rules need them (from the trainees projection), and the core's clock. */
export interface FlagsContext {
  today: string;
  admissionDate: string;
  released: boolean;
}

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

/** A date something started: not in the future, not before the trainee came. */
function checkStart(path: string, date: string, ctx: FlagsContext): void {
  if (date > ctx.today) refuse([{ path, code: 'dateInFuture' }]);
  if (date < ctx.admissionDate) refuse([{ path, code: 'beforeAdmission' }]);
}

/** New flags, restrictions and referrals are for trainees still in care. */
function checkInCare(ctx: FlagsContext): void {
  if (ctx.released) throw new SenError('ALREADY_RELEASED', 'This trainee has already been released.');
}

export function setHousingFlag(
  state: FlagsState,
  cmd: { traineeId: string; reason: HousingReason; note: string; since: string; reviewDate: string },
  flagId: string,
  ctx: FlagsContext,
): NewEvent<'HousingFlagSet'>[] {
  checkInCare(ctx);
  checkStart('since', cmd.since, ctx);
  // One flag at a time: changing the reason is a clear and a new flag, so each has its own dates.
  if ([...state.housing.values()].some((f) => f.clearedDate === null)) {
    throw new SenError('HOUSING_FLAG_ACTIVE', 'This trainee already has an active separate-housing flag.');
  }
  return [{ type: 'HousingFlagSet', data: { ...cmd, flagId }, occurredAt: cmd.since }];
}

export function clearHousingFlag(state: FlagsState, cmd: { traineeId: string; flagId: string; date: string; note: string }, ctx: FlagsContext): NewEvent<'HousingFlagCleared'>[] {
  const flag = state.housing.get(cmd.flagId);
  if (!flag) throw new SenError('NOT_FOUND', 'No such separate-housing flag for this trainee.');
  if (flag.clearedDate !== null) throw new SenError('NOT_ACTIVE', 'This separate-housing flag is already cleared.');
  if (cmd.date > ctx.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (cmd.date < flag.since) refuse([{ path: 'date', code: 'clearBeforeSince' }]);
  return [{ type: 'HousingFlagCleared', data: cmd, occurredAt: cmd.date }];
}

/** In force on `day`: not cleared by then and not past its last day. */
function restrictionInForce(r: { since: string; until: string | null; clearedDate: string | null }, day: string): boolean {
  return (r.clearedDate === null || r.clearedDate > day) && (r.until === null || r.until >= day);
}

export function setWorkRestriction(
  state: FlagsState,
  cmd: { traineeId: string; restriction: WorkRestrictionCode; reason: string; since: string; until: string | null },
  restrictionId: string,
  ctx: FlagsContext,
): NewEvent<'WorkRestrictionSet'>[] {
  checkInCare(ctx);
  checkStart('since', cmd.since, ctx);
  if ([...state.restrictions.values()].some((r) => r.restriction === cmd.restriction && restrictionInForce(r, ctx.today))) {
    throw new SenError('RESTRICTION_ACTIVE', `This trainee already has the restriction ${cmd.restriction}.`);
  }
  return [{ type: 'WorkRestrictionSet', data: { ...cmd, restrictionId }, occurredAt: cmd.since }];
}

export function clearWorkRestriction(state: FlagsState, cmd: { traineeId: string; restrictionId: string; date: string }, ctx: FlagsContext): NewEvent<'WorkRestrictionCleared'>[] {
  const r = state.restrictions.get(cmd.restrictionId);
  if (!r) throw new SenError('NOT_FOUND', 'No such work restriction for this trainee.');
  if (r.clearedDate !== null) throw new SenError('NOT_ACTIVE', 'This work restriction is already cleared.');
  if (cmd.date > ctx.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (cmd.date < r.since) refuse([{ path: 'date', code: 'clearBeforeSince' }]);
  return [{ type: 'WorkRestrictionCleared', data: cmd, occurredAt: cmd.date }];
}

export function refer(
  state: FlagsState,
  cmd: { traineeId: string; date: string; hospital: string; reason: string },
  referralId: string,
  ctx: FlagsContext,
): NewEvent<'TraineeReferred'>[] {
  checkInCare(ctx);
  checkStart('date', cmd.date, ctx);
  const referrals = [...state.referrals.values()];
  if (referrals.some((r) => r.returnedDate === null)) throw new SenError('REFERRAL_OPEN', 'This trainee is already at hospital: record the return first.');
  // A stay cannot start before the previous one ended.
  if (referrals.some((r) => r.returnedDate !== null && cmd.date < r.returnedDate)) refuse([{ path: 'date', code: 'beforePreviousReturn' }]);
  return [{ type: 'TraineeReferred', data: { ...cmd, referralId }, occurredAt: cmd.date }];
}

export function returnFromReferral(state: FlagsState, cmd: { traineeId: string; referralId: string; date: string; note: string }, ctx: FlagsContext): NewEvent<'TraineeReturnedFromReferral'>[] {
  const r = state.referrals.get(cmd.referralId);
  if (!r) throw new SenError('NOT_FOUND', 'No such referral for this trainee.');
  if (r.returnedDate !== null) throw new SenError('NOT_ACTIVE', 'The trainee has already returned from this referral.');
  if (cmd.date > ctx.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (cmd.date < r.date) refuse([{ path: 'date', code: 'returnBeforeReferral' }]);
  return [{ type: 'TraineeReturnedFromReferral', data: cmd, occurredAt: cmd.date }];
}
