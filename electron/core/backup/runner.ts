import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry, BackupProgress } from '../../../shared/backup';
import { SenError } from '../../../shared/errors';
import { streams, type EventMeta } from '../../../shared/events';
import { appendAccess } from '../access/record';
import type { EventStore } from '../store/eventStore';
import type { ScryptParams } from '../types';
import { usableFolder, loadAutomaticKey, pendingRestoreDir, prepareRestore, pruneAutomatic, saveAutomaticKey, writeBackup } from './files';
import { BackupError, deriveKey, type BackupKey } from './format';
import { lastBackups, readBackupSettings } from './projection';

/** How often the schedule looks whether an automatic backup is due. */
const TICK_MS = 60_000;
const HOUR = 3_600_000;

const SYSTEM: EventMeta = { actor: null };

export function toSenError(e: unknown): unknown {
  return e instanceof BackupError ? new SenError(e.code, e.message) : e;
}

/**
 * The backups of one open data folder: one at a time (with progress for the System page), the
 * schedule, the backup on exit, and the restore that waits for the next start.
 */
export class Backups {
  private progress: BackupProgress | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly store: EventStore,
    private readonly now: () => Date,
    private readonly scrypt: ScryptParams,
    /** Opens another data folder's store (the restored one), with the service's projections. */
    private readonly openStore: (dataDir: string) => EventStore,
  ) {}

  get running(): BackupProgress | null {
    return this.progress;
  }

  get automaticReady(): boolean {
    return loadAutomaticKey(this.dataDir) !== null;
  }

  get pendingRestore(): string | null {
    const dir = pendingRestoreDir(this.dataDir);
    return existsSync(join(dir, 'sen.db')) ? dir : null;
  }

  /** Stretch a passphrase with the facility's scrypt cost. */
  derive(passphrase: string): Promise<BackupKey> {
    return deriveKey(passphrase, this.scrypt);
  }

  /** Keep the key of automatic backups beside sen.db (see files.ts). */
  async setAutomaticPassphrase(passphrase: string): Promise<void> {
    saveAutomaticKey(this.dataDir, await this.derive(passphrase));
  }

  /**
   * One backup, recorded: the access log first (the whole log leaves Sen), then the file, then
   * BackupRecorded (verified, or the problem). Refused while another one runs.
   */
  async run(folder: string, key: BackupKey, meta: EventMeta, automatic = false, onProgress: (p: BackupProgress) => void = () => {}): Promise<BackupEntry> {
    if (this.progress) throw new SenError('BACKUP_BUSY', 'A backup or restore is already running; wait until it is done.');
    this.progress = { phase: 'writing', done: 0, total: this.store.headAnchor().seq };
    const record = (data: { folder: string; file: string; verified: boolean; events: number; bytes: number; anchorSeq: number; anchorHash: string; problem: string }) => {
      const [stored] = this.store.append(streams.backup, 'any', [{ type: 'BackupRecorded', data: { ...data, automatic } }], meta);
      return { seq: stored!.seq, recordedAt: stored!.recordedAt, automatic, ...data };
    };
    const failed = (e: unknown) => {
      if (e instanceof BackupError) record({ folder, file: '', verified: false, events: 0, bytes: 0, anchorSeq: 0, anchorHash: '', problem: e.message.slice(0, 500) });
      return toSenError(e);
    };
    try {
      try {
        usableFolder(folder);
      } catch (e) {
        // A folder typed wrong writes nothing; a missing USB stick at backup time is worth a record.
        throw automatic ? failed(e) : toSenError(e);
      }
      appendAccess(this.store, meta, 'backup', null, `${automatic ? 'automatic backup' : 'backup'} to ${folder}: the whole event log`);
      try {
        const written = await writeBackup(this.store.file, folder, key, {
          automatic,
          now: this.now(),
          onProgress: (phase, done, total) => {
            this.progress = { phase, done, total };
            onProgress(this.progress);
          },
        });
        const entry = record({ folder: written.folder, file: written.file, verified: true, events: written.events, bytes: written.bytes, anchorSeq: written.anchor.seq, anchorHash: written.anchor.hash, problem: '' });
        // Only once the new one is verified and recorded; a file that cannot be removed stays.
        if (automatic) {
          try {
            pruneAutomatic(written.folder, readBackupSettings(this.store.db).keep);
          } catch (e) {
            console.error('[sen core] removing old automatic backups failed:', e);
          }
        }
        return entry;
      } catch (e) {
        throw failed(e);
      }
    } finally {
      this.progress = null;
    }
  }

  /** An automatic backup now, when a folder and a passphrase are set; null when not configured. */
  async runAutomatic(): Promise<BackupEntry | null> {
    const settings = readBackupSettings(this.store.db);
    const key = loadAutomaticKey(this.dataDir);
    if (!settings.folder || !key) return null;
    return this.run(settings.folder, key, SYSTEM, true);
  }

  /** Whether the schedule calls for an automatic backup now (a failed one is retried after an hour). */
  due(): boolean {
    const settings = readBackupSettings(this.store.db);
    if (!settings.folder || settings.everyHours === 0 || this.progress) return false;
    const last = lastBackups(this.store.db).lastAutomatic;
    if (!last) return true;
    const wait = (last.verified ? settings.everyHours : Math.min(1, settings.everyHours)) * HOUR;
    return this.now().getTime() - Date.parse(last.recordedAt) >= wait;
  }

  /** Look every minute whether a scheduled backup is due. */
  startSchedule(canWrite: () => boolean): void {
    this.timer = setInterval(() => {
      if (!canWrite() || !this.due()) return;
      this.runAutomatic().catch((e: unknown) => {
        if (!(e instanceof SenError)) console.error('[sen core] automatic backup failed:', e);
      });
    }, TICK_MS);
    this.timer.unref();
  }

  exitBackupDue(): boolean {
    const settings = readBackupSettings(this.store.db);
    return settings.onExit && settings.folder !== '' && !this.progress && this.automaticReady && !this.pendingRestore;
  }

  /** Sen is closing: the backup on exit, when set. Failures are recorded, never block the close. */
  async onExit(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (!this.exitBackupDue()) return;
    await this.runAutomatic().catch(() => null);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Build a verified restore of `file` beside the data folder, recorded in the restored log's
   * access log; Sen swaps it in at the next start (applyPendingRestore).
   */
  async prepareRestore(file: string, passphrase: string, meta: EventMeta): Promise<{ events: number; pendingDir: string }> {
    if (this.progress) throw new SenError('BACKUP_BUSY', 'A backup or restore is already running; wait until it is done.');
    this.progress = { phase: 'restoring', done: 0, total: 0 };
    try {
      const result = await prepareRestore(file, passphrase, this.dataDir, (phase, done, total) => (this.progress = { phase, done, total }));
      const restored = this.openStore(result.pendingDir);
      try {
        appendAccess(restored, meta, 'restore', null, `restored from ${file}`);
      } finally {
        restored.close();
      }
      return result;
    } catch (e) {
      throw toSenError(e);
    } finally {
      this.progress = null;
    }
  }
}
