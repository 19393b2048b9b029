import { describe, expect, it } from 'vitest';
import { SenError } from '../../shared/errors';
import type { NewEvent, StoredEvent } from '../../shared/events';
import { admit, correct, foldTrainee, release, type TraineeState } from '../../electron/core/admissions/decider';
import { traineeDetails } from '../support/core';

const ID = '6f1c1d43-0d55-4c9e-9a57-0a3c3c1c2b11';
const TODAY = '2026-11-25';

/** Given these new events (as the store would number them), the trainee's state. */
function given(...events: NewEvent[]): TraineeState {
  const stored = events.map((e, i) => ({
    seq: 10 + i,
    stream: `trainee:${ID}`,
    version: i + 1,
    type: e.type,
    schema: 1,
    data: e.data,
    meta: { actor: null },
    occurredAt: e.occurredAt ?? TODAY,
    recordedAt: `${TODAY}T08:00:00.000Z`,
    prevHash: '',
    hash: '',
  })) as StoredEvent[];
  return foldTrainee(stored);
}

function refusal(fn: () => unknown): SenError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SenError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const admitted = (overrides = {}) => admit(ID, traineeDetails(overrides), { today: TODAY, fileNumberInUse: false });

describe('admit', () => {
  it('given nothing, when admitting, then one TraineeAdmitted dated the admission day', () => {
    const d = traineeDetails();
    const events = admit(ID, d, { today: TODAY, fileNumberInUse: false });
    expect(events).toEqual([{ type: 'TraineeAdmitted', data: { traineeId: ID, ...d }, occurredAt: d.admissionDate }]);
  });

  it('refuses a file number already in use', () => {
    const e = refusal(() => admit(ID, traineeDetails(), { today: TODAY, fileNumberInUse: true }));
    expect(e.code).toBe('DUPLICATE_FILE_NUMBER');
    expect(e.issues).toEqual([{ path: 'fileNumber', code: 'duplicateFileNumber' }]);
  });

  it('refuses a date of birth in the future', () => {
    const e = refusal(() => admitted({ dateOfBirth: '2027-01-01' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toContainEqual({ path: 'dateOfBirth', code: 'dateInFuture' });
  });

  it('refuses an admission in the future or before birth', () => {
    expect(refusal(() => admitted({ admissionDate: '2026-11-26' })).issues).toContainEqual({ path: 'admissionDate', code: 'dateInFuture' });
    expect(refusal(() => admitted({ dateOfBirth: '2000-01-01', admissionDate: '1999-12-31' })).issues).toContainEqual({
      path: 'admissionDate',
      code: 'admissionBeforeBirth',
    });
  });
});

describe('correct', () => {
  const cmdCtx = { today: TODAY, fileNumberInUse: () => false };

  it('given an admission, when correcting the name, then a correction naming the admission seq, the change and the reason', () => {
    const state = given(...admitted({ fullName: 'Nguyen Thi Hoa' }));
    const events = correct(state, { changes: { fullName: 'Nguyễn Thị Hoà' }, reason: 'Viết sai dấu' }, cmdCtx);
    expect(events).toEqual([
      {
        type: 'TraineeDetailsCorrected',
        data: { traineeId: ID, corrects: 10, changes: [{ field: 'fullName', from: 'Nguyen Thi Hoa', to: 'Nguyễn Thị Hoà' }], reason: 'Viết sai dấu' },
      },
    ]);
  });

  it('drops fields that do not change, and refuses a correction that changes nothing', () => {
    const state = given(...admitted({ fullName: 'A B' }));
    expect(refusal(() => correct(state, { changes: { fullName: 'A B' }, reason: 'x' }, cmdCtx)).code).toBe('NOTHING_CHANGED');
    const [event] = correct(state, { changes: { fullName: 'A B', sex: 'female' }, reason: 'x' }, cmdCtx);
    expect(event!.data.changes).toEqual([{ field: 'sex', from: 'male', to: 'female' }]);
  });

  it('re-checks the whole record: a planned release moved before admission is refused', () => {
    const state = given(...admitted());
    const e = refusal(() => correct(state, { changes: { plannedReleaseDate: '2020-01-01' }, reason: 'x' }, cmdCtx));
    expect(e.issues).toContainEqual({ path: 'plannedReleaseDate', code: 'plannedReleaseBeforeAdmission' });
  });

  it('refuses a file number another trainee holds', () => {
    const state = given(...admitted());
    const e = refusal(() => correct(state, { changes: { fileNumber: 'HS-TAKEN' }, reason: 'x' }, { today: TODAY, fileNumberInUse: (n) => n === 'HS-TAKEN' }));
    expect(e.code).toBe('DUPLICATE_FILE_NUMBER');
  });

  it('refuses an unknown trainee', () => {
    expect(refusal(() => correct(given(), { changes: { fullName: 'X' }, reason: 'x' }, cmdCtx)).code).toBe('NOT_FOUND');
  });

  it('folds corrections into the state', () => {
    const first = admitted({ fullName: 'A' });
    const state = given(...first, ...correct(given(...first), { changes: { fullName: 'B' }, reason: 'r' }, cmdCtx));
    expect(state.details?.fullName).toBe('B');
    expect(state.version).toBe(2);
  });
});

describe('release', () => {
  it('given an admission, when releasing, then TraineeReleased dated the release day', () => {
    const state = given(...admitted({ admissionDate: '2026-01-10' }));
    const events = release(state, { releaseDate: '2026-11-20', kind: 'completed', note: '' }, { today: TODAY });
    expect(events).toEqual([
      { type: 'TraineeReleased', data: { traineeId: ID, releaseDate: '2026-11-20', kind: 'completed', note: '' }, occurredAt: '2026-11-20' },
    ]);
  });

  it('refuses a release before admission, in the future, or twice', () => {
    const state = given(...admitted({ admissionDate: '2026-01-10' }));
    expect(refusal(() => release(state, { releaseDate: '2026-01-09', kind: 'completed', note: '' }, { today: TODAY })).issues).toEqual([
      { path: 'releaseDate', code: 'releaseBeforeAdmission' },
    ]);
    expect(refusal(() => release(state, { releaseDate: '2026-12-01', kind: 'other', note: '' }, { today: TODAY })).issues).toEqual([
      { path: 'releaseDate', code: 'dateInFuture' },
    ]);
    const released = given(...admitted({ admissionDate: '2026-01-10' }), ...release(state, { releaseDate: '2026-11-01', kind: 'transferred', note: '' }, { today: TODAY }));
    expect(released.status).toBe('released');
    expect(refusal(() => release(released, { releaseDate: '2026-11-02', kind: 'completed', note: '' }, { today: TODAY })).code).toBe('ALREADY_RELEASED');
  });

  it('a correction that would put admission after the release is refused', () => {
    const first = admitted({ admissionDate: '2026-01-10' });
    const rel = release(given(...first), { releaseDate: '2026-02-01', kind: 'completed', note: '' }, { today: TODAY });
    const state = given(...first, ...rel);
    const e = refusal(() => correct(state, { changes: { admissionDate: '2026-03-01', plannedReleaseDate: '2027-03-01' }, reason: 'x' }, { today: TODAY, fileNumberInUse: () => false }));
    expect(e.issues).toContainEqual({ path: 'admissionDate', code: 'releaseBeforeAdmission' });
  });
});

