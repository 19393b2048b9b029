import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Sen's data (sen.db and its anchor file) lives in the per-user app data folder, never beside the program. */
export function dataDirFor(app: { getPath(name: 'userData'): string }): string {
  return join(app.getPath('userData'), 'data');
}

/** Files of the build, relative to out/main/index.js (electron.vite.config.ts). */
export function buildPaths(mainDir: string = dirname(fileURLToPath(import.meta.url))): { preload: string; core: string; rendererDir: string } {
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    core: join(mainDir, 'core.js'),
    rendererDir: join(mainDir, '../renderer'),
  };
}
