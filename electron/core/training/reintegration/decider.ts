import { SenError } from '../../../../shared/errors';
import type { NewEvent } from '../../../../shared/events';
import type { HandlerParsed } from '../../../../shared/api';
import type { ReintegrationSettings } from '../../../../shared/training/reintegration';
import type { TraineeFacts } from '../../duty/conduct/queries';

/**
 * The reintegration decider. Pure: the trainee's facts (from the trainees projection, as the
 * conduct slice reads them), the counsellor and the clock come in; one event goes out. The rules
 * that need no clock (a follow-up before the session, a referral without a destination) are in
 * the shared schema, which the core checks first.
 */

function refuse(path: string, code: string): never {
  throw new SenError('VALIDATION', `${path}: ${code}`, [{ path, code }]);
}

export function recordSession(
  cmd: HandlerParsed<'reintegration.record'>,
  ids: { sessionId: string; counsellorId: string },
  facts: TraineeFacts,
  today: string,
): NewEvent<'CounsellingSessionRecorded'>[] {
  if (facts.released) throw new SenError('ALREADY_RELEASED', `Trainee ${cmd.traineeId} has already been released.`);
  if (cmd.date > today) refuse('date', 'dateInFuture');
  if (cmd.date < facts.admissionDate) refuse('date', 'beforeAdmission');
  return [{ type: 'CounsellingSessionRecorded', data: { ...cmd, ...ids }, occurredAt: cmd.date }];
}

export function changeSettings(next: ReintegrationSettings): NewEvent<'ReintegrationSettingsChanged'>[] {
  return [{ type: 'ReintegrationSettingsChanged', data: next }];
}
