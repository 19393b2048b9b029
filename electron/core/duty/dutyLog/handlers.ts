import { streams } from '../../../../shared/events';
import type { DUTY_LOG_HANDLERS } from '../../../../shared/duty/dutyLog';
import type { HandlerMap } from '../../context';
import { recordShiftNote } from './decider';
import { dutyLogDay, handover } from './queries';

export const dutyLogHandlers: HandlerMap<keyof typeof DUTY_LOG_HANDLERS> = {
  'dutyLog.recordNote': (ctx, input) => {
    const noteId = ctx.newId();
    // Notes never conflict with each other: any version of the stream.
    const [stored] = ctx.store.append(streams.dutyLog, 'any', recordShiftNote(input, noteId, ctx.today()), ctx.meta());
    return { noteId, seq: stored!.seq };
  },
  'dutyLog.day': (ctx, input) => dutyLogDay(ctx.store.db, input.date),
  'dutyLog.handover': (ctx) => handover(ctx.store.db, ctx.today()),
};
