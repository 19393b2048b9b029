import { join } from 'node:path';

/**
 * Turn a failure to open the data folder into sentences for a person: which file, what went
 * wrong, what to do. Used by the app's core host (dialog), the CLI (stderr) and the preview.
 */
export function describeOpenError(dataDir: string, error: unknown): string {
  const file = join(dataDir, 'sen.db');
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  // The store's message already names the file and says to install the newer Sen.
  if (code === 'DB_FROM_NEWER_SEN') return message.includes(file) ? message : `${file}: ${message}`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return `Sen may not read or write ${file} (${message}). Check the permissions of the folder ${dataDir}.`;
  }
  return `Sen could not open the database ${file}: ${message}. Keep the file as it is (do not delete it) and ask for technical help.`;
}
