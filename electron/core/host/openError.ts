import { join } from 'node:path';
import { SenError } from '../../../shared/errors';
import { isStorageFailure, storageError } from '../store/storageErrors';

/**
 * Turn a failure to open the data folder into sentences for a person: which file, what went
 * wrong, what to do. Used by the app's core host (dialog), the CLI (stderr) and the preview.
 * Disk and SQLite failures are worded in one place (store/storageErrors.ts); this only makes sure
 * the message names the file, whatever threw it (the store, or creating the folder itself).
 */
export function describeOpenError(dataDir: string, error: unknown): string {
  const file = join(dataDir, 'sen.db');
  const mapped = error instanceof SenError ? error : isStorageFailure(error) ? storageError(file, error, 'open') : null;
  const advice = 'Keep the file as it is (do not delete it) and ask for technical help.';
  if (mapped) {
    const message = mapped.message.includes(file) ? mapped.message : `${file}: ${mapped.message}`;
    // The specific codes already say what to do; a bare internal failure gets the safe advice.
    return mapped.code === 'INTERNAL' && !message.includes('technical help') ? `${message.replace(/\.?$/, '.')} ${advice}` : message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Sen could not open the database ${file}: ${message}. ${advice}`;
}
