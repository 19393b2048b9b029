import { SenError, type FieldIssue } from '../../../../shared/errors';
import type { NewEvent } from '../../../../shared/events';
import { SKILLS, currentLevels, meets, statusOf, type LiteracyLevel, type Skill, type SkillLevel, type SkillObservation } from '../../../../shared/training/literacy';

/**
 * The literacy decider. Pure: the trainees' facts (roster projection), their enrolment in the
 * class (classes projection), their observations and completions (this slice's projection) and
 * the clock come in; one event per trainee goes out, or a refusal naming the row.
 */

export interface TraineeFacts {
  status: 'in_care' | 'released';
}

/** A trainee's enrolment in the class the command names (the latest one, if enrolled twice). */
export interface Enrolment {
  enrolledOn: string;
  /** The day they left the class (withdrawn, or the class closed): no longer enrolled from that day on; null while enrolled. */
  leftOn: string | null;
}

function refuse(issues: FieldIssue[]): never {
  throw new SenError('VALIDATION', issues.map((i) => `${i.path}: ${i.code}`).join('; '), issues);
}

/** In care, enrolled in the class on `date`: else a refusal at `path`. */
function checkEnrolled(path: string, date: string, facts: TraineeFacts | undefined, enrolment: Enrolment | undefined): void {
  if (!facts) throw new SenError('NOT_FOUND', `No such trainee (${path}).`, [{ path, code: 'invalidId' }]);
  if (facts.status === 'released') throw new SenError('ALREADY_RELEASED', `The trainee of ${path} has been released.`, [{ path, code: 'traineeReleased' }]);
  if (!enrolment) refuse([{ path, code: 'notEnrolled' }]);
  if (date < enrolment.enrolledOn) refuse([{ path, code: 'beforeEnrolment' }]);
  if (enrolment.leftOn !== null && date >= enrolment.leftOn) refuse([{ path, code: 'notEnrolled' }]);
}

export interface ObserveCommand {
  classId: string;
  date: string;
  rows: readonly { traineeId: string; skills: readonly { skill: Skill; level: SkillLevel }[] }[];
}

/** A sheet of observations: every row checked before anything is written; one refusal refuses the sheet. */
export function observe(
  cmd: ObserveCommand,
  facts: ReadonlyMap<string, TraineeFacts>,
  enrolments: ReadonlyMap<string, Enrolment>,
  batchId: string,
  today: string,
): { traineeId: string; event: NewEvent<'SkillsObserved'> }[] {
  if (cmd.date > today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  return cmd.rows.map((row, i) => {
    checkEnrolled(`rows.${i}.traineeId`, cmd.date, facts.get(row.traineeId), enrolments.get(row.traineeId));
    return {
      traineeId: row.traineeId,
      event: {
        type: 'SkillsObserved',
        data: { traineeId: row.traineeId, classId: cmd.classId, batchId, date: cmd.date, skills: row.skills.map((s) => ({ skill: s.skill, level: s.level })) },
        occurredAt: cmd.date,
      },
    };
  });
}

export interface CompleteCommand {
  traineeId: string;
  classId: string;
  level: LiteracyLevel;
  date: string;
  overrideReason?: string | undefined;
}

/**
 * A completion is recorded when the observations support it on its date (every skill at the
 * level's phase, see LEVEL_REQUIRES); otherwise only with the teacher's reason, kept in the event
 * beside the status Sen derived. The same level is completed once (void the record to redo it).
 */
export function complete(
  cmd: CompleteCommand,
  facts: TraineeFacts | undefined,
  enrolment: Enrolment | undefined,
  observations: readonly SkillObservation[],
  completedLevels: ReadonlySet<LiteracyLevel>,
  today: string,
): NewEvent<'LiteracyCompleted'>[] {
  if (cmd.date > today) refuse([{ path: 'date', code: 'dateInFuture' }]);
  checkEnrolled('traineeId', cmd.date, facts, enrolment);
  if (completedLevels.has(cmd.level)) refuse([{ path: 'level', code: 'alreadyCompleted' }]);
  const current = currentLevels(observations, cmd.date);
  const reason = cmd.overrideReason?.trim() ?? '';
  if (!meets(current, cmd.level) && reason === '') refuse([{ path: 'overrideReason', code: 'levelNotReached' }]);
  return [
    {
      type: 'LiteracyCompleted',
      data: {
        traineeId: cmd.traineeId,
        classId: cmd.classId,
        level: cmd.level,
        date: cmd.date,
        status: statusOf(current),
        overrideReason: reason === '' ? null : reason,
        skills: SKILLS.map((skill) => ({ skill, level: current[skill]?.level ?? null, date: current[skill]?.date ?? null })),
      },
      occurredAt: cmd.date,
    },
  ];
}
