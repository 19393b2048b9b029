import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerInput, HandlerName } from '../../../shared/api';
import { DEFAULT_MEDICAL_SETTINGS } from '../../../shared/medical/common';
import { streams } from '../../../shared/events';
import { screeningDue } from '../../../electron/core/medical/screening/queries';
import { appendAdmissions, cleanupTempDirs, openStore, projectionSnapshot, tempDir, traineeDetails } from '../../support/core';
import { medicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** A clock the test moves: local noon of the given day. */
function clockAt(day: string) {
  let now = new Date(`${day}T12:00:00`);
  return { now: () => now, set: (d: string) => (now = new Date(`${d}T12:00:00`)) };
}

const noVitals = { pulse: null, systolic: null, diastolic: null, temperature: null, respiratoryRate: null, weightKg: null };
const tbNo = { cough2Weeks: false, fever: false, weightLoss: false, nightSweats: false, tbContact: false };
const fullIntake = {
  hiv: 'negative',
  hbv: 'negative',
  hcv: 'positive',
  syphilis: 'negative',
  tb: tbNo,
  urine: { MET: 'positive', MOP: 'negative', THC: 'negative' },
  vitals: { ...noVitals, pulse: 88, systolic: 120, diastolic: 80, temperature: 36.8, respiratoryRate: 18, weightKg: 52.5 },
} as const;

describe('screening through the service', () => {
  it('records a session: the latest result per test, the history, the timeline (whole for medical, absent for others)', async () => {
    const clock = clockAt('2026-09-09');
    const f = await medicalFixture(1, clock.now);
    const [id] = f.traineeIds as [string];
    await f.ok('medical', 'medical.screening.record', { traineeId: id, date: '2026-09-02', results: { hiv: 'negative', tb: { ...tbNo, nightSweats: true } }, note: 'Đầu vào' });
    const second = await f.ok('medical', 'medical.screening.record', { traineeId: id, date: '2026-09-08', results: { hiv: 'indeterminate', urine: { MET: 'positive' } } });

    const list = await f.ok('medical', 'medical.screening.list', { traineeId: id });
    expect(list.latest).toEqual([
      { test: 'hiv', date: '2026-09-08', seq: second.seq, positive: false },
      { test: 'tb', date: '2026-09-02', seq: second.seq - 1, positive: true },
      { test: 'urine', date: '2026-09-08', seq: second.seq, positive: true },
    ]);
    expect(list.missing).toEqual(['hbv', 'hcv', 'syphilis', 'vitals']);
    expect(list.dueDates).toEqual({ hiv: '2027-03-07', tb: '2027-03-01', urine: '2026-10-08' });
    expect(list.sessions.map((s) => [s.date, s.note, s.recordedBy])).toEqual([
      ['2026-09-08', '', 'Cán bộ medical'],
      ['2026-09-02', 'Đầu vào', 'Cán bộ medical'],
    ]);
    expect(list.sessions[0]!.results).toEqual({ hiv: 'indeterminate', urine: { MET: 'positive' } });

    const medicalTimeline = await f.ok('medical', 'trainees.timeline', { traineeId: id });
    expect(medicalTimeline.filter((e) => e.type === 'ScreeningRecorded')).toHaveLength(2);
    for (const role of ['duty', 'teacher', 'instructor', 'admin'] as const) {
      const timeline = await f.ok(role, 'trainees.timeline', { traineeId: id });
      expect(timeline.map((e) => e.type)).toEqual(['TraineeAdmitted']);
      expect(JSON.stringify(timeline)).not.toContain('indeterminate');
    }
    f.service.close();
  });

  it('refuses bad sessions with the field at fault and writes nothing', async () => {
    const clock = clockAt('2026-09-09');
    const f = await medicalFixture(1, clock.now);
    const [id] = f.traineeIds as [string];
    const before = f.events();
    const cases: [unknown, string, string][] = [
      [{ traineeId: id, date: '2026-09-10', results: { hiv: 'negative' } }, 'date', 'dateInFuture'],
      [{ traineeId: id, date: '2026-08-31', results: { hiv: 'negative' } }, 'date', 'screeningBeforeAdmission'],
      [{ traineeId: id, date: '2026-09-02', results: {} }, 'results', 'nothingToRecord'],
      [{ traineeId: id, date: '02/09/2026', results: { hiv: 'negative' } }, 'date', 'invalidDate'],
      [{ traineeId: id, date: '2026-09-02', results: { hiv: 'maybe' } }, 'results.hiv', 'invalidChoice'],
      [{ traineeId: id, date: '2026-09-02', results: { urine: {} } }, 'results.urine', 'urineEmpty'],
      [{ traineeId: id, date: '2026-09-02', results: { vitals: { ...noVitals, temperature: 370 } } }, 'results.vitals.temperature', 'outOfRange'],
      [{ traineeId: id, date: '2026-09-02', results: { vitals: { ...noVitals, systolic: 120 } } }, 'results.vitals.diastolic', 'bloodPressureBoth'],
      [{ traineeId: 'not-an-id', date: '2026-09-02', results: { hiv: 'negative' } }, 'traineeId', 'invalidId'],
    ];
    for (const [input, path, code] of cases) {
      const r = await f.as('medical', 'medical.screening.record', input as HandlerInput<'medical.screening.record'>);
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: expect.arrayContaining([{ path, code }]) } });
    }
    const unknown = await f.as('medical', 'medical.screening.record', { traineeId: '00000000-0000-4000-8000-000000000999', date: '2026-09-02', results: { hiv: 'negative' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('refuses every screening and settings handler to duty, teacher, instructor and admin, writing nothing', async () => {
    const clock = clockAt('2026-09-09');
    const f = await medicalFixture(1, clock.now);
    const [id] = f.traineeIds as [string];
    const calls: { [N in HandlerName]?: HandlerInput<N> } = {
      'medical.screening.record': { traineeId: id, date: '2026-09-02', results: { hiv: 'negative' } },
      'medical.screening.list': { traineeId: id },
      'medical.screening.due': {},
      'medical.settings.get': {},
      'medical.settings.set': { ...DEFAULT_MEDICAL_SETTINGS, adherenceThresholdPercent: 90 },
    };
    const before = f.events();
    for (const role of ['duty', 'teacher', 'instructor', 'admin'] as const) {
      for (const [name, input] of Object.entries(calls)) {
        const r = await f.as(role, name as HandlerName, input as never);
        expect(r, `${role} ${name}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(f.events()).toBe(before);
    // The same calls succeed for the medical officer.
    for (const [name, input] of Object.entries(calls)) await f.ok('medical', name as HandlerName, input as never);
    f.service.close();
  });

  it('keeps the medical settings: defaults, a change, refusing no change and bad values', async () => {
    const f = await medicalFixture(0);
    expect(await f.ok('medical', 'medical.settings.get', {})).toEqual(DEFAULT_MEDICAL_SETTINGS);
    const next = { ...DEFAULT_MEDICAL_SETTINGS, rescreenDays: { ...DEFAULT_MEDICAL_SETTINGS.rescreenDays, urine: 14 }, assessmentIntervalHours: 6 };
    await f.ok('medical', 'medical.settings.set', next);
    expect(await f.ok('medical', 'medical.settings.get', {})).toEqual(next);
    const before = f.events();
    expect(await f.as('medical', 'medical.settings.set', next)).toMatchObject({ ok: false, error: { code: 'NOTHING_CHANGED' } });
    expect(await f.as('medical', 'medical.settings.set', { ...next, adherenceThresholdPercent: 101 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'adherenceThresholdPercent', code: 'outOfRange' }] },
    });
    expect(await f.as('medical', 'medical.settings.set', { ...next, rescreenDays: { ...next.rescreenDays, hiv: -1 } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'rescreenDays.hiv', code: 'outOfRange' }] },
    });
    expect(f.events()).toBe(before);
    f.service.close();
  });
});

describe('the screening dashboard', () => {
  it('lists trainees admitted more than 7 days ago without a complete intake, with the missing tests', async () => {
    const clock = clockAt('2026-09-09');
    const f = await medicalFixture(3, clock.now); // admitted 2026-09-01: 8 days ago
    const [complete, partial, none] = f.traineeIds as [string, string, string];
    const recent = (await f.ok('admin', 'trainees.admit', traineeDetails({ fullName: 'Đinh Văn Mới', admissionDate: '2026-09-02' }))).traineeId; // 7 days ago
    await f.ok('medical', 'medical.screening.record', { traineeId: complete, date: '2026-09-02', results: fullIntake });
    await f.ok('medical', 'medical.screening.record', { traineeId: partial, date: '2026-09-02', results: { hiv: 'negative', tb: tbNo } });

    const due = await f.ok('medical', 'medical.screening.due', {});
    expect(due.today).toBe('2026-09-09');
    // Same admission day: by given name (Hoà before Páo).
    expect(due.intakeIncomplete.map((t) => t.traineeId)).toEqual([partial, none]);
    const byId = new Map(due.intakeIncomplete.map((t) => [t.traineeId, t.missing]));
    expect(byId.get(partial)).toEqual(['hbv', 'hcv', 'syphilis', 'urine', 'vitals']);
    expect(byId.get(none)).toEqual(['hiv', 'hbv', 'hcv', 'syphilis', 'tb', 'urine', 'vitals']);
    expect(byId.has(complete)).toBe(false);
    expect(byId.has(recent)).toBe(false);
    expect(due.rescreening).toEqual([]);

    // A day later the recent admission is past the grace period too.
    clock.set('2026-09-10');
    expect((await f.ok('medical', 'medical.screening.due', {})).intakeIncomplete.map((t) => t.traineeId)).toContain(recent);

    // Voiding the complete trainee's session puts them back on the list.
    const session = (await f.ok('medical', 'medical.screening.list', { traineeId: complete })).sessions[0]!;
    await f.ok('medical', 'events.void', { seq: session.seq, reason: 'Ghi nhầm học viên' });
    expect((await f.ok('medical', 'medical.screening.due', {})).intakeIncomplete.map((t) => t.traineeId)).toContain(complete);
    // A released trainee is no longer on it.
    await f.ok('admin', 'trainees.release', { traineeId: none, releaseDate: '2026-09-10', kind: 'transferred', note: '' });
    expect((await f.ok('medical', 'medical.screening.due', {})).intakeIncomplete.map((t) => t.traineeId)).not.toContain(none);
    f.service.close();
  });

  it('lists periodic re-screenings due per the settings, most overdue first', async () => {
    const clock = clockAt('2026-09-09');
    const f = await medicalFixture(2, clock.now);
    const [a, b] = f.traineeIds as [string, string];
    await f.ok('medical', 'medical.screening.record', { traineeId: a, date: '2026-09-02', results: fullIntake });
    await f.ok('medical', 'medical.screening.record', { traineeId: b, date: '2026-09-05', results: fullIntake });
    await f.ok('medical', 'medical.screening.record', { traineeId: a, date: '2026-09-06', results: { urine: { MET: 'negative' } } });

    // Urine and vitals every 30 days: a's vitals (09-02) are due 10-02, a's urine (09-06) 10-06, b's 10-05.
    clock.set('2026-10-05');
    const due = await f.ok('medical', 'medical.screening.due', {});
    expect(due.rescreening.map((r) => [r.traineeId, r.test, r.lastDate, r.dueDate])).toEqual([
      [a, 'vitals', '2026-09-02', '2026-10-02'],
      [b, 'urine', '2026-09-05', '2026-10-05'],
      [b, 'vitals', '2026-09-05', '2026-10-05'],
    ]);
    expect(due.intakeIncomplete).toEqual([]);

    // No periodic vitals, urine every 60 days: nothing due; a new vitals result also clears it.
    await f.ok('medical', 'medical.settings.set', { ...DEFAULT_MEDICAL_SETTINGS, rescreenDays: { ...DEFAULT_MEDICAL_SETTINGS.rescreenDays, vitals: 0, urine: 60 } });
    expect((await f.ok('medical', 'medical.screening.due', {})).rescreening).toEqual([]);
    expect((await f.ok('medical', 'medical.screening.list', { traineeId: a })).dueDates).toMatchObject({ vitals: null, urine: '2026-11-05' });
    f.service.close();
  });

  it('answers from the (trainee, test, date) index: one grouped query at 500 trainees', () => {
    const setup = openStore(tempDir());
    const ids = appendAdmissions(setup, 500);
    // Half of them with a full intake, the others with HIV only, in 500-event transactions.
    setup.appendBatch(
      ids.map((id, i) => ({
        stream: streams.medical(id),
        expected: 'no_stream' as const,
        events: [
          {
            type: 'ScreeningRecorded' as const,
            data: { traineeId: id, sessionId: `10000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, date: '2026-09-02', results: i % 2 ? { hiv: 'negative' as const } : fullIntake, note: '' },
          },
        ],
      })),
      { actor: null },
    );
    const plan = setup.db
      .prepare(`EXPLAIN QUERY PLAN SELECT t.id, r.test, MAX(r.date) FROM trainees t LEFT JOIN screening_results r ON r.trainee_id = t.id WHERE t.status = 'in_care' GROUP BY t.id, r.test`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('screening_results_latest');
    const started = performance.now();
    const due = screeningDue(setup.db, '2026-12-01', DEFAULT_MEDICAL_SETTINGS);
    const ms = performance.now() - started;
    expect(due.intakeIncomplete).toHaveLength(250);
    expect(due.rescreening.filter((r) => r.test === 'urine')).toHaveLength(250);
    expect(ms).toBeLessThan(250);
    setup.close();
  });
});

describe('the screening projection', () => {
  it('equals a rebuild from the log, after sessions, a void and a settings change', async () => {
    const clock = clockAt('2026-09-09');
    const f = await medicalFixture(2, clock.now);
    const [a, b] = f.traineeIds as [string, string];
    await f.ok('medical', 'medical.screening.record', { traineeId: a, date: '2026-09-02', results: fullIntake, note: 'Sàng lọc đầu vào' });
    const wrong = await f.ok('medical', 'medical.screening.record', { traineeId: b, date: '2026-09-03', results: { hiv: 'positive' } });
    await f.ok('medical', 'events.void', { seq: wrong.seq, reason: 'Nhầm học viên' });
    await f.ok('medical', 'medical.screening.record', { traineeId: b, date: '2026-09-03', results: { hiv: 'negative', urine: { THC: 'positive' } } });
    await f.ok('medical', 'medical.settings.set', { ...DEFAULT_MEDICAL_SETTINGS, viralLoadHighCopies: 200 });
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['screening_sessions']).toHaveLength(2);
    expect(inline['screening_results']).toHaveLength(9);
    expect(inline['medical_settings']).toHaveLength(1);
    expect((inline['screening_results'] as { seq: number }[]).map((r) => r.seq)).not.toContain(wrong.seq);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });
});
