import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent } from '../../../../shared/events';
import { ART_INDICATION, LAB_VALUE_MAX, type ArtChangeReason, type LabTest } from '../../../../shared/medical/arv';
import type { DoseSlot } from '../../../../shared/medical/prescriptions';

/**
 * The ARV decider: turns a validated command and the facts it needs (read by the handler from the
 * projections, inside the single writer) into events, or refuses. Pure: the clock comes in as
 * `today` (yyyy-MM-dd).
 */

/** The trainee as the decisions need it: null when there is no such trainee. */
export interface TraineeFacts {
  admissionDate: string;
  released: boolean;
}

/** A formulary item, as the prescriptions slice projects it. */
export interface FormularyFacts {
  id: string;
  arv: boolean;
  active: boolean;
}

/** The trainee's ARV prescription in force. */
export interface CurrentArv {
  prescriptionId: string;
  itemId: string;
  startDate: string;
}

export interface LabFacts {
  test: LabTest;
  requestedDate: string;
  received: boolean;
}

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

/** A trainee in care, and a date neither in the future nor before the admission. */
function checkTraineeAndDate(trainee: TraineeFacts | null, path: string, date: string, today: string): TraineeFacts {
  if (!trainee) throw new SenError('NOT_FOUND', 'No such trainee.');
  if (trainee.released) throw new SenError('ALREADY_RELEASED', 'This trainee has already been released.');
  if (date > today) refuse([{ path, code: 'dateInFuture' }]);
  if (date < trainee.admissionDate) refuse([{ path, code: 'beforeAdmission' }]);
  return trainee;
}

function checkRegimen(item: FormularyFacts | null): void {
  if (!item || !item.arv || !item.active) refuse([{ path: 'itemId', code: 'notArvRegimen' }]);
}

export interface StartCommand {
  traineeId: string;
  date: string;
  itemId: string;
  dose: string;
  slots: DoseSlot[];
}

export function startArt(
  cmd: StartCommand,
  facts: { today: string; trainee: TraineeFacts | null; item: FormularyFacts | null; current: CurrentArv | null; prescriptionId: string },
): NewEvent<'ArtStarted' | 'PrescriptionWritten'>[] {
  checkTraineeAndDate(facts.trainee, 'date', cmd.date, facts.today);
  if (facts.current) throw new SenError('ALREADY_ON_ART', 'This trainee is already on ART: change the regimen instead.');
  checkRegimen(facts.item);
  const { traineeId, date, itemId, dose, slots } = cmd;
  const prescriptionId = facts.prescriptionId;
  return [
    { type: 'ArtStarted', data: { traineeId, date, itemId, prescriptionId }, occurredAt: date },
    {
      type: 'PrescriptionWritten',
      data: { traineeId, prescriptionId, itemId, dose, slots, startDate: date, endDate: null, indication: ART_INDICATION },
      occurredAt: date,
    },
  ];
}

export interface ChangeCommand extends StartCommand {
  reasonCode: ArtChangeReason;
  reasonText: string;
}

/** ArtRegimenChanged, the old regimen's prescription discontinued from `date`, the new one written from `date`. */
export function changeRegimen(
  cmd: ChangeCommand,
  facts: { today: string; trainee: TraineeFacts | null; item: FormularyFacts | null; current: CurrentArv | null; prescriptionId: string },
): NewEvent<'ArtRegimenChanged' | 'PrescriptionDiscontinued' | 'PrescriptionWritten'>[] {
  checkTraineeAndDate(facts.trainee, 'date', cmd.date, facts.today);
  const current = facts.current;
  if (!current) throw new SenError('NOT_ON_ART', 'This trainee is not on ART: start it first.');
  if (cmd.date < current.startDate) refuse([{ path: 'date', code: 'beforeRegimenStart' }]);
  checkRegimen(facts.item);
  if (cmd.itemId === current.itemId) refuse([{ path: 'itemId', code: 'sameRegimen' }]);
  const { traineeId, date, itemId, dose, slots, reasonCode, reasonText } = cmd;
  const newPrescriptionId = facts.prescriptionId;
  return [
    {
      type: 'ArtRegimenChanged',
      data: { traineeId, date, stoppedItemId: current.itemId, startedItemId: itemId, stoppedPrescriptionId: current.prescriptionId, newPrescriptionId, reasonCode, reasonText },
      occurredAt: date,
    },
    {
      type: 'PrescriptionDiscontinued',
      // The prescription's reason is free text: the officer's words, or the code when there are none.
      data: { traineeId, prescriptionId: current.prescriptionId, date, reason: reasonText || `ARV: ${reasonCode}` },
      occurredAt: date,
    },
    {
      type: 'PrescriptionWritten',
      data: { traineeId, prescriptionId: newPrescriptionId, itemId, dose, slots, startDate: date, endDate: null, indication: ART_INDICATION },
      occurredAt: date,
    },
  ];
}

export function recordPillCount(
  cmd: { traineeId: string; date: string; expected: number; counted: number; note: string },
  facts: { today: string; trainee: TraineeFacts | null },
): NewEvent<'PillCountRecorded'>[] {
  checkTraineeAndDate(facts.trainee, 'date', cmd.date, facts.today);
  return [{ type: 'PillCountRecorded', data: cmd, occurredAt: cmd.date }];
}

export function recordCounselling(
  cmd: { traineeId: string; date: string; session: number; notes: string },
  facts: { today: string; trainee: TraineeFacts | null },
): NewEvent<'AdherenceCounsellingRecorded'>[] {
  checkTraineeAndDate(facts.trainee, 'date', cmd.date, facts.today);
  return [{ type: 'AdherenceCounsellingRecorded', data: cmd, occurredAt: cmd.date }];
}

export function requestLab(
  cmd: { traineeId: string; test: LabTest; requestedDate: string },
  facts: { today: string; trainee: TraineeFacts | null; labId: string },
): NewEvent<'LabRequested'>[] {
  checkTraineeAndDate(facts.trainee, 'requestedDate', cmd.requestedDate, facts.today);
  return [{ type: 'LabRequested', data: { ...cmd, labId: facts.labId }, occurredAt: cmd.requestedDate }];
}

/** A result: for a request of this trainee without one yet, not before the request nor in the future, plausible for its test. */
export function recordLabResult(
  cmd: { traineeId: string; labId: string; receivedDate: string; value: number; undetectable: boolean },
  facts: { today: string; trainee: TraineeFacts | null; lab: LabFacts | null },
): NewEvent<'LabResultReceived'>[] {
  if (!facts.trainee) throw new SenError('NOT_FOUND', 'No such trainee.');
  const lab = facts.lab;
  if (!lab) throw new SenError('NOT_FOUND', 'No such lab request for this trainee.');
  if (lab.received) refuse([{ path: 'labId', code: 'resultAlreadyRecorded' }]);
  const issues: FieldIssue[] = [];
  if (cmd.receivedDate > facts.today) issues.push({ path: 'receivedDate', code: 'dateInFuture' });
  else if (cmd.receivedDate < lab.requestedDate) issues.push({ path: 'receivedDate', code: 'resultBeforeRequest' });
  if (cmd.value > LAB_VALUE_MAX[lab.test]) issues.push({ path: 'value', code: 'outOfRange' });
  if (cmd.undetectable && lab.test !== 'viral_load') issues.push({ path: 'undetectable', code: 'invalid' });
  if (issues.length) refuse(issues);
  return [{ type: 'LabResultReceived', data: cmd, occurredAt: cmd.receivedDate }];
}
