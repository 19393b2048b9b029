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
    // Years of history are tens of thousands of small commits: waiting for the disk at each one
    // (synchronous = FULL) is most of the time. The database is new and nothing of it is confirmed
    // to anyone until this returns, so commit without syncing while it is generated, then sync
    // the whole log once (checkpoint) before answering.
    const db = ctx.store.db;
    db.pragma('synchronous = NORMAL');
    ctx.driver.begin();
    try {
      return await generateDemo(ctx.driver, { ...input, now: end });
    } finally {
      ctx.driver.end();
      db.pragma('synchronous = FULL');
      db.pragma('wal_checkpoint(FULL)');
    }
  },
};
