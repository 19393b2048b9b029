import { streams } from '../../../../shared/events';
import type { RECOGNITION_HANDLERS } from '../../../../shared/duty/recognition';
import type { HandlerMap } from '../../context';
import { changeRules, grantRewards, rateMonth } from './decider';
import { eligibility, monthRatings, ratingSheet, readRules, traineeFacts } from './queries';

/**
 * Lists are read from the projections (one query each), never from streams: a sheet of 500
 * trainees is one read and one transaction. Per-trainee appends use 'any': the rules read only
 * this slice's projection, and the handler runs whole before the next command.
 */
export const recognitionHandlers: HandlerMap<keyof typeof RECOGNITION_HANDLERS> = {
  'duty.recognition.reward': (ctx, input) => {
    const batchId = ctx.newId();
    const rewardIds = input.traineeIds.map(() => ctx.newId());
    const decided = grantRewards(input, traineeFacts(ctx.store.db, input.traineeIds), { batchId, rewardIds }, ctx.today());
    const stored = ctx.store.appendBatch(
      decided.map((d) => ({ stream: streams.conduct(d.traineeId), expected: 'any' as const, events: [d.event] })),
      ctx.meta(),
    );
    return { batchId, seqs: stored.map((s) => s.seq) };
  },
  'duty.recognition.rate': (ctx, input) => {
    const ids = input.ratings.map((r) => r.traineeId);
    const { recorded, unchanged } = rateMonth(input, traineeFacts(ctx.store.db, ids), monthRatings(ctx.store.db, input.month), ctx.today());
    if (recorded.length > 0) {
      ctx.store.appendBatch(
        recorded.map((d) => ({ stream: streams.conduct(d.traineeId), expected: 'any' as const, events: [d.event] })),
        ctx.meta(),
      );
    }
    return { recorded: recorded.length, unchanged };
  },
  'duty.recognition.sheet': (ctx, input) => ratingSheet(ctx.view(input.asOf), input.month),
  'duty.recognition.eligibility': (ctx, input) => eligibility(ctx.view(input.asOf), input.month, input.asOf !== undefined && input.asOf < ctx.today() ? input.asOf : ctx.today()),
  'duty.recognition.rules': (ctx) => readRules(ctx.view()),
  'duty.recognition.setRules': (ctx, input) => {
    const [stored] = ctx.store.append(streams.facility, 'any', changeRules(input), ctx.meta());
    return { seq: stored!.seq };
  },
};
