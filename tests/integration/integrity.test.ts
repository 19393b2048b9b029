import fc from 'fast-check';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { streams } from '../../shared/events';
import { canonicalJson, eventHash } from '../../electron/core/store/canonical';
import { rowFields, type EventRow } from '../../electron/core/store/verifier';
import { DB_FILE } from '../../electron/core/service';
import { IntegrityMonitor } from '../../electron/core/system/integrity';
import { ADMIN_PASSWORD, appendAdmissions, cleanupTempDirs, eventCount, openStore, seedUser, setUpFacility, tempDir, testService, traineeDetails } from '../support/core';

afterEach(cleanupTempDirs);

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const meta = { actor: null };

/** A log of `n` admissions, some corrected, written one append at a time. */
function generatedLog(n: number) {
  const dir = tempDir();
  const store = openStore(dir);
  for (let i = 1; i <= n; i++) {
    const stream = streams.trainee(ID(i));
    const [admitted] = store.append(stream, 'no_stream', [{ type: 'TraineeAdmitted', data: { traineeId: ID(i), ...traineeDetails({ fullName: `Nguyễn Văn Số ${i}` }) } }], { actor: null, actorRoles: ['duty'] });
    if (i % 2 === 0) {
      store.append(stream, 1, [{ type: 'TraineeDetailsCorrected', data: { traineeId: ID(i), corrects: admitted!.seq, changes: [{ field: 'homeAddress', from: 'x', to: `Thôn ${i}` }], reason: 'Sai địa chỉ' } }], meta);
    }
  }
  return { dir, store };
}

const FIELDS = ['stream', 'version', 'type', 'schema', 'data', 'meta', 'occurred_at', 'recorded_at', 'prev_hash', 'hash', 'seq'] as const;

describe('tamper detection (property)', () => {
  it('detects 1 000 random single-field or single-byte tamperings, each at the right seq', () => {
    const { store } = generatedLog(30);
    const head = store.headAnchor().seq;
    expect(store.verify().ok).toBe(true);
    store.db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
    const row = store.db.prepare<[number], EventRow>('SELECT * FROM events WHERE seq = ?');
    let applied = 0;

    fc.assert(
      fc.property(fc.integer({ min: 1, max: head }), fc.constantFrom(...FIELDS), fc.nat(), fc.integer({ min: 1, max: 94 }), (seq, field, pos, shift) => {
        const before = row.get(seq)!;
        let value: string | number;
        if (field === 'seq') value = head + 1000 + pos % 1000;
        else if (typeof before[field] === 'number') value = (before[field] as number) + 1 + (pos % 1000);
        else {
          // Change one byte: a printable character at one position becomes another.
          const text = before[field] as string;
          const i = pos % text.length;
          const code = 32 + ((text.charCodeAt(i) - 32 + shift) % 95);
          value = text.slice(0, i) + String.fromCharCode(code) + text.slice(i + 1);
          if (value === text) return;
        }
        store.db.exec('SAVEPOINT tamper');
        try {
          try {
            store.db.prepare(`UPDATE events SET ${field} = ? WHERE seq = ?`).run(value, seq);
          } catch {
            return; // a constraint (e.g. UNIQUE(stream, version)) refused this one: nothing was tampered
          }
          applied += 1;
          const report = store.verify();
          expect(report.ok).toBe(false);
          expect(report.firstBadSeq).toBe(seq);
        } finally {
          store.db.exec('ROLLBACK TO tamper; RELEASE tamper');
        }
      }),
      { numRuns: 1100, seed: 20261125 },
    );
    expect(applied).toBeGreaterThanOrEqual(1000);
    expect(store.verify().ok).toBe(true);
    store.close();
  });

  it('an inserted event: caught where it is, or at the next event when its hash was forged too', () => {
    const { dir, store } = generatedLog(5);
    store.close();
    const db = new Database(join(dir, DB_FILE));
    db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
    const rows = db.prepare<[], EventRow>('SELECT * FROM events ORDER BY seq').all();
    // Make room at seq 3 and insert a forged event whose hash is correct for its place.
    db.exec('UPDATE events SET seq = seq + 1000 WHERE seq >= 3; UPDATE events SET seq = seq - 999 WHERE seq >= 1003;');
    const forged: EventRow = { ...rows[1]!, seq: 3, stream: 'trainee:forged', version: 1, prev_hash: rows[1]!.hash, hash: '' };
    forged.hash = eventHash(forged.prev_hash, rowFields(forged));
    db.prepare('INSERT INTO events VALUES (@seq, @stream, @version, @type, @schema, @data, @meta, @occurred_at, @recorded_at, @prev_hash, @hash)').run(forged);
    db.close();
    const reopened = openStore(dir);
    expect(reopened.verify()).toMatchObject({ ok: false, firstBadSeq: 4 });
    reopened.close();
  });
});

describe('integrity on start and the read-only mode', () => {
  async function tamperedFacility() {
    const { service, dataDir } = await setUpFacility();
    const admitted = await service.call('admin', 'trainees.admit', traineeDetails());
    if (!admitted.ok) throw new Error(admitted.error.message);
    service.close();
    const db = new Database(join(dataDir, DB_FILE));
    db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
    db.prepare("UPDATE events SET data = replace(data, 'Bình', 'Bính') WHERE type = 'TraineeAdmitted'").run();
    const badSeq = db.prepare<[], { seq: number }>("SELECT seq FROM events WHERE type = 'TraineeAdmitted'").get()!.seq;
    db.close();
    return { dataDir, badSeq };
  }

  it('a clean close verifies what the session appended and moves the checkpoint to the head', async () => {
    const { service, dataDir } = await setUpFacility();
    await service.call('admin', 'trainees.admit', traineeDetails());
    service.close();
    const store = openStore(dataDir);
    expect(store.checkpoint()).toEqual(store.headAnchor());
    store.close();
  });

  it('start-up verifies only what was appended since the checkpoint', async () => {
    const { service, dataDir } = await setUpFacility();
    service.close();
    testService(dataDir).close(); // a start: verifies and records the checkpoint
    const store = openStore(dataDir);
    const cp = store.checkpoint();
    expect(cp).toEqual(store.headAnchor());
    store.append(streams.trainee(ID(1)), 'no_stream', [{ type: 'TraineeAdmitted', data: { traineeId: ID(1), ...traineeDetails() } }], meta);
    expect(store.verifySinceCheckpoint()).toMatchObject({ ok: true, checked: 1 });
    store.close();
  });

  it('a broken chain makes Sen read-only until an admin acknowledges it; the acknowledgement is an event', async () => {
    const { dataDir, badSeq } = await tamperedFacility();
    // The edit is older than the checkpoint the last clean close left: the start-up walk from the
    // checkpoint cannot see it; the full walk that follows in the background finds it.
    const service = testService(dataDir);
    await service.call('admin', 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    await expect.poll(async () => service.call('admin', 'system.status', {}), { timeout: 5_000 }).toMatchObject({
      ok: true,
      value: { integrity: { state: 'broken', breaks: [{ seq: badSeq, kind: 'edited' }] } },
    });

    const before = eventCount(dataDir);
    const refused = await service.call('admin', 'trainees.admit', traineeDetails());
    expect(refused).toMatchObject({ ok: false, error: { code: 'READ_ONLY_CHAIN_BROKEN' } });
    expect((await service.call('admin', 'trainees.list', {})).ok).toBe(true);
    expect(eventCount(dataDir) - before).toBe(0);

    service.close();
    await seedUser(dataDir, 'duty1', ['duty']);
    const again = testService(dataDir);
    await again.call('duty', 'auth.signIn', { username: 'duty1', password: 'mật khẩu của tôi' });
    expect(await again.call('duty', 'system.acknowledgeChainBreak', { note: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await again.call('admin', 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    const ack = await again.call('admin', 'system.acknowledgeChainBreak', { note: 'Đã báo cáo lãnh đạo; đối chiếu hồ sơ giấy' });
    expect(ack.ok).toBe(true);
    expect(await again.call('admin', 'system.acknowledgeChainBreak', { note: '' })).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_ACKNOWLEDGE' } });
    expect((await again.call('admin', 'trainees.admit', traineeDetails())).ok).toBe(true);
    again.close();

    const store = openStore(dataDir);
    const acks = store.readByType('ChainBreakAcknowledged');
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ data: { breaks: [{ seq: badSeq }], note: 'Đã báo cáo lãnh đạo; đối chiếu hồ sơ giấy' } });
    store.close();

    // After a restart the known break no longer blocks writing; a full verification still reports it.
    const third = testService(dataDir);
    await third.call('admin', 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    expect(await third.call('admin', 'system.status', {})).toMatchObject({ value: { integrity: { state: 'acknowledged' } } });
    expect(await third.call('admin', 'system.verify', {})).toMatchObject({ value: { ok: false, firstBadSeq: badSeq } });
    expect((await third.call('admin', 'trainees.admit', traineeDetails())).ok).toBe(true);
    third.close();
  });

  it('a full verification runs in slices and reports progress while it runs', async () => {
    const store = openStore(tempDir());
    appendAdmissions(store, 50_000);
    const monitor = new IntegrityMonitor(store, () => new Date());
    const running = monitor.verifyFully();
    await new Promise((resolve) => setImmediate(resolve));
    const progress = monitor.status().verification;
    expect(progress).not.toBeNull();
    expect(progress!.checked).toBeGreaterThan(0);
    expect(progress!.checked).toBeLessThan(progress!.total);
    const report = await running;
    expect(report).toMatchObject({ ok: true, checked: store.headAnchor().seq });
    expect(monitor.status().verification).toBeNull();
    store.close();
  });
});

describe('schema evolution', () => {
  it('reads a UserCreated written in its v1 shape as v2, and the chain still verifies', () => {
    const dir = tempDir();
    const store = openStore(dir);
    // Write a v1 event as an older Sen did: no mustChangePassword, schema 1, hashed as stored.
    const userId = ID(99);
    const row: EventRow = {
      seq: 1,
      stream: streams.user(userId),
      version: 1,
      type: 'UserCreated',
      schema: 1,
      data: canonicalJson({ userId, username: 'old', fullName: 'Cán bộ Cũ', roles: ['duty'], passwordHash: 'scrypt$1024$8$1$AAAA$BBBB' }),
      meta: canonicalJson({ actor: null }),
      occurred_at: '2020-01-01T00:00:00.000Z',
      recorded_at: '2020-01-01T00:00:00.000Z',
      prev_hash: '0'.repeat(64),
      hash: '',
    };
    row.hash = eventHash(row.prev_hash, rowFields(row));
    store.db.prepare('INSERT INTO events VALUES (@seq, @stream, @version, @type, @schema, @data, @meta, @occurred_at, @recorded_at, @prev_hash, @hash)').run(row);
    store.close();

    const reopened = openStore(dir);
    reopened.rebuild();
    const [event] = reopened.readStream(streams.user(userId));
    expect(event).toMatchObject({ schema: 2, data: { username: 'old', mustChangePassword: false } });
    expect(reopened.db.prepare('SELECT username, must_change_password FROM users').get()).toEqual({ username: 'old', must_change_password: 0 });
    expect(reopened.db.prepare('SELECT schema FROM events WHERE seq = 1').get()).toEqual({ schema: 1 });
    expect(reopened.verify().ok).toBe(true);
    reopened.close();
  });
});
