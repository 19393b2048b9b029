import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessList } from '../../shared/access';
import type { AccountSummary } from '../../shared/accounts';
import { DB_FILE } from '../../electron/core/service';
import { ADMIN_PASSWORD, cleanupTempDirs, openStore, projectionSnapshot, seedUser, testService, traineeDetails } from '../support/core';
import { medicalFixture, STAFF_PASSWORD } from '../support/medical';

afterEach(cleanupTempDirs);

/** A clock the test moves: each call records at the instant it is set to. */
function clock(start: string) {
  let at = new Date(start);
  return { now: () => at, set: (iso: string) => (at = new Date(iso)) };
}

/** Local-time instants, so the date filters (local calendar days) are checked as the screen uses them. */
const local = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h, 0, 0).toISOString();

describe('access log: opening a medical record', () => {
  it('records who opened whose record and when, before answering the header', async () => {
    const c = clock(local(2026, 9, 10, 8));
    const f = await medicalFixture(2, c.now);
    const [binh] = f.traineeIds;
    const before = f.events();
    c.set(local(2026, 9, 12, 14));
    const header = await f.ok('medical', 'medical.openRecord', { traineeId: binh! });
    expect(header).toMatchObject({ traineeId: binh, fullName: 'Nguyễn Văn Bình', status: 'in_care', phase: 'intake', admissionDate: '2026-09-01', medicalEntries: 0, lastMedicalEntryAt: null });
    expect(f.events()).toBe(before + 1);

    const log = await f.ok('admin', 'access.list', {});
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      seq: header.accessSeq,
      kind: 'medical_record',
      recordedAt: local(2026, 9, 12, 14),
      actor: { fullName: 'Cán bộ medical' },
      trainee: { id: binh, fullName: 'Nguyễn Văn Bình', fileNumber: header.fileNumber },
    });
    // Each opening is one more record (the page calls it once per visit).
    await f.ok('medical', 'medical.openRecord', { traineeId: binh! });
    expect(f.events()).toBe(before + 2);
    f.service.close();

    // The event itself: on the access stream, with the actor in meta.
    const store = openStore(f.dataDir);
    const [e] = store.readStream('access');
    expect(e).toMatchObject({ type: 'AccessRecorded', data: { kind: 'medical_record', traineeId: binh }, meta: { actor: log.items[0]!.actor!.id } });
    store.close();
  });

  it('counts the medical entries in force: a voided one and its void are left out', async () => {
    const c = clock(local(2026, 9, 20, 8));
    const f = await medicalFixture(1, c.now);
    const traineeId = f.traineeIds[0]!;
    const results = { vitals: { pulse: 88, systolic: 120, diastolic: 80, temperature: 36.8, respiratoryRate: 16, weightKg: 55 } };
    await f.ok('medical', 'medical.screening.record', { traineeId, date: '2026-09-02', results, note: '' });
    c.set(local(2026, 9, 20, 9));
    const wrong = await f.ok('medical', 'medical.screening.record', { traineeId, date: '2026-09-03', results, note: '' });
    c.set(local(2026, 9, 20, 10));
    await f.ok('medical', 'events.void', { seq: wrong.seq, reason: 'Nhập nhầm học viên' });
    expect(await f.ok('medical', 'medical.openRecord', { traineeId })).toMatchObject({ medicalEntries: 1, lastMedicalEntryAt: local(2026, 9, 20, 8) });
    f.service.close();
  });

  it('refuses other roles, bad ids and unknown trainees, and then writes nothing', async () => {
    const f = await medicalFixture(1);
    const before = f.events();
    for (const role of ['admin', 'duty', 'teacher', 'instructor'] as const) {
      expect(await f.as(role, 'medical.openRecord', { traineeId: f.traineeIds[0]! })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await f.as('medical', 'medical.openRecord', { traineeId: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'traineeId', code: 'invalidId' }] },
    });
    expect(await f.as('medical', 'medical.openRecord', { traineeId: '00000000-0000-4000-8000-000000000999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('keeps recording while the chain is broken (read-only mode): no unlogged reading', async () => {
    const f = await medicalFixture(1);
    f.service.close();
    const db = new Database(join(f.dataDir, DB_FILE));
    db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
    db.prepare("UPDATE events SET data = replace(data, 'Bình', 'Bính') WHERE type = 'TraineeAdmitted'").run();
    db.close();
    const service = testService(f.dataDir);
    await service.call('admin', 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    await service.call('medical', 'auth.signIn', { username: 'medical', password: STAFF_PASSWORD });
    await expect.poll(async () => service.call('admin', 'system.status', {}), { timeout: 5_000 }).toMatchObject({ ok: true, value: { integrity: { state: 'broken' } } });
    expect(await service.call('admin', 'trainees.admit', traineeDetails())).toMatchObject({ ok: false, error: { code: 'READ_ONLY_CHAIN_BROKEN' } });

    expect((await service.call('medical', 'medical.openRecord', { traineeId: f.traineeIds[0]! })).ok).toBe(true);
    const log = await service.call('admin', 'access.list', {});
    expect(log).toMatchObject({ ok: true, value: { items: [{ kind: 'medical_record', trainee: { id: f.traineeIds[0] } }] } });
    service.close();
  });
});

describe('access log: the list', () => {
  async function logged() {
    const c = clock(local(2026, 9, 1, 8));
    const f = await medicalFixture(3, c.now);
    f.service.close();
    await seedUser(f.dataDir, 'medical2', ['medical'], STAFF_PASSWORD);
    const service = testService(f.dataDir, c.now);
    for (const [conn, username, password] of [
      ['admin', 'admin', ADMIN_PASSWORD],
      ['medical', 'medical', STAFF_PASSWORD],
      ['medical2', 'medical2', STAFF_PASSWORD],
      ['duty', 'duty', STAFF_PASSWORD],
    ] as const) {
      await service.call(conn, 'auth.signIn', { username, password });
    }
    const [binh, hoa, pao] = f.traineeIds as [string, string, string];
    const open = async (conn: string, traineeId: string, at: string) => {
      c.set(at);
      const r = await service.call(conn, 'medical.openRecord', { traineeId });
      if (!r.ok) throw new Error(r.error.message);
    };
    await open('medical', binh, local(2026, 9, 10, 7));
    await open('medical', hoa, local(2026, 9, 10, 23));
    await open('medical2', binh, local(2026, 9, 11, 0));
    await open('medical2', pao, local(2026, 9, 12, 10));
    await open('medical', pao, local(2026, 9, 13, 10));
    const list = async (input: Record<string, unknown>) => {
      const r = await service.call('admin', 'access.list', input);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return (r.value as AccessList).items.map((i) => `${i.actor?.fullName}→${i.trainee?.fullName}`);
    };
    const ids = await service.call('admin', 'accounts.list', {});
    const accounts = (ids.ok ? ids.value : []) as AccountSummary[];
    const userId = (name: string) => accounts.find((u) => u.username === name)!.id;
    return { service, dataDir: f.dataDir, binh, hoa, pao, list, userId };
  }

  it('newest first, filtered by person, kind, trainee, name search and local calendar days', async () => {
    const { service, binh, list, userId } = await logged();
    expect(await list({})).toEqual([
      'Cán bộ medical→Lò Văn Páo',
      'Cán bộ medical2→Lò Văn Páo',
      'Cán bộ medical2→Nguyễn Văn Bình',
      'Cán bộ medical→Trần Thị Hoà',
      'Cán bộ medical→Nguyễn Văn Bình',
    ]);
    expect(await list({ userId: userId('medical2') })).toEqual(['Cán bộ medical2→Lò Văn Páo', 'Cán bộ medical2→Nguyễn Văn Bình']);
    expect(await list({ traineeId: binh })).toEqual(['Cán bộ medical2→Nguyễn Văn Bình', 'Cán bộ medical→Nguyễn Văn Bình']);
    // Diacritics ignored, part of a name.
    expect(await list({ search: 'tran thi hoa' })).toEqual(['Cán bộ medical→Trần Thị Hoà']);
    expect(await list({ search: 'PÁO' })).toHaveLength(2);
    // A day runs from local midnight to local midnight: 23:00 on the 10th is in, 00:00 on the 11th is not.
    expect(await list({ from: '2026-09-10', to: '2026-09-10' })).toEqual(['Cán bộ medical→Trần Thị Hoà', 'Cán bộ medical→Nguyễn Văn Bình']);
    expect(await list({ from: '2026-09-11' })).toHaveLength(3);
    expect(await list({ to: '2026-09-11' })).toHaveLength(3);
    expect(await list({ kind: 'medical_record', userId: userId('medical'), from: '2026-09-11' })).toEqual(['Cán bộ medical→Lò Văn Páo']);
    expect(await list({ kind: 'backup' })).toEqual([]);
    service.close();
  });

  it('says when more rows match than the limit', async () => {
    const { service } = await logged();
    const r = await service.call('admin', 'access.list', { limit: 2 });
    expect(r).toMatchObject({ ok: true, value: { truncated: true } });
    expect(r.ok && (r.value as AccessList).items).toHaveLength(2);
    expect(await service.call('admin', 'access.list', { limit: 5 })).toMatchObject({ ok: true, value: { truncated: false } });
    service.close();
  });

  it('is for administrators only; bad filters get a clear validation error', async () => {
    const { service } = await logged();
    for (const conn of ['medical', 'duty']) {
      expect(await service.call(conn, 'access.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await service.call('admin', 'access.list', { from: '2026-09-12', to: '2026-09-10' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'to', code: 'toBeforeFrom' }] },
    });
    expect(await service.call('admin', 'access.list', { from: '31/02/2026' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'from', code: 'invalidDate' }] },
    });
    expect(await service.call('admin', 'access.list', { kind: 'peek' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'kind', code: 'invalidChoice' }] } });
    expect(await service.call('admin', 'access.list', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'limit' }] } });
    service.close();
  });

  it('the access_log table is the same after a rebuild from the log', async () => {
    const { service, dataDir } = await logged();
    service.close();
    const store = openStore(dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['access_log']).toHaveLength(5);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });
});
