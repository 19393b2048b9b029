import { streams } from '../../../../shared/events';
import type { HandlerMap } from '../../context';
import { readMedicalSettings } from '../settings';
import { changeSettings, recordScreening } from './decider';
import { screeningDue, traineeDates, traineeScreenings } from './queries';

type ScreeningHandlers = 'medical.screening.record' | 'medical.screening.list' | 'medical.screening.due' | 'medical.settings.get' | 'medical.settings.set';

export const screeningHandlers: HandlerMap<ScreeningHandlers> = {
  'medical.screening.record': (ctx, input) => {
    const stream = streams.medical(input.traineeId);
    const sessionId = ctx.newId();
    const events = recordScreening(input, { today: ctx.today(), sessionId, trainee: traineeDates(ctx.store.db, input.traineeId) });
    const [stored] = ctx.store.append(stream, ctx.store.streamVersion(stream), events, ctx.meta());
    return { sessionId, seq: stored!.seq };
  },
  'medical.screening.list': (ctx, input) => {
    const db = ctx.view(input.asOf);
    return traineeScreenings(db, input.traineeId, readMedicalSettings(db));
  },
  'medical.screening.due': (ctx, input) => {
    const db = ctx.view(input.asOf);
    // As of a past day, what was due that day; otherwise today.
    const today = input.asOf && input.asOf < ctx.today() ? input.asOf : ctx.today();
    return screeningDue(db, today, readMedicalSettings(db));
  },
  'medical.settings.get': (ctx) => readMedicalSettings(ctx.view()),
  'medical.settings.set': (ctx, input) => {
    const events = changeSettings(readMedicalSettings(ctx.store.db), input);
    const [stored] = ctx.store.append(streams.facility, 'any', events, ctx.meta());
    return { seq: stored!.seq };
  },
};
