import { describe, expect, it } from 'vitest';
import type { NewEvent, StoredEvent } from '../../../shared/events';
import {
  discontinuePrescription,
  foldPrescriptions,
  renewPrescription,
  revisePrescription,
  writePrescription,
  type WriteContext,
} from '../../../electron/core/medical/prescriptions/decider';
import type { DoseFacts } from '../../../electron/core/medical/prescriptions/queries';
import { decideRound } from '../../../electron/core/medical/prescriptions/round';

const T = '0b7d3c3e-6a39-4f5e-8f51-7c1e2a9d4e10';
const ITEM = '1b7d3c3e-6a39-4f5e-8f51-7c1e2a9d4e10';
const P1 = '2b7d3c3e-6a39-4f5e-8f51-7c1e2a9d4e10';
const P2 = '3b7d3c3e-6a39-4f5e-8f51-7c1e2a9d4e10';

const ctx = (over: Partial<WriteContext> = {}): WriteContext => ({
  today: '2026-09-10',
  newId: () => P2,
  item: { id: ITEM, arv: false, active: true },
  traineeInCare: true,
  ...over,
});

/** Stored events from new ones, numbered from 1 on the trainee's medical stream. */
function stored(events: NewEvent[]): StoredEvent[] {
  return events.map((e, i) => ({ ...e, seq: i + 1, version: i + 1, stream: `medical:${T}`, schema: 1, meta: { actor: null }, occurredAt: '', recordedAt: '', prevHash: '', hash: '' }) as StoredEvent);
}

const treatment = { traineeId: T, itemId: ITEM, dose: '1 viên', slots: ['morning' as const], startDate: '2026-09-02', endDate: '2026-09-08', indication: '' };
const written: NewEvent = { type: 'PrescriptionWritten', data: { ...treatment, prescriptionId: P1 } };

describe('prescriptions decider', () => {
  it('folds a chain: a revision replaces the previous from its start date; a discontinuation stops it', () => {
    const revised: NewEvent = { type: 'PrescriptionRevised', data: { ...treatment, prescriptionId: P2, previousId: P1, startDate: '2026-09-05', reason: 'Giảm liều' } };
    let state = foldPrescriptions(stored([written, revised]));
    expect(state.version).toBe(2);
    expect(state.prescriptions.get(P1)).toMatchObject({ status: 'replaced', stoppedDate: '2026-09-05' });
    expect(state.prescriptions.get(P2)).toMatchObject({ status: 'active', previousId: P1 });

    state = foldPrescriptions(stored([written, revised, { type: 'PrescriptionDiscontinued', data: { traineeId: T, prescriptionId: P2, date: '2026-09-07', reason: 'x' } }]));
    expect(state.prescriptions.get(P2)).toMatchObject({ status: 'discontinued', stoppedDate: '2026-09-07' });
  });

  it('a voided revision gives the previous prescription back', () => {
    const events = stored([
      written,
      { type: 'PrescriptionRevised', data: { ...treatment, prescriptionId: P2, previousId: P1, reason: 'x' } },
      { type: 'EventVoided', data: { seq: 2, voidedType: 'PrescriptionRevised', reason: 'Nhầm' } },
    ]);
    const state = foldPrescriptions(events);
    expect(state.version).toBe(3);
    expect(state.prescriptions.get(P1)).toMatchObject({ status: 'active', stoppedDate: null });
    expect(state.prescriptions.has(P2)).toBe(false);
  });

  it('writes, revises and renews with links to the previous; renew continues the day after the end', () => {
    const empty = foldPrescriptions([]);
    expect(writePrescription(empty, treatment, ctx())).toEqual([{ type: 'PrescriptionWritten', data: { ...treatment, prescriptionId: P2 }, occurredAt: '2026-09-02' }]);
    const state = foldPrescriptions(stored([written]));
    expect(revisePrescription(state, { ...treatment, previousId: P1, startDate: '2026-09-06', reason: 'r' }, ctx())[0]!.data).toMatchObject({ previousId: P1, prescriptionId: P2 });
    // Not lapsed yet (ends on the 8th, today is the 5th): continues on the 9th.
    expect(renewPrescription(state, { traineeId: T, previousId: P1, endDate: '2026-09-20', reason: '' }, ctx({ today: '2026-09-05' }))[0]!.data).toMatchObject({
      previousId: P1,
      startDate: '2026-09-09',
      endDate: '2026-09-20',
      dose: '1 viên',
      slots: ['morning'],
    });
  });

  it('refuses what the chain forbids', () => {
    const state = foldPrescriptions(stored([written, { type: 'PrescriptionDiscontinued', data: { traineeId: T, prescriptionId: P1, date: '2026-09-04', reason: 'x' } }]));
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        const err = e as { code: string; issues?: { code: string }[] };
        return [err.code, err.issues?.[0]?.code];
      }
      return null;
    };
    expect(code(() => revisePrescription(state, { ...treatment, previousId: P1, reason: 'r' }, ctx()))).toEqual(['PRESCRIPTION_NOT_ACTIVE', 'prescriptionNotActive']);
    expect(code(() => renewPrescription(state, { traineeId: T, previousId: P1, endDate: null, reason: '' }, ctx()))).toEqual(['PRESCRIPTION_NOT_ACTIVE', 'prescriptionNotActive']);
    expect(code(() => discontinuePrescription(state, { traineeId: T, prescriptionId: P1, date: '2026-09-05', reason: 'x' }, ctx()))).toEqual(['PRESCRIPTION_NOT_ACTIVE', 'prescriptionNotActive']);
    expect(code(() => discontinuePrescription(state, { traineeId: T, prescriptionId: P2, date: '2026-09-05', reason: 'x' }, ctx()))).toEqual(['NOT_FOUND', 'unknownPrescription']);
    const fresh = foldPrescriptions([]);
    expect(code(() => writePrescription(fresh, treatment, ctx({ item: null })))).toEqual(['VALIDATION', 'unknownDrug']);
    expect(code(() => writePrescription(fresh, treatment, ctx({ item: { id: ITEM, arv: false, active: false } })))).toEqual(['VALIDATION', 'drugInactive']);
    expect(code(() => writePrescription(fresh, treatment, ctx({ traineeInCare: false })))).toEqual(['ALREADY_RELEASED', undefined]);
    expect(code(() => writePrescription(fresh, { ...treatment, endDate: '2026-09-01' }, ctx()))).toEqual(['VALIDATION', 'endBeforeStart']);
    const active = foldPrescriptions(stored([written]));
    expect(code(() => discontinuePrescription(active, { traineeId: T, prescriptionId: P1, date: '2026-09-01', reason: 'x' }, ctx()))).toEqual(['VALIDATION', 'beforePreviousStart']);
    expect(code(() => discontinuePrescription(active, { traineeId: T, prescriptionId: P1, date: '2026-09-11', reason: 'x' }, ctx()))).toEqual(['VALIDATION', 'dateInFuture']);
    expect(code(() => renewPrescription(active, { traineeId: T, previousId: P1, endDate: '2026-09-09', reason: '' }, ctx()))).toEqual(['VALIDATION', 'endBeforeStart']);
  });
});

describe('round decider', () => {
  const facts = (over: Partial<DoseFacts> = {}): DoseFacts => ({
    prescriptionId: P1,
    traineeId: T,
    traineeName: 'Lò Văn Páo',
    itemName: 'Paracetamol',
    status: 'active',
    startDate: '2026-09-01',
    endDate: null,
    stoppedDate: null,
    slots: ['morning'],
    inCare: true,
    recorded: false,
    ...over,
  });
  const cmd = { date: '2026-09-10', slot: 'morning' as const, doses: [{ prescriptionId: P1, status: 'given' as const, note: '' }] };

  it('groups one DoseRecorded per dose by trainee', () => {
    const out = decideRound(cmd, new Map([[P1, facts()]]), '2026-09-10');
    expect([...out.keys()]).toEqual([T]);
    expect(out.get(T)).toEqual([{ type: 'DoseRecorded', data: { traineeId: T, prescriptionId: P1, date: '2026-09-10', slot: 'morning', status: 'given', note: '' }, occurredAt: '2026-09-10' }]);
  });

  it.each([
    [{ stoppedDate: '2026-09-10', status: 'discontinued' as const }, 'prescriptionNotActive'],
    [{ stoppedDate: '2026-09-09', status: 'replaced' as const }, 'prescriptionNotActive'],
    [{ startDate: '2026-09-11' }, 'doseNotDue'],
    [{ endDate: '2026-09-09' }, 'doseNotDue'],
    [{ slots: ['evening' as const] }, 'doseNotDue'],
    [{ inCare: false }, 'doseNotDue'],
    [{ recorded: true }, 'doseAlreadyRecorded'],
  ])('refuses a row (%o) with %s, naming it', (over, code) => {
    expect(() => decideRound(cmd, new Map([[P1, facts(over)]]), '2026-09-10')).toThrow(expect.objectContaining({
      code: 'VALIDATION',
      issues: [{ path: 'doses.0', code, params: { row: 1, name: 'Lò Văn Páo', item: 'Paracetamol' } }],
    }) as Error);
  });

  it('accepts a late record of a day before a stop, refuses a future date and a dose twice in one round', () => {
    expect(decideRound(cmd, new Map([[P1, facts({ stoppedDate: '2026-09-11', status: 'discontinued' })]]), '2026-09-12').size).toBe(1);
    expect(() => decideRound(cmd, new Map([[P1, facts()]]), '2026-09-09')).toThrow(expect.objectContaining({ issues: [{ path: 'date', code: 'dateInFuture' }] }) as Error);
    expect(() => decideRound({ ...cmd, doses: [cmd.doses[0]!, cmd.doses[0]!] }, new Map([[P1, facts()]]), '2026-09-10')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'doses.1', code: 'doseAlreadyRecorded' })] }) as Error,
    );
  });
});
