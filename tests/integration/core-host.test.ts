/**
 * The core host: serve() on a fake port, and utility.ts (the app's utilityProcess entry) run in a
 * Node child whose `process.parentPort` is faked over Node IPC, as Electron would provide it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreMessage, CoreRequest } from '../../electron/core/host/protocol';
import { serve, type CorePort } from '../../electron/core/host/serve';
import { ADMIN_PASSWORD, cleanupTempDirs, setUpFacility, tempDir, testService } from '../support/core';

afterEach(cleanupTempDirs);

const SETUP = { facilityName: 'Cơ sở A', fullName: 'Quản trị', username: 'admin', password: ADMIN_PASSWORD, passwordConfirm: ADMIN_PASSWORD };

function fakePort() {
  const sent: CoreMessage[] = [];
  let listener: (event: { data: unknown }) => void = () => undefined;
  const port: CorePort = {
    on: (_event, l) => (listener = l),
    postMessage: (m) => void sent.push(m),
  };
  const waitFor = async (predicate: (m: CoreMessage) => boolean): Promise<CoreMessage> => {
    for (let i = 0; i < 200; i++) {
      const found = sent.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('message never came');
  };
  return { port, sent, send: (data: unknown) => listener({ data }), waitFor };
}

describe('serve', () => {
  it('says ready, answers calls by id, pushes changes, ignores junk, forgets disconnected sessions', async () => {
    const service = testService();
    const { port, sent, send, waitFor } = fakePort();
    serve(port, service);
    expect(sent[0]).toEqual({ kind: 'ready' });

    send({ kind: 'call', id: 7, connection: 'w1', name: 'system.setup', input: SETUP });
    expect(await waitFor((m) => m.kind === 'result' && m.id === 7)).toMatchObject({ result: { ok: true } });
    expect(sent.some((m) => m.kind === 'changed' && m.areas.includes('system'))).toBe(true);

    send({ kind: 'call', id: 8, connection: 'w1', name: 'auth.signIn', input: { username: 'admin', password: ADMIN_PASSWORD } });
    await waitFor((m) => m.kind === 'result' && m.id === 8);
    send({ kind: 'call', id: 9, connection: 'w1', name: 'system.status', input: {} });
    expect(await waitFor((m) => m.kind === 'result' && m.id === 9)).toMatchObject({ result: { ok: true, value: { user: { username: 'admin' } } } });

    const before = sent.length;
    for (const junk of [null, 'call', { kind: 'call', id: '1' }, { kind: 'explode' }]) send(junk);
    expect(sent.length).toBe(before);

    send({ kind: 'disconnect', connection: 'w1' } satisfies CoreRequest);
    send({ kind: 'call', id: 10, connection: 'w1', name: 'system.status', input: {} });
    expect(await waitFor((m) => m.kind === 'result' && m.id === 10)).toMatchObject({ result: { ok: true, value: { user: null } } });
    service.close();
  });

  it('on shutdown closes the database, then hands over to the host', () => {
    const dataDir = tempDir();
    const service = testService(dataDir);
    const { port, send } = fakePort();
    let shutDown = false;
    serve(port, service, () => (shutDown = true));
    send({ kind: 'shutdown' } satisfies CoreRequest);
    expect(shutDown).toBe(true);
    // Closed: the WAL was checkpointed and removed, and a new writer can open the file at once.
    const db = new Database(join(dataDir, 'sen.db'));
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
  });
});

describe('serve: the backup on exit', () => {
  it('says it is backing up, writes the backup, then closes and hands over', async () => {
    const { service } = await setUpFacility();
    const folder = tempDir();
    const set = await service.call('admin', 'backup.configure', { folder, keep: 5, everyHours: 0, onExit: true, warnAfterDays: 7, passphrase: 'cụm mật khẩu sao lưu' });
    expect(set.ok).toBe(true);
    const { port, sent, send } = fakePort();
    let shutDown = false;
    serve(port, service, () => (shutDown = true));
    send({ kind: 'shutdown' } satisfies CoreRequest);
    expect(sent.at(-1)).toEqual({ kind: 'backing-up' });
    expect(shutDown).toBe(false);
    await vi.waitFor(() => expect(shutDown).toBe(true), { timeout: 10_000 });
    expect(readdirSync(folder).filter((n) => /^sen-auto-.*\.senbak$/.test(n))).toHaveLength(1);
  });
});

describe('utility.ts (the core as a utilityProcess)', () => {
  const UTILITY = pathToFileURL(join(import.meta.dirname, '../../electron/core/host/utility.ts')).href;
  // What Electron gives a utilityProcess, rebuilt on Node's IPC channel.
  const HARNESS = `
    process.parentPort = {
      on: (_event, listener) => process.on('message', (data) => listener({ data })),
      postMessage: (message) => process.send(message),
    };
    await import(${JSON.stringify(UTILITY)});
  `;
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  });

  function host(dataDir: string) {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', HARNESS, '--', '--data', dataDir], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    children.push(child);
    const messages: CoreMessage[] = [];
    child.on('message', (m) => messages.push(m as CoreMessage));
    const next = (predicate: (m: CoreMessage) => boolean, ms = 20_000): Promise<CoreMessage> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(messages)}`)), ms);
        const check = (): void => {
          const found = messages.find(predicate);
          if (found) {
            clearTimeout(timer);
            child.off('message', check);
            resolve(found);
          }
        };
        child.on('message', check);
        check();
      });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, next, exited, send: (r: CoreRequest) => child.send(r) };
  }

  it('opens the data folder, serves calls, and closes cleanly on SIGTERM', async () => {
    const dataDir = join(tempDir(), 'data');
    const core = host(dataDir);
    await core.next((m) => m.kind === 'ready');
    core.send({ kind: 'call', id: 1, connection: '1', name: 'system.status', input: {} });
    expect(await core.next((m) => m.kind === 'result')).toEqual({ kind: 'result', id: 1, result: { ok: true, value: { setUp: false, facilityName: null, user: null, integrity: null, idleLockMinutes: 10, startup: null } } });
    core.child.kill('SIGTERM');
    expect(await core.exited).toBe(0);
  });

  it('reports fatal, naming the file, when the database is from a newer Sen', async () => {
    const dataDir = tempDir();
    testService(dataDir).close();
    const db = new Database(join(dataDir, 'sen.db'));
    db.pragma('user_version = 9999');
    db.close();
    const core = host(dataDir);
    const fatal = await core.next((m) => m.kind === 'fatal');
    expect(fatal.kind === 'fatal' && fatal.message).toContain(join(dataDir, 'sen.db'));
    expect(fatal.kind === 'fatal' && fatal.message).toMatch(/newer/i);
    expect(await core.exited).toBe(1);
  });
});
