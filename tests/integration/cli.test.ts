/** The `sen` command as a user runs it (node bin/sen.mjs), on temp data folders. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { TraineeList } from '../../shared/admissions';
import { HANDLERS } from '../../shared/api';
import { todayIso } from '../../shared/dates';
import { HANDLER_NAMES } from '../../shared/handlerNames';
import { ADMIN_PASSWORD, cleanupTempDirs, eventCount, openStore, projectionSnapshot, seedUser, setUpFacility, tempDir, traineeDetails } from '../support/core';
import { records, rosterCsv, spoil } from '../support/roster';

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

/** `sen` with something on stdin (a password for rpc). */
function senIn(stdin: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, input: stdin });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const yesterday = () => todayIso(new Date(Date.now() - 36 * 3600 * 1000));

describe('sen query', () => {
  it('runs a query handler, as of a date, as a table or JSON', async () => {
    const dir = await populated();
    const now = sen('query', 'trainees.list', '--data', dir, '--input', '{"status":"all"}', '--json');
    expect(now.code).toBe(0);
    const list = JSON.parse(now.stdout) as TraineeList;
    expect(list.counts).toMatchObject({ inCare: 1, released: 1 });
    // Everything was recorded today: as of yesterday the roster is empty.
    const before = sen('query', 'trainees.list', '--data', dir, '--as-of', yesterday(), '--json');
    expect(before.code).toBe(0);
    expect((JSON.parse(before.stdout) as TraineeList).counts).toMatchObject({ inCare: 0, released: 0, shown: 0 });
    const today = sen('query', 'trainees.list', '--data', dir, '--as-of', todayIso());
    expect(today.code).toBe(0);
    expect(today.stdout).toMatch(/^id\s+fileNumber\s+fullName/m);
    expect(today.stdout).toContain('Nguyễn Văn Bình');
    expect(today.stdout).toMatch(/counts\.inCare\s+1/);

    const stats = sen('query', 'system.stats', '--data', dir, '--as-of', yesterday(), '--json');
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toEqual({ totalEvents: 0, eventsByType: {}, traineesByStatus: {} });
    const statsText = sen('query', 'system.stats', '--data', dir);
    expect(statsText.stdout).toMatch(/eventsByType\.TraineeAdmitted\s+2/);

    const get = sen('query', 'trainees.get', '--data', dir, '--input', JSON.stringify({ traineeId: list.items[0]!.id }), '--json');
    expect(get.code).toBe(0);
    expect((JSON.parse(get.stdout) as { id: string }).id).toBe(list.items[0]!.id);
  });

  it('refuses a bad date (1), a command or an unknown name or bad JSON (2)', async () => {
    const dir = await populated();
    const bad = sen('query', 'trainees.list', '--data', dir, '--as-of', '31/12/2025');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('VALIDATION');
    expect(bad.stderr).toContain('asOf');
    const command = sen('query', 'trainees.admit', '--data', dir);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('sen rpc');
    expect(sen('query', 'trainees.frobnicate', '--data', dir).code).toBe(2);
    expect(sen('query', 'trainees.list', '--data', dir, '--input', '{oops').code).toBe(2);
    expect(sen('query', 'trainees.list', '--data', dir, '--input', '[]').code).toBe(2);
  });
});

describe('sen export / import', () => {
  it('round-trips the log: the same projections, a verified chain, the same export again', async () => {
    const dir = await populated();
    const file = join(tempDir(), 'log.jsonl');
    const out = sen('export', '--data', dir, '--out', file);
    expect(out.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const last = JSON.parse(lines.at(-1)!) as { anchor: { seq: number; hash: string } };
    expect(last.anchor.seq).toBe(lines.length - 1);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['seq', 'stream', 'version', 'type', 'schema', 'data', 'meta', 'occurredAt', 'recordedAt', 'prevHash', 'hash']);
    expect(typeof first['data']).toBe('string');
    expect(readdirSync(dirname(file))).toEqual(['log.jsonl']);

    const target = join(tempDir(), 'restored');
    const imp = sen('import', '--data', target, file);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toContain(`imported ${lines.length - 1} events`);
    expect(sen('verify', '--data', target).code).toBe(0);
    const a = openStore(dir);
    const b = openStore(target);
    expect(projectionSnapshot(b)).toEqual(projectionSnapshot(a));
    expect(b.headAnchor()).toEqual(last.anchor);
    expect(b.readAnchor()).toEqual(last.anchor);
    a.close();
    b.close();
    // The export wrote to the access log first, so the file holds that line too.
    const exported = JSON.parse(lines.at(-2)!) as { type: string; data: string; meta: string };
    expect(exported.type).toBe('AccessRecorded');
    expect(JSON.parse(exported.data)).toMatchObject({ kind: 'export', traineeId: null, detail: expect.stringContaining(file) });
    expect(JSON.parse(exported.meta)).toEqual({ actor: null });
    // Exporting the restored copy: the same events, then its own access line.
    const again = join(tempDir(), 'again.jsonl');
    expect(sen('export', '--data', target, '--out', again).code).toBe(0);
    const againLines = readFileSync(again, 'utf8').trimEnd().split('\n');
    expect(againLines.slice(0, lines.length - 1)).toEqual(lines.slice(0, -1));
    expect(againLines).toHaveLength(lines.length + 1);
    expect(JSON.parse(againLines.at(-2)!)).toMatchObject({ type: 'AccessRecorded' });
    // No temp folder is left beside the target.
    expect(readdirSync(dirname(target))).toEqual(['restored']);
  });

  it('refuses a broken file, naming the line and seq, and leaves the folder empty', async () => {
    const dir = await populated();
    const file = join(tempDir(), 'log.jsonl');
    expect(sen('export', '--data', dir, '--out', file).code).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const admitted = lines.findIndex((l) => l.includes('"type":"TraineeAdmitted"'));
    const cases: [string, string[], RegExp][] = [
      ['edited', lines.map((l, i) => (i === admitted ? l.replace('Nguyễn Văn Bình', 'Người Khác') : l)), new RegExp(`line ${admitted + 1} \\(seq ${admitted + 1}\\): .*edited`)],
      ['reordered', [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)], /line 2 \(seq 3\): expected seq 2/],
      ['cut off (no anchor)', lines.slice(0, -1), /anchor line is missing/],
      ['cut off (anchor kept)', [...lines.slice(0, -2), lines.at(-1)!], /anchor names event \d+ .* but the last event in the file is/],
      ['garbage', [...lines.slice(0, 2), 'not json', ...lines.slice(2)], /line 3: not a JSON line/],
      ['bad shape', lines.map((l, i) => (i === 1 ? l.replace('"seq":2', '"seq":"2"') : l)), /line 2: not an event line: seq/],
    ];
    const parent = tempDir();
    for (const [name, content, message] of cases) {
      const broken = join(tempDir(), `${name}.jsonl`);
      writeFileSync(broken, `${content.join('\n')}\n`);
      const target = join(parent, 'new');
      mkdirSync(target);
      const r = sen('import', '--data', target, broken);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr).toContain('nothing was written');
      expect(readdirSync(target), name).toEqual([]);
      expect(readdirSync(parent), name).toEqual(['new']);
      rmSync(target, { recursive: true });
    }
  });

  it('imports only into an empty folder', async () => {
    const dir = await populated();
    const file = join(tempDir(), 'log.jsonl');
    expect(sen('export', '--data', dir, '--out', file).code).toBe(0);
    const r = sen('import', '--data', dir, file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not empty');
    expect(sen('import', '--data', join(tempDir(), 'x'), join(tempDir(), 'missing.jsonl')).code).toBe(2);
  });
});

describe('sen rpc', () => {
  it('calls a handler as a signed-in user: a query and a command', async () => {
    const dir = await populated();
    const list = senIn(`${ADMIN_PASSWORD}\n`, 'rpc', 'trainees.list', '{"status":"all"}', '--data', dir, '--user', 'admin');
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as TraineeList).counts.shown).toBe(2);
    const admit = senIn(ADMIN_PASSWORD, 'rpc', 'trainees.admit', JSON.stringify(traineeDetails({ fullName: 'Đinh Văn Dũng' })), '--data', dir, '--user', 'admin');
    expect(admit.code, admit.stderr).toBe(0);
    expect(JSON.parse(admit.stdout)).toMatchObject({ traineeId: expect.any(String), seq: expect.any(Number) });
    expect(JSON.parse(sen('stats', '--data', dir, '--json').stdout)).toMatchObject({ traineesByStatus: { in_care: 2 } });
  });

  it('refuses with exit 1: forbidden, wrong password, invalid input', async () => {
    const dir = await populated();
    await seedUser(dir, 'giaovien', ['teacher'], 'mật khẩu giáo viên');
    const forbidden = senIn('mật khẩu giáo viên\n', 'rpc', 'trainees.admit', JSON.stringify(traineeDetails()), '--data', dir, '--user', 'giaovien');
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toContain('FORBIDDEN');
    const wrong = senIn('sai mật khẩu\n', 'rpc', 'trainees.list', '{}', '--data', dir, '--user', 'admin');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('WRONG_CREDENTIALS');
    const invalid = senIn(ADMIN_PASSWORD, 'rpc', 'trainees.admit', '{"fullName":""}', '--data', dir, '--user', 'admin');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('VALIDATION');
    expect(invalid.stderr).toMatch(/fullName: required/);
  });

  it('usage errors exit 2: unknown handler, bad JSON, missing options', async () => {
    const dir = await populated();
    const unknown = senIn(ADMIN_PASSWORD, 'rpc', 'trainees.frobnicate', '{}', '--data', dir, '--user', 'admin');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('sen rpc --list');
    expect(senIn(ADMIN_PASSWORD, 'rpc', 'trainees.list', '{nope', '--data', dir, '--user', 'admin').code).toBe(2);
    expect(senIn(ADMIN_PASSWORD, 'rpc', 'trainees.list', '{}', '--data', dir).code).toBe(2);
    expect(senIn(ADMIN_PASSWORD, 'rpc').code).toBe(2);
  });

  it('--list prints every handler with its kind and permission', () => {
    const r = sen('rpc', '--list');
    expect(r.code).toBe(0);
    for (const name of HANDLER_NAMES) {
      expect(r.stdout).toMatch(new RegExp(`^${name.replace('.', '\\.')}\\s+${HANDLERS[name].kind}\\s+${HANDLERS[name].permission}$`, 'm'));
    }
  });

  it('every command has --help', () => {
    for (const command of ['init', 'verify', 'rebuild', 'stats', 'query', 'export', 'import', 'import-roster', 'rpc']) {
      const r = sen(command, '--help');
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain(`Usage: sen ${command}`);
    }
  });
});

describe('sen import-roster', () => {
  /** A set-up facility (nobody admitted yet) and a roster file beside it. */
  async function facilityWith(csv: string): Promise<{ dir: string; file: string }> {
    const { service, dataDir } = await setUpFacility();
    service.close();
    const file = join(tempDir(), 'danh sách học viên.csv');
    writeFileSync(file, csv);
    return { dir: dataDir, file };
  }
  const admitted = (dir: string) => (JSON.parse(sen('stats', '--data', dir, '--json').stdout) as { eventsByType: Record<string, number> }).eventsByType['TraineeAdmitted'] ?? 0;

  it('prints every bad row and exits 1 without writing anything', async () => {
    const { dir, file } = await facilityWith(rosterCsv(spoil(records(50))));
    const before = eventCount(dir);
    const r = senIn(ADMIN_PASSWORD, 'import-roster', file, '--data', dir, '--user', 'admin');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('row 6, column "Ngày sinh" (dateOfBirth): invalidDate "1990-13-45"');
    expect(r.stderr).toContain('row 21, column "Số CCCD" (idNumber): invalidIdNumber "12345"');
    expect(r.stderr).toContain('row 38, column "Số hồ sơ" (fileNumber): duplicateInFile (same as row 12) "NK-0011"');
    expect(r.stderr).toContain('3 of 50 rows have errors');
    // Not even a sign-in: the file was checked before anyone signed in.
    expect(eventCount(dir)).toBe(before);
  });

  it('imports a good file (semicolons, no BOM) in one go, and --skip-invalid leaves the bad rows out', async () => {
    const { dir, file } = await facilityWith(rosterCsv(records(20)).slice(1).replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';'));
    const ok = senIn(`${ADMIN_PASSWORD}\n`, 'import-roster', file, '--data', dir, '--user', 'admin');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^imported 20 trainees from .*danh sách học viên\.csv \(events \d+\.\.\d+\)$/m);
    expect(admitted(dir)).toBe(20);

    const spoiled = join(tempDir(), 'more.csv');
    writeFileSync(spoiled, rosterCsv(spoil(records(50, 'HS'))));
    const skip = senIn(ADMIN_PASSWORD, 'import-roster', spoiled, '--data', dir, '--user', 'admin', '--skip-invalid');
    expect(skip.code, skip.stderr).toBe(0);
    expect(skip.stdout).toContain('imported 47 trainees');
    expect(skip.stdout).toContain('3 rows with errors left out');
    expect(skip.stderr).toContain('row 6');
    expect(admitted(dir)).toBe(67);
  });

  it('refuses a wrong password, a non-admin, a file without the needed columns; a missing file is a usage error', async () => {
    const { dir, file } = await facilityWith(rosterCsv(records(3)));
    await seedUser(dir, 'trucban', ['duty']);
    expect(senIn('sai mật khẩu', 'import-roster', file, '--data', dir, '--user', 'admin').code).toBe(1);
    const duty = senIn('mật khẩu của tôi', 'import-roster', file, '--data', dir, '--user', 'trucban');
    expect(duty.code).toBe(1);
    expect(duty.stderr).toContain('FORBIDDEN');
    const noColumns = join(tempDir(), 'x.csv');
    writeFileSync(noColumns, 'Tên,Tuổi\r\nA,30\r\n');
    const cols = senIn(ADMIN_PASSWORD, 'import-roster', noColumns, '--data', dir, '--user', 'admin');
    expect(cols.code).toBe(1);
    expect(cols.stderr).toContain('no column for fileNumber');
    expect(admitted(dir)).toBe(0);
    expect(senIn(ADMIN_PASSWORD, 'import-roster', join(dir, 'nope.csv'), '--data', dir, '--user', 'admin').code).toBe(2);
    expect(sen('import-roster', file, '--data', dir).code).toBe(2);
  });
});
