import type { HOUSING_HANDLERS } from '../../../../shared/duty/housing';
import { streams } from '../../../../shared/events';
import type { HandlerContext, HandlerMap } from '../../context';
import { addDorm, addRoom, assignBed, changeRoom, closeRoom, foldBeds, foldLayout, moveBed, vacateBed, type PlaceContext } from './decider';
import { board, housingWarnings, layout, occupantOf, occupiedCount, roomOf, traineeFacts } from './queries';

const loadLayout = (ctx: HandlerContext) => foldLayout(ctx.store.readStream(streams.layout));

/** The trainee's bed stream folded, and what the placement rules need from the projections. */
function loadPlace(ctx: HandlerContext, input: { traineeId: string; roomId: string; bed: number }) {
  const db = ctx.store.db;
  const facts = traineeFacts(db, input.traineeId);
  const stream = streams.housing(input.traineeId);
  const room = roomOf(db, input.roomId);
  const rules: PlaceContext = {
    today: ctx.today(),
    admissionDate: facts.admissionDate,
    released: facts.released,
    room: room ? { capacity: room.capacity, closedDate: room.closed_date } : null,
    occupant: room ? occupantOf(db, input.roomId, input.bed) : null,
    warnings: room ? housingWarnings(db, input.traineeId, input.roomId) : [],
  };
  return { stream, state: foldBeds(ctx.store.readStream(stream)), rules };
}

export const housingHandlers: HandlerMap<keyof typeof HOUSING_HANDLERS> = {
  'housing.layout': (ctx) => layout(ctx.view()),
  'housing.addDorm': (ctx, input) => {
    const state = loadLayout(ctx);
    const dormId = ctx.newId();
    ctx.store.append(streams.layout, state.version || 'no_stream', addDorm(state, input, dormId), ctx.meta());
    return { dormId };
  },
  'housing.addRoom': (ctx, input) => {
    const state = loadLayout(ctx);
    const roomId = ctx.newId();
    ctx.store.append(streams.layout, state.version || 'no_stream', addRoom(state, input, roomId), ctx.meta());
    return { roomId };
  },
  'housing.changeRoom': (ctx, input) => {
    const state = loadLayout(ctx);
    const [stored] = ctx.store.append(streams.layout, state.version || 'no_stream', changeRoom(state, input), ctx.meta());
    return { seq: stored!.seq };
  },
  'housing.closeRoom': (ctx, input) => {
    const state = loadLayout(ctx);
    const events = closeRoom(state, input, { today: ctx.today(), occupied: occupiedCount(ctx.store.db, input.roomId) });
    const [stored] = ctx.store.append(streams.layout, state.version || 'no_stream', events, ctx.meta());
    return { seq: stored!.seq };
  },
  'housing.board': (ctx) => board(ctx.view()),
  'housing.check': (ctx, input) => {
    traineeFacts(ctx.store.db, input.traineeId);
    return { warnings: housingWarnings(ctx.store.db, input.traineeId, input.roomId) };
  },
  'housing.assign': (ctx, input) => {
    const { stream, state, rules } = loadPlace(ctx, input);
    const [stored] = ctx.store.append(stream, state.version || 'no_stream', assignBed(state, input, rules), ctx.meta());
    return { seq: stored!.seq };
  },
  'housing.move': (ctx, input) => {
    const { stream, state, rules } = loadPlace(ctx, input);
    const [stored] = ctx.store.append(stream, state.version || 'no_stream', moveBed(state, input, rules), ctx.meta());
    return { seq: stored!.seq };
  },
  'housing.vacate': (ctx, input) => {
    const facts = traineeFacts(ctx.store.db, input.traineeId);
    const stream = streams.housing(input.traineeId);
    const state = foldBeds(ctx.store.readStream(stream));
    const [stored] = ctx.store.append(stream, state.version || 'no_stream', vacateBed(state, input, { today: ctx.today(), admissionDate: facts.admissionDate }), ctx.meta());
    return { seq: stored!.seq };
  },
};
