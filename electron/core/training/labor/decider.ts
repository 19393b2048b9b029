import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent, StoredEvent } from '../../../../shared/events';
import { MAX_HOURS_PER_DAY, type SheetRowInput } from '../../../../shared/training/labor';

/**
 * The labor decider. `foldWorkshop` folds a `workshop:<id>` stream; the per-trainee rules get the
 * trainee's facts from the projections (a trainee's labor stream grows by a row a working day, so
 * it is not folded on every sheet). Pure: the clock, the caller and the facts come in.
 */
export interface WorkshopState {
  version: number;
  opened: boolean;
  closed: boolean;
  name: string;
  product: string;
  unit: string;
  usesBlades: boolean;
  instructorId: string;
}

export function foldWorkshop(events: readonly StoredEvent[]): WorkshopState {
  const s: WorkshopState = { version: events.at(-1)?.version ?? 0, opened: false, closed: false, name: '', product: '', unit: '', usesBlades: false, instructorId: '' };
  for (const e of events) {
    switch (e.type) {
      case 'WorkshopOpened':
      case 'WorkshopChanged': {
        const { workshopId: _id, ...rest } = e.data;
        Object.assign(s, rest, { opened: true });
        break;
      }
      case 'WorkshopClosed':
        s.closed = true;
        break;
      default:
        break;
    }
  }
  return s;
}

/** Who acts, and the day by the core's clock. */
export interface Caller {
  today: string;
  userId: string;
  isAdmin: boolean;
}

export interface WorkshopDescription {
  name: string;
  product: string;
  unit: string;
  usesBlades: boolean;
  instructorId: string;
}

/** What the workshop rules read beside the stream: the named instructor, and names in use. */
export interface WorkshopFacts {
  /** The account exists, is active and holds the instructor role. */
  instructorOk: boolean;
  /** Another open workshop already has this name. */
  nameTaken: boolean;
  /** How many on the roster may not work with sharp tools (for a change to "uses blades"). */
  restrictedOnRoster: number;
}

export function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

/** An instructor runs their own workshops; the admin any. */
function checkRuns(w: WorkshopState, caller: Caller): void {
  if (!caller.isAdmin && w.instructorId !== caller.userId) throw new SenError('FORBIDDEN', 'Only the workshop’s instructor (or an administrator) may do this.');
}

function checkOpen(w: WorkshopState): void {
  if (!w.opened) throw new SenError('NOT_FOUND', 'No such workshop.');
  if (w.closed) refuse([{ path: 'workshopId', code: 'workshopClosed' }]);
}

function checkDescription(d: WorkshopDescription, facts: WorkshopFacts): void {
  const issues: FieldIssue[] = [];
  if (facts.nameTaken) issues.push({ path: 'name', code: 'duplicateWorkshopName' });
  if (!facts.instructorOk) issues.push({ path: 'instructorId', code: 'notAnInstructor' });
  if (d.usesBlades && facts.restrictedOnRoster > 0) issues.push({ path: 'usesBlades', code: 'restrictedOnRoster', params: { count: facts.restrictedOnRoster } });
  if (issues.length) refuse(issues);
}

export function openWorkshop(d: WorkshopDescription, workshopId: string, facts: WorkshopFacts, caller: Caller): NewEvent<'WorkshopOpened'>[] {
  // An instructor opens workshops they run themselves; the admin names anyone.
  if (!caller.isAdmin && d.instructorId !== caller.userId) refuse([{ path: 'instructorId', code: 'notYourself' }]);
  checkDescription(d, facts);
  return [{ type: 'WorkshopOpened', data: { workshopId, ...d } }];
}

export function changeWorkshop(w: WorkshopState, d: WorkshopDescription & { workshopId: string }, facts: WorkshopFacts, caller: Caller): NewEvent<'WorkshopChanged'>[] {
  checkOpen(w);
  checkRuns(w, caller);
  const same = w.name === d.name && w.product === d.product && w.unit === d.unit && w.usesBlades === d.usesBlades && w.instructorId === d.instructorId;
  if (same) throw new SenError('NOTHING_CHANGED', 'Nothing to change.');
  checkDescription(d, facts);
  return [{ type: 'WorkshopChanged', data: d }];
}

export interface Member {
  traineeId: string;
  since: string;
}

/** Closing unassigns everyone still there, from the closing day (the handler appends both together). */
export function closeWorkshop(
  w: WorkshopState,
  cmd: { workshopId: string; date: string },
  roster: readonly Member[],
  caller: Caller,
): { workshop: NewEvent<'WorkshopClosed'>[]; members: { traineeId: string; events: NewEvent<'TraineeUnassignedFromWorkshop'>[] }[] } {
  checkOpen(w);
  checkRuns(w, caller);
  if (cmd.date > caller.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (roster.some((m) => m.since > cmd.date)) refuse([{ path: 'date', code: 'beforeLastAssignment' }]);
  return {
    workshop: [{ type: 'WorkshopClosed', data: cmd, occurredAt: cmd.date }],
    members: roster.map((m) => ({
      traineeId: m.traineeId,
      events: [{ type: 'TraineeUnassignedFromWorkshop', data: { traineeId: m.traineeId, workshopId: cmd.workshopId, date: cmd.date, cause: 'closed', note: '' }, occurredAt: cmd.date }],
    })),
  };
}

/** One trainee as the assignment and sheet rules need them (roster, flags and labor projections). */
export interface TraineeLaborFacts {
  admissionDate: string;
  released: boolean;
  /** The workshop they are in now, and since when. */
  current: { workshopId: string; since: string } | null;
  /** A restriction in force forbids work with sharp tools (the fact; the reason is never read). */
  noSharpTools: boolean;
}

export const SHARP_TOOLS_MESSAGE = 'This trainee may not do work with sharp tools.';

export function assign(
  w: WorkshopState,
  cmd: { workshopId: string; traineeId: string; date: string },
  t: TraineeLaborFacts,
  caller: Caller,
): NewEvent<'TraineeAssignedToWorkshop' | 'TraineeUnassignedFromWorkshop'>[] {
  checkOpen(w);
  checkRuns(w, caller);
  if (t.released) throw new SenError('ALREADY_RELEASED', 'This trainee has already been released.', [{ path: 'traineeId', code: 'traineeReleased' }]);
  if (cmd.date > caller.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (cmd.date < t.admissionDate) refuse([{ path: 'date', code: 'beforeAdmission' }]);
  // Only the fact reaches the instructor: the message never says why.
  if (w.usesBlades && t.noSharpTools) throw new SenError('VALIDATION', SHARP_TOOLS_MESSAGE, [{ path: 'traineeId', code: 'noSharpTools' }]);
  if (t.current?.workshopId === cmd.workshopId) throw new SenError('NOTHING_CHANGED', 'Already in this workshop.');
  if (t.current && cmd.date < t.current.since) refuse([{ path: 'date', code: 'beforeLastAssignment' }]);
  const assigned: NewEvent<'TraineeAssignedToWorkshop'> = { type: 'TraineeAssignedToWorkshop', data: cmd, occurredAt: cmd.date };
  if (!t.current) return [assigned];
  // One workshop at a time: a move is the old one's unassignment and the new assignment together.
  return [
    { type: 'TraineeUnassignedFromWorkshop', data: { traineeId: cmd.traineeId, workshopId: t.current.workshopId, date: cmd.date, cause: 'moved', note: '' }, occurredAt: cmd.date },
    assigned,
  ];
}

export function unassign(
  w: WorkshopState | null,
  cmd: { traineeId: string; date: string; note: string },
  t: TraineeLaborFacts,
  caller: Caller,
): NewEvent<'TraineeUnassignedFromWorkshop'>[] {
  if (!t.current || !w) refuse([{ path: 'traineeId', code: 'notAssigned' }]);
  checkRuns(w, caller);
  if (cmd.date > caller.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (cmd.date < t.current.since) refuse([{ path: 'date', code: 'beforeLastAssignment' }]);
  return [{ type: 'TraineeUnassignedFromWorkshop', data: { ...cmd, workshopId: t.current.workshopId, cause: 'unassigned' }, occurredAt: cmd.date }];
}

/** One sheet row's trainee on the sheet's day. */
export interface SheetRowFacts {
  released: boolean;
  /** In this workshop on the sheet's day. */
  assignedThatDay: boolean;
  /** Already has an entry on this workshop's sheet for the day. */
  alreadyRecorded: boolean;
  /** Hours already booked that day on other sheets. */
  otherHours: number;
}

/**
 * The daily sheet: every row is checked before anything is written, and a refusal names the row
 * (`rows.<i>.<field>`). One LaborRecorded per row.
 */
export function recordSheet(
  w: WorkshopState,
  cmd: { workshopId: string; date: string; rows: readonly SheetRowInput[] },
  facts: readonly SheetRowFacts[],
  caller: Caller,
): NewEvent<'LaborRecorded'>[][] {
  if (!w.opened) throw new SenError('NOT_FOUND', 'No such workshop.');
  checkRuns(w, caller);
  if (cmd.date > caller.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  const issues: FieldIssue[] = [];
  cmd.rows.forEach((r, i) => {
    const f = facts[i]!;
    if (f.released) issues.push({ path: `rows.${i}.traineeId`, code: 'traineeReleased' });
    else if (!f.assignedThatDay) issues.push({ path: `rows.${i}.traineeId`, code: 'notAssignedThatDay' });
    else if (f.alreadyRecorded) issues.push({ path: `rows.${i}.traineeId`, code: 'laborAlreadyRecorded' });
    else if (r.hours + f.otherHours > MAX_HOURS_PER_DAY) issues.push({ path: `rows.${i}.hours`, code: 'hoursOverDay', params: { other: f.otherHours } });
  });
  if (issues.length) refuse(issues);
  return cmd.rows.map((r) => [
    {
      type: 'LaborRecorded',
      data: { ...r, workshopId: cmd.workshopId, date: cmd.date, quality: r.present ? r.quality : '', absenceNote: r.present ? '' : r.absenceNote },
      occurredAt: cmd.date,
    },
  ]);
}
