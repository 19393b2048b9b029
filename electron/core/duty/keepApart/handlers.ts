import { streams } from '../../../../shared/events';
import type { KEEP_APART_HANDLERS } from '../../../../shared/duty/keepApart';
import type { HandlerMap } from '../../context';
import { endKeepApart, foldRule, recordHeadcount, resolveMismatch, setKeepApart, type ExpectedRoom } from './decider';
import { headcountSheet, listRules, mismatchState, openMismatches, pairActive, traineeStatus } from './queries';

export const keepApartHandlers: HandlerMap<keyof typeof KEEP_APART_HANDLERS> = {
  'duty.keepApart.set': (ctx, input) => {
    const db = ctx.store.db;
    const ruleId = ctx.newId();
    const events = setKeepApart(input, ruleId, { status: (id) => traineeStatus(db, id), pairActive: pairActive(db, input.traineeA, input.traineeB), today: ctx.today() });
    const [stored] = ctx.store.append(streams.keepApart(ruleId), 'no_stream', events, ctx.meta());
    return { ruleId, seq: stored!.seq };
  },
  'duty.keepApart.end': (ctx, input) => {
    const stream = streams.keepApart(input.ruleId);
    const state = foldRule(ctx.store.readStream(stream));
    const [stored] = ctx.store.append(stream, state.version, endKeepApart(state, input, ctx.today()), ctx.meta());
    return { seq: stored!.seq };
  },
  'duty.keepApart.list': (ctx, input) => {
    const day = input.asOf !== undefined && input.asOf < ctx.today() ? input.asOf : ctx.today();
    return listRules(ctx.view(input.asOf), day, input.includeEnded ?? false);
  },
  'duty.headcount.sheet': (ctx, input) => headcountSheet(ctx.view(input.asOf)),
  'duty.headcount.record': (ctx, input) => {
    // What each room should hold now is written into the event (see HeadcountRecorded).
    const rooms = new Map<string, ExpectedRoom>(
      headcountSheet(ctx.store.db).map((r) => [r.roomId, { occupants: r.occupants.map((o) => o.traineeId), atHospital: r.occupants.filter((o) => o.atHospital).map((o) => o.traineeId) }]),
    );
    const countId = ctx.newId();
    const events = recordHeadcount(input, countId, { now: ctx.now().toISOString(), rooms });
    const [stored] = ctx.store.append(streams.headcount, 'any', events, ctx.meta());
    const data = events[0]!.data;
    return { countId, seq: stored!.seq, mismatches: data.rooms.filter((r) => r.counted !== r.expected - r.atHospital.length).length };
  },
  'duty.headcount.mismatches': (ctx, input) => openMismatches(ctx.view(input.asOf)),
  'duty.headcount.resolve': (ctx, input) => {
    const events = resolveMismatch(mismatchState(ctx.store.db, input.countId, input.roomId), input, ctx.now().toISOString());
    const [stored] = ctx.store.append(streams.headcount, 'any', events, ctx.meta());
    return { seq: stored!.seq };
  },
};
