import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent } from '../../../../shared/events';
import type { EligibilityRules, Rating, RewardKind } from '../../../../shared/duty/recognition';

/**
 * The recognition decider. Pure: the trainees' facts (from the trainees projection), the month's
 * current ratings (from this slice's projection) and the clock come in; events per trainee go out.
 */

export interface TraineeFacts {
  admissionDate: string;
  status: 'in_care' | 'released';
  releaseDate: string | null;
}

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

function factsOf(facts: ReadonlyMap<string, TraineeFacts>, traineeId: string): TraineeFacts {
  const f = facts.get(traineeId);
  if (!f) throw new SenError('NOT_FOUND', `No such trainee: ${traineeId}.`);
  return f;
}

export interface PerTrainee<T extends 'RewardGranted' | 'MonthlyRated'> {
  traineeId: string;
  event: NewEvent<T>;
}

/** One reward for each trainee in care; the date neither in the future nor before an admission. */
export function grantRewards(
  cmd: { traineeIds: readonly string[]; kind: RewardKind; reason: string; date: string },
  facts: ReadonlyMap<string, TraineeFacts>,
  ids: { batchId: string; rewardIds: readonly string[] },
  today: string,
): PerTrainee<'RewardGranted'>[] {
  if (cmd.date > today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  return cmd.traineeIds.map((traineeId, i) => {
    const f = factsOf(facts, traineeId);
    if (f.status === 'released') throw new SenError('ALREADY_RELEASED', `Trainee ${traineeId} has already been released.`);
    if (cmd.date < f.admissionDate) refuse([{ path: 'date', code: 'beforeAdmission' }]);
    return {
      traineeId,
      event: { type: 'RewardGranted', data: { traineeId, rewardId: ids.rewardIds[i]!, batchId: ids.batchId, kind: cmd.kind, reason: cmd.reason, date: cmd.date }, occurredAt: cmd.date },
    };
  });
}

/**
 * A month's sheet: a rating for a month already begun, for trainees in care during it (not before
 * the admission month, not after the release month). An unchanged rating writes nothing; a changed
 * one is a new event naming the one it replaces.
 */
export function rateMonth(
  cmd: { month: string; ratings: readonly { traineeId: string; rating: Rating }[] },
  facts: ReadonlyMap<string, TraineeFacts>,
  current: ReadonlyMap<string, { rating: Rating; seq: number }>,
  today: string,
): { recorded: PerTrainee<'MonthlyRated'>[]; unchanged: number } {
  if (cmd.month > today.slice(0, 7)) refuse([{ path: 'month', code: 'monthNotBegun' }]);
  const recorded: PerTrainee<'MonthlyRated'>[] = [];
  let unchanged = 0;
  cmd.ratings.forEach(({ traineeId, rating }, i) => {
    const f = factsOf(facts, traineeId);
    if (cmd.month < f.admissionDate.slice(0, 7)) refuse([{ path: `ratings.${i}.traineeId`, code: 'monthBeforeAdmission' }]);
    if (f.releaseDate !== null && cmd.month > f.releaseDate.slice(0, 7)) {
      throw new SenError('ALREADY_RELEASED', `Trainee ${traineeId} was released before ${cmd.month}.`);
    }
    const before = current.get(traineeId);
    if (before?.rating === rating) {
      unchanged += 1;
      return;
    }
    recorded.push({ traineeId, event: { type: 'MonthlyRated', data: { traineeId, month: cmd.month, rating, replacesSeq: before?.seq ?? null } } });
  });
  return { recorded, unchanged };
}

export function changeRules(next: EligibilityRules): NewEvent<'EligibilityRulesChanged'>[] {
  return [{ type: 'EligibilityRulesChanged', data: next }];
}
