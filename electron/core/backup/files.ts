/**
 * Backups on disk: write one (temp name, fsync, rename, then read back and verify every hash),
 * keep the last N automatic ones, restore one into a new folder or in place of the current one
 * (kept aside, never deleted), and the derived key for automatic backups (beside sen.db, never
 * in the log). See docs/backup.md.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Anchor } from '../store/eventStore';
import { checkLines, ImportError, importLines, isEmptyFolder, logChunks } from '../transfer';
import { DB_FILE } from '../service';
import type { ScryptParams } from '../types';
import { BackupError, BackupWriter, backupLines, type BackupKey } from './format';

export type Progress = (phase: 'writing' | 'verifying' | 'restoring', done: number, total: number) => void;

/** Let the core answer other calls between pieces of a long backup. */
const breathe = () => new Promise<void>((done) => setImmediate(done));

const AUTO_PREFIX = 'sen-auto-';
const AUTO_NAME = /^sen-auto-\d{8}-\d{6}(-\d+)?\.senbak$/;

function stamp(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
}

/** A folder a backup can be written to: it exists, is a folder, and takes a file. */
export function usableFolder(folder: string): string {
  const dir = resolve(folder);
  let ok: boolean;
  try {
    ok = statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new BackupError('BACKUP_FOLDER_UNUSABLE', `The folder ${dir} does not exist (is the USB stick plugged in?).`);
  return dir;
}

export interface WrittenBackup {
  folder: string;
  file: string;
  events: number;
  bytes: number;
  anchor: Anchor;
  ms: number;
}

/**
 * Back up the log of the database `dbFile` into `folder`: one snapshot read on its own read-only
 * connection (Sen keeps answering and recording meanwhile), encrypted frame by frame to a temp
 * name, fsync'd, renamed; then read back, decrypted and checked line by line (every hash, every
 * link, the anchor) against the snapshot. A file that does not verify is removed.
 */
export async function writeBackup(dbFile: string, folder: string, key: BackupKey, options: { automatic: boolean; now: Date; onProgress?: Progress }): Promise<WrittenBackup> {
  const started = performance.now();
  const dir = usableFolder(folder);
  const base = `${options.automatic ? AUTO_PREFIX : 'sen-backup-'}${stamp(options.now)}`;
  let name = `${base}.senbak`;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `${base}-${i}.senbak`;
  const file = join(dir, name);
  const temp = join(dir, `.${name}.partial`);
  const progress = options.onProgress ?? (() => {});

  const db = new Database(dbFile, { readonly: true });
  let fd: number | null = null;
  let written: { events: number; anchor: Anchor; bytes: number };
  try {
    // One read transaction: the count and the rows come from the same snapshot.
    db.exec('BEGIN');
    const total = db.prepare<[], { n: number }>('SELECT COALESCE(MAX(seq), 0) AS n FROM events').get()!.n;
    try {
      fd = openSync(temp, 'w');
    } catch (e) {
      throw new BackupError('BACKUP_FOLDER_UNUSABLE', `Sen cannot write in ${dir} (${(e as NodeJS.ErrnoException).code ?? String(e)}): is it read-only or full?`);
    }
    const writer = new BackupWriter(fd, key, { createdAt: options.now.toISOString(), events: total });
    const chunks = logChunks(db, (done) => progress('writing', done, total));
    let next = chunks.next();
    while (!next.done) {
      writer.write(next.value);
      await breathe();
      next = chunks.next();
    }
    writer.finish();
    db.exec('COMMIT');
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, file);
    syncFolder(dir);
    written = { ...next.value, bytes: writer.bytes };
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    if (e instanceof BackupError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new BackupError('BACKUP_FOLDER_UNUSABLE', `Writing the backup in ${dir} failed (${code ?? (e as Error).message}): is the medium full or removed? Nothing was kept.`);
  } finally {
    db.close();
  }

  try {
    const read = await checkLines(backupLines(file, key, (done, size) => progress('verifying', done, size)));
    if (read.anchor.seq !== written.anchor.seq || read.anchor.hash !== written.anchor.hash) throw new ImportError(`the file ends at seq ${read.anchor.seq}, the log at ${written.anchor.seq}`);
  } catch (e) {
    rmSync(file, { force: true });
    throw new BackupError('BACKUP_VERIFY_FAILED', `The backup written to ${file} did not verify when read back (${(e as Error).message}); it was removed. Try another medium.`);
  }
  return { folder: dir, file, events: written.events, bytes: written.bytes, anchor: written.anchor, ms: performance.now() - started };
}

/** Make a rename durable: fsync the folder (not possible on Windows, where the rename is enough). */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync.
  }
}

/** Remove all but the newest `keep` automatic backups in `folder` (manual ones are never touched). */
export function pruneAutomatic(folder: string, keep: number): string[] {
  const names = readdirSync(folder)
    .filter((n) => AUTO_NAME.test(n))
    .sort();
  const gone = names.slice(0, Math.max(0, names.length - keep));
  for (const n of gone) rmSync(join(folder, n), { force: true });
  return gone;
}

function asBackupError(e: unknown): unknown {
  if (e instanceof ImportError) return new BackupError('BACKUP_INVALID_LOG', `The backup decrypts but its log does not check out: ${e.message}. Nothing was changed.`);
  return e;
}

/**
 * Restore `file` into `dataDir`: decrypted frame by frame, every line and hash checked while a new
 * database is built in a temp folder, projections rebuilt, the chain verified again; only then
 * does it take the folder's place. `dataDir` must be missing or empty unless `replace`: then the
 * current folder is renamed aside (`<dataDir>.before-restore-<time>`), never deleted, and its
 * path returned. A refused file changes nothing.
 */
export async function restoreBackup(
  file: string,
  passphrase: string,
  dataDir: string,
  options: { replace?: boolean; now?: Date; onProgress?: Progress } = {},
): Promise<{ events: number; anchor: Anchor; rebuildMs: number; asideDir: string | null }> {
  const target = resolve(dataDir);
  const replacing = !isEmptyFolder(target);
  if (replacing && !options.replace) throw new ImportError(`The folder ${target} is not empty: restore into a new, empty folder, or replace it (its data is kept aside).`);
  const progress = options.onProgress ?? (() => {});
  const building = replacing ? `${target}.restoring-${process.pid}` : target;
  if (replacing) rmSync(building, { recursive: true, force: true });
  let result;
  try {
    result = await importLines(backupLines(file, passphrase, (done, total) => progress('restoring', done, total)), building);
  } catch (e) {
    throw asBackupError(e);
  }
  if (!replacing) return { ...result, asideDir: null };
  const asideDir = `${target}.before-restore-${stamp(options.now ?? new Date())}`;
  renameSync(target, asideDir);
  try {
    renameSync(building, target);
  } catch (e) {
    renameSync(asideDir, target);
    rmSync(building, { recursive: true, force: true });
    throw e;
  }
  return { ...result, asideDir };
}

/** Where the app builds a restore that it swaps in at the next start. */
export function pendingRestoreDir(dataDir: string): string {
  return `${resolve(dataDir)}.restore-pending`;
}

/**
 * At start, before the database is opened: a complete restore waiting beside the data folder
 * takes its place; the current folder is renamed aside. Returns the aside folder, or null.
 */
export function applyPendingRestore(dataDir: string, now = new Date()): string | null {
  const pending = pendingRestoreDir(dataDir);
  if (!existsSync(join(pending, DB_FILE))) return null;
  const target = resolve(dataDir);
  let aside: string | null = null;
  if (!isEmptyFolder(target)) {
    aside = `${target}.before-restore-${stamp(now)}`;
    renameSync(target, aside);
  } else if (existsSync(target)) {
    rmSync(target, { recursive: true });
  }
  renameSync(pending, target);
  return aside;
}

/** Build a verified restore of `file` next to `dataDir`, replacing an earlier pending one. */
export async function prepareRestore(file: string, passphrase: string, dataDir: string, onProgress?: Progress): Promise<{ events: number; pendingDir: string }> {
  const pending = pendingRestoreDir(dataDir);
  const tmp = `${pending}.new`;
  rmSync(tmp, { recursive: true, force: true });
  const { events } = await restoreBackup(file, passphrase, tmp, onProgress ? { onProgress } : {});
  rmSync(pending, { recursive: true, force: true });
  renameSync(tmp, pending);
  return { events, pendingDir: pending };
}

// The key of automatic backups: scrypt's output, not the passphrase, kept beside sen.db (which
// holds the same data unencrypted anyway). Never in the log, so never inside a backup or export.
const KEY_FILE = 'backup-key.json';

export function saveAutomaticKey(dataDir: string, key: BackupKey): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, KEY_FILE);
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify({ salt: key.salt.toString('base64'), ...key.params, key: key.key.toString('base64') }), { mode: 0o600 });
  renameSync(temp, file);
}

export function loadAutomaticKey(dataDir: string): BackupKey | null {
  const file = join(dataDir, KEY_FILE);
  if (!existsSync(file)) return null;
  try {
    const k = JSON.parse(readFileSync(file, 'utf8')) as ScryptParams & { salt: string; key: string };
    return { salt: Buffer.from(k.salt, 'base64'), params: { N: k.N, r: k.r, p: k.p }, key: Buffer.from(k.key, 'base64') };
  } catch {
    return null;
  }
}

/** Size of the log on disk: the database and its write-ahead log. */
export function logBytes(dbFile: string): number {
  return [dbFile, `${dbFile}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
}
