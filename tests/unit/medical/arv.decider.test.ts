import { describe, expect, it } from 'vitest';
import { changeRegimen, recordCounselling, recordLabResult, recordPillCount, requestLab, startArt, type TraineeFacts } from '../../../electron/core/medical/arv/decider';
import { SenError } from '../../../shared/errors';

const T = '00000000-0000-4000-8000-000000000001';
const TLD = '00000000-0000-4000-8000-0000000000a1';
const TLE = '00000000-0000-4000-8000-0000000000a2';
const RX1 = '00000000-0000-4000-8000-0000000000b1';
const RX2 = '00000000-0000-4000-8000-0000000000b2';
const LAB = '00000000-0000-4000-8000-0000000000c1';
const today = '2026-10-30';
const inCare: TraineeFacts = { admissionDate: '2026-09-01', released: false };
const arvItem = (id: string) => ({ id, arv: true, active: true });

/** The error a call throws: code and issue codes. */
function refusal(fn: () => unknown): { code: string; issues: string[] } {
  try {
    fn();
  } catch (e) {
    if (e instanceof SenError) return { code: e.code, issues: (e.issues ?? []).map((i) => `${i.path}:${i.code}`) };
    throw e;
  }
  throw new Error('expected a refusal');
}

const start = { traineeId: T, date: '2026-09-15', itemId: TLD, dose: '1 viên', slots: ['morning' as const] };
const startFacts = { today, trainee: inCare, item: arvItem(TLD), current: null, prescriptionId: RX1 };

describe('ARV decider', () => {
  it('starting ART writes ArtStarted and the regimen prescription without an end date', () => {
    const events = startArt(start, startFacts);
    expect(events).toEqual([
      { type: 'ArtStarted', data: { traineeId: T, date: '2026-09-15', itemId: TLD, prescriptionId: RX1 }, occurredAt: '2026-09-15' },
      {
        type: 'PrescriptionWritten',
        data: { traineeId: T, prescriptionId: RX1, itemId: TLD, dose: '1 viên', slots: ['morning'], startDate: '2026-09-15', endDate: null, indication: 'ARV' },
        occurredAt: '2026-09-15',
      },
    ]);
  });

  it('refuses a second start, a non-ARV or inactive item, a future date, a date before admission, an unknown or released trainee', () => {
    expect(refusal(() => startArt(start, { ...startFacts, current: { prescriptionId: RX1, itemId: TLD, startDate: '2026-09-15' } })).code).toBe('ALREADY_ON_ART');
    expect(refusal(() => startArt(start, { ...startFacts, item: { id: TLD, arv: false, active: true } })).issues).toEqual(['itemId:notArvRegimen']);
    expect(refusal(() => startArt(start, { ...startFacts, item: { id: TLD, arv: true, active: false } })).issues).toEqual(['itemId:notArvRegimen']);
    expect(refusal(() => startArt(start, { ...startFacts, item: null })).issues).toEqual(['itemId:notArvRegimen']);
    expect(refusal(() => startArt({ ...start, date: '2026-10-31' }, startFacts)).issues).toEqual(['date:dateInFuture']);
    expect(refusal(() => startArt({ ...start, date: '2026-08-31' }, startFacts)).issues).toEqual(['date:beforeAdmission']);
    expect(refusal(() => startArt(start, { ...startFacts, trainee: null })).code).toBe('NOT_FOUND');
    expect(refusal(() => startArt(start, { ...startFacts, trainee: { ...inCare, released: true } })).code).toBe('ALREADY_RELEASED');
  });

  const change = { ...start, date: '2026-10-11', itemId: TLE, slots: ['morning' as const, 'evening' as const], reasonCode: 'toxicity' as const, reasonText: 'Mất ngủ, chóng mặt kéo dài' };
  const current = { prescriptionId: RX1, itemId: TLD, startDate: '2026-09-15' };
  const changeFacts = { today, trainee: inCare, item: arvItem(TLE), current, prescriptionId: RX2 };

  it('a regimen change names both regimens and prescriptions, discontinues the old one and writes the new one from the same day', () => {
    const events = changeRegimen(change, changeFacts);
    expect(events.map((e) => e.type)).toEqual(['ArtRegimenChanged', 'PrescriptionDiscontinued', 'PrescriptionWritten']);
    expect(events[0]!.data).toEqual({
      traineeId: T,
      date: '2026-10-11',
      stoppedItemId: TLD,
      startedItemId: TLE,
      stoppedPrescriptionId: RX1,
      newPrescriptionId: RX2,
      reasonCode: 'toxicity',
      reasonText: 'Mất ngủ, chóng mặt kéo dài',
    });
    expect(events[1]!.data).toEqual({ traineeId: T, prescriptionId: RX1, date: '2026-10-11', reason: 'Mất ngủ, chóng mặt kéo dài' });
    expect(events[2]!.data).toMatchObject({ prescriptionId: RX2, itemId: TLE, startDate: '2026-10-11', endDate: null, slots: ['morning', 'evening'] });
    // Without free text the prescription's (required) reason falls back to the code.
    expect(changeRegimen({ ...change, reasonCode: 'stock_out', reasonText: '' }, changeFacts)[1]!.data).toMatchObject({ reason: 'ARV: stock_out' });
  });

  it('refuses a change when not on ART, to the same regimen, before the current regimen began, or in the future', () => {
    expect(refusal(() => changeRegimen(change, { ...changeFacts, current: null })).code).toBe('NOT_ON_ART');
    expect(refusal(() => changeRegimen({ ...change, itemId: TLD }, { ...changeFacts, item: arvItem(TLD) })).issues).toEqual(['itemId:sameRegimen']);
    expect(refusal(() => changeRegimen({ ...change, date: '2026-09-14' }, changeFacts)).issues).toEqual(['date:beforeRegimenStart']);
    expect(refusal(() => changeRegimen({ ...change, date: '2026-11-01' }, changeFacts)).issues).toEqual(['date:dateInFuture']);
    expect(refusal(() => changeRegimen(change, { ...changeFacts, item: { id: TLE, arv: false, active: true } })).issues).toEqual(['itemId:notArvRegimen']);
  });

  it('pill counts, counselling and lab requests are dated within the stay', () => {
    expect(recordPillCount({ traineeId: T, date: '2026-10-20', expected: 30, counted: 28, note: '' }, { today, trainee: inCare })[0]!.type).toBe('PillCountRecorded');
    expect(refusal(() => recordPillCount({ traineeId: T, date: '2026-11-20', expected: 30, counted: 28, note: '' }, { today, trainee: inCare })).issues).toEqual(['date:dateInFuture']);
    expect(refusal(() => recordCounselling({ traineeId: T, date: '2026-08-20', session: 1, notes: '' }, { today, trainee: inCare })).issues).toEqual(['date:beforeAdmission']);
    expect(requestLab({ traineeId: T, test: 'viral_load', requestedDate: '2026-10-01' }, { today, trainee: inCare, labId: LAB })[0]!.data).toEqual({ traineeId: T, test: 'viral_load', requestedDate: '2026-10-01', labId: LAB });
    expect(refusal(() => requestLab({ traineeId: T, test: 'cd4', requestedDate: '2026-10-31' }, { today, trainee: inCare, labId: LAB })).issues).toEqual(['requestedDate:dateInFuture']);
  });

  const result = { traineeId: T, labId: LAB, receivedDate: '2026-10-10', value: 1200, undetectable: false };
  const vl = { test: 'viral_load' as const, requestedDate: '2026-10-01', received: false };

  it('a lab result: not before its request, not in the future, once, plausible for its test', () => {
    expect(recordLabResult(result, { today, trainee: inCare, lab: vl })[0]).toEqual({ type: 'LabResultReceived', data: result, occurredAt: '2026-10-10' });
    expect(refusal(() => recordLabResult({ ...result, receivedDate: '2026-09-30' }, { today, trainee: inCare, lab: vl })).issues).toEqual(['receivedDate:resultBeforeRequest']);
    expect(refusal(() => recordLabResult({ ...result, receivedDate: '2026-10-31' }, { today, trainee: inCare, lab: vl })).issues).toEqual(['receivedDate:dateInFuture']);
    expect(refusal(() => recordLabResult(result, { today, trainee: inCare, lab: { ...vl, received: true } })).issues).toEqual(['labId:resultAlreadyRecorded']);
    expect(refusal(() => recordLabResult(result, { today, trainee: inCare, lab: null })).code).toBe('NOT_FOUND');
    const cd4 = { ...vl, test: 'cd4' as const };
    expect(refusal(() => recordLabResult({ ...result, value: 6000, undetectable: true }, { today, trainee: inCare, lab: cd4 })).issues).toEqual(['value:outOfRange', 'undetectable:invalid']);
  });
});
