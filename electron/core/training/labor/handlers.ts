import { SenError } from '../../../../shared/errors';
import { streams } from '../../../../shared/events';
import type { LABOR_HANDLERS } from '../../../../shared/training/labor';
import { requireUser, type HandlerContext, type HandlerMap } from '../../context';
import { assign, changeWorkshop, closeWorkshop, foldWorkshop, openWorkshop, recordSheet, unassign, type Caller, type WorkshopDescription, type WorkshopFacts, type WorkshopState } from './decider';
import {
  candidates,
  instructors,
  isActiveInstructor,
  laborSheet,
  laborTotals,
  listWorkshops,
  roster,
  sheetRowFacts,
  traineeLaborFacts,
  workshopSummary,
} from './queries';

function caller(ctx: HandlerContext): Caller {
  const user = requireUser(ctx);
  return { today: ctx.today(), userId: user.id, isAdmin: user.roles.includes('admin') };
}

function loadWorkshop(ctx: HandlerContext, workshopId: string): { stream: string; state: WorkshopState } {
  const stream = streams.workshop(workshopId);
  return { stream, state: foldWorkshop(ctx.store.readStream(stream)) };
}

/** The instructor and the name, checked against the accounts and the other open workshops. */
function workshopFacts(ctx: HandlerContext, d: WorkshopDescription, workshopId: string | null): WorkshopFacts {
  const db = ctx.store.db;
  const lower = d.name.toLocaleLowerCase('vi');
  const others = listWorkshops(db, ctx.today(), false, null).filter((w) => w.workshopId !== workshopId);
  return {
    instructorOk: isActiveInstructor(db, d.instructorId),
    nameTaken: others.some((w) => w.name.toLocaleLowerCase('vi') === lower),
    restrictedOnRoster: workshopId ? roster(db, workshopId, ctx.today()).filter((m) => m.noSharpTools).length : 0,
  };
}

const dayOf = (ctx: HandlerContext, asOf: string | undefined) => (asOf !== undefined && asOf < ctx.today() ? asOf : ctx.today());

export const laborHandlers: HandlerMap<keyof typeof LABOR_HANDLERS> = {
  'labor.workshops.open': (ctx, input) => {
    const workshopId = ctx.newId();
    ctx.store.append(streams.workshop(workshopId), 'no_stream', openWorkshop(input, workshopId, workshopFacts(ctx, input, null), caller(ctx)), ctx.meta());
    return { workshopId };
  },
  'labor.workshops.change': (ctx, input) => {
    const { stream, state } = loadWorkshop(ctx, input.workshopId);
    const [stored] = ctx.store.append(stream, state.version, changeWorkshop(state, input, workshopFacts(ctx, input, input.workshopId), caller(ctx)), ctx.meta());
    return { seq: stored!.seq };
  },
  // The closing and everyone's unassignment in one transaction: nobody is left in a closed workshop.
  'labor.workshops.close': (ctx, input) => {
    const { stream, state } = loadWorkshop(ctx, input.workshopId);
    const members = roster(ctx.store.db, input.workshopId, ctx.today());
    const decided = closeWorkshop(state, input, members, caller(ctx));
    const stored = ctx.store.appendBatch(
      [
        { stream, expected: state.version, events: decided.workshop },
        ...decided.members.map((m) => {
          const s = streams.labor(m.traineeId);
          return { stream: s, expected: ctx.store.streamVersion(s), events: m.events };
        }),
      ],
      ctx.meta(),
    );
    return { seqs: stored.map((s) => s.seq), unassigned: members.length };
  },
  'labor.assign': (ctx, input) => {
    const { state } = loadWorkshop(ctx, input.workshopId);
    const stream = streams.labor(input.traineeId);
    const facts = traineeLaborFacts(ctx.store.db, input.traineeId, input.date);
    const stored = ctx.store.append(stream, ctx.store.streamVersion(stream), assign(state, input, facts, caller(ctx)), ctx.meta());
    return { seqs: stored.map((s) => s.seq), moved: stored.length > 1 };
  },
  'labor.unassign': (ctx, input) => {
    const facts = traineeLaborFacts(ctx.store.db, input.traineeId, input.date);
    const w = facts.current ? loadWorkshop(ctx, facts.current.workshopId).state : null;
    const stream = streams.labor(input.traineeId);
    const [stored] = ctx.store.append(stream, ctx.store.streamVersion(stream), unassign(w, input, facts, caller(ctx)), ctx.meta());
    return { seq: stored!.seq };
  },
  // Every row is checked before anything is written; one LaborRecorded per row, one transaction.
  'labor.sheet.record': (ctx, input) => {
    const { state } = loadWorkshop(ctx, input.workshopId);
    const facts = sheetRowFacts(
      ctx.store.db,
      input.workshopId,
      input.date,
      input.rows.map((r) => r.traineeId),
    );
    const perRow = recordSheet(state, input, facts, caller(ctx));
    const stored = ctx.store.appendBatch(
      input.rows.map((r, i) => {
        const stream = streams.labor(r.traineeId);
        return { stream, expected: ctx.store.streamVersion(stream), events: perRow[i]! };
      }),
      ctx.meta(),
    );
    return { seqs: stored.map((s) => s.seq) };
  },
  'labor.workshops.list': (ctx, input) => listWorkshops(ctx.view(input.asOf), dayOf(ctx, input.asOf), input.includeClosed ?? false, ctx.user?.id ?? null),
  'labor.workshop': (ctx, input) => workshopSummary(ctx.view(input.asOf), input.workshopId, dayOf(ctx, input.asOf)),
  'labor.candidates': (ctx, input) => candidates(ctx.view(input.asOf), dayOf(ctx, input.asOf)),
  'labor.instructors': (ctx) => instructors(ctx.store.db),
  'labor.sheet': (ctx, input) => {
    if (input.date > ctx.today()) throw new SenError('VALIDATION', 'date: dateInFuture', [{ path: 'date', code: 'dateInFuture' }]);
    return laborSheet(ctx.store.db, input.workshopId, input.date);
  },
  'labor.totals': (ctx, input) => laborTotals(ctx.view(input.asOf), input),
};
