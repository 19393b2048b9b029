/** The demo facility: a seeded history played through the app's own commands (system.demo, sen demo). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerOutput } from '../../shared/api';
import { todayIso } from '../../shared/dates';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../shared/demo';
import { cleanupTempDirs, openStore, projectionSnapshot, setUpFacility, tempDir, testService } from '../support/core';

afterEach(cleanupTempDirs);

/** The end of every story here: a fixed clock, so two runs can be compared byte for byte. */
const NOW = new Date('2026-11-20T10:00:00+07:00');
const fixedClock = () => NOW;
const SMALL = { trainees: 40, years: 2, seed: 7 };

interface EventRow {
  seq: number;
  stream: string;
  version: number;
  type: string;
  data: string;
  meta: string;
  occurred_at: string;
  recorded_at: string;
}

async function demo(input: { trainees: number; years: number; seed: number }) {
  const dataDir = tempDir();
  const service = testService(dataDir, fixedClock);
  const r = await service.call('first-run', 'system.demo', input);
  if (!r.ok) throw new Error(`system.demo failed: ${r.error.code} ${r.error.message}`);
  return { service, dataDir, result: r.value as HandlerOutput<'system.demo'> };
}

function eventRows(dataDir: string): EventRow[] {
  const store = openStore(dataDir);
  const rows = store.db.prepare<[], EventRow>('SELECT seq, stream, version, type, data, meta, occurred_at, recorded_at FROM events ORDER BY seq').all();
  store.close();
  return rows;
}

/** Everything about an event but the password hash (scrypt salts are random by design). */
function comparable(rows: EventRow[]): unknown[] {
  return rows.map((r) => {
    const data = JSON.parse(r.data) as Record<string, unknown>;
    delete data['passwordHash'];
    return { ...r, data };
  });
}

describe('demo facility', () => {
  it('the same seed gives the same log (ids, data, meta and times); another seed another one', async () => {
    const a = await demo(SMALL);
    const b = await demo(SMALL);
    const c = await demo({ ...SMALL, seed: 8 });
    for (const d of [a, b, c]) d.service.close();
    const rowsA = eventRows(a.dataDir);
    expect(rowsA.length).toBeGreaterThan(60);
    expect(comparable(eventRows(b.dataDir))).toEqual(comparable(rowsA));
    expect(comparable(eventRows(c.dataDir))).not.toEqual(comparable(rowsA));
    expect(a.result.counts).toEqual(b.result.counts);
    expect(a.result.counts.events).toBe(rowsA.length);
  });

  it('keeps about the asked number in care, with a realistic, corrected and verifiable history', async () => {
    const { service, dataDir, result } = await demo({ trainees: 120, years: 3, seed: 2026 });
    const { counts } = result;
    expect(Math.abs(counts.inCare - 120)).toBeLessThanOrEqual(12);
    expect(counts.admitted).toBe(counts.inCare + counts.released);
    expect(counts.released).toBeGreaterThan(100);
    expect(counts.releasedByKind.completed).toBeGreaterThan(counts.releasedByKind.transferred + counts.releasedByKind.other);
    expect(counts.corrected).toBeGreaterThan(0);
    // From set-up three years back to the day before "now" (the workstation's calendar).
    expect(counts.to < todayIso(NOW)).toBe(true);
    expect(counts.from).toBe(`${Number(counts.to.slice(0, 4)) - 3}${counts.to.slice(4)}`);

    // The demo admin can sign in and sees the same numbers on the roster.
    const signIn = await service.call('reader', 'auth.signIn', { username: DEMO_USERNAME, password: DEMO_PASSWORD });
    expect(signIn.ok).toBe(true);
    const list = await service.call('reader', 'trainees.list', { status: 'all', limit: 5000 });
    if (!list.ok) throw new Error(list.error.message);
    const roster = list.value as HandlerOutput<'trainees.list'>;
    expect(roster.counts.inCare).toBe(counts.inCare);
    expect(roster.counts.released).toBe(counts.released);
    expect(roster.counts.compulsory).toBeGreaterThan(roster.counts.voluntary * 3);
    expect(roster.counts.voluntary).toBeGreaterThan(0);

    const names = roster.items.map((t) => t.fullName);
    expect(names.filter((n) => /[^\p{ASCII}]/u.test(n)).length / names.length).toBeGreaterThan(0.9);
    expect(names.some((n) => /^(Lò|Lường|Quàng|Cầm) /.test(n))).toBe(true);
    expect(names.some((n) => /^(Sùng|Giàng|Thào|Vàng) /.test(n))).toBe(true);
    expect(names.some((n) => /^(Nguyễn|Trần|Lê|Phạm) /.test(n))).toBe(true);
    const women = roster.items.filter((t) => t.sex === 'female').length;
    expect(women).toBeGreaterThan(0);
    expect(women / roster.items.length).toBeLessThan(0.2);
    for (const t of roster.items) {
      const age = Number(t.admissionDate.slice(0, 4)) - Number(t.dateOfBirth.slice(0, 4));
      expect(age, t.fullName).toBeGreaterThanOrEqual(18);
      expect(age, t.fullName).toBeLessThanOrEqual(56);
    }
    const one = await service.call('reader', 'trainees.get', { traineeId: roster.items[0]!.id });
    if (!one.ok) throw new Error(one.error.message);
    const record = one.value as HandlerOutput<'trainees.get'>;
    expect(record.idNumber).toMatch(/^(\d{12})?$/);
    expect(record.homeAddress).toContain('tỉnh Điện Biên');
    service.close();

    const rows = eventRows(dataDir);
    expect(rows[0]!.type).toBe('FacilitySetUp');
    // recorded_at follows the story: set-up three years back, in order, never after "now".
    expect(todayIso(new Date(rows[0]!.recorded_at))).toBe(counts.from);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.recorded_at >= rows[i - 1]!.recorded_at, `seq ${rows[i]!.seq}`).toBe(true);
    // (The demo's last event is its sign-out; the reader's sign-in above came after, at NOW.)
    expect(rows[counts.events - 1]!.type).toBe('UserSignedOut');
    expect(rows[counts.events - 1]!.recorded_at < NOW.toISOString()).toBe(true);
    const data = rows.map((r) => ({ type: r.type, data: JSON.parse(r.data) as Record<string, unknown>, meta: JSON.parse(r.meta) as Record<string, unknown> }));
    const admissions = data.filter((e) => e.type === 'TraineeAdmitted');
    for (const e of admissions.filter((x) => x.data['admissionType'] === 'compulsory')) expect(e.data['decisionNumber']).toMatch(/^\d+\/20\d\d\/QĐ-TA$/);
    const substances = admissions.flatMap((e) => e.data['substances'] as string[]);
    expect(substances.filter((s) => s === 'methamphetamine').length).toBeGreaterThan(substances.filter((s) => s === 'heroin').length);
    // Corrections say why; every command was done by the signed-in admin.
    const corrections = data.filter((e) => e.type === 'TraineeDetailsCorrected');
    for (const e of corrections) expect(String(e.data['reason']).length).toBeGreaterThan(10);
    expect(data.filter((e) => e.type.startsWith('Trainee')).every((e) => typeof e.meta['actor'] === 'string')).toBe(true);

    // The chain verifies and the projections equal a rebuild from the log.
    const reopened = testService(dataDir);
    expect(reopened.verify().ok).toBe(true);
    reopened.close();
    const store = openStore(dataDir);
    const before = projectionSnapshot(store);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(before);
    store.close();
  });

  it('is refused once the facility is set up, and changes nothing', async () => {
    const { service, dataDir } = await setUpFacility();
    const before = eventRows(dataDir).length;
    const r = await service.call('someone', 'system.demo', {});
    expect(r.ok ? null : r.error.code).toBe('ALREADY_SET_UP');
    service.close();
    expect(eventRows(dataDir)).toHaveLength(before);

    const d = await demo({ trainees: 5, years: 1, seed: 1 });
    const again = await d.service.call('first-run', 'system.demo', {});
    expect(again.ok ? null : again.error.code).toBe('ALREADY_SET_UP');
    d.service.close();
  });

  it('refuses out-of-range sizes', async () => {
    const service = testService(tempDir(), fixedClock);
    for (const input of [{ trainees: 0 }, { years: 50 }, { seed: -1 }, { password: 'short' }, { extra: 1 }]) {
      const r = await service.call('first-run', 'system.demo', input);
      expect(r.ok ? null : r.error.code, JSON.stringify(input)).toBe('VALIDATION');
    }
    service.close();
  });
});

describe('sen demo', () => {
  const BIN = join(import.meta.dirname, '../../bin/sen.mjs');
  const sen = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('fills a new folder, prints counts and the password once, and refuses a set-up folder', () => {
    const dir = join(tempDir(), 'demo');
    const r = sen('demo', '--data', dir, '--trainees', '15', '--years', '1', '--seed', '4');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/in care now\s+1\d/);
    expect(r.stdout).toMatch(/events\s+\d+/);
    const password = /with the password: (\S+)/.exec(r.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);

    const verify = sen('verify', '--data', dir);
    expect(verify.status).toBe(0);

    const again = sen('demo', '--data', dir, '--trainees', '15', '--years', '1');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a set-up facility');
    expect(again.stderr).toContain('Nothing was changed');
  });

  it('uses the given password and rejects a bad number', () => {
    const dir = join(tempDir(), 'demo');
    const r = sen('demo', '--data', dir, '--trainees', '5', '--years', '1', '--password', 'mat-khau-demo-1');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('with the password: mat-khau-demo-1');
    expect(r.stdout).not.toContain('shown only this once');
    const bad = sen('demo', '--data', join(tempDir(), 'other'), '--trainees', 'many');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--trainees must be a whole number');
  });
});
