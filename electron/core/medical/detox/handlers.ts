import { todayIso } from '../../../../shared/dates';
import { streams } from '../../../../shared/events';
import type { DETOX_HANDLERS } from '../../../../shared/medical/detox';
import type { HandlerMap } from '../../context';
import { readMedicalSettings } from '../settings';
import { assess, closeEpisode, defineScale, foldDetox, startEpisode } from './decider';
import { definedScaleIds, detoxDashboard, findScale, listScales, traineeEpisodes, traineeForDetox } from './queries';

/** Each command folds the trainee's medical stream and appends at the version it read. */
export const detoxHandlers: HandlerMap<keyof typeof DETOX_HANDLERS> = {
  'medical.detox.scales': (ctx) => listScales(ctx.store.db),
  'medical.detox.episodes': (ctx, input) => traineeEpisodes(ctx.view(input.asOf), input.traineeId),
  'medical.detox.dashboard': (ctx) => {
    const intervalHours = readMedicalSettings(ctx.store.db).assessmentIntervalHours;
    return { rows: detoxDashboard(ctx.store.db, ctx.now(), intervalHours), intervalHours };
  },

  'medical.detox.start': (ctx, input) => {
    const stream = streams.medical(input.traineeId);
    const state = foldDetox(ctx.store.readStream(stream));
    const episodeId = ctx.newId();
    const events = startEpisode(state, input, {
      now: ctx.now().toISOString(),
      episodeId,
      trainee: traineeForDetox(ctx.store.db, input.traineeId),
      scale: findScale(ctx.store.db, input.scaleId),
      localDate: (instant) => todayIso(new Date(instant)),
    });
    const [stored] = ctx.store.append(stream, state.version, events, ctx.meta());
    return { episodeId, seq: stored!.seq };
  },

  'medical.detox.assess': (ctx, input) => {
    const stream = streams.medical(input.traineeId);
    const state = foldDetox(ctx.store.readStream(stream));
    const episode = state.episodes.get(input.episodeId);
    const events = assess(state, input, { now: ctx.now().toISOString(), scale: episode ? findScale(ctx.store.db, episode.scaleId) : null });
    const [stored] = ctx.store.append(stream, state.version, events, ctx.meta());
    return { seq: stored!.seq, total: events[0]!.data.total };
  },

  'medical.detox.close': (ctx, input) => {
    const stream = streams.medical(input.traineeId);
    const state = foldDetox(ctx.store.readStream(stream));
    const events = closeEpisode(state, input, { now: ctx.now().toISOString() });
    const [stored] = ctx.store.append(stream, state.version, events, ctx.meta());
    return { seq: stored!.seq };
  },

  'medical.detox.defineScale': (ctx, input) => {
    const events = defineScale(input.definition, { definedIds: definedScaleIds(ctx.store.db) });
    const [stored] = ctx.store.append(streams.facility, 'any', events, ctx.meta());
    return { seq: stored!.seq };
  },
};
