import { describe, expect, it } from 'vitest';
import { SenError } from '../../../shared/errors';
import { recordSessionInput, reintegrationSettingsSchema } from '../../../shared/training/reintegration';
import { changeSettings, recordSession } from '../../../electron/core/training/reintegration/decider';
import { dueRows, followUpState, type NearRelease, type SessionFact } from '../../../electron/core/training/reintegration/due';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const IDS = { sessionId: '00000000-0000-4000-8000-0000000000f1', counsellorId: 'teacher-1' };
const inCare = { admissionDate: '2026-01-10', released: false };
const TODAY = '2026-11-20';

const cmd = (over: Partial<Parameters<typeof recordSession>[0]> = {}) => ({
  traineeId: A,
  kind: 'job_referral' as const,
  date: '2026-11-18',
  topics: 'Việc làm sau khi ra',
  notes: '',
  outcome: 'referred' as const,
  referralTo: 'HTX mây tre đan Chiềng Cơi',
  followUpDate: '2026-12-01',
  ...over,
});

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof SenError) return e.issues?.length ? `${e.code}:${e.issues.map((i) => `${i.path}=${i.code}`).join(',')}` : e.code;
    throw e;
  }
  return 'ok';
}

describe('the reintegration decider', () => {
  it('records one session by the counsellor, dated the session day', () => {
    expect(recordSession(cmd(), IDS, inCare, TODAY)).toEqual([
      { type: 'CounsellingSessionRecorded', data: { ...cmd(), ...IDS }, occurredAt: '2026-11-18' },
    ]);
    // Today and the admission day itself are fine.
    expect(code(() => recordSession(cmd({ date: TODAY }), IDS, inCare, TODAY))).toBe('ok');
    expect(code(() => recordSession(cmd({ date: '2026-01-10' }), IDS, inCare, TODAY))).toBe('ok');
  });

  it('refuses a released trainee, a future date, a date before admission', () => {
    expect(code(() => recordSession(cmd(), IDS, { ...inCare, released: true }, TODAY))).toBe('ALREADY_RELEASED');
    expect(code(() => recordSession(cmd({ date: '2026-11-21' }), IDS, inCare, TODAY))).toBe('VALIDATION:date=dateInFuture');
    expect(code(() => recordSession(cmd({ date: '2026-01-09' }), IDS, inCare, TODAY))).toBe('VALIDATION:date=beforeAdmission');
  });

  it('settings are one event with the whole object', () => {
    expect(changeSettings({ dueWithinDays: 60 })).toEqual([{ type: 'ReintegrationSettingsChanged', data: { dueWithinDays: 60 } }]);
  });
});

describe('the session schema (rules without a clock)', () => {
  const issues = (v: unknown) => {
    const r = recordSessionInput.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}=${i.message}`);
  };
  it('accepts a session, with or without a follow-up', () => {
    expect(issues(cmd())).toEqual([]);
    expect(issues(cmd({ outcome: 'completed', referralTo: '', followUpDate: null }))).toEqual([]);
    // The follow-up may be the session day itself.
    expect(issues(cmd({ followUpDate: '2026-11-18' }))).toEqual([]);
  });
  it('refuses an unknown kind, a follow-up before the session, a referral without where, a follow-up outcome without a date', () => {
    expect(issues({ ...cmd(), kind: 'spiritual' })).toEqual(['kind=invalidChoice']);
    expect(issues(cmd({ followUpDate: '2026-11-17' }))).toEqual(['followUpDate=followUpBeforeSession']);
    expect(issues(cmd({ referralTo: '  ' }))).toEqual(['referralTo=referralToRequired']);
    expect(issues(cmd({ outcome: 'needs_follow_up', followUpDate: null }))).toEqual(['followUpDate=followUpDateRequired']);
    expect(issues(cmd({ topics: ' ' }))).toEqual(['topics=required']);
    // The counsellor is whoever is signed in: the caller cannot name one.
    expect(recordSessionInput.safeParse({ ...cmd(), counsellorId: 'someone-else' }).success).toBe(false);
  });
  it('settings: N from 7 to 365 whole days', () => {
    expect(reintegrationSettingsSchema.safeParse({ dueWithinDays: 90 }).success).toBe(true);
    for (const bad of [6, 366, 30.5]) expect(reintegrationSettingsSchema.safeParse({ dueWithinDays: bad }).success, String(bad)).toBe(false);
  });
});

describe('who is due', () => {
  const t = (traineeId: string, plannedReleaseDate: string, fullName = traineeId): NearRelease => ({ traineeId, fileNumber: `HS-${fullName}`, fullName, admissionDate: '2025-06-01', plannedReleaseDate });
  const s = (traineeId: string, date: string, seq: number, over: Partial<SessionFact> = {}): SessionFact => ({
    traineeId,
    date,
    seq,
    kind: 'legal',
    outcome: 'completed',
    followUpDate: null,
    counsellorName: 'Cô Lan',
    ...over,
  });

  it('exactly N days before planned release is due; N + 1 is not; past release (still in care) is due', () => {
    const rows = dueRows([t(A, '2027-02-18'), t(B, '2027-02-19'), t(C, '2026-11-15')], [], TODAY, 90);
    expect(rows.map((r) => [r.traineeId, r.daysLeft])).toEqual([
      [C, -5],
      [A, 90],
    ]);
  });

  it('not yet counselled first, then the nearest release; sessions counted by kind; the last one and its follow-up', () => {
    const sessions = [
      s(A, '2026-10-01', 5, { kind: 'legal' }),
      s(A, '2026-11-02', 9, { kind: 'job_referral', outcome: 'needs_follow_up', followUpDate: '2026-11-19' }),
      s(A, '2026-11-02', 7, { kind: 'family' }),
      // After the list's day (an "as of" list): not counted.
      s(B, '2026-11-25', 12),
    ];
    const rows = dueRows([t(A, '2026-12-01'), t(B, '2027-01-10'), t(C, '2027-01-05')], sessions, TODAY, 90);
    expect(rows.map((r) => r.traineeId)).toEqual([C, B, A]);
    const a = rows.find((r) => r.traineeId === A)!;
    expect(a.sessions).toBe(3);
    expect(a.byKind).toEqual({ legal: 1, vocational: 0, job_referral: 1, family: 1, other: 0 });
    expect(a.last).toEqual({ date: '2026-11-02', kind: 'job_referral', outcome: 'needs_follow_up', counsellorName: 'Cô Lan' });
    expect(a.followUp).toEqual({ date: '2026-11-19', state: 'overdue' });
    expect(rows.find((r) => r.traineeId === B)!.sessions).toBe(0);
  });

  it('a later session answers an earlier follow-up', () => {
    const rows = dueRows([t(A, '2026-12-01')], [s(A, '2026-11-01', 1, { followUpDate: '2026-11-10' }), s(A, '2026-11-12', 2)], TODAY, 90);
    expect(rows[0]!.followUp).toBeNull();
  });

  it('follow-ups: overdue before the day, due within 7 days, planned after', () => {
    expect(followUpState('2026-11-19', TODAY)).toBe('overdue');
    expect(followUpState(TODAY, TODAY)).toBe('due');
    expect(followUpState('2026-11-26', TODAY)).toBe('due');
    expect(followUpState('2026-11-27', TODAY)).toBe('planned');
  });
});
