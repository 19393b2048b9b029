import { streams } from '../../../../shared/events';
import type { HandlerContext, HandlerMap } from '../../context';
import { readMedicalSettings } from '../settings';
import { localTime } from './adherence';
import { changeRegimen, recordCounselling, recordLabResult, recordPillCount, requestLab, startArt } from './decider';
import { arvDashboard, arvSummary, currentArv, formularyFacts, labFacts, traineeFacts, type Clock } from './queries';

type ArvHandlers =
  | 'medical.arv.start'
  | 'medical.arv.changeRegimen'
  | 'medical.arv.recordPillCount'
  | 'medical.arv.recordCounselling'
  | 'medical.arv.requestLab'
  | 'medical.arv.recordLabResult'
  | 'medical.arv.summary'
  | 'medical.arv.dashboard';

/** Today and the time of day, or the end of a past day asked for with `asOf`. */
function clock(ctx: HandlerContext, asOf: string | undefined): Clock {
  const today = ctx.today();
  return asOf && asOf < today ? { today: asOf, time: '24:00' } : { today, time: localTime(ctx.now()) };
}

/**
 * Decisions read the projections inside the single writer, then append to the trainee's medical
 * stream at the version they saw, so nothing can slip in between. ART start and regimen changes
 * append their prescription events in the same call: one transaction.
 */
function append(ctx: HandlerContext, traineeId: string, version: number, events: Parameters<HandlerContext['store']['append']>[2]) {
  return ctx.store.append(streams.medical(traineeId), version, events, ctx.meta());
}

export const arvHandlers: HandlerMap<ArvHandlers> = {
  'medical.arv.start': (ctx, input) => {
    const db = ctx.store.db;
    const version = ctx.store.streamVersion(streams.medical(input.traineeId));
    const prescriptionId = ctx.newId();
    const events = startArt(input, {
      today: ctx.today(),
      trainee: traineeFacts(db, input.traineeId),
      item: formularyFacts(db, input.itemId),
      current: currentArv(db, input.traineeId),
      prescriptionId,
    });
    const [stored] = append(ctx, input.traineeId, version, events);
    return { seq: stored!.seq, prescriptionId };
  },
  'medical.arv.changeRegimen': (ctx, input) => {
    const db = ctx.store.db;
    const version = ctx.store.streamVersion(streams.medical(input.traineeId));
    const prescriptionId = ctx.newId();
    const events = changeRegimen(input, {
      today: ctx.today(),
      trainee: traineeFacts(db, input.traineeId),
      item: formularyFacts(db, input.itemId),
      current: currentArv(db, input.traineeId),
      prescriptionId,
    });
    const [stored] = append(ctx, input.traineeId, version, events);
    return { seq: stored!.seq, prescriptionId };
  },
  'medical.arv.recordPillCount': (ctx, input) => {
    const version = ctx.store.streamVersion(streams.medical(input.traineeId));
    const events = recordPillCount(input, { today: ctx.today(), trainee: traineeFacts(ctx.store.db, input.traineeId) });
    return { seq: append(ctx, input.traineeId, version, events)[0]!.seq };
  },
  'medical.arv.recordCounselling': (ctx, input) => {
    const version = ctx.store.streamVersion(streams.medical(input.traineeId));
    const events = recordCounselling(input, { today: ctx.today(), trainee: traineeFacts(ctx.store.db, input.traineeId) });
    return { seq: append(ctx, input.traineeId, version, events)[0]!.seq };
  },
  'medical.arv.requestLab': (ctx, input) => {
    const version = ctx.store.streamVersion(streams.medical(input.traineeId));
    const labId = ctx.newId();
    const events = requestLab(input, { today: ctx.today(), trainee: traineeFacts(ctx.store.db, input.traineeId), labId });
    return { seq: append(ctx, input.traineeId, version, events)[0]!.seq, labId };
  },
  'medical.arv.recordLabResult': (ctx, input) => {
    const db = ctx.store.db;
    const version = ctx.store.streamVersion(streams.medical(input.traineeId));
    const events = recordLabResult(input, { today: ctx.today(), trainee: traineeFacts(db, input.traineeId), lab: labFacts(db, input.traineeId, input.labId) });
    return { seq: append(ctx, input.traineeId, version, events)[0]!.seq };
  },
  'medical.arv.summary': (ctx, input) => {
    const db = ctx.view(input.asOf);
    return arvSummary(db, input.traineeId, clock(ctx, input.asOf), readMedicalSettings(db));
  },
  'medical.arv.dashboard': (ctx, input) => {
    const db = ctx.view(input.asOf);
    return arvDashboard(db, clock(ctx, input.asOf), readMedicalSettings(db));
  },
};

