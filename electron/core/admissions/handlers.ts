import { streams } from '../../../shared/events';
import type { HandlerMap } from '../context';
import { admit, advancePhase, correct, foldTrainee, release } from './decider';
import { fileNumberInUse, getTrainee, listTrainees, traineeTimeline } from './queries';
import { checkRoster, rosterRefusal } from './rosterImport';

type AdmissionHandlers =
  | 'trainees.list'
  | 'trainees.get'
  | 'trainees.timeline'
  | 'trainees.admit'
  | 'trainees.correct'
  | 'trainees.release'
  | 'trainees.advancePhase'
  | 'trainees.importCheck'
  | 'trainees.import';

export const admissionHandlers: HandlerMap<AdmissionHandlers> = {
  'trainees.list': (ctx, input) =>
    listTrainees(ctx.view(input.asOf), input, {
      day: input.asOf !== undefined && input.asOf < ctx.today() ? input.asOf : ctx.today(),
      // Housing and work facts (no reasons) for those who house or assign work; the CLI's local admin too.
      seesRestrictions: ctx.may('trainee.restrictions'),
    }),
  'trainees.get': (ctx, input) => getTrainee(ctx.view(input.asOf), input.traineeId),
  'trainees.timeline': (ctx, input) =>
    traineeTimeline(ctx.store, input.traineeId, ctx.view(input.asOf), ctx.recordedBefore(input.asOf), (p) => ctx.may(p)),

  'trainees.admit': (ctx, input) => {
    const traineeId = ctx.newId();
    const events = admit(traineeId, input, { today: ctx.today(), fileNumberInUse: fileNumberInUse(ctx.store.db, input.fileNumber) });
    const [stored] = ctx.store.append(streams.trainee(traineeId), 'no_stream', events, ctx.meta());
    return { traineeId, seq: stored!.seq };
  },

  'trainees.correct': (ctx, input) => {
    const stream = streams.trainee(input.traineeId);
    const state = foldTrainee(ctx.store.readStream(stream));
    const events = correct(state, input, { today: ctx.today(), fileNumberInUse: (n) => fileNumberInUse(ctx.store.db, n) });
    const [stored] = ctx.store.append(stream, state.version, events, ctx.meta(input.reason));
    return { seq: stored!.seq };
  },

  'trainees.release': (ctx, input) => {
    const stream = streams.trainee(input.traineeId);
    const state = foldTrainee(ctx.store.readStream(stream));
    const events = release(state, input, { today: ctx.today() });
    const [stored] = ctx.store.append(stream, state.version, events, ctx.meta());
    return { seq: stored!.seq };
  },

  'trainees.advancePhase': (ctx, input) => {
    const stream = streams.trainee(input.traineeId);
    const state = foldTrainee(ctx.store.readStream(stream));
    const { traineeId: _id, ...cmd } = input;
    const events = advancePhase(state, cmd, { today: ctx.today() });
    const [stored] = ctx.store.append(stream, state.version, events, ctx.meta());
    return { seq: stored!.seq };
  },

  'trainees.importCheck': (ctx, input) => checkRoster(ctx.store.db, input.rows, ctx.today()).check,

  /** Every row admitted exactly as trainees.admit would, in one appendBatch (one transaction), or nothing. */
  'trainees.import': (ctx, input) => {
    const { check, admissions } = checkRoster(ctx.store.db, input.rows, ctx.today());
    if (check.issues.length > 0) throw rosterRefusal(check);
    const requests = admissions.map(({ details }) => {
      const traineeId = ctx.newId();
      return { stream: streams.trainee(traineeId), expected: 'no_stream' as const, events: admit(traineeId, details, { today: ctx.today(), fileNumberInUse: false }) };
    });
    const stored = ctx.store.appendBatch(requests, ctx.meta(`CSV roster import${input.fileName ? `: ${input.fileName}` : ''}`));
    return { imported: stored.length, firstSeq: stored[0]!.seq, lastSeq: stored.at(-1)!.seq };
  },
};
