import type { REINTEGRATION_HANDLERS } from '../../../../shared/training/reintegration';
import { streams } from '../../../../shared/events';
import { requireUser, type HandlerMap } from '../../context';
import { traineeFacts } from '../../duty/conduct/queries';
import { changeSettings, recordSession } from './decider';
import { dueList, readSettings, traineeCounselling } from './queries';

/** The list's day: today, or the "as of" date when it is earlier. */
const dayOf = (today: string, asOf: string | undefined) => (asOf !== undefined && asOf < today ? asOf : today);

/** Sessions append with 'any': the rules read only the trainees projection, and a handler runs whole before the next command. */
export const reintegrationHandlers: HandlerMap<keyof typeof REINTEGRATION_HANDLERS> = {
  'reintegration.record': (ctx, input) => {
    const sessionId = ctx.newId();
    const events = recordSession(input, { sessionId, counsellorId: requireUser(ctx).id }, traineeFacts(ctx.store.db, input.traineeId), ctx.today());
    const [stored] = ctx.store.append(streams.reintegration(input.traineeId), 'any', events, ctx.meta());
    return { sessionId, seq: stored!.seq };
  },
  'reintegration.due': (ctx, input) => dueList(ctx.view(input.asOf), dayOf(ctx.today(), input.asOf)),
  'reintegration.forTrainee': (ctx, input) => traineeCounselling(ctx.view(input.asOf), input.traineeId),
  'reintegration.settings': (ctx) => readSettings(ctx.view()),
  'reintegration.setSettings': (ctx, input) => {
    const [stored] = ctx.store.append(streams.facility, 'any', changeSettings(input), ctx.meta());
    return { seq: stored!.seq };
  },
};
