import { SenError } from '../../../../shared/errors';
import { streams, type NewEvent } from '../../../../shared/events';
import type { DrugForm } from '../../../../shared/medical/prescriptions';
import type { PRESCRIPTION_HANDLERS } from '../../../../shared/medical/prescriptions';
import type { HandlerContext, HandlerMap } from '../../context';
import type { AppendRequest } from '../../store/eventStore';
import { discontinuePrescription, foldPrescriptions, renewPrescription, revisePrescription, writePrescription, type WriteContext } from './decider';
import { activeDrugKeys, doseFacts, drugKey, formularyItem, getRound, listFormulary, traineePrescriptions, traineeStatus } from './queries';
import { decideRound } from './round';

/** What a new facility starts with: common drugs of a rehabilitation centre and the first-line ARV regimens. */
export const STARTER_FORMULARY: readonly { name: string; form: DrugForm; strength: string; arv: boolean }[] = [
  { name: 'Paracetamol', form: 'tablet', strength: '500 mg', arv: false },
  { name: 'Diazepam', form: 'tablet', strength: '5 mg', arv: false },
  { name: 'Vitamin B1', form: 'tablet', strength: '100 mg', arv: false },
  { name: 'Omeprazole', form: 'capsule', strength: '20 mg', arv: false },
  { name: 'TDF/3TC/DTG', form: 'tablet', strength: '300/300/50 mg', arv: true },
  { name: 'TDF/3TC/EFV', form: 'tablet', strength: '300/300/400 mg', arv: true },
  { name: 'AZT/3TC/NVP', form: 'tablet', strength: '300/150/200 mg', arv: true },
];

function duplicateName(): never {
  throw new SenError('VALIDATION', 'An active formulary item already has this name and strength.', [{ path: 'name', code: 'duplicateDrugName' }]);
}

/** The facts a prescribing decision needs: the item, and whether the trainee is in care (unknown: NOT_FOUND). */
function writeContext(ctx: HandlerContext, traineeId: string, itemId: string): WriteContext {
  const status = traineeStatus(ctx.store.db, traineeId);
  if (status === null) throw new SenError('NOT_FOUND', 'No such trainee.');
  return { today: ctx.today(), newId: () => ctx.newId(), item: formularyItem(ctx.store.db, itemId), traineeInCare: status === 'in_care' };
}

/**
 * ARV regimens are started, changed and renewed through the ARV slice (its events record the
 * regimen history and why it changed); this slice's commands refuse them. Discontinuing stays here.
 */
function refuseArv(ctx: HandlerContext, itemArv: boolean, previousId?: string): void {
  const previousArv = previousId
    ? ctx.store.db.prepare<[string], { arv: number }>('SELECT arv FROM prescriptions WHERE id = ?').get(previousId)?.arv === 1
    : false;
  if (itemArv || previousArv) {
    throw new SenError('VALIDATION', 'ARV regimens are started and changed in the ARV treatment section.', [{ path: 'itemId', code: 'arvInArtSection' }]);
  }
}

function appendToTrainee(ctx: HandlerContext, traineeId: string, version: number, events: NewEvent[], reason?: string) {
  const stored = ctx.store.append(streams.medical(traineeId), version, events, ctx.meta(reason));
  return stored.at(-1)!;
}

type Names = keyof typeof PRESCRIPTION_HANDLERS;

export const prescriptionHandlers: HandlerMap<Names> = {
  'medical.formulary.list': (ctx) => listFormulary(ctx.store.db),

  'medical.formulary.add': (ctx, input) => {
    if (activeDrugKeys(ctx.store.db).has(drugKey(input.name, input.strength))) duplicateName();
    const itemId = ctx.newId();
    const [stored] = ctx.store.append(streams.formulary, 'any', [{ type: 'FormularyItemAdded', data: { itemId, ...input } }], ctx.meta());
    return { itemId, seq: stored!.seq };
  },

  'medical.formulary.change': (ctx, input) => {
    const current = listFormulary(ctx.store.db).find((i) => i.id === input.itemId);
    if (!current) throw new SenError('NOT_FOUND', 'No such formulary item.');
    const { itemId, ...next } = input;
    if (next.name === current.name && next.form === current.form && next.strength === current.strength && next.arv === current.arv && next.active === current.active) {
      throw new SenError('NOTHING_CHANGED', 'The change changes nothing.');
    }
    if (next.active && activeDrugKeys(ctx.store.db, itemId).has(drugKey(next.name, next.strength))) duplicateName();
    const [stored] = ctx.store.append(streams.formulary, 'any', [{ type: 'FormularyItemChanged', data: input }], ctx.meta());
    return { seq: stored!.seq };
  },

  'medical.formulary.addStarter': (ctx) => {
    const taken = activeDrugKeys(ctx.store.db);
    const events: NewEvent<'FormularyItemAdded'>[] = STARTER_FORMULARY.filter((i) => !taken.has(drugKey(i.name, i.strength))).map((i) => ({
      type: 'FormularyItemAdded',
      data: { itemId: ctx.newId(), ...i },
    }));
    if (events.length > 0) ctx.store.append(streams.formulary, 'any', events, ctx.meta());
    return { added: events.length };
  },

  'medical.prescriptions.get': (ctx, input) => traineePrescriptions(ctx.store.db, input.traineeId, ctx.now()),

  'medical.prescriptions.write': (ctx, input) => {
    const wc = writeContext(ctx, input.traineeId, input.itemId);
    refuseArv(ctx, wc.item?.arv ?? false);
    const state = foldPrescriptions(ctx.store.readStream(streams.medical(input.traineeId)));
    const events = writePrescription(state, input, wc);
    const stored = appendToTrainee(ctx, input.traineeId, state.version, events);
    return { prescriptionId: events[0]!.data.prescriptionId, seq: stored.seq };
  },

  'medical.prescriptions.revise': (ctx, input) => {
    const wc = writeContext(ctx, input.traineeId, input.itemId);
    refuseArv(ctx, wc.item?.arv ?? false, input.previousId);
    const state = foldPrescriptions(ctx.store.readStream(streams.medical(input.traineeId)));
    const events = revisePrescription(state, input, wc);
    const stored = appendToTrainee(ctx, input.traineeId, state.version, events, input.reason);
    return { prescriptionId: events[0]!.data.prescriptionId, seq: stored.seq };
  },

  'medical.prescriptions.renew': (ctx, input) => {
    const state = foldPrescriptions(ctx.store.readStream(streams.medical(input.traineeId)));
    const previous = state.prescriptions.get(input.previousId);
    const wc = writeContext(ctx, input.traineeId, previous?.itemId ?? '');
    refuseArv(ctx, false, input.previousId);
    const events = renewPrescription(state, input, wc);
    const stored = appendToTrainee(ctx, input.traineeId, state.version, events, input.reason || undefined);
    return { prescriptionId: events[0]!.data.prescriptionId, seq: stored.seq };
  },

  'medical.prescriptions.discontinue': (ctx, input) => {
    if (traineeStatus(ctx.store.db, input.traineeId) === null) throw new SenError('NOT_FOUND', 'No such trainee.');
    const state = foldPrescriptions(ctx.store.readStream(streams.medical(input.traineeId)));
    const events = discontinuePrescription(state, input, { today: ctx.today() });
    const stored = appendToTrainee(ctx, input.traineeId, state.version, events, input.reason);
    return { seq: stored.seq };
  },

  'medical.round.get': (ctx, input) => getRound(ctx.store.db, input.date, input.slot, ctx.now()),

  'medical.round.record': (ctx, input) => {
    const facts = doseFacts(
      ctx.store.db,
      input.doses.map((d) => d.prescriptionId),
      input.date,
      input.slot,
    );
    const byTrainee = decideRound(input, facts, ctx.today());
    // One request per trainee's medical stream, at its current version; one transaction for all.
    const requests: AppendRequest[] = [...byTrainee].map(([traineeId, events]) => {
      const stream = streams.medical(traineeId);
      return { stream, expected: ctx.store.streamVersion(stream), events };
    });
    const stored = ctx.store.appendBatch(requests, ctx.meta());
    return { recorded: stored.length, firstSeq: stored[0]!.seq, lastSeq: stored.at(-1)!.seq };
  },
};
