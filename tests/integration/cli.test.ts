/** The `sen` command as a user runs it (node bin/sen.mjs), on temp data folders. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, setUpFacility, tempDir, traineeDetails } from '../support/core';

afterEach(cleanupTempDirs);

const BIN = join(import.meta.dirname, '../../bin/sen.mjs');

function sen(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder with a facility, its admin and two trainees, one released. */
async function populated(): Promise<string> {
  const { service, dataDir } = await setUpFacility();
  const a = await service.call('admin', 'trainees.admit', traineeDetails());
  const b = await service.call('admin', 'trainees.admit', traineeDetails({ fullName: 'Lê Thị Hoa', sex: 'female' }));
  if (!a.ok || !b.ok) throw new Error('admit failed');
  const { traineeId } = b.value as { traineeId: string };
  const released = await service.call('admin', 'trainees.release', { traineeId, releaseDate: '2026-10-01', kind: 'completed', note: '' });
  if (!released.ok) throw new Error(`release failed: ${released.error.message}`);
  service.close();
  return dataDir;
}

describe('sen CLI', () => {
  it('init creates the database and says where', () => {
    const dir = join(tempDir(), 'new');
    const r = sen('init', '--data', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(join(dir, 'sen.db'));
    expect(existsSync(join(dir, 'sen.db'))).toBe(true);
    // Running it again on the same folder is harmless.
    expect(sen('init', '--data', dir).code).toBe(0);
  });

  it('stats counts events by type and trainees by status, as text or JSON', async () => {
    const dir = await populated();
    const text = sen('stats', '--data', dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/TraineeAdmitted\s+2/);
    expect(text.stdout).toMatch(/in_care\s+1/);
    const json = sen('stats', '--data', dir, '--json');
    expect(json.code).toBe(0);
    const stats = JSON.parse(json.stdout) as { totalEvents: number; eventsByType: Record<string, number>; traineesByStatus: Record<string, number> };
    expect(stats.eventsByType['TraineeAdmitted']).toBe(2);
    expect(stats.eventsByType['TraineeReleased']).toBe(1);
    expect(stats.traineesByStatus).toEqual({ in_care: 1, released: 1 });
    expect(stats.totalEvents).toBe(Object.values(stats.eventsByType).reduce((a, b) => a + b, 0));
  });

  it('verify passes on an intact log', async () => {
    const dir = await populated();
    const r = sen('verify', '--data', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^chain intact: \d+ events$/m);
  });

  it('verify fails and names the seq after an event is tampered with', async () => {
    const dir = await populated();
    const db = new Database(join(dir, 'sen.db'));
    db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
    const seq = (db.prepare("SELECT seq FROM events WHERE type = 'TraineeAdmitted' ORDER BY seq LIMIT 1").get() as { seq: number }).seq;
    db.prepare("UPDATE events SET data = json_set(data, '$.fullName', 'Người Khác') WHERE seq = ?").run(seq);
    db.close();
    const r = sen('verify', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`seq ${seq}`);
    expect(r.stdout).not.toContain('chain intact');
  });

  it('rebuild replays the log and reports the count and time', async () => {
    const dir = await populated();
    const r = sen('rebuild', '--data', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rebuilt projections: \d+ events replayed in \d+ ms/);
    expect(JSON.parse(sen('stats', '--data', dir, '--json').stdout)).toMatchObject({ traineesByStatus: { in_care: 1, released: 1 } });
  });

  it('a missing folder or database is a clear error with exit code 2, and nothing is created', () => {
    const missing = join(tempDir(), 'nope');
    for (const command of ['verify', 'stats', 'rebuild']) {
      const r = sen(command, '--data', missing);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(missing);
      expect(r.stderr).toContain('sen init');
    }
    expect(existsSync(missing)).toBe(false);
    const empty = tempDir();
    const r = sen('verify', '--data', empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(empty, 'sen.db'));
  });

  it('a database from a newer Sen is refused with exit code 2, naming the file', () => {
    const dir = tempDir();
    expect(sen('init', '--data', dir).code).toBe(0);
    const db = new Database(join(dir, 'sen.db'));
    db.pragma('user_version = 9999');
    db.close();
    const r = sen('stats', '--data', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, 'sen.db'));
    expect(r.stderr).toMatch(/newer/i);
  });

  it('usage errors exit with code 2', () => {
    expect(sen('verify').code).toBe(2);
    expect(sen('frobnicate').code).toBe(2);
    expect(sen('--help').code).toBe(0);
  });
});
