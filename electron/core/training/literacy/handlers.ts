import { streams } from '../../../../shared/events';
import type { LITERACY_HANDLERS } from '../../../../shared/training/literacy';
import type { HandlerMap } from '../../context';
import { complete, observe } from './decider';
import { certificate, classOf, completedLevels, enrolments, observationsOf, progress, traineeFacts } from './queries';

/**
 * A sheet is read from the projections in a few queries and written in one transaction. Appends
 * use 'any': the rules read only projections, and the handler runs whole before the next command.
 */
export const literacyHandlers: HandlerMap<keyof typeof LITERACY_HANDLERS> = {
  'literacy.observe': (ctx, input) => {
    const ids = input.rows.map((r) => r.traineeId);
    const batchId = ctx.newId();
    const decided = observe(input, traineeFacts(ctx.store.db, ids), enrolments(ctx.store.db, input.classId, ids), batchId, ctx.today());
    const stored = ctx.store.appendBatch(
      decided.map((d) => ({ stream: streams.literacy(d.traineeId), expected: 'any' as const, events: [d.event] })),
      ctx.meta(),
    );
    return { batchId, seqs: stored.map((s) => s.seq) };
  },
  'literacy.progress': (ctx, input) => {
    const today = ctx.today();
    const day = input.asOf !== undefined && input.asOf < today ? input.asOf : today;
    return progress(ctx.view(input.asOf), input.classId, day);
  },
  'literacy.complete': (ctx, input) => {
    const db = ctx.store.db;
    classOf(db, input.classId);
    const events = complete(
      input,
      traineeFacts(db, [input.traineeId]).get(input.traineeId),
      enrolments(db, input.classId, [input.traineeId]).get(input.traineeId),
      observationsOf(db, [input.traineeId], input.date).get(input.traineeId) ?? [],
      completedLevels(db, input.traineeId),
      ctx.today(),
    );
    const [stored] = ctx.store.append(streams.literacy(input.traineeId), 'any', events, ctx.meta());
    return { seq: stored!.seq };
  },
  'literacy.certificate': (ctx, input) => certificate(ctx.store.db, input.traineeId, input.level),
};
