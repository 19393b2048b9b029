import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerInput, HandlerName } from '../../../shared/api';
import { COWS, AWQ, type ScaleDefinition } from '../../../shared/medical/scales';
import { streams } from '../../../shared/events';
import { DASHBOARD_SQL, detoxDashboard, traineeEpisodes } from '../../../electron/core/medical/detox/queries';
import { appendAdmissions, cleanupTempDirs, openStore, projectionSnapshot, tempDir } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** A clock the test moves (instants). */
function clockAt(iso: string) {
  let now = new Date(iso);
  return { now: () => now, set: (d: string) => (now = new Date(d)) };
}

const cows = (points: number[]) => Object.fromEntries(COWS.items.map((i, k) => [i.id, points[k] ?? null]));
const awq = (n: number) => Object.fromEntries(AWQ.items.map((i) => [i.id, n]));

async function withEpisode(f: MedicalFixture, traineeId: string, scaleId = 'cows', startedAt = '2026-11-24T00:00:00.000Z') {
  return f.ok('medical', 'medical.detox.start', { traineeId, substance: scaleId === 'cows' ? 'heroin' : 'methamphetamine', scaleId, startedAt });
}

describe('detox through the service', () => {
  it('starts, assesses and closes an episode: the episodes query, the dashboard and the timeline follow', async () => {
    const clock = clockAt('2026-11-24T10:00:00.000Z');
    const f = await medicalFixture(2, clock.now);
    const [a, b] = f.traineeIds as [string, string];
    const { episodeId } = await withEpisode(f, a);
    // Resting pulse 101–120 (2), sweating 3, restlessness 3, pupils 2, aches 2, nose 2, GI 3, tremor 2, yawning 2, anxiety 2, gooseflesh 3 = 26.
    const first = await f.ok('medical', 'medical.detox.assess', { traineeId: a, episodeId, assessedAt: '2026-11-24T02:00:00.000Z', answers: cows([2, 3, 3, 2, 2, 2, 3, 2, 2, 2, 3]) });
    expect(first.total).toBe(26);
    // One item left out: recorded, without a total.
    const partial = await f.ok('medical', 'medical.detox.assess', { traineeId: a, episodeId, assessedAt: '2026-11-24T09:00:00.000Z', answers: cows([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]) });
    expect(partial.total).toBeNull();

    const episodes = await f.ok('medical', 'medical.detox.episodes', { traineeId: a });
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({ episodeId, scaleId: 'cows', substance: 'heroin', closedAt: null });
    expect(episodes[0]!.assessments.map((x) => [x.total, x.actor])).toEqual([
      [26, 'Cán bộ medical'],
      [null, 'Cán bộ medical'],
    ]);
    expect(episodes[0]!.assessments[1]!.answers['gooseflesh']).toBeNull();

    // AWQ episode for b, assessed twice: the trend, not a band.
    const other = await withEpisode(f, b, 'awq', '2026-11-24T01:00:00.000Z');
    await f.ok('medical', 'medical.detox.assess', { traineeId: b, episodeId: other.episodeId, assessedAt: '2026-11-24T01:30:00.000Z', answers: awq(3) });
    await f.ok('medical', 'medical.detox.assess', { traineeId: b, episodeId: other.episodeId, assessedAt: '2026-11-24T09:30:00.000Z', answers: awq(2) });

    const dash = await f.ok('medical', 'medical.detox.dashboard', {});
    expect(dash.intervalHours).toBe(8);
    expect(dash.rows.map((r) => [r.traineeId, r.lastTotal, r.band?.label.en ?? null, r.trend, r.nextDueAt, r.overdue])).toEqual([
      [a, null, null, null, '2026-11-24T17:00:00.000Z', false],
      [b, 20, null, 'down', '2026-11-24T17:30:00.000Z', false],
    ]);
    clock.set('2026-11-24T17:10:00.000Z');
    const later = await f.ok('medical', 'medical.detox.dashboard', {});
    expect(later.rows.map((r) => r.overdue)).toEqual([true, false]);

    // A complete assessment shows its band.
    await f.ok('medical', 'medical.detox.assess', { traineeId: a, episodeId, assessedAt: '2026-11-24T17:05:00.000Z', answers: cows([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]) });
    const banded = await f.ok('medical', 'medical.detox.dashboard', {});
    expect(banded.rows.find((r) => r.traineeId === a)).toMatchObject({ lastTotal: 10, band: { label: { en: 'Mild' } }, trend: null, overdue: false });

    await f.ok('medical', 'medical.detox.close', { traineeId: a, episodeId, closedAt: '2026-11-24T17:06:00.000Z', outcome: 'completed', note: 'Hết triệu chứng' });
    expect((await f.ok('medical', 'medical.detox.dashboard', {})).rows.map((r) => r.traineeId)).toEqual([b]);
    // Closing never moves the stage of treatment.
    expect((await f.ok('admin', 'trainees.get', { traineeId: a })).phase).toBe('intake');

    const medicalView = await f.ok('medical', 'trainees.timeline', { traineeId: a });
    expect(medicalView.map((e) => e.type).filter((t) => t.startsWith('Detox'))).toEqual(['DetoxEpisodeClosed', 'DetoxAssessed', 'DetoxAssessed', 'DetoxAssessed', 'DetoxEpisodeStarted']);
    for (const role of ['admin', 'duty', 'teacher', 'instructor'] as const) {
      const view = await f.ok(role, 'trainees.timeline', { traineeId: a });
      expect(view.map((e) => e.type)).toEqual(['TraineeAdmitted']);
    }
    f.service.close();
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const clock = clockAt('2026-11-24T10:00:00.000Z');
    const f = await medicalFixture(1, clock.now);
    const [a] = f.traineeIds as [string];
    const { episodeId } = await withEpisode(f, a);
    const refused = async <N extends HandlerName>(name: N, input: HandlerInput<N>) => {
      const before = f.events();
      const r = await f.as('medical', name, input);
      expect(f.events()).toBe(before);
      if (r.ok) throw new Error(`${name} was accepted`);
      return [r.error.code, ...(r.error.issues ?? []).map((i) => `${i.path}:${i.code}`)];
    };
    const full = cows([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const assessAt = (over: Partial<HandlerInput<'medical.detox.assess'>>) => refused('medical.detox.assess', { traineeId: a, episodeId, assessedAt: '2026-11-24T09:00:00.000Z', answers: full, ...over });

    expect(await assessAt({ answers: { ...full, pupils: 3 } })).toEqual(['VALIDATION', 'answers.pupils:notAnOption']);
    expect(await assessAt({ answers: { ...full, craving: 1 } })).toEqual(['VALIDATION', 'answers.craving:unknownItem']);
    expect(await assessAt({ answers: { ...full, pulse: 1.5 } })).toEqual(['VALIDATION', 'answers.pulse:notAnOption']);
    expect(await assessAt({ assessedAt: '2026-11-24T10:00:01.000Z' })).toEqual(['VALIDATION', 'assessedAt:timeInFuture']);
    expect(await assessAt({ assessedAt: '24/11/2026 09:00' })).toEqual(['VALIDATION', 'assessedAt:invalidDateTime']);
    expect(await refused('medical.detox.start', { traineeId: a, substance: 'heroin', scaleId: 'cows', startedAt: '2026-11-24T09:00:00.000Z' })).toEqual(['DETOX_EPISODE_ACTIVE']);
    expect(await refused('medical.detox.start', { traineeId: a, substance: 'heroin', scaleId: 'nope', startedAt: '2026-11-24T09:00:00.000Z' })).toEqual(['VALIDATION', 'scaleId:unknownScale']);

    await f.ok('medical', 'medical.detox.close', { traineeId: a, episodeId, closedAt: '2026-11-24T09:00:00.000Z', outcome: 'referred', note: '' });
    expect(await assessAt({})).toEqual(['DETOX_EPISODE_CLOSED']);
    expect(await refused('medical.detox.close', { traineeId: a, episodeId, closedAt: '2026-11-24T09:30:00.000Z', outcome: 'completed', note: '' })).toEqual(['DETOX_EPISODE_CLOSED']);
    f.service.close();
  });

  it('only medical officers read or write detox data', async () => {
    const clock = clockAt('2026-11-24T10:00:00.000Z');
    const f = await medicalFixture(1, clock.now);
    const [a] = f.traineeIds as [string];
    const { episodeId } = await withEpisode(f, a);
    for (const role of ['admin', 'duty', 'teacher', 'instructor'] as const) {
      const before = f.events();
      const calls = [
        f.as(role, 'medical.detox.start', { traineeId: a, substance: 'heroin', scaleId: 'cows', startedAt: '2026-11-24T09:00:00.000Z' }),
        f.as(role, 'medical.detox.assess', { traineeId: a, episodeId, assessedAt: '2026-11-24T09:00:00.000Z', answers: { pulse: 0 } }),
        f.as(role, 'medical.detox.close', { traineeId: a, episodeId, closedAt: '2026-11-24T09:00:00.000Z', outcome: 'completed', note: '' }),
        f.as(role, 'medical.detox.defineScale', { definition: { ...AWQ, id: 'x-form' } }),
        f.as(role, 'medical.detox.episodes', { traineeId: a }),
        f.as(role, 'medical.detox.dashboard', {}),
        f.as(role, 'medical.detox.scales', {}),
      ];
      for (const r of await Promise.all(calls)) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(f.events()).toBe(before);
    }
    f.service.close();
  });

  it('a facility scale defined as data is usable at once; its id cannot be reused', async () => {
    const clock = clockAt('2026-11-24T10:00:00.000Z');
    const f = await medicalFixture(1, clock.now);
    const [a] = f.traineeIds as [string];
    const form: ScaleDefinition = {
      id: 'tt18-kich-thich',
      name: { vi: 'Mẫu TT18 (kích thích)', en: 'Circular 18 (stimulants)' },
      description: { vi: 'Phụ lục theo dõi cai chất kích thích', en: 'Stimulant withdrawal annex' },
      items: [
        { id: 'sleep', label: { vi: 'Mất ngủ', en: 'Insomnia' }, options: [{ points: 0, label: { vi: 'Không', en: 'No' } }, { points: 2, label: { vi: 'Có', en: 'Yes' } }] },
        { id: 'mood', label: { vi: 'Trầm cảm', en: 'Low mood' }, options: [{ points: 0, label: { vi: 'Không', en: 'No' } }, { points: 3, label: { vi: 'Có', en: 'Yes' } }] },
      ],
      bands: [{ min: 0, max: 2, severity: 0, label: { vi: 'Nhẹ', en: 'Mild' } }, { min: 3, max: null, severity: 3, label: { vi: 'Nặng', en: 'Severe' } }],
    };
    await f.ok('medical', 'medical.detox.defineScale', { definition: form });
    expect((await f.ok('medical', 'medical.detox.scales', {})).map((s) => s.id)).toEqual(['cows', 'ciwa-ar', 'awq', 'tt18-kich-thich']);
    const before = f.events();
    expect(await f.as('medical', 'medical.detox.defineScale', { definition: form })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'definition.id', code: 'scaleIdInUse' }] } });
    expect(await f.as('medical', 'medical.detox.defineScale', { definition: { ...form, id: 'other', items: [form.items[0]!, form.items[0]!] } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'definition.items.1.id', code: 'duplicateItem' }] },
    });
    expect(f.events()).toBe(before);

    const { episodeId } = await withEpisode(f, a, 'tt18-kich-thich');
    const r = await f.ok('medical', 'medical.detox.assess', { traineeId: a, episodeId, assessedAt: '2026-11-24T09:00:00.000Z', answers: { sleep: 2, mood: 3 } });
    expect(r.total).toBe(5);
    expect((await f.ok('medical', 'medical.detox.dashboard', {})).rows[0]).toMatchObject({ scaleName: form.name, band: { label: { en: 'Severe' } } });
    f.service.close();
  });

  it('voiding an assessment or an episode replays the stream; the tables equal a rebuild from the log', async () => {
    const clock = clockAt('2026-11-24T10:00:00.000Z');
    const f = await medicalFixture(2, clock.now);
    const [a, b] = f.traineeIds as [string, string];
    const { episodeId } = await withEpisode(f, a);
    const kept = await f.ok('medical', 'medical.detox.assess', { traineeId: a, episodeId, assessedAt: '2026-11-24T02:00:00.000Z', answers: cows([4, 4, 5, 5, 4, 4, 5, 4, 4, 4, 5]) });
    const wrong = await f.ok('medical', 'medical.detox.assess', { traineeId: a, episodeId, assessedAt: '2026-11-24T08:00:00.000Z', answers: cows([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) });
    expect((await f.ok('medical', 'medical.detox.dashboard', {})).rows[0]!.lastTotal).toBe(0);
    await f.ok('medical', 'events.void', { seq: wrong.seq, reason: 'Nhầm học viên' });
    const afterVoid = (await f.ok('medical', 'medical.detox.dashboard', {})).rows[0]!;
    expect(afterVoid).toMatchObject({ lastTotal: 48, band: { label: { en: 'Severe' } }, nextDueAt: '2026-11-24T10:00:00.000Z' });
    expect((await f.ok('medical', 'medical.detox.episodes', { traineeId: a }))[0]!.assessments.map((x) => x.seq)).toEqual([kept.seq]);

    const second = await withEpisode(f, b, 'awq');
    await f.ok('medical', 'medical.detox.assess', { traineeId: b, episodeId: second.episodeId, assessedAt: '2026-11-24T03:00:00.000Z', answers: awq(1) });
    await f.ok('medical', 'events.void', { seq: second.seq, reason: 'Mở nhầm đợt' });
    expect(await f.ok('medical', 'medical.detox.episodes', { traineeId: b })).toEqual([]);
    // The voided episode no longer blocks a new one.
    await withEpisode(f, b, 'awq', '2026-11-24T04:00:00.000Z');
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['detox_assessments']).toHaveLength(1);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });
});

describe('trainees.advancePhase through the service', () => {
  it('moves the phase explicitly (roster and record follow), shows in every timeline, refuses bad moves writing nothing', async () => {
    const clock = clockAt('2026-11-24T10:00:00.000Z');
    const f = await medicalFixture(1, clock.now);
    const [a] = f.traineeIds as [string];
    await f.ok('medical', 'trainees.advancePhase', { traineeId: a, from: 'intake', to: 'detox', date: '2026-09-02', note: 'Bắt đầu cắt cơn' });
    expect((await f.ok('admin', 'trainees.get', { traineeId: a })).phase).toBe('detox');
    expect((await f.ok('duty', 'trainees.list', {})).items[0]!.phase).toBe('detox');
    const byDuty = await f.ok('duty', 'trainees.advancePhase', { traineeId: a, from: 'detox', to: 'labor', date: '2026-10-02', note: '' });

    const before = f.events();
    const refusal = async (input: HandlerInput<'trainees.advancePhase'>, role: 'admin' | 'teacher' = 'admin') => {
      const r = await f.as(role, 'trainees.advancePhase', input);
      if (r.ok) throw new Error('accepted');
      return [r.error.code, ...(r.error.issues ?? []).map((i) => `${i.path}:${i.code}`)];
    };
    expect(await refusal({ traineeId: a, from: 'detox', to: 'education', date: '2026-11-01', note: '' })).toEqual(['VALIDATION', 'from:phaseNotCurrent']);
    expect(await refusal({ traineeId: a, from: 'labor', to: 'education', date: '2026-11-01', note: '' })).toEqual(['VALIDATION', 'to:phaseNotLater']);
    expect(await refusal({ traineeId: a, from: 'labor', to: 'reintegration', date: '2026-11-25', note: '' })).toEqual(['VALIDATION', 'date:dateInFuture']);
    expect(await refusal({ traineeId: a, from: 'labor', to: 'reintegration', date: '2026-10-01', note: '' })).toEqual(['VALIDATION', 'date:beforeLastPhaseChange']);
    expect(await refusal({ traineeId: a, from: 'labor', to: 'reintegration', date: '2026-11-01', note: '' }, 'teacher')).toEqual(['FORBIDDEN']);
    expect(await refusal({ traineeId: a, from: 'labor', to: 'nowhere' as 'labor', date: '2026-11-01', note: '' })).toEqual(['VALIDATION', 'to:invalidChoice']);
    expect(f.events()).toBe(before);

    // Everyone sees the change of stage (it is not medical data).
    const timeline = await f.ok('teacher', 'trainees.timeline', { traineeId: a });
    expect(timeline.filter((e) => e.type === 'TraineePhaseAdvanced').map((e) => [e.data['from'], e.data['to']])).toEqual([
      ['detox', 'labor'],
      ['intake', 'detox'],
    ]);

    // A mistaken change is voided: the phase goes back, and the trainees table equals a rebuild.
    await f.ok('duty', 'events.void', { seq: byDuty.seq, reason: 'Chưa đủ điều kiện' });
    expect((await f.ok('admin', 'trainees.get', { traineeId: a })).phase).toBe('detox');
    f.service.close();
    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });
});

describe('detox at 500 trainees', () => {
  it('the dashboard reads open episodes through their partial index and the roster by key; a record reads its own rows', () => {
    const store = openStore(tempDir());
    const ids = appendAdmissions(store, 500);
    // Every trainee had a closed episode; half have an open one with three assessments.
    const episode = (i: number, k: number) => `00000000-0000-4000-9000-${String(i * 10 + k).padStart(12, '0')}`;
    for (let i = 0; i < ids.length; i += 100) {
      store.appendBatch(
        ids.slice(i, i + 100).map((id, j) => {
          const n = i + j;
          const closed = episode(n, 1);
          const events = [
            { type: 'DetoxEpisodeStarted' as const, data: { traineeId: id, episodeId: closed, substance: 'heroin' as const, scaleId: 'cows', startedAt: '2026-09-02T01:00:00.000Z' } },
            { type: 'DetoxEpisodeClosed' as const, data: { traineeId: id, episodeId: closed, closedAt: '2026-09-09T01:00:00.000Z', outcome: 'completed' as const, note: '' } },
          ];
          const more =
            n % 2 === 0
              ? [
                  { type: 'DetoxEpisodeStarted' as const, data: { traineeId: id, episodeId: episode(n, 2), substance: 'methamphetamine' as const, scaleId: 'awq', startedAt: '2026-11-20T01:00:00.000Z' } },
                  ...[30, 40, 20].map((total, h) => ({
                    type: 'DetoxAssessed' as const,
                    data: { traineeId: id, episodeId: episode(n, 2), assessedAt: `2026-11-2${h}T09:00:00.000Z`, answers: awq(total / 10), total },
                  })),
                ]
              : [];
          return { stream: streams.medical(id), expected: 'no_stream' as const, events: [...events, ...more] };
        }),
        { actor: null },
      );
    }
    const rows = detoxDashboard(store.db, new Date('2026-11-22T18:00:00.000Z'), 8);
    expect(rows).toHaveLength(250);
    expect(rows[0]).toMatchObject({ lastTotal: 20, trend: 'down', overdue: true });

    const plan = (sql: string, ...args: string[]) =>
      store.db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...args)
        .map((r) => (r as { detail: string }).detail)
        .join(' | ');
    const dashboardPlan = plan(DASHBOARD_SQL);
    expect(dashboardPlan).toContain('USING INDEX detox_episodes_active');
    expect(dashboardPlan).toMatch(/SEARCH t USING INDEX sqlite_autoindex_trainees_1|SEARCH t USING PRIMARY KEY/);
    expect(plan('SELECT * FROM detox_episodes WHERE trainee_id = ? ORDER BY started_at DESC, seq DESC', ids[0]!)).toContain('USING INDEX detox_episodes_trainee');
    expect(plan('SELECT * FROM detox_assessments a WHERE a.trainee_id = ?', ids[0]!)).toContain('USING INDEX detox_assessments_trainee');
    expect(traineeEpisodes(store.db, ids[0]!).map((e) => e.assessments.length)).toEqual([3, 0]);
    store.close();
  });
});
