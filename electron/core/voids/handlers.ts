import { SenError } from '../../../shared/errors';
import { streams, VOIDABLE_TYPES } from '../../../shared/events';
import { isAllowed } from '../../../shared/roles';
import { requireUser, type HandlerMap } from '../context';

/**
 * Voiding takes back an event recorded by mistake (a person admitted twice, a release entered on
 * the wrong file). Nothing is deleted: an EventVoided on the same stream names it and says why;
 * projections replay the stream without it; the timeline shows both.
 */
export const voidHandlers: HandlerMap<'events.void'> = {
  'events.void': (ctx, input) => {
    const user = requireUser(ctx);
    const target = ctx.store.eventAt(input.seq);
    if (!target) throw new SenError('NOT_FOUND', `There is no event ${input.seq}.`);
    // Medical records are taken back by medical officers only: an administrator without the
    // medical role may not see them, so may not judge them wrong either. Checked before anything
    // about the event (its type) is said.
    if (isMedicalRecord(target.stream) && !isAllowed('medical.write', user.roles)) {
      throw new SenError('FORBIDDEN', 'Only a medical officer may void a medical record.');
    }
    if (!VOIDABLE_TYPES.includes(target.type)) throw new SenError('NOT_VOIDABLE', `A ${target.type} event cannot be voided.`);
    if (target.meta.actor !== user.id && !user.roles.includes('admin')) {
      throw new SenError('FORBIDDEN', 'Only the person who recorded it, or an administrator, may void an event.');
    }
    if (ctx.store.voidedSeqs().has(target.seq)) throw new SenError('ALREADY_VOIDED', `Event ${target.seq} is already voided.`);
    const [stored] = ctx.store.append(
      target.stream,
      ctx.store.streamVersion(target.stream),
      [{ type: 'EventVoided', data: { seq: target.seq, voidedType: target.type, reason: input.reason } }],
      ctx.meta(input.reason),
    );
    return { seq: stored!.seq };
  },
};

function isMedicalRecord(stream: string): boolean {
  return stream.startsWith('medical:') || stream === streams.formulary;
}
