import { describe, expect, it } from 'vitest';
import { SenError } from '../../../shared/errors';
import { DEFAULT_MEDICAL_SETTINGS } from '../../../shared/medical/common';
import { isPositive, recordScreeningInput, type RecordScreeningInput } from '../../../shared/medical/screening';
import { addDays, changeSettings, recordScreening } from '../../../electron/core/medical/screening/decider';

const traineeId = '00000000-0000-4000-8000-000000000001';
const sessionId = '00000000-0000-4000-8000-0000000000aa';
const trainee = { admissionDate: '2026-09-01', releaseDate: null };
const ctx = { today: '2026-09-10', sessionId, trainee };

function input(overrides: Partial<RecordScreeningInput> = {}): RecordScreeningInput {
  return { traineeId, date: '2026-09-02', results: { hiv: 'negative' }, note: '', ...overrides };
}

function refusal(f: () => unknown): { code: string; issues: unknown } {
  try {
    f();
  } catch (e) {
    if (e instanceof SenError) return { code: e.code, issues: e.issues };
    throw e;
  }
  throw new Error('not refused');
}

describe('recordScreening', () => {
  it('turns a session into one ScreeningRecorded dated the day of the session', () => {
    const events = recordScreening(input({ results: { hiv: 'negative', urine: { MET: 'positive', THC: 'negative' } }, note: 'lấy mẫu sáng' }), ctx);
    expect(events).toEqual([
      {
        type: 'ScreeningRecorded',
        occurredAt: '2026-09-02',
        data: { traineeId, sessionId, date: '2026-09-02', results: { hiv: 'negative', urine: { MET: 'positive', THC: 'negative' } }, note: 'lấy mẫu sáng' },
      },
    ]);
  });

  it('accepts the day of admission and today', () => {
    expect(recordScreening(input({ date: '2026-09-01' }), ctx)).toHaveLength(1);
    expect(recordScreening(input({ date: '2026-09-10' }), ctx)).toHaveLength(1);
  });

  it('refuses a session dated in the future', () => {
    expect(refusal(() => recordScreening(input({ date: '2026-09-11' }), ctx))).toEqual({ code: 'VALIDATION', issues: [{ path: 'date', code: 'dateInFuture' }] });
  });

  it('refuses a session dated before admission', () => {
    expect(refusal(() => recordScreening(input({ date: '2026-08-31' }), ctx))).toEqual({
      code: 'VALIDATION',
      issues: [{ path: 'date', code: 'screeningBeforeAdmission' }],
    });
  });

  it('refuses a session dated after the release', () => {
    const released = { ...ctx, trainee: { admissionDate: '2026-09-01', releaseDate: '2026-09-05' } };
    expect(recordScreening(input({ date: '2026-09-05' }), released)).toHaveLength(1);
    expect(refusal(() => recordScreening(input({ date: '2026-09-06' }), released))).toEqual({
      code: 'VALIDATION',
      issues: [{ path: 'date', code: 'screeningAfterRelease' }],
    });
  });

  it('refuses a session with nothing to record', () => {
    expect(refusal(() => recordScreening(input({ results: {} }), ctx))).toEqual({ code: 'VALIDATION', issues: [{ path: 'results', code: 'nothingToRecord' }] });
  });

  it('refuses an unknown trainee', () => {
    expect(refusal(() => recordScreening(input(), { ...ctx, trainee: null })).code).toBe('NOT_FOUND');
  });
});

describe('the session input', () => {
  const parse = (results: unknown) => recordScreeningInput.safeParse({ traineeId, date: '2026-09-02', results });
  const codes = (results: unknown) => {
    const r = parse(results);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };

  it('needs at least one test', () => {
    expect(codes({})).toEqual(['results:nothingToRecord']);
  });

  it('refuses an empty urine panel, an unknown panel code, an empty vitals block', () => {
    expect(codes({ urine: {} })).toEqual(['results.urine:urineEmpty']);
    // An unknown code is refused (the core names it unknownField at the boundary).
    expect(parse({ urine: { XYZ: 'positive' } }).success).toBe(false);
    const none = { pulse: null, systolic: null, diastolic: null, temperature: null, respiratoryRate: null, weightKg: null };
    expect(codes({ vitals: none })).toEqual(['results.vitals:vitalsEmpty']);
  });

  it('checks vital ranges and blood pressure pairs', () => {
    const none = { pulse: null, systolic: null, diastolic: null, temperature: null, respiratoryRate: null, weightKg: null };
    expect(codes({ vitals: { ...none, temperature: 370 } })).toEqual(['results.vitals.temperature:outOfRange']);
    expect(codes({ vitals: { ...none, pulse: 72.5 } })).toEqual(['results.vitals.pulse:invalid']);
    expect(codes({ vitals: { ...none, systolic: 120 } })).toEqual(['results.vitals.diastolic:bloodPressureBoth']);
    expect(codes({ vitals: { ...none, systolic: 80, diastolic: 120 } })).toEqual(['results.vitals.diastolic:diastolicAboveSystolic']);
    expect(codes({ vitals: { ...none, systolic: 120, diastolic: 80, temperature: 36.8, weightKg: 52.4 } })).toEqual([]);
  });

  it('refuses a serology result outside the list', () => {
    expect(codes({ hiv: 'reactive' })).toEqual(['results.hiv:invalidChoice']);
  });
});

describe('isPositive', () => {
  const tbNo = { cough2Weeks: false, fever: false, weightLoss: false, nightSweats: false, tbContact: false };
  it('a TB screen is positive when any symptom is present', () => {
    expect(isPositive({ tb: tbNo }, 'tb')).toBe(false);
    expect(isPositive({ tb: { ...tbNo, tbContact: true } }, 'tb')).toBe(true);
  });
  it('a urine panel is positive when any substance is', () => {
    expect(isPositive({ urine: { MET: 'negative', THC: 'negative' } }, 'urine')).toBe(false);
    expect(isPositive({ urine: { MET: 'negative', KET: 'positive' } }, 'urine')).toBe(true);
  });
  it('serology follows its result; vitals and tests not done have none', () => {
    expect(isPositive({ hcv: 'positive' }, 'hcv')).toBe(true);
    expect(isPositive({ hcv: 'indeterminate' }, 'hcv')).toBe(false);
    expect(isPositive({ hcv: 'positive' }, 'hiv')).toBeNull();
    expect(isPositive({ vitals: { pulse: 80, systolic: null, diastolic: null, temperature: null, respiratoryRate: null, weightKg: null } }, 'vitals')).toBeNull();
  });
});

describe('changeSettings', () => {
  it('writes the whole settings object', () => {
    const next = { ...DEFAULT_MEDICAL_SETTINGS, rescreenDays: { ...DEFAULT_MEDICAL_SETTINGS.rescreenDays, urine: 14 } };
    expect(changeSettings(DEFAULT_MEDICAL_SETTINGS, next)).toEqual([{ type: 'MedicalSettingsChanged', data: next }]);
  });
  it('refuses a change that changes nothing, whatever the key order', () => {
    const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const same = { ...reversed(DEFAULT_MEDICAL_SETTINGS), rescreenDays: reversed(DEFAULT_MEDICAL_SETTINGS.rescreenDays) };
    expect(Object.keys(same)[0]).not.toBe(Object.keys(DEFAULT_MEDICAL_SETTINGS)[0]);
    expect(refusal(() => changeSettings(DEFAULT_MEDICAL_SETTINGS, same)).code).toBe('NOTHING_CHANGED');
  });
});

describe('addDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2026-09-25', 7)).toBe('2026-10-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-09-09', -7)).toBe('2026-09-02');
  });
});
