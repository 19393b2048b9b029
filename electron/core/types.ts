import type { Area, Stats, VerifyReport } from '../../shared/api';
import type { Result } from '../../shared/errors';
import type { AccessKind } from '../../shared/access';
import type { BackupEntry, BackupProgress } from '../../shared/backup';

/** scrypt cost; production uses OWASP's parameters, tests pass a lower cost through options. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export interface ServiceOptions {
  /** Folder holding sen.db and its anchor file; created if missing. */
  dataDir: string;
  scrypt?: ScryptParams;
  /**
   * A log longer than this replays changed projections in slices after opening, with progress in
   * system.status; a shorter one while opening. Default 200 000; tests lower it.
   */
  replayAtOnceUpTo?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

/** The core: one typed handler table behind `call`, plus the local-admin operations of the CLI. */
export interface CoreService {
  /** Validate, check permission, run. Never throws: failures come back as `{ ok: false }`. */
  call(connection: string, name: string, input: unknown): Promise<Result<unknown>>;
  /** Listen for the areas each append changed. Returns an unsubscribe function. */
  onChange(listener: (areas: Area[]) => void): () => void;
  /** Forget a connection's session (its window closed). */
  disconnect(connection: string): void;
  verify(): VerifyReport;
  rebuild(): { events: number; ms: number };
  stats(): Stats;
  /**
   * Run a query handler (kind 'query') as the local administrator, without a session: whoever
   * holds the database file can read it anyway (the CLI's `sen query`). Input is validated as for
   * `call`; commands are refused (FORBIDDEN). Never throws.
   */
  query(name: string, input: unknown): Promise<Result<unknown>>;
  /** Write to the access log what the local administrator (the CLI) takes out of Sen: `sen export`. */
  recordAccess(kind: AccessKind, traineeId: string | null, detail: string): void;
  /** A verified, encrypted backup of the whole log into `folder`, as the local administrator (`sen backup`). Throws SenError. */
  backup(folder: string, passphrase: string, onProgress?: (progress: BackupProgress) => void): Promise<BackupEntry>;
  /** Whether closing now runs a backup on exit first (the admin set one, with a folder and passphrase). */
  exitBackupDue(): boolean;
  /** Close, after the backup on exit when the admin set one (the app's quit). */
  closeAfterBackup(): Promise<void>;
  close(): void;
}
