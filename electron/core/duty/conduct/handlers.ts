import type { CONDUCT_HANDLERS } from '../../../../shared/duty/conduct';
import { SenError } from '../../../../shared/errors';
import { streams } from '../../../../shared/events';
import type { HandlerContext, HandlerMap } from '../../context';
import { foldConduct, imposeMeasure, receiveSelfCriticism, recordViolation, suspendMeasure, type ConductContext, type ConductState } from './decider';
import { conductOverview, traineeConduct, traineeFacts, violationType, violationTypes } from './queries';

/** The trainee's conduct stream folded, the rules' context, and the stream name. */
function load(ctx: HandlerContext, traineeId: string): { stream: string; state: ConductState; rules: ConductContext } {
  const facts = traineeFacts(ctx.store.db, traineeId);
  const stream = streams.conduct(traineeId);
  return { stream, state: foldConduct(ctx.store.readStream(stream)), rules: { today: ctx.today(), ...facts } };
}

const dayOf = (ctx: HandlerContext, asOf: string | undefined) => (asOf !== undefined && asOf < ctx.today() ? asOf : ctx.today());

function refuseField(path: string, code: string): never {
  throw new SenError('VALIDATION', `${path}: ${code}`, [{ path, code }]);
}

export const conductHandlers: HandlerMap<keyof typeof CONDUCT_HANDLERS> = {
  'conduct.types.list': (ctx, input) => violationTypes(ctx.view(input.asOf)),
  // The catalog shares `layout` with the housing slice: 'any' so the two never conflict; the
  // rules (unique names, the type exists) are read from the projection inside the same call.
  'conduct.types.add': (ctx, input) => {
    const taken = violationTypes(ctx.store.db).some((t) => t.name.toLocaleLowerCase('vi') === input.name.toLocaleLowerCase('vi'));
    if (taken) refuseField('name', 'duplicateViolationType');
    const typeId = ctx.newId();
    ctx.store.append(streams.layout, 'any', [{ type: 'ViolationTypeAdded', data: { typeId, name: input.name } }], ctx.meta());
    return { typeId };
  },
  'conduct.types.change': (ctx, input) => {
    const all = violationTypes(ctx.store.db);
    const current = all.find((t) => t.typeId === input.typeId);
    if (!current) throw new SenError('NOT_FOUND', 'No such violation type.');
    if (!current.builtIn && input.name === '') refuseField('name', 'required');
    const lower = input.name.toLocaleLowerCase('vi');
    if (input.name !== '' && all.some((t) => t.typeId !== input.typeId && t.name.toLocaleLowerCase('vi') === lower)) refuseField('name', 'duplicateViolationType');
    if (current.name === input.name && current.active === input.active) throw new SenError('NOTHING_CHANGED', 'Nothing to change.');
    const [stored] = ctx.store.append(streams.layout, 'any', [{ type: 'ViolationTypeChanged', data: input }], ctx.meta());
    return { seq: stored!.seq };
  },
  'conduct.violations.record': (ctx, input) => {
    const type = violationType(ctx.store.db, input.typeId);
    if (!type || !type.active) refuseField('typeId', 'invalidChoice');
    const incidentId = ctx.newId();
    const { traineeIds, ...cmd } = input;
    // Every trainee is checked before anything is written: one refusal refuses the whole incident.
    const requests = traineeIds.map((traineeId, i) => {
      const { stream, state, rules } = load(ctx, traineeId);
      try {
        return { stream, expected: state.version, events: recordViolation(cmd, { traineeId, violationId: ctx.newId(), incidentId }, rules) };
      } catch (e) {
        // Name the trainee of the list the refusal is about, beside the field it is about.
        if (e instanceof SenError && e.issues) throw new SenError(e.code, e.message, [...e.issues, ...e.issues.map((x) => ({ path: `traineeIds.${i}`, code: x.code }))]);
        if (e instanceof SenError && e.code === 'ALREADY_RELEASED') throw new SenError(e.code, e.message, [{ path: `traineeIds.${i}`, code: 'traineeReleased' }]);
        throw e;
      }
    });
    const stored = ctx.store.appendBatch(requests, ctx.meta());
    return { incidentId, violationIds: requests.map((r) => r.events[0]!.data.violationId), seqs: stored.map((s) => s.seq) };
  },
  'conduct.measures.impose': (ctx, input) => {
    const { stream, state, rules } = load(ctx, input.traineeId);
    const measureId = ctx.newId();
    const [stored] = ctx.store.append(stream, state.version, imposeMeasure(state, input, measureId, rules), ctx.meta());
    return { measureId, seq: stored!.seq };
  },
  'conduct.measures.suspend': (ctx, input) => {
    const { stream, state, rules } = load(ctx, input.traineeId);
    const [stored] = ctx.store.append(stream, state.version, suspendMeasure(state, input, rules), ctx.meta());
    return { seq: stored!.seq };
  },
  'conduct.selfCriticism.receive': (ctx, input) => {
    const { stream, state, rules } = load(ctx, input.traineeId);
    const [stored] = ctx.store.append(stream, state.version, receiveSelfCriticism(state, input, rules), ctx.meta());
    return { seq: stored!.seq };
  },
  'conduct.overview': (ctx, input) => conductOverview(ctx.view(input.asOf), input, dayOf(ctx, input.asOf)),
  'conduct.forTrainee': (ctx, input) => traineeConduct(ctx.view(input.asOf), input.traineeId, dayOf(ctx, input.asOf)),
};
