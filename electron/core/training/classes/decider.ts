import type { AbsenceReason, LiteracyPhase, WithdrawReason } from '../../../../shared/training/classes';
import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent, StoredEvent } from '../../../../shared/events';

/**
 * The classes decider. `foldClass` folds a `class:<id>` stream, `foldTraineeLiteracy` the
 * classes' part of one trainee's `literacy:<id>` stream (the literacy slice's events ignored);
 * each command function turns a validated command into events or refuses it. Pure: the clock and
 * the trainee's facts come in.
 */

export interface ClassState {
  version: number;
  classId: string;
  openedDate: string;
  closedDate: string | null;
}

export function foldClass(events: readonly StoredEvent[]): ClassState | null {
  let state: ClassState | null = null;
  for (const e of events) {
    if (e.type === 'ClassOpened') state = { version: e.version, classId: e.data.classId, openedDate: e.data.date, closedDate: null };
    else if (e.type === 'ClassClosed' && state) state.closedDate = e.data.date;
    if (state) state.version = e.version;
  }
  return state;
}

export interface Enrolment {
  classId: string;
  from: string;
  /** The day the trainee left (not in class from that day on), or null while enrolled. */
  until: string | null;
}

export interface Mark {
  seq: number;
  present: boolean;
  reason: AbsenceReason | null;
  note: string;
}

export interface TraineeLiteracyState {
  /** Version of the whole stream (shared with the literacy slice), for the expected version. */
  version: number;
  enrolments: Enrolment[];
  /** Latest mark per `${classId}|${date}`. */
  marks: Map<string, Mark>;
}

export const markKey = (classId: string, date: string) => `${classId}|${date}`;

export function foldTraineeLiteracy(events: readonly StoredEvent[]): TraineeLiteracyState {
  const state: TraineeLiteracyState = { version: events.at(-1)?.version ?? 0, enrolments: [], marks: new Map() };
  for (const e of events) {
    switch (e.type) {
      case 'TraineeEnrolled':
        state.enrolments.push({ classId: e.data.classId, from: e.data.date, until: null });
        break;
      case 'TraineeWithdrawn': {
        const current = state.enrolments.find((x) => x.classId === e.data.classId && x.until === null);
        if (current) current.until = e.data.date;
        break;
      }
      case 'AttendanceRecorded':
        state.marks.set(markKey(e.data.classId, e.data.date), { seq: e.seq, present: e.data.present, reason: e.data.reason, note: e.data.note });
        break;
      default:
        break;
    }
  }
  return state;
}

/** The enrolment still open (a trainee is in at most one class at a time). */
export function currentEnrolment(state: TraineeLiteracyState): Enrolment | undefined {
  return state.enrolments.find((x) => x.until === null);
}

/** Whether the trainee was in the class on `date`. */
export function enrolledOn(state: TraineeLiteracyState, classId: string, date: string): boolean {
  return state.enrolments.some((x) => x.classId === classId && x.from <= date && (x.until === null || date < x.until));
}

/** The trainee as the rules need them (from the roster projection), and the core's clock. */
export interface TraineeContext {
  today: string;
  admissionDate: string;
  released: boolean;
}

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

/** A class day: not in the future, not before the class opened, not after it closed. */
export function checkClassDay(cls: ClassState, date: string, today: string): void {
  if (date > today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (date < cls.openedDate) refuse([{ path: 'date', code: 'beforeClassOpened' }]);
  if (cls.closedDate !== null && date > cls.closedDate) refuse([{ path: 'date', code: 'classClosed' }]);
}

export interface OpenClassCommand {
  name: string;
  teacherId: string;
  phase: LiteracyPhase;
  weekdays: number[];
  startTime: string;
  endTime: string;
  room: string;
  date: string;
}

/** `teacherActive`: the named account is active and holds the teacher role (the handler reads it). */
export function openClass(cmd: OpenClassCommand, classId: string, ctx: { today: string; teacherActive: boolean }): NewEvent<'ClassOpened'>[] {
  if (!ctx.teacherActive) refuse([{ path: 'teacherId', code: 'notATeacher' }]);
  if (cmd.date > ctx.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (cmd.endTime <= cmd.startTime) refuse([{ path: 'endTime', code: 'endBeforeStart' }]);
  return [{ type: 'ClassOpened', data: { classId, ...cmd }, occurredAt: cmd.date }];
}

export function closeClass(cls: ClassState | null, cmd: { classId: string; date: string; note: string }, today: string): NewEvent<'ClassClosed'>[] {
  if (!cls) throw new SenError('NOT_FOUND', 'No such class.');
  if (cls.closedDate !== null) throw new SenError('NOT_ACTIVE', 'This class is already closed.');
  checkClassDay(cls, cmd.date, today);
  return [{ type: 'ClassClosed', data: cmd, occurredAt: cmd.date }];
}

export function enrol(state: TraineeLiteracyState, cls: ClassState | null, cmd: { traineeId: string; classId: string; date: string }, ctx: TraineeContext): NewEvent<'TraineeEnrolled'>[] {
  if (!cls) throw new SenError('NOT_FOUND', 'No such class.');
  if (ctx.released) refuse([{ path: 'traineeId', code: 'traineeReleased' }]);
  if (cls.closedDate !== null) refuse([{ path: 'classId', code: 'classClosed' }]);
  checkClassDay(cls, cmd.date, ctx.today);
  if (cmd.date < ctx.admissionDate) refuse([{ path: 'date', code: 'beforeAdmission' }]);
  const current = currentEnrolment(state);
  if (current) refuse([{ path: 'traineeId', code: current.classId === cmd.classId ? 'alreadyEnrolled' : 'enrolledElsewhere' }]);
  const last = state.enrolments.at(-1);
  if (last?.until && cmd.date < last.until) refuse([{ path: 'date', code: 'beforeLastWithdrawal' }]);
  return [{ type: 'TraineeEnrolled', data: cmd, occurredAt: cmd.date }];
}

export function withdraw(
  state: TraineeLiteracyState,
  cmd: { traineeId: string; classId: string; date: string; reason: WithdrawReason; note: string },
  today: string,
): NewEvent<'TraineeWithdrawn'>[] {
  const current = currentEnrolment(state);
  if (!current || current.classId !== cmd.classId) refuse([{ path: 'traineeId', code: 'notEnrolled' }]);
  if (cmd.date > today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (cmd.date < current.from) refuse([{ path: 'date', code: 'beforeEnrolment' }]);
  if (cmd.reason === 'other' && cmd.note === '') refuse([{ path: 'note', code: 'noteRequiredForOther' }]);
  return [{ type: 'TraineeWithdrawn', data: cmd, occurredAt: cmd.date }];
}

/**
 * One trainee's mark at a session. The first mark for the class and date is recorded; a later one
 * that differs records a correction naming the earlier entry; the same mark again records nothing.
 */
export function recordAttendance(
  state: TraineeLiteracyState,
  cls: ClassState,
  cmd: { traineeId: string; classId: string; date: string; present: boolean; reason: AbsenceReason | null; note: string },
  ctx: TraineeContext,
): NewEvent<'AttendanceRecorded'>[] {
  if (ctx.released) refuse([{ path: 'traineeId', code: 'traineeReleased' }]);
  checkClassDay(cls, cmd.date, ctx.today);
  if (!enrolledOn(state, cmd.classId, cmd.date)) refuse([{ path: 'traineeId', code: 'notEnrolled' }]);
  if (cmd.present === (cmd.reason !== null)) refuse([{ path: 'reason', code: cmd.present ? 'reasonOnlyWhenAbsent' : 'absenceReasonRequired' }]);
  if (cmd.reason === 'other' && cmd.note === '') refuse([{ path: 'note', code: 'noteRequiredForOther' }]);
  const earlier = state.marks.get(markKey(cmd.classId, cmd.date));
  if (earlier && earlier.present === cmd.present && earlier.reason === cmd.reason && earlier.note === cmd.note) return [];
  return [{ type: 'AttendanceRecorded', data: { ...cmd, corrects: earlier?.seq ?? null }, occurredAt: cmd.date }];
}
