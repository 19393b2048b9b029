import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent } from '../../../../shared/events';
import type { DoseSlot, DoseStatus } from '../../../../shared/medical/prescriptions';
import type { DoseFacts } from './queries';

export interface RoundCommand {
  date: string;
  slot: DoseSlot;
  doses: { prescriptionId: string; status: DoseStatus; note: string }[];
}

/**
 * The round's decision: one DoseRecorded per dose, grouped by trainee (one append request per
 * medical stream), or a refusal of the whole round naming every row that is wrong (`doses.<i>`,
 * with the trainee and drug in `params`), so nothing is written and the screen can point at them.
 * Pure: the facts come from one query over the projections.
 */
export function decideRound(cmd: RoundCommand, facts: ReadonlyMap<string, DoseFacts>, today: string): Map<string, NewEvent<'DoseRecorded'>[]> {
  if (cmd.date > today) {
    throw new SenError('VALIDATION', `The round of ${cmd.date} is in the future.`, [{ path: 'date', code: 'dateInFuture' }]);
  }
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const byTrainee = new Map<string, NewEvent<'DoseRecorded'>[]>();
  cmd.doses.forEach((dose, i) => {
    const f = facts.get(dose.prescriptionId);
    const problem = f ? rowProblem(f, cmd) : 'unknownPrescription';
    const path = `doses.${i}`;
    const params = { row: i + 1, name: f?.traineeName ?? '', item: f?.itemName ?? '' };
    if (problem) return void issues.push({ path, code: problem, params });
    if (seen.has(dose.prescriptionId)) return void issues.push({ path, code: 'doseAlreadyRecorded', params });
    seen.add(dose.prescriptionId);
    const list = byTrainee.get(f!.traineeId) ?? [];
    list.push({
      type: 'DoseRecorded',
      data: { traineeId: f!.traineeId, prescriptionId: dose.prescriptionId, date: cmd.date, slot: cmd.slot, status: dose.status, note: dose.note },
      occurredAt: cmd.date,
    });
    byTrainee.set(f!.traineeId, list);
  });
  if (issues.length) {
    const first = issues[0]!;
    const who = first.params?.name ? ` (${String(first.params.name)}, ${String(first.params.item)})` : '';
    throw new SenError('VALIDATION', `Nothing recorded: row ${String(first.params?.row)}${who}: ${first.code}${issues.length > 1 ? ` and ${issues.length - 1} more` : ''}.`, issues);
  }
  return byTrainee;
}

function rowProblem(f: DoseFacts, cmd: RoundCommand): string | null {
  // Stopped on or before this day: discontinued or replaced (a late record for an earlier day is fine).
  if (f.stoppedDate !== null && f.stoppedDate <= cmd.date) return 'prescriptionNotActive';
  if (cmd.date < f.startDate || (f.endDate !== null && cmd.date > f.endDate) || !f.slots.includes(cmd.slot) || !f.inCare) return 'doseNotDue';
  if (f.recorded) return 'doseAlreadyRecorded';
  return null;
}
