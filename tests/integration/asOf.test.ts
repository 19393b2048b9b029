/**
 * "As of" a past date: list, get, timeline and stats answer from the events recorded up to the end
 * of that local calendar day, replayed into a scratch database; the live tables answer for today.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TraineeList, TraineeRecord } from '../../shared/admissions';
import type { Stats, TimelineEntry } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { PROJECTIONS } from '../../electron/core/service';
import { AsOfViews, recordedBeforeFor } from '../../electron/core/store/asOf';
import type { CoreService } from '../../electron/core/types';
import { cleanupTempDirs, openStore, setUpFacility, tempDir, traineeDetails } from '../support/core';

afterEach(cleanupTempDirs);

/** A clock the test moves: local wall-clock times, whatever the machine's time zone. */
function clock(start: Date) {
  let current = start;
  return {
    now: () => current,
    set: (d: Date) => {
      current = d;
    },
  };
}

const local = (day: number, hour = 10, minute = 0, second = 0, ms = 0) => new Date(2026, 9, day, hour, minute, second, ms);

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function admit(service: CoreService, fullName: string): Promise<string> {
  return value<{ traineeId: string }>(await service.call('admin', 'trainees.admit', traineeDetails({ fullName, admissionDate: '2026-09-01' }))).traineeId;
}

/**
 * 8 Oct: set-up, An and Chi admitted. 10 Oct (today): An released (release dated the 9th), Bảo
 * admitted, Chi's name corrected.
 */
async function history() {
  const c = clock(local(8));
  const { service, dataDir } = await setUpFacility(tempDir(), c.now);
  const an = await admit(service, 'Trần Văn An');
  const chi = await admit(service, 'Lê Thị Chi');
  c.set(local(10, 9));
  value(await service.call('admin', 'trainees.release', { traineeId: an, releaseDate: '2026-10-09', kind: 'completed', note: '' }));
  const bao = await admit(service, 'Phạm Văn Bảo');
  value(await service.call('admin', 'trainees.correct', { traineeId: chi, changes: { fullName: 'Lê Thị Chinh' }, reason: 'Sai chính tả khi tiếp nhận' }));
  return { service, dataDir, clock: c, an, chi, bao };
}

const names = (list: TraineeList) => list.items.map((i) => i.fullName).sort();

describe('as of a date', () => {
  it('a release recorded today is not in the roster as of yesterday (still in care then), but is as of today', async () => {
    const { service, an } = await history();
    const yesterday = value<TraineeList>(await service.call('admin', 'trainees.list', { asOf: '2026-10-09' }));
    expect(names(yesterday)).toEqual(['Lê Thị Chi', 'Trần Văn An']);
    expect(yesterday.counts).toMatchObject({ inCare: 2, released: 0 });
    const anThen = value<TraineeRecord>(await service.call('admin', 'trainees.get', { traineeId: an, asOf: '2026-10-09' }));
    expect(anThen).toMatchObject({ status: 'in_care', releaseDate: null });

    const today = value<TraineeList>(await service.call('admin', 'trainees.list', { status: 'all', asOf: '2026-10-10' }));
    expect(today.counts).toMatchObject({ inCare: 2, released: 1 });
    expect(value<TraineeRecord>(await service.call('admin', 'trainees.get', { traineeId: an, asOf: '2026-10-10' })).status).toBe('released');
    // Without asOf, and for a later date, the live tables answer the same.
    expect(value<TraineeList>(await service.call('admin', 'trainees.list', { status: 'all' }))).toEqual(today);
    expect(value<TraineeList>(await service.call('admin', 'trainees.list', { status: 'all', asOf: '2027-01-01' }))).toEqual(today);
    service.close();
  });

  it('a trainee admitted today is absent as of yesterday', async () => {
    const { service, bao } = await history();
    const yesterday = value<TraineeList>(await service.call('admin', 'trainees.list', { status: 'all', search: 'bao', asOf: '2026-10-09' }));
    expect(yesterday.items).toEqual([]);
    const get = await service.call('admin', 'trainees.get', { traineeId: bao, asOf: '2026-10-09' });
    expect(get.ok ? null : get.error.code).toBe('NOT_FOUND');
    const timeline = await service.call('admin', 'trainees.timeline', { traineeId: bao, asOf: '2026-10-09' });
    expect(timeline.ok ? null : timeline.error.code).toBe('NOT_FOUND');
    expect(value<TraineeRecord>(await service.call('admin', 'trainees.get', { traineeId: bao })).fullName).toBe('Phạm Văn Bảo');
    service.close();
  });

  it('a correction recorded today is not applied as of yesterday, and its timeline stops there', async () => {
    const { service, chi, an } = await history();
    expect(value<TraineeRecord>(await service.call('admin', 'trainees.get', { traineeId: chi, asOf: '2026-10-09' })).fullName).toBe('Lê Thị Chi');
    expect(value<TraineeRecord>(await service.call('admin', 'trainees.get', { traineeId: chi })).fullName).toBe('Lê Thị Chinh');
    // Search as of yesterday finds the old name, not the new one.
    expect(names(value<TraineeList>(await service.call('admin', 'trainees.list', { search: 'chinh', asOf: '2026-10-09' })))).toEqual([]);
    expect(names(value<TraineeList>(await service.call('admin', 'trainees.list', { search: 'le thi chi', asOf: '2026-10-09' })))).toEqual(['Lê Thị Chi']);

    const then = value<TimelineEntry[]>(await service.call('admin', 'trainees.timeline', { traineeId: chi, asOf: '2026-10-09' }));
    expect(then.map((e) => e.type)).toEqual(['TraineeAdmitted']);
    expect(then[0]!.actor?.fullName).toBe('Trần Văn Quản');
    const now = value<TimelineEntry[]>(await service.call('admin', 'trainees.timeline', { traineeId: chi }));
    expect(now.map((e) => e.type)).toEqual(['TraineeDetailsCorrected', 'TraineeAdmitted']);
    expect(value<TimelineEntry[]>(await service.call('admin', 'trainees.timeline', { traineeId: an, asOf: '2026-10-09' })).map((e) => e.type)).toEqual(['TraineeAdmitted']);
    service.close();
  });

  it('stats as of a date count the events recorded by then', async () => {
    const { service } = await history();
    const then = value<Stats>(await service.call('admin', 'system.stats', { asOf: '2026-10-09' }));
    expect(then.eventsByType).toEqual({ FacilitySetUp: 1, UserCreated: 1, UserSignedIn: 1, TraineeAdmitted: 2 });
    expect(then.totalEvents).toBe(5);
    expect(then.traineesByStatus).toEqual({ in_care: 2 });
    const before = value<Stats>(await service.call('admin', 'system.stats', { asOf: '2026-10-07' }));
    expect(before).toEqual({ totalEvents: 0, eventsByType: {}, traineesByStatus: {} });
    const today = value<Stats>(await service.call('admin', 'system.stats', { asOf: '2026-10-10' }));
    expect(today).toEqual(value<Stats>(await service.call('admin', 'system.stats', {})));
    expect(today.traineesByStatus).toEqual({ in_care: 2, released: 1 });
    expect(today.eventsByType['TraineeReleased']).toBe(1);
    expect(service.stats()).toEqual(today);
    service.close();
  });

  it('counts an event recorded at 23:59:59.999 local time, not one recorded at midnight', async () => {
    const c = clock(local(8));
    const { service } = await setUpFacility(tempDir(), c.now);
    c.set(local(9, 23, 59, 59, 999));
    await admit(service, 'Trần Văn Khuya');
    c.set(local(10, 0, 0, 0, 0));
    await admit(service, 'Trần Văn Sáng');
    c.set(local(11, 12));
    expect(names(value<TraineeList>(await service.call('admin', 'trainees.list', { asOf: '2026-10-09' })))).toEqual(['Trần Văn Khuya']);
    expect(names(value<TraineeList>(await service.call('admin', 'trainees.list', { asOf: '2026-10-10' })))).toEqual(['Trần Văn Khuya', 'Trần Văn Sáng']);
    expect(recordedBeforeFor('2026-10-09')).toBe(new Date(2026, 9, 10).toISOString());
    service.close();
  });

  it('a bad date is a VALIDATION error on every query', async () => {
    const { service, an } = await history();
    const calls: [string, Record<string, unknown>][] = [
      ['trainees.list', {}],
      ['trainees.get', { traineeId: an }],
      ['trainees.timeline', { traineeId: an }],
      ['system.stats', {}],
    ];
    for (const [name, input] of calls) {
      for (const asOf of ['2026-02-30', '09/10/2026', '2026-10-9', '', 20261009]) {
        const r = await service.call('admin', name, { ...input, asOf });
        expect(r.ok ? null : r.error.code, `${name} ${String(asOf)}`).toBe('VALIDATION');
        if (!r.ok) expect(r.error.issues?.[0]?.path).toBe('asOf');
      }
    }
    const extra = await service.call('admin', 'system.stats', { asOf: '2026-10-09', verbose: true });
    expect(extra.ok ? null : extra.error.code).toBe('VALIDATION');
    service.close();
  });

  it('needs the same permission as the live query', async () => {
    const { service } = await history();
    const r = await service.call('stranger', 'trainees.list', { asOf: '2026-10-09' });
    expect(r.ok ? null : r.error.code).toBe('UNAUTHENTICATED');
    service.close();
  });

  it('a new append reaches a cached view (here: recorded late yesterday by a clock set back)', async () => {
    const { service, clock: c } = await history();
    const first = value<TraineeList>(await service.call('admin', 'trainees.list', { asOf: '2026-10-09' }));
    expect(first.counts.inCare).toBe(2);
    c.set(local(9, 23, 30));
    await admit(service, 'Đỗ Văn Muộn');
    c.set(local(10, 11));
    const second = value<TraineeList>(await service.call('admin', 'trainees.list', { asOf: '2026-10-09' }));
    expect(second.counts.inCare).toBe(3);
    expect(names(second)).toContain('Đỗ Văn Muộn');
    service.close();
  });
});

describe('AsOfViews cache', () => {
  it('answers a repeated date from the cached database, catches up after an append, and evicts the oldest', async () => {
    const c = clock(local(8));
    const { service, dataDir } = await setUpFacility(tempDir(), c.now);
    await admit(service, 'Trần Văn An');
    service.close();
    const store = openStore(dataDir, c.now);
    const views = new AsOfViews(store, PROJECTIONS, 2);
    c.set(local(10));
    expect(views.view(undefined, '2026-10-10')).toBe(store.db);
    expect(views.view('2026-10-10', '2026-10-10')).toBe(store.db);
    expect(views.view('2026-10-11', '2026-10-10')).toBe(store.db);
    expect(views.recordedBefore('2026-10-10', '2026-10-10')).toBeNull();

    const db = views.view('2026-10-09', '2026-10-10');
    expect(db).not.toBe(store.db);
    expect(views.builds).toBe(1);
    expect(views.view('2026-10-09', '2026-10-10')).toBe(db);
    expect(views.builds).toBe(1);
    const count = () => (db.prepare('SELECT COUNT(*) AS n FROM trainees').get() as { n: number }).n;
    expect(count()).toBe(1);

    // An append recorded today: read, skipped, no rebuild.
    store.append('trainee:00000000-0000-4000-8000-0000000000aa', 'no_stream', [{ type: 'TraineeAdmitted', data: { ...traineeDetails(), traineeId: '00000000-0000-4000-8000-0000000000aa' } }], { actor: null });
    expect(views.view('2026-10-09', '2026-10-10')).toBe(db);
    expect(count()).toBe(1);
    // One recorded yesterday (clock set back): applied to the cached view.
    c.set(local(9, 20));
    store.append('trainee:00000000-0000-4000-8000-0000000000bb', 'no_stream', [{ type: 'TraineeAdmitted', data: { ...traineeDetails(), traineeId: '00000000-0000-4000-8000-0000000000bb' } }], { actor: null });
    expect(views.view('2026-10-09', '2026-10-10')).toBe(db);
    expect(count()).toBe(2);
    expect(views.builds).toBe(1);

    // Capacity 2: a third date evicts (and closes) the least recently used.
    views.view('2026-10-08', '2026-10-10');
    views.view('2026-10-07', '2026-10-10');
    expect(db.open).toBe(false);
    expect(views.builds).toBe(3);
    views.close();
    store.close();
  });
});
