import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent, StoredEvent } from '../../../../shared/events';
import type { DoseSlot, PrescriptionStatus } from '../../../../shared/medical/prescriptions';

/**
 * The prescriptions decider: `foldPrescriptions` folds a trainee's medical stream into the
 * prescriptions it holds; `writePrescription`, `revisePrescription`, `renewPrescription` and
 * `discontinuePrescription` turn a validated command into events or refuse it. Pure: the clock,
 * the new id, the formulary item and the trainee's status come in through the context.
 *
 * Another slice (ARV) that starts or changes a regimen appends these events together with its
 * own, in ONE append to `medical:<traineeId>`:
 *
 *   const stream = streams.medical(traineeId);
 *   const state = foldPrescriptions(ctx.store.readStream(stream));
 *   const events = [
 *     ...discontinuePrescription(state, { prescriptionId: old, date, reason }, { today }),
 *     ...writePrescription(state, { traineeId, itemId, dose, slots, startDate, endDate: null, indication }, { today, newId, item, traineeInCare }),
 *     ...arvEvents,
 *   ];
 *   ctx.store.append(stream, state.version, events, ctx.meta(reason));
 *
 * (`item` from `formularyItem(ctx.store.db, itemId)` and `traineeStatus(db, id)` in ./queries.)
 * Or use `revisePrescription` for a regimen change: one event that stops the old prescription the
 * day the new one starts. This slice's own commands (handlers.ts) refuse ARV items, so regimens
 * only change through the ARV slice and its history.
 */

export interface HeldPrescription {
  id: string;
  itemId: string;
  dose: string;
  slots: DoseSlot[];
  startDate: string;
  endDate: string | null;
  indication: string;
  previousId: string | null;
  status: PrescriptionStatus;
  stoppedDate: string | null;
}

export interface PrescriptionsState {
  traineeId: string | null;
  prescriptions: Map<string, HeldPrescription>;
  /** Stream version (every event, voided or not): what the next append expects. */
  version: number;
}

/** What a decision needs to know about a formulary item. */
export interface ItemFacts {
  id: string;
  arv: boolean;
  active: boolean;
}

export interface WriteContext {
  today: string;
  newId: () => string;
  /** The formulary item prescribed, or null when there is none with that id. */
  item: ItemFacts | null;
  /** False for an unknown or released trainee. */
  traineeInCare: boolean;
}

export interface Treatment {
  itemId: string;
  dose: string;
  slots: DoseSlot[];
  startDate: string;
  endDate: string | null;
  indication: string;
}

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

/** Day after an ISO date (calendar arithmetic in UTC: no time zone surprises). */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function stop(state: PrescriptionsState, id: string, status: PrescriptionStatus, date: string): void {
  const p = state.prescriptions.get(id);
  if (p) state.prescriptions.set(id, { ...p, status, stoppedDate: date });
}

export function evolvePrescriptions(state: PrescriptionsState, e: StoredEvent): PrescriptionsState {
  switch (e.type) {
    case 'PrescriptionWritten':
    case 'PrescriptionRevised':
    case 'PrescriptionRenewed': {
      const d = e.data;
      const previousId = 'previousId' in d ? d.previousId : null;
      // The new prescription's first day is the old one's first day without doses.
      if (previousId) stop(state, previousId, 'replaced', d.startDate);
      state.prescriptions.set(d.prescriptionId, {
        id: d.prescriptionId,
        itemId: d.itemId,
        dose: d.dose,
        slots: d.slots,
        startDate: d.startDate,
        endDate: d.endDate,
        indication: d.indication,
        previousId,
        status: 'active',
        stoppedDate: null,
      });
      return { ...state, traineeId: d.traineeId };
    }
    case 'PrescriptionDiscontinued':
      stop(state, e.data.prescriptionId, 'discontinued', e.data.date);
      return state;
    default:
      return state;
  }
}

/** The trainee's prescriptions from the events still in force (voided ones skipped). */
export function foldPrescriptions(events: readonly StoredEvent[]): PrescriptionsState {
  const voided = new Set(events.flatMap((e) => (e.type === 'EventVoided' ? [e.data.seq] : [])));
  let state: PrescriptionsState = { traineeId: null, prescriptions: new Map(), version: 0 };
  for (const e of events) if (!voided.has(e.seq)) state = evolvePrescriptions(state, e);
  return { ...state, version: events.at(-1)?.version ?? 0 };
}

function checkCanPrescribe(ctx: WriteContext, path = 'itemId'): ItemFacts {
  if (!ctx.traineeInCare) throw new SenError('ALREADY_RELEASED', 'The trainee is not in care: no new prescriptions.');
  if (!ctx.item) refuse([{ path, code: 'unknownDrug' }]);
  if (!ctx.item.active) refuse([{ path, code: 'drugInactive' }]);
  return ctx.item;
}

function checkDates(t: { startDate: string; endDate: string | null }): void {
  if (t.endDate !== null && t.endDate < t.startDate) refuse([{ path: 'endDate', code: 'endBeforeStart' }]);
}

/** The prescription a revise/renew/discontinue names: it must exist and still be active. */
function activePrescription(state: PrescriptionsState, id: string, path: string): HeldPrescription {
  const p = state.prescriptions.get(id);
  if (!p) throw new SenError('NOT_FOUND', `There is no prescription ${id} for this trainee.`, [{ path, code: 'unknownPrescription' }]);
  if (p.status !== 'active') {
    throw new SenError('PRESCRIPTION_NOT_ACTIVE', `Prescription ${id} is ${p.status}: only an active prescription can be changed.`, [
      { path, code: 'prescriptionNotActive' },
    ]);
  }
  return p;
}

export function writePrescription(
  _state: PrescriptionsState,
  cmd: Treatment & { traineeId: string },
  ctx: WriteContext,
): NewEvent<'PrescriptionWritten'>[] {
  checkCanPrescribe(ctx);
  checkDates(cmd);
  return [
    {
      type: 'PrescriptionWritten',
      data: { ...treatmentData(cmd), traineeId: cmd.traineeId, prescriptionId: ctx.newId() },
      occurredAt: cmd.startDate,
    },
  ];
}

export function revisePrescription(
  state: PrescriptionsState,
  cmd: Treatment & { traineeId: string; previousId: string; reason: string },
  ctx: WriteContext,
): NewEvent<'PrescriptionRevised'>[] {
  const previous = activePrescription(state, cmd.previousId, 'previousId');
  checkCanPrescribe(ctx);
  checkDates(cmd);
  // The revision takes over from its start date: the old one cannot be replaced before it began.
  if (cmd.startDate < previous.startDate) refuse([{ path: 'startDate', code: 'beforePreviousStart' }]);
  return [
    {
      type: 'PrescriptionRevised',
      data: {
        ...treatmentData(cmd),
        traineeId: cmd.traineeId,
        prescriptionId: ctx.newId(),
        previousId: cmd.previousId,
        reason: cmd.reason,
      },
      occurredAt: cmd.startDate,
    },
  ];
}

export function renewPrescription(
  state: PrescriptionsState,
  cmd: { traineeId: string; previousId: string; endDate: string | null; reason: string },
  ctx: WriteContext,
): NewEvent<'PrescriptionRenewed'>[] {
  const previous = activePrescription(state, cmd.previousId, 'previousId');
  if (previous.endDate === null) refuse([{ path: 'previousId', code: 'noEndToRenew' }]);
  checkCanPrescribe(ctx, 'previousId');
  // Continue the day after it ends; if it has already lapsed, from today (the days in between had no prescription).
  const after = nextDay(previous.endDate);
  const startDate = after > ctx.today ? after : ctx.today;
  if (cmd.endDate !== null && cmd.endDate < startDate) refuse([{ path: 'endDate', code: 'endBeforeStart' }]);
  return [
    {
      type: 'PrescriptionRenewed',
      data: {
        traineeId: cmd.traineeId,
        prescriptionId: ctx.newId(),
        itemId: previous.itemId,
        dose: previous.dose,
        slots: previous.slots,
        startDate,
        endDate: cmd.endDate,
        indication: previous.indication,
        previousId: cmd.previousId,
        reason: cmd.reason,
      },
      occurredAt: startDate,
    },
  ];
}

export function discontinuePrescription(
  state: PrescriptionsState,
  cmd: { traineeId: string; prescriptionId: string; date: string; reason: string },
  ctx: { today: string },
): NewEvent<'PrescriptionDiscontinued'>[] {
  const p = activePrescription(state, cmd.prescriptionId, 'prescriptionId');
  // A stop planned ahead is an end date (revise); a discontinuation is a fact, possibly recorded late.
  if (cmd.date > ctx.today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  if (cmd.date < p.startDate) refuse([{ path: 'date', code: 'beforePreviousStart' }]);
  return [{ type: 'PrescriptionDiscontinued', data: { ...cmd }, occurredAt: cmd.date }];
}

function treatmentData(t: Treatment): Treatment {
  return { itemId: t.itemId, dose: t.dose, slots: t.slots, startDate: t.startDate, endDate: t.endDate, indication: t.indication };
}
