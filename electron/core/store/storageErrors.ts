import { dirname } from 'node:path';
import { SenError } from '../../../shared/errors';

/**
 * The one place where failures of the disk and of SQLite become sentences for a person: which
 * file, what went wrong, what to do, and that nothing was recorded. The store uses it where it
 * opens the log and where it appends; the hosts (app, CLI, preview) show the message as is.
 *
 * SQLite reports these as `SqliteError` with a `code` such as `SQLITE_READONLY_DBMOVED` (the
 * extended codes start with the primary one); Node's file calls as `EACCES`, `EROFS`, `ENOSPC`.
 */
export type StorageOperation = 'open' | 'append' | 'read';

const READ_ONLY = ['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_AUTH', 'EACCES', 'EPERM', 'EROFS'];
const FULL = ['SQLITE_FULL', 'ENOSPC', 'EDQUOT'];
const CORRUPT = ['SQLITE_CORRUPT', 'SQLITE_NOTADB'];
const IO = ['SQLITE_IOERR', 'EIO'];

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function matches(code: string | undefined, family: readonly string[]): boolean {
  return code !== undefined && family.some((f) => code === f || code.startsWith(`${f}_`));
}

function outcome(operation: StorageOperation): string {
  return operation === 'append' ? 'Nothing was recorded: the log and the screens are as they were.' : 'Nothing was changed.';
}

/** True when `error` is a disk or SQLite failure that `storageError` turns into a specific code. */
export function isStorageFailure(error: unknown): boolean {
  const code = errorCode(error);
  return [READ_ONLY, FULL, CORRUPT, IO].some((family) => matches(code, family));
}

/**
 * Map any error thrown while opening, reading or appending to the log at `file` to a SenError.
 * A SenError passes through unchanged (its message already says what to do).
 */
export function storageError(file: string, error: unknown, operation: StorageOperation): SenError {
  if (error instanceof SenError) return error;
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  const why = code ? `${code}: ${detail}` : detail;
  if (matches(code, FULL)) {
    return new SenError(
      'DISK_FULL',
      `The disk holding the Sen database ${file} is full (${why}). ${outcome(operation)} Free some space on that disk (or move the data folder to a larger one), then try again.`,
    );
  }
  if (matches(code, READ_ONLY)) {
    return new SenError(
      'STORAGE_READ_ONLY',
      `Sen cannot write to the database ${file} (${why}): the file or its folder ${dirname(file)} is read-only or not permitted to Sen. ${outcome(operation)} Check that the disk is not write-protected and that this user may write to the folder, then open Sen again.`,
    );
  }
  if (matches(code, CORRUPT)) {
    return new SenError(
      'DB_CORRUPT',
      `Cannot open the Sen database ${file}: the file is damaged or is not a Sen database (${why}). It was left exactly as it is. Do not delete it; restore the latest backup, or ask for technical help with this file.`,
    );
  }
  if (matches(code, IO)) {
    return new SenError(
      'INTERNAL',
      `Cannot ${operation === 'append' ? 'write to' : 'read'} the Sen database ${file}: the disk reported an error (${why}). ${outcome(operation)} Check the disk (cable, USB stick, free space) and try again; if it persists, ask for technical help.`,
    );
  }
  return new SenError(
    'INTERNAL',
    operation === 'open' ? `Cannot open the Sen database ${file}: ${detail}` : `Sen could not ${operation === 'append' ? 'write to' : 'read'} the database ${file}: ${detail}. ${outcome(operation)}`,
  );
}
