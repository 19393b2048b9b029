import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SenError } from '../../shared/errors';
import { streams } from '../../shared/events';
import { describeOpenError } from '../../electron/core/host/openError';
import { DB_FILE, PROJECTIONS } from '../../electron/core/service';
import { EventStore } from '../../electron/core/store/eventStore';
import { SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { storageError } from '../../electron/core/store/storageErrors';
import { cleanupTempDirs, openStore, projectionSnapshot, tempDir, testService, traineeDetails } from '../support/core';

afterEach(cleanupTempDirs);

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const admitEvent = (n: number, overrides = {}) => ({ type: 'TraineeAdmitted' as const, data: { traineeId: ID(n), ...traineeDetails(overrides) } });
const meta = { actor: null };

function caught(fn: () => unknown): SenError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SenError) return e;
    throw new Error(`expected a SenError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected an error, nothing was thrown');
}

/** A closed log of `n` admissions in `dir`; returns the database file. */
function logWith(dir: string, n: number): string {
  const store = openStore(dir);
  for (let i = 1; i <= n; i++) store.append(streams.trainee(ID(i)), 'no_stream', [admitEvent(i)], meta);
  store.close();
  return join(dir, DB_FILE);
}

/** Every file in the data folder with its bytes, to show a failed open changed nothing. */
function folderBytes(dir: string, names: string[]): Record<string, string | null> {
  return Object.fromEntries(names.map((n) => [n, existsSync(join(dir, n)) ? readFileSync(join(dir, n)).toString('base64') : null]));
}
const FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, `${DB_FILE}.anchor.json`];

describe('read-only data folder', () => {
  // The tests run as root, and root writes through chmod 0444 / 0555, so chmod alone cannot
  // produce the fault here: the first test drops root's CAP_DAC_OVERRIDE in a child process
  // (setpriv), so the modes apply. When SQLite cannot open a file read-write (read-only disk, write-protected stick,
  // no permission) it silently falls back to opening it read-only, and every write then fails
  // with SQLITE_READONLY. better-sqlite3's `readonly` flag opens the file exactly that way, so it
  // drives the same code path honestly. Node's own EROFS/EACCES (creating the folder, the anchor
  // file) are checked through the same mapping below.
  it('refuses an append with STORAGE_READ_ONLY naming the file, and records nothing', () => {
    const dir = tempDir();
    const file = logWith(dir, 2);
    const store = EventStore.open(file, { projections: PROJECTIONS, readonly: true });
    const before = projectionSnapshot(store);
    const error = caught(() => store.append(streams.trainee(ID(3)), 'no_stream', [admitEvent(3)], meta));
    expect(error.code).toBe('STORAGE_READ_ONLY');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/Nothing was recorded/);
    expect(error.message).toMatch(/write-protected/);
    expect(store.headAnchor().seq).toBe(2);
    expect(projectionSnapshot(store)).toEqual(before);
    store.close();
    const reopened = openStore(dir);
    expect(reopened.verify()).toMatchObject({ ok: true, checked: 2 });
    reopened.close();
  });

  it('a folder the process may not write to (no CAP_DAC_OVERRIDE, so chmod applies even to root): STORAGE_READ_ONLY on open, file untouched', () => {
    const dir = tempDir();
    const file = logWith(dir, 2);
    const before = folderBytes(dir, FILES);
    chmodSync(file, 0o444);
    chmodSync(`${file}.anchor.json`, 0o444);
    chmodSync(dir, 0o555);
    try {
      // setpriv drops the capabilities that let root ignore file modes, for the child only.
      const out = execFileSync(
        'setpriv',
        ['--bounding-set=-dac_override,-dac_read_search,-fowner', process.execPath, '--import', 'tsx', 'tests/support/openAndAdmit.ts', dir],
        { encoding: 'utf8' },
      );
      const result = JSON.parse(out.trim().split('\n').pop()!) as { opened: boolean; code?: string; message?: string };
      expect(result.opened).toBe(false);
      expect(result.code).toBe('STORAGE_READ_ONLY');
      expect(result.message).toContain(file);
      expect(result.message).toMatch(/write-protected/);
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(file, 0o644);
    }
    expect(folderBytes(dir, FILES)).toEqual(before);
  });

  it('maps SQLITE_READONLY, SQLITE_CANTOPEN, EACCES and EROFS to STORAGE_READ_ONLY', () => {
    const file = '/media/usb/Sen/data/sen.db';
    for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_CANTOPEN', 'EACCES', 'EROFS']) {
      const error = storageError(file, Object.assign(new Error('refused'), { code }), 'open');
      expect(error.code).toBe('STORAGE_READ_ONLY');
      expect(error.message).toContain(file);
      expect(error.message).toContain('/media/usb/Sen/data');
    }
  });

  it('reports a folder that cannot be opened read-write before anything is shown (the write probe on open)', () => {
    const dir = tempDir();
    const file = logWith(dir, 1);
    // Open the way SQLite does when the OS refuses write access, then write as the store's probe does.
    const db = new Database(file, { readonly: true });
    let probe: unknown;
    try {
      db.exec("SAVEPOINT p; INSERT OR REPLACE INTO projection_versions (name, version) VALUES ('probe', 0); ROLLBACK TO p; RELEASE p;");
    } catch (e) {
      probe = e;
    }
    db.close();
    expect((probe as { code?: string } | undefined)?.code).toBe('SQLITE_READONLY');
    const error = storageError(file, probe, 'open');
    expect(error.code).toBe('STORAGE_READ_ONLY');
    expect(describeOpenError(dir, probe)).toContain(file);
  });

  it('names the file when the data folder itself cannot be created', () => {
    const dir = tempDir();
    const message = describeOpenError(dir, Object.assign(new Error("EROFS: read-only file system, mkdir '/x'"), { code: 'EROFS' }));
    expect(message).toContain(join(dir, DB_FILE));
    expect(message).toMatch(/read-only/);
  });
});

describe('disk full', () => {
  it('an append that fills the disk fails with DISK_FULL, changes nothing, and the next append after space is freed works', () => {
    const dir = tempDir();
    const file = join(dir, DB_FILE);
    const store = openStore(dir);
    for (let i = 1; i <= 3; i++) store.append(streams.trainee(ID(i)), 'no_stream', [admitEvent(i)], meta);
    const before = projectionSnapshot(store);
    const head = store.headAnchor();
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    // The database may not grow past its current size: the next new page makes SQLite report SQLITE_FULL.
    store.db.pragma(`max_page_count = ${pages}`);
    const big = { homeAddress: 'Thôn Đồng Lạc, xã Yên Lãng, huyện Thanh Sơn, tỉnh Phú Thọ' };
    let error: SenError | undefined;
    for (let i = 4; i < 90 && !error; i++) {
      try {
        store.append(streams.trainee(ID(i)), 'no_stream', [admitEvent(i, big)], meta);
      } catch (e) {
        if (!(e instanceof SenError)) throw e;
        error = e;
      }
    }
    expect(error?.code).toBe('DISK_FULL');
    expect(error?.message).toContain(file);
    expect(error?.message).toMatch(/Nothing was recorded/);
    expect(error?.message).toMatch(/Free some space/);
    // The failed append left no trace; what fit before the limit is intact.
    const headAfter = store.headAnchor();
    expect(store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM events').get()!.n).toBe(headAfter.seq);
    expect(headAfter.seq).toBeGreaterThanOrEqual(head.seq);
    expect(store.verify()).toMatchObject({ ok: true, checked: headAfter.seq });
    // Space freed (a rebuild drops and recreates every projection table, which needs pages).
    store.db.pragma('max_page_count = 1073741823');
    const rebuiltCheck = projectionSnapshot(store);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(rebuiltCheck);
    if (headAfter.seq === head.seq) expect(rebuiltCheck).toEqual(before);
    // The same append now goes through.
    const [next] = store.append(streams.trainee(ID(100)), 'no_stream', [admitEvent(100, big)], meta);
    expect(next!.seq).toBe(headAfter.seq + 1);
    expect(store.verify()).toMatchObject({ ok: true, checked: headAfter.seq + 1 });
    store.close();
  });
});

describe('damaged files', () => {
  it('a truncated database: DB_CORRUPT naming the file, file left as it was', () => {
    const dir = tempDir();
    const file = logWith(dir, 400);
    truncateSync(file, Math.floor(statSync(file).size / 3));
    const before = folderBytes(dir, FILES);
    const error = caught(() => openStore(dir));
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/damaged/);
    expect(error.message).toMatch(/restore the latest backup/);
    expect(folderBytes(dir, FILES)).toEqual(before);
  });

  it('a garbage file: DB_CORRUPT naming the file, file left as it was', () => {
    const dir = tempDir();
    const file = join(dir, DB_FILE);
    writeFileSync(file, 'this is not a database at all, just text '.repeat(200));
    const before = folderBytes(dir, FILES);
    const error = caught(() => openStore(dir));
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a Sen database/);
    expect(folderBytes(dir, FILES)).toEqual(before);
    expect(describeOpenError(dir, error)).toBe(error.message);
  });

  it('a database from a newer Sen: DB_FROM_NEWER_SEN naming the file and saying to install the newer Sen, file untouched', () => {
    const dir = tempDir();
    const file = join(dir, DB_FILE);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = folderBytes(dir, FILES);
    const error = caught(() => testService(dir));
    expect(error.code).toBe('DB_FROM_NEWER_SEN');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/Install the newer Sen/);
    expect(folderBytes(dir, FILES)).toEqual(before);
    expect(describeOpenError(dir, error)).toBe(error.message);
  });
});
