import { SenError } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import type { HandlerMap } from '../context';
import { generateDemo } from './index';

export const demoHandlers: HandlerMap<'system.demo'> = {
  /**
   * First run only: fill the empty database with a made-up facility's history (sample data for
   * training) and its admin account. Runs the same commands as the app, holding the writer.
   */
  'system.demo': async (ctx, input) => {
    if (ctx.store.streamVersion(streams.facility) > 0) throw new SenError('ALREADY_SET_UP', 'Sen is already set up.');
    const end = ctx.now();
    ctx.driver.begin();
    try {
      return await generateDemo(ctx.driver, { ...input, now: end });
    } finally {
      ctx.driver.end();
    }
  },
};
