import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SenError } from '../../shared/errors';
import { streams } from '../../shared/events';
import { DB_FILE } from '../../electron/core/service';
import { EventStore } from '../../electron/core/store/eventStore';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { cleanupTempDirs, openStore, projectionSnapshot, setUpFacility, tempDir, traineeDetails } from '../support/core';

afterEach(cleanupTempDirs);

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const admitEvent = (n: number, overrides = {}) => ({ type: 'TraineeAdmitted' as const, data: { traineeId: ID(n), ...traineeDetails(overrides) } });
const meta = { actor: null };

function rawDb(dataDir: string): Database.Database {
  return new Database(join(dataDir, DB_FILE));
}

describe('event store', () => {
  it('uses WAL and synchronous=FULL', () => {
    const store = openStore(tempDir());
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    store.close();
  });

  it('appends with stream versions, global seqs and a hash chain', () => {
    const store = openStore(tempDir());
    const [a] = store.append(streams.trainee(ID(1)), 'no_stream', [admitEvent(1)], meta);
    const [b] = store.append(streams.trainee(ID(2)), 'no_stream', [admitEvent(2)], meta);
    expect(a).toMatchObject({ seq: 1, version: 1, prevHash: '0'.repeat(64) });
    expect(b).toMatchObject({ seq: 2, version: 1, prevHash: a!.hash });
    expect(b!.hash).toMatch(/^[0-9a-f]{64}$/);
    store.close();
  });

  it('refuses an append with a wrong expected version, and "must not exist" on an existing stream', () => {
    const store = openStore(tempDir());
    const stream = streams.trainee(ID(1));
    store.append(stream, 'no_stream', [admitEvent(1)], meta);
    const release = { type: 'TraineeReleased' as const, data: { traineeId: ID(1), releaseDate: '2026-10-01', kind: 'completed' as const, note: '' } };
    expect(() => store.append(stream, 0, [release], meta)).toThrow(SenError);
    expect(() => store.append(stream, 'no_stream', [admitEvent(1)], meta)).toThrow(/already exists/);
    expect(store.headAnchor().seq).toBe(1);
    store.append(stream, 1, [release], meta);
    expect(store.streamVersion(stream)).toBe(2);
    store.close();
  });

  it('writes nothing when any part of a batch fails (projection constraint as backstop)', () => {
    const store = openStore(tempDir());
    store.append(streams.trainee(ID(1)), 'no_stream', [admitEvent(1, { fileNumber: 'SAME' })], meta);
    const before = projectionSnapshot(store);
    expect(() =>
      store.appendBatch(
        [
          { stream: streams.trainee(ID(2)), expected: 'no_stream', events: [admitEvent(2)] },
          { stream: streams.trainee(ID(3)), expected: 'no_stream', events: [admitEvent(3, { fileNumber: 'SAME' })] },
        ],
        meta,
      ),
    ).toThrow(/UNIQUE/);
    expect(store.headAnchor().seq).toBe(1);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 1 });
    expect(projectionSnapshot(store)).toEqual(before);
    // The chain continues correctly after the failed batch.
    store.append(streams.trainee(ID(4)), 'no_stream', [admitEvent(4)], meta);
    expect(store.verify().ok).toBe(true);
    store.close();
  });

  it('SQLite itself refuses UPDATE and DELETE on events', () => {
    const dir = tempDir();
    const store = openStore(dir);
    store.append(streams.trainee(ID(1)), 'no_stream', [admitEvent(1)], meta);
    store.close();
    const db = rawDb(dir);
    expect(() => db.prepare("UPDATE events SET type = 'X'").run()).toThrow(/append-only: UPDATE refused/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only: DELETE refused/);
    db.close();
  });

  it('rebuild() drops and replays projections into identical tables', async () => {
    const { service, dataDir } = await setUpFacility();
    for (let i = 0; i < 5; i++) {
      const r = await service.call('admin', 'trainees.admit', traineeDetails({ fullName: `Lê Thị ${i}` }));
      if (!r.ok) throw new Error(r.error.message);
      const id = (r.value as { traineeId: string }).traineeId;
      await service.call('admin', 'trainees.correct', { traineeId: id, changes: { homeAddress: `Số ${i}` }, reason: 'Sai địa chỉ' });
      if (i % 2) await service.call('admin', 'trainees.release', { traineeId: id, releaseDate: '2026-11-01', kind: 'completed', note: '' });
    }
    const store = openStore(dataDir);
    const inline = projectionSnapshot(store);
    expect((inline.trainees as unknown[]).length).toBe(5);
    const result = store.rebuild();
    expect(result.events).toBe(store.headAnchor().seq);
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
    service.close();
  });

  it('rebuilds a projection whose version changed when the store opens', () => {
    const dir = tempDir();
    const store = openStore(dir);
    store.append(streams.trainee(ID(1)), 'no_stream', [admitEvent(1)], meta);
    const before = projectionSnapshot(store);
    store.db.prepare("UPDATE projection_versions SET version = 0 WHERE name = 'trainees'").run();
    store.db.prepare('DELETE FROM trainees').run();
    store.close();
    const reopened = openStore(dir);
    expect(projectionSnapshot(reopened)).toEqual(before);
    reopened.close();
  });
});

describe('verification', () => {
  function tamperedLog(edit: (db: Database.Database) => void): { ok: boolean; firstBadSeq: number | null; problem: string | null } {
    const dir = tempDir();
    const store = openStore(dir);
    for (let i = 1; i <= 5; i++) store.append(streams.trainee(ID(i)), 'no_stream', [admitEvent(i)], meta);
    expect(store.verify()).toMatchObject({ ok: true, checked: 5 });
    store.close();
    const db = rawDb(dir);
    db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
    edit(db);
    db.close();
    const reopened = openStore(dir);
    const report = reopened.verify();
    reopened.close();
    return report;
  }

  it('detects an edited row even when the triggers were dropped', () => {
    const r = tamperedLog((db) => db.prepare("UPDATE events SET data = replace(data, 'Nguyễn Văn Bình', 'Nguyễn Văn Bính') WHERE seq = 3").run());
    expect(r).toMatchObject({ ok: false, firstBadSeq: 3 });
    expect(r.problem).toMatch(/edited/);
  });

  it('detects a deleted event', () => {
    expect(tamperedLog((db) => db.prepare('DELETE FROM events WHERE seq = 2').run())).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('detects reordered events', () => {
    const r = tamperedLog((db) => {
      db.exec('UPDATE events SET seq = 100 WHERE seq = 2; UPDATE events SET seq = 2 WHERE seq = 4; UPDATE events SET seq = 4 WHERE seq = 100;');
    });
    expect(r).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('detects a cut-off tail through the anchor file', () => {
    expect(tamperedLog((db) => db.prepare('DELETE FROM events WHERE seq = 5').run())).toMatchObject({ ok: false, firstBadSeq: 5 });
  });
});

describe('migrations', () => {
  it('migration 1 creates the log, its triggers and the projection version table', () => {
    const db = new Database(':memory:');
    MIGRATIONS[0]!(db);
    const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table','trigger') ORDER BY name").all().map((r) => r.name);
    expect(names).toEqual(['events', 'events_no_delete', 'events_no_update', 'projection_versions']);
    db.close();
  });

  it('migration 2 adds the verification checkpoint on top of an existing log', () => {
    const db = new Database(':memory:');
    MIGRATIONS[0]!(db);
    db.exec("INSERT INTO events VALUES (1, 's', 1, 'FacilitySetUp', 1, '{}', '{}', 'a', 'b', 'c', 'd')");
    MIGRATIONS[1]!(db);
    db.prepare("INSERT INTO verify_checkpoint (id, seq, hash, verified_at) VALUES (1, 1, 'd', 'now')").run();
    expect(() => db.prepare("INSERT INTO verify_checkpoint (id, seq, hash, verified_at) VALUES (2, 1, 'd', 'now')").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 1 });
    db.close();
  });

  it('migration 3 counts the events already there, then SQLite counts each new one', () => {
    const db = new Database(':memory:');
    MIGRATIONS[0]!(db);
    MIGRATIONS[1]!(db);
    const insert = db.prepare("INSERT INTO events (stream, version, type, schema, data, meta, occurred_at, recorded_at, prev_hash, hash) VALUES (?, 1, ?, 1, '{}', '{}', 'a', 'b', 'c', 'd')");
    insert.run('s1', 'TraineeAdmitted');
    insert.run('s2', 'TraineeAdmitted');
    insert.run('s3', 'FacilitySetUp');
    MIGRATIONS[2]!(db);
    insert.run('s4', 'TraineeAdmitted');
    insert.run('s5', 'TraineeReleased');
    expect(db.prepare('SELECT type, n FROM event_counts ORDER BY type').all()).toEqual(
      db.prepare('SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY type').all(),
    );
    expect(db.prepare("SELECT n FROM event_counts WHERE type = 'TraineeAdmitted'").get()).toEqual({ n: 3 });
    db.close();
  });

  it('sets user_version to the latest schema', () => {
    const store = openStore(tempDir());
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    store.close();
  });

  it('refuses a database made by a newer Sen, naming the file, and leaves it untouched', () => {
    const dir = tempDir();
    const file = join(dir, DB_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    let error: unknown;
    try {
      EventStore.open(file, { projections: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SenError);
    expect((error as SenError).code).toBe('DB_FROM_NEWER_SEN');
    expect((error as SenError).message).toContain(file);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(check.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'events'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('refuses garbage in place of a database with a clear error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, DB_FILE), 'this is not a database at all, just text '.repeat(200));
    expect(() => openStore(dir)).toThrow(/Cannot open the Sen database/);
  });
});
