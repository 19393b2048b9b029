import { z } from 'zod';
import type { HandlerSpec, IntegrityStatus } from './api';

/**
 * Encrypted backups and restore (issue 8, items 5-7; docs/backup.md). The log (not the projections)
 * goes into a file encrypted with a passphrase; a backup and its verification are an event, so
 * the System page shows when the last verified one was made and where.
 */
export const BACKUP_DEFAULTS = { keep: 10, everyHours: 24, onExit: true, warnAfterDays: 7 } as const;

/** Paths are absolute (the CLI resolves relative ones first): never relative to wherever Sen was started. */
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;
const path = z.string().trim().max(1000, 'tooLong').refine((p) => p === '' || ABSOLUTE.test(p), 'absolutePath');
const folder = path.refine((p) => p !== '', 'required');
/** A passphrase for a new backup: long enough that scrypt makes guessing it hopeless. */
export const backupPassphrase = z.string().min(10, 'passphraseTooShort').max(1000, 'tooLong');

export const BACKUP_EVENTS = {
  /** A backup was written (verified: re-read, decrypted and every hash checked) or failed (`problem`). */
  BackupRecorded: {
    schema: 1,
    data: z.object({
      folder: z.string(),
      file: z.string(),
      automatic: z.boolean(),
      verified: z.boolean(),
      events: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      anchorSeq: z.number().int().nonnegative(),
      anchorHash: z.string(),
      /** Why it failed, in English (the file is not kept); empty when verified. */
      problem: z.string(),
    }),
  },
  /** Automatic backups: where, how often, on exit, how many to keep; when to warn. */
  BackupSettingsChanged: {
    schema: 1,
    data: z.object({
      folder: z.string(),
      keep: z.number().int().min(1).max(1000),
      everyHours: z.number().int().min(0).max(24 * 30),
      onExit: z.boolean(),
      warnAfterDays: z.number().int().min(1).max(365),
      /** This change set a new passphrase (the derived key is kept beside sen.db, never in the log). */
      passphraseChanged: z.boolean(),
    }),
  },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

export type BackupSettings = Omit<z.infer<(typeof BACKUP_EVENTS)['BackupSettingsChanged']['data']>, 'passphraseChanged'>;

export const runBackupInput = z.object({ folder, passphrase: backupPassphrase }).strict();

export const configureBackupInput = z
  .object({
    folder: path,
    keep: z.number({ error: 'invalidType' }).int('invalid').min(1, 'backupKeepRange').max(1000, 'backupKeepRange'),
    /** 0: no scheduled backup. */
    everyHours: z.number({ error: 'invalidType' }).int('invalid').min(0, 'backupHoursRange').max(720, 'backupHoursRange'),
    onExit: z.boolean(),
    warnAfterDays: z.number({ error: 'invalidType' }).int('invalid').min(1, 'backupWarnRange').max(365, 'backupWarnRange'),
    /** Empty: keep the passphrase already set. */
    passphrase: z.union([z.literal(''), backupPassphrase]).default(''),
  })
  .strict()
  .refine((i) => i.folder !== '' || (i.everyHours === 0 && !i.onExit), { path: ['folder'], message: 'required' });

export const restoreBackupInput = z.object({ file: folder, passphrase: z.string().min(1, 'required').max(1000, 'tooLong') }).strict();

export const BACKUP_HANDLERS = {
  /** Last backups, settings, log size, counts, chain state, the warning. Administrators. */
  'backup.status': { input: z.object({}).strict(), permission: 'system.admin', kind: 'query' },
  /**
   * Write a verified backup now. A query on the core's side (like system.verify): it reads a
   * snapshot on its own connection and must not hold the single writer for minutes; the access
   * record and the BackupRecorded it appends are single atomic appends.
   */
  'backup.run': { input: runBackupInput, permission: 'system.admin', kind: 'query' },
  'backup.configure': { input: configureBackupInput, permission: 'system.admin', kind: 'command' },
  /**
   * Decrypt and check a backup and build a complete data folder from it beside the current one;
   * Sen swaps it in at the next start (the current folder is kept aside). A command: nothing is
   * recorded while it builds, and nothing after (RESTORE_PENDING) until Sen restarts, since the
   * current log is about to be set aside.
   */
  'backup.restore': { input: restoreBackupInput, permission: 'system.admin', kind: 'command' },
} as const satisfies Record<string, HandlerSpec>;

export type BackupHandlerName = keyof typeof BACKUP_HANDLERS;

export interface BackupEntry {
  seq: number;
  recordedAt: string;
  folder: string;
  file: string;
  automatic: boolean;
  verified: boolean;
  events: number;
  bytes: number;
  problem: string;
}

export interface BackupProgress {
  phase: 'writing' | 'verifying' | 'restoring';
  done: number;
  total: number;
}

export interface BackupStatus {
  /** The newest backup attempt, verified or not. */
  last: BackupEntry | null;
  lastVerified: BackupEntry | null;
  /** Whole days since the last verified backup (null: never). */
  daysSinceVerified: number | null;
  /** 'never': no verified backup yet; 'old': older than settings.warnAfterDays. */
  warning: 'never' | 'old' | null;
  settings: BackupSettings;
  /** A passphrase for automatic backups is set on this workstation. */
  automaticReady: boolean;
  running: BackupProgress | null;
  /** sen.db and its write-ahead log, bytes. */
  logBytes: number;
  events: number;
  integrity: IntegrityStatus;
  /** A verified restore waits for Sen to restart (built in this folder). */
  pendingRestore: string | null;
}

export interface BackupOutputs {
  'backup.status': BackupStatus;
  'backup.run': BackupEntry;
  'backup.configure': { seq: number };
  'backup.restore': { events: number; pendingDir: string };
}
