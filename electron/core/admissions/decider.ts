import { SenError, type FieldIssue } from '../../../shared/errors';
import {
  PHASES,
  traineeDetailsSchema,
  type FieldChange,
  type Phase,
  type ReleaseKind,
  type TraineeDetails,
  type TraineeStatus,
  TRAINEE_DETAIL_FIELDS,
} from '../../../shared/admissions';
import type { NewEvent, StoredEvent } from '../../../shared/events';
import { zodIssues } from '../validation';

/**
 * The trainee decider: `evolve` folds a trainee's stream into the state decisions need;
 * `admit`, `correct` and `release` turn a validated command into events or refuse it.
 * Pure: the clock comes in as `today` (yyyy-MM-dd).
 */
export interface TraineeState {
  exists: boolean;
  traineeId: string | null;
  details: TraineeDetails | null;
  /** seq of the TraineeAdmitted event: corrections name it. */
  admittedSeq: number | null;
  status: TraineeStatus;
  phase: Phase;
  /** Date of the last phase change still in force (null: in the first stage since admission). */
  phaseSince: string | null;
  releaseDate: string | null;
  releaseKind: ReleaseKind | null;
  releaseNote: string;
  version: number;
}

export const initialTraineeState: TraineeState = {
  exists: false,
  traineeId: null,
  details: null,
  admittedSeq: null,
  status: 'in_care',
  phase: 'intake',
  phaseSince: null,
  releaseDate: null,
  releaseKind: null,
  releaseNote: '',
  version: 0,
};

export function evolve(state: TraineeState, event: StoredEvent): TraineeState {
  switch (event.type) {
    case 'TraineeAdmitted': {
      const { traineeId, ...details } = event.data;
      return { ...state, exists: true, traineeId, details, admittedSeq: event.seq, version: event.version };
    }
    case 'TraineeDetailsCorrected': {
      if (!state.details) return state;
      const details = { ...state.details } as Record<string, unknown>;
      for (const c of event.data.changes) details[c.field] = c.to;
      return { ...state, details: details as TraineeDetails, version: event.version };
    }
    case 'TraineeReleased':
      return {
        ...state,
        status: 'released',
        releaseDate: event.data.releaseDate,
        releaseKind: event.data.kind,
        releaseNote: event.data.note,
        version: event.version,
      };
    case 'TraineePhaseAdvanced':
      return { ...state, phase: event.data.to, phaseSince: event.data.date, version: event.version };
    default:
      return state;
  }
}

/** The stream's state from the events still in force (voided ones skipped); version counts every event. */
export function foldTrainee(events: readonly StoredEvent[]): TraineeState {
  const voided = new Set(events.flatMap((e) => (e.type === 'EventVoided' ? [e.data.seq] : [])));
  const state = events.filter((e) => !voided.has(e.seq)).reduce(evolve, initialTraineeState);
  return { ...state, version: events.at(-1)?.version ?? 0 };
}

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

/** Rules that need the clock: nothing is born or admitted in the future, nobody admitted before birth. */
function checkDates(d: TraineeDetails, today: string): void {
  const issues: FieldIssue[] = [];
  if (d.dateOfBirth > today) issues.push({ path: 'dateOfBirth', code: 'dateInFuture' });
  if (d.admissionDate > today) issues.push({ path: 'admissionDate', code: 'dateInFuture' });
  else if (d.dateOfBirth <= today && d.admissionDate <= d.dateOfBirth) issues.push({ path: 'admissionDate', code: 'admissionBeforeBirth' });
  if (issues.length) refuse(issues);
}

export interface AdmitContext {
  today: string;
  fileNumberInUse: boolean;
}

export function admit(traineeId: string, input: TraineeDetails, ctx: AdmitContext): NewEvent<'TraineeAdmitted'>[] {
  checkDates(input, ctx.today);
  if (ctx.fileNumberInUse) {
    throw new SenError('DUPLICATE_FILE_NUMBER', `File number ${input.fileNumber} is already in use.`, [
      { path: 'fileNumber', code: 'duplicateFileNumber' },
    ]);
  }
  return [{ type: 'TraineeAdmitted', data: { traineeId, ...input }, occurredAt: input.admissionDate }];
}

export interface CorrectCommand {
  changes: Partial<TraineeDetails>;
  reason: string;
}

export function correct(
  state: TraineeState,
  cmd: CorrectCommand,
  ctx: { today: string; fileNumberInUse: (fileNumber: string) => boolean },
): NewEvent<'TraineeDetailsCorrected'>[] {
  if (!state.exists || !state.details || state.admittedSeq === null || !state.traineeId) {
    throw new SenError('NOT_FOUND', 'No such trainee.');
  }
  const changes: FieldChange[] = [];
  for (const field of TRAINEE_DETAIL_FIELDS) {
    if (!(field in cmd.changes)) continue;
    const to = cmd.changes[field];
    const from = state.details[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  if (changes.length === 0) throw new SenError('NOTHING_CHANGED', 'The correction changes nothing.');
  const merged = { ...state.details, ...cmd.changes };
  const checked = traineeDetailsSchema.safeParse(merged);
  if (!checked.success) refuse(zodIssues(checked.error));
  checkDates(merged, ctx.today);
  if (state.releaseDate && state.releaseDate < merged.admissionDate) {
    refuse([{ path: 'admissionDate', code: 'releaseBeforeAdmission' }]);
  }
  if (merged.fileNumber !== state.details.fileNumber && ctx.fileNumberInUse(merged.fileNumber)) {
    throw new SenError('DUPLICATE_FILE_NUMBER', `File number ${merged.fileNumber} is already in use.`, [
      { path: 'changes.fileNumber', code: 'duplicateFileNumber' },
    ]);
  }
  return [{ type: 'TraineeDetailsCorrected', data: { traineeId: state.traineeId, corrects: state.admittedSeq, changes, reason: cmd.reason } }];
}

export interface ReleaseCommand {
  releaseDate: string;
  kind: ReleaseKind;
  note: string;
}

export function release(state: TraineeState, cmd: ReleaseCommand, ctx: { today: string }): NewEvent<'TraineeReleased'>[] {
  if (!state.exists || !state.details || !state.traineeId) throw new SenError('NOT_FOUND', 'No such trainee.');
  if (state.status === 'released') throw new SenError('ALREADY_RELEASED', 'This trainee has already been released.');
  if (cmd.releaseDate < state.details.admissionDate) refuse([{ path: 'releaseDate', code: 'releaseBeforeAdmission' }]);
  if (cmd.releaseDate > ctx.today) refuse([{ path: 'releaseDate', code: 'dateInFuture' }]);
  return [{ type: 'TraineeReleased', data: { traineeId: state.traineeId, ...cmd }, occurredAt: cmd.releaseDate }];
}

export interface AdvancePhaseCommand {
  from: Phase;
  to: Phase;
  date: string;
  note: string;
}

/**
 * Moves the trainee to a later stage of treatment (stages may be skipped: voluntary treatment
 * need not go through all five). `from` must be the stage now in force, so two officers acting on
 * the same screen cannot move the trainee twice. Nothing else moves the phase.
 */
export function advancePhase(state: TraineeState, cmd: AdvancePhaseCommand, ctx: { today: string }): NewEvent<'TraineePhaseAdvanced'>[] {
  if (!state.exists || !state.details || !state.traineeId) throw new SenError('NOT_FOUND', 'No such trainee.');
  if (state.status === 'released') throw new SenError('ALREADY_RELEASED', 'This trainee has already been released.');
  const issues: FieldIssue[] = [];
  if (cmd.from !== state.phase) issues.push({ path: 'from', code: 'phaseNotCurrent' });
  else if (PHASES.indexOf(cmd.to) <= PHASES.indexOf(cmd.from)) issues.push({ path: 'to', code: 'phaseNotLater' });
  if (cmd.date > ctx.today) issues.push({ path: 'date', code: 'dateInFuture' });
  else if (cmd.date < state.details.admissionDate) issues.push({ path: 'date', code: 'beforeAdmission' });
  else if (state.phaseSince !== null && cmd.date < state.phaseSince) issues.push({ path: 'date', code: 'beforeLastPhaseChange' });
  if (issues.length) refuse(issues);
  return [{ type: 'TraineePhaseAdvanced', data: { traineeId: state.traineeId, ...cmd }, occurredAt: cmd.date }];
}
