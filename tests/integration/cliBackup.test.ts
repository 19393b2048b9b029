/** `sen backup` and `sen restore` as a user runs them (node bin/sen.mjs), passphrase on stdin. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, openStore, projectionSnapshot, setUpFacility, tempDir, traineeDetails } from '../support/core';

afterEach(cleanupTempDirs);

const BIN = join(import.meta.dirname, '../../bin/sen.mjs');
const PASSPHRASE = 'cụm mật khẩu sao lưu 2026';

function sen(input: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** In a folder of its own, so what a restore keeps aside beside it is cleaned up too. */
async function populated(): Promise<string> {
  const { service, dataDir } = await setUpFacility(join(tempDir(), 'data'));
  for (const fullName of ['Nguyễn Văn Bình', 'Lò Thị Mai', 'Giàng A Páo']) {
    const r = await service.call('admin', 'trainees.admit', traineeDetails({ fullName }));
    if (!r.ok) throw new Error(r.error.message);
  }
  service.close();
  return dataDir;
}

function accessKinds(dataDir: string): string[] {
  const store = openStore(dataDir);
  const kinds = store.db.prepare<[], { kind: string }>('SELECT kind FROM access_log ORDER BY seq').all().map((r) => r.kind);
  store.close();
  return kinds;
}

// Each case spawns `sen` a few times, each deriving a key with the production scrypt cost.
describe('sen backup / sen restore', { timeout: 120_000 }, () => {
  it('backs up with the passphrase from stdin, and restores into a new folder: equal tables, chain verified, both in the access log', async () => {
    const dir = await populated();
    const usb = tempDir();
    const b = sen(`${PASSPHRASE}\n`, 'backup', '--data', dir, '--to', usb);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    const [file] = readdirSync(usb);
    expect(file).toMatch(/^sen-backup-\d{8}-\d{6}\.senbak$/);
    expect(b.stdout).toContain(`backup written and verified: ${join(usb, file!)}`);
    expect(accessKinds(dir)).toEqual(['backup']);

    const target = join(tempDir(), 'restored');
    const r = sen(PASSPHRASE, 'restore', '--data', target, join(usb, file!));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/restored \d+ events .*chain verified/);
    expect(sen('', 'verify', '--data', target).code).toBe(0);
    const a = openStore(target);
    const o = openStore(dir);
    const [ra, ro] = [projectionSnapshot(a), projectionSnapshot(o)];
    a.close();
    o.close();
    // The restored log adds its own access record (kind restore); the original its BackupRecorded.
    expect(ra['trainees']).toEqual(ro['trainees']);
    expect(ra['users']).toEqual(ro['users']);
    expect(accessKinds(target)).toEqual(['backup', 'restore']);
  });

  it('refuses a wrong passphrase, a cut-off file and a flipped byte with exit 1, writing nothing', async () => {
    const dir = await populated();
    const usb = tempDir();
    expect(sen(PASSPHRASE, 'backup', '--data', dir, '--to', usb).code).toBe(0);
    const file = join(usb, readdirSync(usb)[0]!);
    const bytes = readFileSync(file);
    const cut = join(tempDir(), 'cut.senbak');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 7));
    const flipped = join(tempDir(), 'flip.senbak');
    const copy = Buffer.from(bytes);
    copy[copy.length - 40] = copy[copy.length - 40]! ^ 0x80;
    writeFileSync(flipped, copy);
    const cases: [string, string, RegExp][] = [
      [file, 'không phải cụm mật khẩu này', /Wrong passphrase/],
      [cut, PASSPHRASE, /cut short/],
      [flipped, PASSPHRASE, /was altered/],
    ];
    for (const [f, passphrase, message] of cases) {
      const parent = tempDir();
      const r = sen(passphrase, 'restore', '--data', join(parent, 'new'), f);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^sen: restore refused, nothing was changed: /);
      expect(r.stderr).toMatch(message);
      expect(readdirSync(parent)).toEqual([]);
    }
  });

  it('replaces a folder only with --replace, keeping the current data aside', async () => {
    const dir = await populated();
    const usb = tempDir();
    expect(sen(PASSPHRASE, 'backup', '--data', dir, '--to', usb).code).toBe(0);
    const file = join(usb, readdirSync(usb)[0]!);
    const refused = sen(PASSPHRASE, 'restore', '--data', dir, file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--replace');
    const r = sen(PASSPHRASE, 'restore', '--data', dir, file, '--replace');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const aside = /the previous data are kept in (.+)$/m.exec(r.stdout)?.[1];
    expect(aside).toMatch(new RegExp(`${basename(dir)}\\.before-restore-\\d{8}-\\d{6}$`));
    expect(existsSync(join(aside!, 'sen.db'))).toBe(true);
    expect(sen('', 'verify', '--data', dir).code).toBe(0);
  });

  it('backup refuses a short passphrase and a missing folder, writing nothing', async () => {
    const dir = await populated();
    const short = sen('ngắn', 'backup', '--data', dir, '--to', tempDir());
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 10 characters/);
    const missing = sen(PASSPHRASE, 'backup', '--data', dir, '--to', join(tempDir(), 'không có'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/BACKUP_FOLDER_UNUSABLE: The folder .* does not exist/);
    expect(accessKinds(dir)).toEqual([]);
  });
});
