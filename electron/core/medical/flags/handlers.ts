import { streams } from '../../../../shared/events';
import type { FLAG_HANDLERS } from '../../../../shared/medical/flags';
import type { HandlerContext, HandlerMap } from '../../context';
import { clearHousingFlag, clearWorkRestriction, foldFlags, refer, returnFromReferral, setHousingFlag, setWorkRestriction, type FlagsContext, type FlagsState } from './decider';
import { flagsDashboard, traineeFacts, traineeFlags, traineeRestrictions } from './queries';

/** The trainee's medical stream folded for this slice, the rules' context, and the stream name. */
function load(ctx: HandlerContext, traineeId: string): { stream: string; state: FlagsState; rules: FlagsContext } {
  const facts = traineeFacts(ctx.store.db, traineeId);
  const stream = streams.medical(traineeId);
  return { stream, state: foldFlags(ctx.store.readStream(stream)), rules: { today: ctx.today(), ...facts } };
}

/** The day "in force" is judged on: the "as of" date, or today. */
const dayOf = (ctx: HandlerContext, asOf: string | undefined) => (asOf !== undefined && asOf < ctx.today() ? asOf : ctx.today());

export const flagsHandlers: HandlerMap<keyof typeof FLAG_HANDLERS> = {
  'medical.flags.setHousing': (ctx, input) => {
    const { stream, state, rules } = load(ctx, input.traineeId);
    const flagId = ctx.newId();
    const [stored] = ctx.store.append(stream, state.version, setHousingFlag(state, input, flagId, rules), ctx.meta());
    return { flagId, seq: stored!.seq };
  },
  'medical.flags.clearHousing': (ctx, input) => {
    const { stream, state, rules } = load(ctx, input.traineeId);
    const [stored] = ctx.store.append(stream, state.version, clearHousingFlag(state, input, rules), ctx.meta());
    return { seq: stored!.seq };
  },
  'medical.flags.setRestriction': (ctx, input) => {
    const { stream, state, rules } = load(ctx, input.traineeId);
    const restrictionId = ctx.newId();
    const [stored] = ctx.store.append(stream, state.version, setWorkRestriction(state, input, restrictionId, rules), ctx.meta());
    return { restrictionId, seq: stored!.seq };
  },
  'medical.flags.clearRestriction': (ctx, input) => {
    const { stream, state, rules } = load(ctx, input.traineeId);
    const [stored] = ctx.store.append(stream, state.version, clearWorkRestriction(state, input, rules), ctx.meta());
    return { seq: stored!.seq };
  },
  'medical.flags.refer': (ctx, input) => {
    const { stream, state, rules } = load(ctx, input.traineeId);
    const referralId = ctx.newId();
    const [stored] = ctx.store.append(stream, state.version, refer(state, input, referralId, rules), ctx.meta());
    return { referralId, seq: stored!.seq };
  },
  'medical.flags.returnFromReferral': (ctx, input) => {
    const { stream, state, rules } = load(ctx, input.traineeId);
    const [stored] = ctx.store.append(stream, state.version, returnFromReferral(state, input, rules), ctx.meta());
    return { seq: stored!.seq };
  },
  'medical.flags.forTrainee': (ctx, input) => traineeFlags(ctx.view(input.asOf), input.traineeId, dayOf(ctx, input.asOf)),
  'medical.flags.dashboard': (ctx, input) => flagsDashboard(ctx.view(input.asOf), dayOf(ctx, input.asOf)),
  'trainees.restrictions': (ctx, input) => traineeRestrictions(ctx.view(input.asOf), input.traineeId, dayOf(ctx, input.asOf)),
};
