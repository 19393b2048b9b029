/**
 * `npm run bench [-- --events N] [-- --out FILE]`: the figures behind PRODUCT.md's quality bars,
 * printed as a table and written as JSON (default bench/results.json). Never asserted: timings on
 * a shared 2-core machine are noisy, so every Sen figure sits beside raw better-sqlite3 doing the
 * same work in the same run, with the same pragmas and transaction sizes.
 *
 * The log (default 5 000 000 events) is ten years of a facility with 500 trainees in care:
 * about one admission per thousand events, each trainee released after a stay, and the rest
 * detail corrections spread over the trainees in care. Corrections stand in for the daily records
 * of the areas that do not exist yet (medication rounds, attendance, labor sheets): they are the
 * only per-trainee event the log knows today, and the most expensive one to project.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { streams, type NewEvent } from '../../shared/events';
import { DB_FILE, openService, PROJECTIONS } from '../../electron/core/service';
import { EventStore, type AppendRequest } from '../../electron/core/store/eventStore';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import type { CoreService } from '../../electron/core/types';
import { ADMIN_PASSWORD, TEST_SCRYPT, traineeDetails } from '../support/core';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const EVENTS = Number(option('events', '5000000'));
const OUT = resolve(option('out', 'bench/results.json'));
const IN_CARE = 500;
const EVENTS_PER_ADMISSION = 1000;
const SEED_BATCH = 2000;
const SINGLE_SAMPLES = 2000;
const BATCHES = 30;
const BATCH_SIZE = 1000;
const QUERY_RUNS = 25;

const dir = mkdtempSync(join(tmpdir(), 'sen-bench-'));
const file = join(dir, DB_FILE);
const meta = { actor: null };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};
const rssTimer = setInterval(sampleRss, 200);

async function ok<T>(service: CoreService, name: string, input: unknown): Promise<T> {
  const r = await service.call('bench', name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

// ---------------------------------------------------------------------------------------------
// 1. Set up a facility through the service, then seed the big log with batched appends.
// ---------------------------------------------------------------------------------------------
let service = openService({ dataDir: dir, scrypt: TEST_SCRYPT });
await ok(service, 'system.setup', { facilityName: 'Cơ sở cai nghiện ma túy tỉnh Phú Thọ', fullName: 'Trần Văn Quản', username: 'admin', password: ADMIN_PASSWORD, passwordConfirm: ADMIN_PASSWORD });
service.close();

const START = Date.UTC(2016, 0, 4, 8);
const SPAN = 10 * 365 * 86_400_000;
let clock = new Date(START);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
let serial = 0;
const uuid = (n: number) => `5e000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

interface Live {
  id: string;
  admittedAt: Date;
  admissionSeq: number;
  address: string;
}

function admission(id: string, n: number, at: Date, type: 'compulsory' | 'voluntary'): NewEvent {
  const given = ['Bình', 'Hùng', 'Dũng', 'Tuấn', 'Hải', 'Long', 'Nam', 'Sơn', 'Thắng', 'Việt', 'Hoà', 'Lan'][n % 12]!;
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'][n % 8]!;
  const details = traineeDetails({
    fileNumber: `HS-${at.getUTCFullYear()}-${String(n).padStart(6, '0')}`,
    fullName: `${family} Văn ${given} ${n}`,
    idNumber: `0250${String(80_000_000 + n).padStart(8, '0')}`,
    admissionType: type,
    decisionNumber: type === 'compulsory' ? `${n}/${at.getUTCFullYear()}/QĐ-TA` : '',
    admissionDate: isoDate(at),
    plannedReleaseDate: isoDate(addDays(at, 730)),
    dateOfBirth: `${1975 + (n % 30)}-0${1 + (n % 9)}-1${n % 9}`,
  });
  return { type: 'TraineeAdmitted', data: { traineeId: id, ...details }, occurredAt: at.toISOString() };
}

log(`seeding ${EVENTS.toLocaleString('en')} events in ${dir}`);
const seedStore = EventStore.open(file, { projections: PROJECTIONS, now: () => clock });
const seedStart = performance.now();
const live: Live[] = [];
let admissions = 0;
let written = seedStore.headAnchor().seq;
const admitNew = (batch: AppendRequest[], seqGuess: number) => {
  serial += 1;
  admissions += 1;
  const id = uuid(serial);
  batch.push({ stream: streams.trainee(id), expected: 'no_stream', events: [admission(id, serial, clock, serial % 5 === 0 ? 'voluntary' : 'compulsory')] });
  live.push({ id, admittedAt: clock, admissionSeq: seqGuess, address: 'Khu 3, xã Tân Lập, huyện Tân Sơn, tỉnh Phú Thọ' });
};
while (written < EVENTS) {
  const batch: AppendRequest[] = [];
  let inBatch = 0;
  while (inBatch < SEED_BATCH && written + inBatch < EVENTS) {
    clock = new Date(START + Math.floor((SPAN * (written + inBatch)) / EVENTS));
    const seqGuess = written + inBatch + 1;
    if (live.length < IN_CARE || (written + inBatch) % EVENTS_PER_ADMISSION === 0) {
      if (live.length >= IN_CARE) {
        // Release the longest-staying trainee to make room.
        const out = live.shift()!;
        batch.push({
          stream: streams.trainee(out.id),
          expected: 'any',
          events: [{ type: 'TraineeReleased', data: { traineeId: out.id, releaseDate: isoDate(clock), kind: serial % 7 === 0 ? 'transferred' : 'completed', note: '' }, occurredAt: clock.toISOString() }],
        });
        inBatch += 1;
      }
      admitNew(batch, seqGuess + (live.length >= IN_CARE ? 1 : 0));
      inBatch += 1;
      continue;
    }
    const t = live[(written + inBatch) % live.length]!;
    const to = `Thôn ${(written + inBatch) % 97}, xã Tân Lập, huyện Tân Sơn, tỉnh Phú Thọ`;
    batch.push({
      stream: streams.trainee(t.id),
      expected: 'any',
      events: [{ type: 'TraineeDetailsCorrected', data: { traineeId: t.id, corrects: t.admissionSeq, changes: [{ field: 'homeAddress', from: t.address, to }], reason: 'Sai địa chỉ thường trú' } }],
    });
    t.address = to;
    inBatch += 1;
  }
  seedStore.appendBatch(batch, meta);
  written += inBatch;
  if (written % 500_000 < SEED_BATCH) {
    sampleRss();
    log(`  ${written.toLocaleString('en')} events, ${admissions.toLocaleString('en')} admissions (${Math.round(written / ((performance.now() - seedStart) / 1000)).toLocaleString('en')} events/s)`);
  }
}
const seedMs = performance.now() - seedStart;
seedStore.close();
log(`seeded ${written.toLocaleString('en')} events in ${(seedMs / 1000).toFixed(1)} s`);

// ---------------------------------------------------------------------------------------------
// 2. First open (no verification checkpoint yet: the whole chain is verified on start).
// ---------------------------------------------------------------------------------------------
let t0 = performance.now();
service = openService({ dataDir: dir, scrypt: TEST_SCRYPT });
await ok(service, 'system.status', {});
const firstOpenMs = performance.now() - t0;
log(`first open (full start-up verification): ${firstOpenMs.toFixed(0)} ms`);
await ok(service, 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
// After every start the whole chain is walked again in the background, paced so calls are held up
// by a few ms at most. The figures below are for a workstation in steady state: wait for it.
t0 = performance.now();
for (;;) {
  const status = await ok<{ integrity: { verification: unknown } | null }>(service, 'system.status', {});
  if (status.integrity && status.integrity.verification === null) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const backgroundWalkMs = performance.now() - t0;
log(`background verification of the whole chain after start: ${(backgroundWalkMs / 1000).toFixed(1)} s`);

// ---------------------------------------------------------------------------------------------
// 3. Durable single-event appends through the service (validation, permission, decider,
//    hash, inline projections, fsync): admissions, corrections and releases of new trainees.
// ---------------------------------------------------------------------------------------------
const singleTimes: number[] = [];
const fresh: string[] = [];
const benchToday = new Date();
for (let i = 0; i < SINGLE_SAMPLES; i++) {
  const kind = i % 4;
  const started = performance.now();
  if (kind < 2 || fresh.length === 0) {
    serial += 1;
    const r = await ok<{ traineeId: string }>(service, 'trainees.admit', traineeDetails({ fileNumber: `HS-B-${serial}`, fullName: `Lê Thị Hồng ${serial}`, admissionDate: isoDate(addDays(benchToday, -30)) }));
    fresh.push(r.traineeId);
  } else if (kind === 2) {
    await ok(service, 'trainees.correct', { traineeId: fresh[fresh.length - 1]!, changes: { homeAddress: `Số ${i}, đường Hùng Vương` }, reason: 'Sai địa chỉ' });
  } else {
    await ok(service, 'trainees.release', { traineeId: fresh.shift()!, releaseDate: isoDate(addDays(benchToday, -1)), kind: 'completed', note: '' });
  }
  singleTimes.push(performance.now() - started);
}
singleTimes.sort((a, b) => a - b);
service.close();
const headAfterSingles = (() => {
  const s = EventStore.open(file, { projections: PROJECTIONS });
  const h = s.headAnchor().seq;
  s.close();
  return h;
})();
log(`single appends: p50 ${percentile(singleTimes, 50).toFixed(3)} ms, p99 ${percentile(singleTimes, 99).toFixed(3)} ms`);

// Raw better-sqlite3: the same rows (read back from Sen's log), same schema, same pragmas, one per transaction.
const reader = new Database(file, { readonly: true });
const rowsAfter = reader.prepare('SELECT seq, stream, version, type, schema, data, meta, occurred_at, recorded_at, prev_hash, hash FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
type Row = Record<string, string | number>;
const singleRows = rowsAfter.all(headAfterSingles - SINGLE_SAMPLES, SINGLE_SAMPLES) as Row[];
reader.close();

function rawDatabase(name: string): { db: Database.Database; insert: Database.Statement } {
  const db = new Database(join(dir, name));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  MIGRATIONS[0]!(db);
  const insert = db.prepare(
    'INSERT INTO events (seq, stream, version, type, schema, data, meta, occurred_at, recorded_at, prev_hash, hash) VALUES (@seq, @stream, @version, @type, @schema, @data, @meta, @occurred_at, @recorded_at, @prev_hash, @hash)',
  );
  return { db, insert };
}
const raw = rawDatabase('raw-single.db');
const rawSingleTimes: number[] = [];
for (const row of singleRows) {
  const started = performance.now();
  raw.db.transaction(() => raw.insert.run(row)).immediate();
  rawSingleTimes.push(performance.now() - started);
}
raw.db.close();
rawSingleTimes.sort((a, b) => a - b);
const appendRatio = mean(rawSingleTimes) / mean(singleTimes);
log(`raw single inserts: p50 ${percentile(rawSingleTimes, 50).toFixed(3)} ms; Sen/raw speed ${appendRatio.toFixed(2)}`);

// ---------------------------------------------------------------------------------------------
// 4. Batch appends (store.appendBatch, 1000 events per transaction) vs raw batches of the same rows.
// ---------------------------------------------------------------------------------------------
const batchStore = EventStore.open(file, { projections: PROJECTIONS });
const batchHead = batchStore.headAnchor().seq;
let batchMs = 0;
for (let b = 0; b < BATCHES; b++) {
  const batch: AppendRequest[] = [];
  for (let k = 0; k < BATCH_SIZE; k++) {
    const t = live[(b * BATCH_SIZE + k) % live.length]!;
    batch.push({
      stream: streams.trainee(t.id),
      expected: 'any',
      events: [{ type: 'TraineeDetailsCorrected', data: { traineeId: t.id, corrects: t.admissionSeq, changes: [{ field: 'homeAddress', from: t.address, to: `Tổ ${b}-${k}` }], reason: 'Sai địa chỉ' } }],
    });
    t.address = `Tổ ${b}-${k}`;
  }
  const started = performance.now();
  batchStore.appendBatch(batch, meta);
  batchMs += performance.now() - started;
}
batchStore.close();
const reader2 = new Database(file, { readonly: true });
const batchRows = reader2.prepare(rowsAfter.source).all(batchHead, BATCHES * BATCH_SIZE) as Row[];
reader2.close();
const rawBatch = rawDatabase('raw-batch.db');
let rawBatchMs = 0;
for (let b = 0; b < BATCHES; b++) {
  const slice = batchRows.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE);
  const started = performance.now();
  rawBatch.db.transaction(() => {
    for (const row of slice) rawBatch.insert.run(row);
  }).immediate();
  rawBatchMs += performance.now() - started;
}
rawBatch.db.close();
const batchRatio = rawBatchMs / batchMs;
log(`batch appends: Sen ${Math.round((BATCHES * BATCH_SIZE) / (batchMs / 1000)).toLocaleString('en')} events/s, raw ${Math.round((BATCHES * BATCH_SIZE) / (rawBatchMs / 1000)).toLocaleString('en')} rows/s; ratio ${batchRatio.toFixed(2)}`);

// ---------------------------------------------------------------------------------------------
// 5. Open to ready: the service on the big log until it answers system.status. One open first,
//    so the start-up verification checkpoint covers the appends above (as after any day's work).
// ---------------------------------------------------------------------------------------------
openService({ dataDir: dir, scrypt: TEST_SCRYPT }).close();
t0 = performance.now();
service = openService({ dataDir: dir, scrypt: TEST_SCRYPT });
await ok(service, 'system.status', {});
const openMs = performance.now() - t0;
log(`open to ready: ${openMs.toFixed(1)} ms`);
await ok(service, 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });

// ---------------------------------------------------------------------------------------------
// 6. Dashboard and list queries through the service (validation, permission, SQL, mapping).
// ---------------------------------------------------------------------------------------------
const someone = live[Math.floor(live.length / 2)]!.id;
const queries: Record<string, [string, unknown]> = {
  rosterInCare: ['trainees.list', { status: 'in_care' }],
  rosterSearchNoDiacritics: ['trainees.list', { status: 'all', search: 'nguyen van binh' }],
  releasedCompulsory: ['trainees.list', { status: 'released', admissionType: 'compulsory' }],
  traineeGet: ['trainees.get', { traineeId: someone }],
  timeline: ['trainees.timeline', { traineeId: someone }],
  systemStats: ['system.stats', {}],
};
const queryMs: Record<string, number> = {};
const queryMaxMs: Record<string, number> = {};
for (const [key, [name, input]] of Object.entries(queries)) {
  await ok(service, name, input);
  const times: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    const started = performance.now();
    await ok(service, name, input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  queryMs[key] = round(percentile(times, 50));
  queryMaxMs[key] = round(times[times.length - 1]!);
  sampleRss();
}
const timelineLength = (await ok<unknown[]>(service, 'trainees.timeline', { traineeId: someone })).length;
log(`queries (median ms): ${JSON.stringify(queryMs)}`);

// ---------------------------------------------------------------------------------------------
// 7. Full rebuild of every projection from the log.
// ---------------------------------------------------------------------------------------------
const rebuilt = service.rebuild();
sampleRss();
const rebuildPerSec = rebuilt.events / (rebuilt.ms / 1000);
log(`rebuild: ${rebuilt.events.toLocaleString('en')} events in ${(rebuilt.ms / 1000).toFixed(1)} s`);
const totalEvents = service.stats().totalEvents;
service.close();
clearInterval(rssTimer);
sampleRss();

const results = {
  events: totalEvents,
  appendRatio: round(appendRatio, 2),
  batchRatio: round(batchRatio, 2),
  p50AppendMs: round(percentile(singleTimes, 50)),
  p99AppendMs: round(percentile(singleTimes, 99)),
  rebuildPerSec: Math.round(rebuildPerSec),
  openMs: round(openMs, 1),
  queryMs,
  peakRssMb: Math.round(peakRss / 2 ** 20),
  details: {
    rawSingleP50Ms: round(percentile(rawSingleTimes, 50)),
    rawSingleP99Ms: round(percentile(rawSingleTimes, 99)),
    senBatchEventsPerSec: Math.round((BATCHES * BATCH_SIZE) / (batchMs / 1000)),
    rawBatchRowsPerSec: Math.round((BATCHES * BATCH_SIZE) / (rawBatchMs / 1000)),
    batchSize: BATCH_SIZE,
    queryMaxMs,
    timelineEvents: timelineLength,
    trainees: admissions + SINGLE_SAMPLES / 2,
    backgroundWalkMs: round(backgroundWalkMs, 0),
    firstOpenMs: round(firstOpenMs, 0),
    seedSeconds: round(seedMs / 1000, 1),
    seedEventsPerSec: Math.round(EVENTS / (seedMs / 1000)),
  },
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
  measuredAt: new Date().toISOString(),
};

const bar = (ok: boolean) => (ok ? 'met' : 'MISSED');
const table: [string, string, string, string][] = [
  ['events in the log', results.events.toLocaleString('en'), '≈ 5 000 000', ''],
  ['open to ready (system.status)', `${results.openMs} ms`, '≤ 1 000 ms', bar(results.openMs <= 1000)],
  ['append p50 (service, durable)', `${results.p50AppendMs} ms`, '', ''],
  ['append p99 (service, durable)', `${results.p99AppendMs} ms`, '≤ 2 ms', bar(results.p99AppendMs <= 2)],
  ['append speed ÷ raw insert (appendRatio)', `${results.appendRatio}`, '≥ 0.5', bar(results.appendRatio >= 0.5)],
  [`batch append ÷ raw batch, ${BATCH_SIZE}/tx (batchRatio)`, `${results.batchRatio}`, '', ''],
  ['rebuild (rebuildPerSec)', `${results.rebuildPerSec.toLocaleString('en')} events/s`, '≥ 200 000/s', bar(results.rebuildPerSec >= 200_000)],
  ...Object.entries(queryMs).map(([k, v]): [string, string, string, string] => [`query ${k}`, `${v} ms`, '≤ 50 ms', bar(v <= 50)]),
  ['peak memory (peakRssMb)', `${results.peakRssMb} MB`, '', ''],
];
const widths = [0, 1, 2, 3].map((c) => Math.max(...table.map((r) => r[c]!.length), ['figure', 'measured', 'bar', ''][c]!.length));
const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
console.log();
console.log(line(['figure', 'measured', 'bar', '']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of table) console.log(line(r));
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${OUT}`);
rmSync(dir, { recursive: true, force: true });
