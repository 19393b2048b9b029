/**
 * `senUrl` (and `senHost`, which also gives its data folder): a fresh preview host per test (own temp data folder, own token), started as a child
 * process exactly as `npm run preview:web` runs it, killed after the test. Needs a built renderer
 * (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

const ROOT = join(import.meta.dirname, '../..');
const URL_LINE = /^Sen preview: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)$/m;

async function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/preview/index.ts', '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview host did not print its URL within 30 s\n${stderr}`)), 30_000);
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      const match = URL_LINE.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview host exited (${code}) before printing its URL\n${stderr}`));
    });
  });
  return { url, child };
}

function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM'); // the host closes the database on SIGTERM
  });
}

export const test = base.extend<{ senHost: { url: string; dataDir: string }; senUrl: string }>({
  // Playwright reads fixture dependencies from the destructuring pattern: it must be there, even empty.
  // eslint-disable-next-line no-empty-pattern
  senHost: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sen-e2e-'));
    const { url, child } = await startHost(dataDir);
    try {
      await use({ url, dataDir });
    } finally {
      await stopHost(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  senUrl: async ({ senHost }, use) => use(senHost.url),
});

export { expect } from '@playwright/test';
