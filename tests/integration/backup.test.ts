/**
 * Encrypted backups and restore (docs/backup.md): a demo facility backed up and restored into a
 * new folder equals the original table for table; a wrong passphrase, a cut-off file and one
 * flipped byte are each refused with nothing written; the handlers as the admin, with refusals.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HandlerOutput } from '../../shared/api';
import { BackupError, backupInfo, FRAME_SIZE } from '../../electron/core/backup/format';
import { applyPendingRestore, restoreBackup } from '../../electron/core/backup/files';
import type { CoreService } from '../../electron/core/types';
import { ADMIN_PASSWORD, cleanupTempDirs, openStore, projectionSnapshot, seedUser, setUpFacility, tempDir, testService } from '../support/core';

const PASSPHRASE = 'cụm mật khẩu sao lưu 2026';
const NOW = new Date('2026-11-20T10:00:00+07:00');

/** Every file under `dir` with its content hash: "nothing changed" means this is equal before and after. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

let demoDir: string;
let service: CoreService;
let backupFile: string;
let entry: HandlerOutput<'backup.run'>;

beforeAll(async () => {
  demoDir = tempDir();
  service = testService(demoDir, () => NOW);
  const demo = await service.call('first-run', 'system.demo', { trainees: 30, years: 1, seed: 3 });
  if (!demo.ok) throw new Error(demo.error.message);
  const signIn = await service.call('admin', 'auth.signIn', { username: 'admin', password: 'demo-sen-2026' });
  if (!signIn.ok) throw new Error(signIn.error.message);
  const folder = tempDir();
  const r = await service.call('admin', 'backup.run', { folder, passphrase: PASSPHRASE });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  entry = r.value as HandlerOutput<'backup.run'>;
  backupFile = entry.file;
}, 120_000);

afterAll(() => {
  service.close();
  cleanupTempDirs();
});

describe('backup of a demo facility', () => {
  it('writes one verified file, records it and the access, and shows it on the status', async () => {
    expect(entry).toMatchObject({ verified: true, automatic: false, problem: '' });
    expect(readdirSync(entry.folder)).toEqual([entry.file.split(/[\\/]/).pop()]);
    expect(entry.file).toMatch(/sen-backup-\d{8}-\d{6}\.senbak$/);
    const info = backupInfo(backupFile);
    expect(info).toMatchObject({ format: 'sen-backup', cipher: 'aes-256-gcm', events: entry.events });
    expect(info.kdf.name).toBe('scrypt');
    // Nothing of the log in clear text: not a name, not an event type.
    const bytes = readFileSync(backupFile);
    expect(bytes.includes(Buffer.from('TraineeAdmitted'))).toBe(false);
    expect(bytes.length).toBe(entry.bytes);
    expect(entry.bytes).toBeGreaterThan(FRAME_SIZE); // several frames

    const status = await service.call('admin', 'backup.status', {});
    if (!status.ok) throw new Error(status.error.message);
    const s = status.value as HandlerOutput<'backup.status'>;
    expect(s.lastVerified).toEqual(s.last);
    expect(s.lastVerified).toMatchObject({ file: backupFile, verified: true });
    expect(s.daysSinceVerified).toBe(0);
    expect(s.warning).toBeNull();
    expect(s.integrity.state).toBe('ok');
    expect(s.logBytes).toBeGreaterThan(0);

    const access = await service.call('admin', 'access.list', { kind: 'backup' });
    if (!access.ok) throw new Error(access.error.message);
    expect((access.value as HandlerOutput<'access.list'>).items[0]).toMatchObject({ kind: 'backup', detail: expect.stringContaining(entry.folder) as string });
  });

  it('restores into a new folder: every projection table equal, the chain verified', async () => {
    const target = join(tempDir(), 'restored');
    const result = await restoreBackup(backupFile, PASSPHRASE, target);
    expect(result.events).toBe(entry.events);
    expect(result.asideDir).toBeNull();
    const restored = openStore(target);
    const original = openStore(demoDir);
    try {
      expect(restored.verify().ok).toBe(true);
      const a = projectionSnapshot(restored);
      const b = projectionSnapshot(original);
      // The original has recorded the backup itself after the snapshot it wrote: one row more there.
      expect(b['backups']).toHaveLength(a['backups']!.length + 1);
      delete a['backups'];
      delete b['backups'];
      expect(a).toEqual(b);
      expect(restored.headAnchor().seq).toBe(original.headAnchor().seq - 1);
    } finally {
      restored.close();
      original.close();
    }
  });

  it('refuses a wrong passphrase, a cut-off file and one flipped byte, writing nothing', async () => {
    const size = statSync(backupFile).size;
    const bad = (name: string, edit: (b: Buffer) => Buffer) => {
      const file = join(tempDir(), name);
      writeFileSync(file, edit(readFileSync(backupFile)));
      return file;
    };
    const cases: [string, string, string, RegExp][] = [
      ['wrong passphrase', backupFile, 'một cụm mật khẩu khác hẳn', /BACKUP_WRONG_PASSPHRASE/],
      ['cut off inside a frame', bad('cut.senbak', (b) => b.subarray(0, size - 100)), PASSPHRASE, /BACKUP_TRUNCATED/],
      ['cut off by one byte', bad('cut2.senbak', (b) => b.subarray(0, size - 1)), PASSPHRASE, /BACKUP_TRUNCATED/],
      ['one byte flipped in a frame', bad('flip.senbak', (b) => flip(b, Math.floor(size / 2))), PASSPHRASE, /BACKUP_TAMPERED/],
      ['one byte flipped in the last tag', bad('flip2.senbak', (b) => flip(b, size - 1)), PASSPHRASE, /BACKUP_TAMPERED/],
      ['one byte flipped in the header', bad('flip3.senbak', (b) => flip(b, b.indexOf('createdAt') + 14)), PASSPHRASE, /BACKUP_TAMPERED/],
      ['bytes appended', bad('more.senbak', (b) => Buffer.concat([b, Buffer.from('x')])), PASSPHRASE, /BACKUP_TAMPERED/],
      ['not a backup', bad('plain.jsonl', () => Buffer.from('{"seq":1}\n')), PASSPHRASE, /BACKUP_NOT_A_BACKUP/],
    ];
    for (const [what, file, passphrase, code] of cases) {
      const parent = tempDir();
      const target = join(parent, 'new');
      const error = await restoreBackup(file, passphrase, target).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, what).toBeInstanceOf(BackupError);
      expect(`${(error as BackupError).code}: ${(error as BackupError).message}`, what).toMatch(code);
      expect(readdirSync(parent), what).toEqual([]);
    }
    // Replacing a folder: refused just the same, and the folder is untouched.
    service.close();
    const before = fingerprint(demoDir);
    try {
      const refused = await restoreBackup(backupFile, 'sai rồi, sai rồi', demoDir, { replace: true }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(BackupError);
      expect(fingerprint(demoDir)).toEqual(before);
      expect(readdirSync(join(demoDir, '..')).filter((n) => n.startsWith(basename(demoDir)) && n.includes('restor'))).toEqual([]);
    } finally {
      service = testService(demoDir, () => NOW);
      await service.call('admin', 'auth.signIn', { username: 'admin', password: 'demo-sen-2026' });
    }
  });

  it('a truncated frame header of the final frame is caught too', async () => {
    // Drop exactly the final frame: the file ends cleanly on a frame boundary, but no frame said it was the last.
    const bytes = readFileSync(backupFile);
    const lastFrameStart = findLastFrame(bytes);
    const file = join(tempDir(), 'nofinal.senbak');
    writeFileSync(file, bytes.subarray(0, lastFrameStart));
    const target = join(tempDir(), 'x');
    await expect(restoreBackup(file, PASSPHRASE, target)).rejects.toMatchObject({ code: 'BACKUP_TRUNCATED' });
    expect(existsSync(target)).toBe(false);
  });
});

function flip(b: Buffer, at: number): Buffer {
  const copy = Buffer.from(b);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

/** Walk the frames (u32 length, u8 final, body, 16-byte tag) to the start of the last one. */
function findLastFrame(bytes: Buffer): number {
  let at = 8 + 4 + bytes.readUInt32BE(8);
  for (;;) {
    const length = bytes.readUInt32BE(at);
    if (bytes[at + 4] === 1) return at;
    at += 5 + length + 16;
  }
}

describe('restore replacing a folder', () => {
  it('moves the current folder aside, never deleting it, and the restored one verifies', async () => {
    const { service: small, dataDir } = await setUpFacility(join(tempDir(), 'data'), () => NOW);
    const folder = tempDir();
    const made = await small.backup(folder, PASSPHRASE);
    small.close();
    const before = fingerprint(dataDir);
    const result = await restoreBackup(made.file, PASSPHRASE, dataDir, { replace: true, now: NOW });
    expect(result.asideDir).toMatch(/\.before-restore-\d{8}-\d{6}$/);
    expect(fingerprint(result.asideDir!)).toEqual(before);
    const store = openStore(dataDir);
    expect(store.verify().ok).toBe(true);
    store.close();
  });

  it('refuses a non-empty folder without replace', async () => {
    const { service: small, dataDir } = await setUpFacility(join(tempDir(), 'data'), () => NOW);
    const made = await small.backup(tempDir(), PASSPHRASE);
    small.close();
    await expect(restoreBackup(made.file, PASSPHRASE, dataDir)).rejects.toThrow(/not empty/);
  });

  it('the in-app restore waits beside the folder and is swapped in at the next start', async () => {
    const { service: app, dataDir } = await setUpFacility(join(tempDir(), 'data'), () => NOW);
    const folder = tempDir();
    const made = await app.call('admin', 'backup.run', { folder, passphrase: PASSPHRASE });
    if (!made.ok) throw new Error(made.error.message);
    await app.call('admin', 'trainees.admit', (await import('../support/core')).traineeDetails());
    const file = (made.value as HandlerOutput<'backup.run'>).file;
    const wrong = await app.call('admin', 'backup.restore', { file, passphrase: 'không phải cụm này' });
    expect(wrong.ok || wrong.error.code).toBe('BACKUP_WRONG_PASSPHRASE');
    expect(existsSync(`${dataDir}.restore-pending`)).toBe(false);
    const pending = await app.call('admin', 'backup.restore', { file, passphrase: PASSPHRASE });
    if (!pending.ok) throw new Error(pending.error.message);
    // Nothing more is recorded in the data about to be set aside.
    const refused = await app.call('admin', 'trainees.admit', (await import('../support/core')).traineeDetails());
    expect(refused.ok || refused.error.code).toBe('RESTORE_PENDING');
    const status = await app.call('admin', 'backup.status', {});
    expect(status.ok && (status.value as HandlerOutput<'backup.status'>).pendingRestore).toBe(`${dataDir}.restore-pending`);
    app.close();
    const reopened = testService(dataDir, () => NOW);
    try {
      await reopened.call('admin', 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
      const list = await reopened.call('admin', 'trainees.list', {});
      expect(list.ok && (list.value as HandlerOutput<'trainees.list'>).items).toEqual([]);
      const access = await reopened.call('admin', 'access.list', { kind: 'restore' });
      expect(access.ok && (access.value as HandlerOutput<'access.list'>).items).toHaveLength(1);
      expect(reopened.verify().ok).toBe(true);
    } finally {
      reopened.close();
    }
    const aside = readdirSync(join(dataDir, '..')).filter((n) => n.startsWith(`${basename(dataDir)}.before-restore`));
    expect(aside).toHaveLength(1);
    expect(applyPendingRestore(dataDir)).toBeNull();
  });
});

describe('backup handlers', () => {
  it('refuse other roles, bad input and a missing folder, writing nothing', async () => {
    const { service: s, dataDir } = await setUpFacility(tempDir(), () => NOW);
    s.close();
    await seedUser(dataDir, 'yte', ['medical']);
    const again = testService(dataDir, () => NOW);
    try {
      await again.call('admin', 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
      await again.call('med', 'auth.signIn', { username: 'yte', password: 'mật khẩu của tôi' });
      const head = () => openStore(dataDir).headAnchor().seq;
      const start = head();
      const folder = tempDir();
      const forbidden = await again.call('med', 'backup.run', { folder, passphrase: PASSPHRASE });
      expect(forbidden.ok || forbidden.error.code).toBe('FORBIDDEN');
      const short = await again.call('admin', 'backup.run', { folder, passphrase: 'ngắn' });
      expect(short.ok || short.error.issues).toEqual([{ path: 'passphrase', code: 'passphraseTooShort' }]);
      const missing = await again.call('admin', 'backup.run', { folder: join(folder, 'không có'), passphrase: PASSPHRASE });
      expect(missing.ok || missing.error.code).toBe('BACKUP_FOLDER_UNUSABLE');
      const noPassphrase = await again.call('admin', 'backup.configure', { folder, keep: 3, everyHours: 24, onExit: true, warnAfterDays: 7 });
      expect(noPassphrase.ok || noPassphrase.error.issues).toEqual([{ path: 'passphrase', code: 'required' }]);
      const noFolder = await again.call('admin', 'backup.configure', { folder: join(folder, 'x'), keep: 3, everyHours: 24, onExit: true, warnAfterDays: 7, passphrase: PASSPHRASE });
      expect(noFolder.ok || noFolder.error.code).toBe('BACKUP_FOLDER_UNUSABLE');
      expect(head()).toBe(start);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      again.close();
    }
  });

  it('automatic backups: settings as events, due on schedule, on exit, keeping the last N', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = new Date('2026-11-20T08:00:00+07:00');
    const dataDir = tempDir();
    const { service: s } = await setUpFacility(dataDir, () => now);
    const folder = tempDir();
    mkdirSync(join(folder, 'other'));
    const set = await s.call('admin', 'backup.configure', { folder, keep: 2, everyHours: 6, onExit: true, warnAfterDays: 3, passphrase: PASSPHRASE });
    expect(set.ok).toBe(true);
    const status = async () => {
      const r = await s.call('admin', 'backup.status', {});
      if (!r.ok) throw new Error(r.error.message);
      return r.value as HandlerOutput<'backup.status'>;
    };
    expect(await status()).toMatchObject({ automaticReady: true, warning: 'never', settings: { folder, keep: 2, everyHours: 6, onExit: true, warnAfterDays: 3 } });
    // The key file holds the derived key, never the passphrase; the log holds neither.
    const keyFile = readFileSync(join(dataDir, 'backup-key.json'), 'utf8');
    expect(keyFile).not.toContain(PASSPHRASE);
    expect(readFileSync(join(dataDir, 'sen.db')).includes(Buffer.from(PASSPHRASE))).toBe(false);
    const files = () => readdirSync(folder).filter((n) => n.endsWith('.senbak')).sort();
    for (let i = 0; i < 3; i++) {
      const count = (await status()).last?.seq ?? 0;
      now = new Date(now.getTime() + 7 * 3_600_000);
      vi.advanceTimersByTime(60_000);
      await vi.waitFor(async () => expect((await status()).last?.seq ?? 0).toBeGreaterThan(count), { timeout: 10_000, interval: 20 });
      // Not due again until six hours later.
      vi.advanceTimersByTime(60_000);
      expect((await status()).running).toBeNull();
    }
    const last = (await status()).last!;
    expect(last).toMatchObject({ automatic: true, verified: true });
    expect(files()).toHaveLength(2);
    expect(files()).toContain(last.file.split(/[\\/]/).pop());
    expect(readdirSync(folder)).toContain('other');
    await s.closeAfterBackup();
    vi.useRealTimers();
    const reopened = testService(dataDir, () => now);
    const store = openStore(dataDir);
    const recorded = store.readByType('BackupRecorded');
    store.close();
    reopened.close();
    expect(recorded).toHaveLength(4);
    expect(files()).toHaveLength(2);
    expect(files()).toContain((recorded.at(-1)!.data as { file: string }).file.split(/[\\/]/).pop());
  });
});
