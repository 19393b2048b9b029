/**
 * `npm run bench`: figures for the quality bars in PRODUCT.md, printed, never asserted.
 * Seeds a log of SEN_BENCH_EVENTS events (default 200 000) shaped like years of admissions,
 * corrections and releases with 500 trainees in care, then measures durable single appends
 * against raw better-sqlite3 inserts of the same rows, rebuild speed, open time and the roster
 * queries. Timings on a shared 2-core machine are noisy: read the ratios.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { listTraineesInput } from '../../shared/admissions';
import { streams, type NewEvent } from '../../shared/events';
import { listTrainees, traineeTimeline } from '../../electron/core/admissions/queries';
import { PROJECTIONS } from '../../electron/core/service';
import { EventStore, type AppendRequest } from '../../electron/core/store/eventStore';
import { traineeDetails } from '../support/core';

const TARGET = Number(process.env.SEN_BENCH_EVENTS ?? 200_000);
const IN_CARE = 500;
const dir = mkdtempSync(join(tmpdir(), 'sen-bench-'));
const file = join(dir, 'sen.db');
const meta = { actor: null };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function timeMany(n: number, fn: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}
const ms = (x: number) => `${x.toFixed(3)} ms`;

function traineeEvents(i: number, released: boolean): { id: string; events: NewEvent[] } {
  const id = randomUUID();
  const year = 2016 + (i % 10);
  const details = traineeDetails({ fileNumber: `HS-${i}`, fullName: `Nguyễn Văn Học ${i}`, admissionDate: `${year}-03-01`, plannedReleaseDate: `${year + 2}-03-01` });
  const events: NewEvent[] = [{ type: 'TraineeAdmitted', data: { traineeId: id, ...details } }];
  events.push({ type: 'TraineeDetailsCorrected', data: { traineeId: id, corrects: 1, changes: [{ field: 'homeAddress', from: details.homeAddress, to: `Thôn ${i}` }], reason: 'Sai địa chỉ' } });
  if (released) events.push({ type: 'TraineeReleased', data: { traineeId: id, releaseDate: `${year + 1}-09-01`, kind: 'completed', note: '' } });
  return { id, events };
}

console.log(`Sen bench: seeding about ${TARGET.toLocaleString('en')} events in ${dir}`);
let store = EventStore.open(file, { projections: PROJECTIONS });
const seedStart = performance.now();
let total = 0;
let i = 0;
const inCareIds: string[] = [];
while (total < TARGET) {
  const batch: AppendRequest[] = [];
  for (let k = 0; k < 200 && total < TARGET; k++, i++) {
    const released = total < TARGET - IN_CARE * 2 * 1.1;
    const t = traineeEvents(i, released);
    if (!released) inCareIds.push(t.id);
    batch.push({ stream: streams.trainee(t.id), expected: 'no_stream', events: t.events });
    total += t.events.length;
  }
  store.appendBatch(batch, meta);
}
const seedMs = performance.now() - seedStart;
console.log(`seeded ${total.toLocaleString('en')} events (${i.toLocaleString('en')} trainees, ${inCareIds.length} in care) in ${(seedMs / 1000).toFixed(1)} s`);

// Durable single appends (one transaction, hash, projections, fsync each), vs raw inserts of the same rows.
const SAMPLES = 1000;
const appendTimes = timeMany(SAMPLES, () => {
  const t = traineeEvents(i++, false);
  store.append(streams.trainee(t.id), 'no_stream', t.events.slice(0, 1), meta);
});
const rawDb = new Database(join(dir, 'raw.db'));
rawDb.pragma('journal_mode = WAL');
rawDb.pragma('synchronous = FULL');
rawDb.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, stream TEXT, version INTEGER, type TEXT, schema INTEGER, data TEXT, meta TEXT, occurred_at TEXT, recorded_at TEXT, prev_hash TEXT, hash TEXT, UNIQUE(stream, version))');
const rawInsert = rawDb.prepare('INSERT INTO events (stream, version, type, schema, data, meta, occurred_at, recorded_at, prev_hash, hash) VALUES (?, 1, ?, 1, ?, ?, ?, ?, ?, ?)');
const rawTimes = timeMany(SAMPLES, () => {
  const t = traineeEvents(i++, false);
  const now = new Date().toISOString();
  rawDb.transaction(() => rawInsert.run(streams.trainee(t.id), 'TraineeAdmitted', JSON.stringify(t.events[0]!.data), '{}', now, now, 'x'.repeat(64), 'y'.repeat(64))).immediate();
});
rawDb.close();
const appendMean = appendTimes.reduce((a, b) => a + b, 0) / SAMPLES;
const rawMean = rawTimes.reduce((a, b) => a + b, 0) / SAMPLES;
console.log(`append (durable, hashed, projected): p50 ${ms(percentile(appendTimes, 50))}, p99 ${ms(percentile(appendTimes, 99))}   [bar: p99 <= 2 ms]`);
console.log(`raw better-sqlite3 insert (durable):  p50 ${ms(percentile(rawTimes, 50))}, p99 ${ms(percentile(rawTimes, 99))}`);
console.log(`append speed relative to raw inserts: ${(rawMean / appendMean).toFixed(2)}   [bar: >= 0.5]`);

const rebuilt = store.rebuild();
console.log(`rebuild: ${rebuilt.events.toLocaleString('en')} events in ${(rebuilt.ms / 1000).toFixed(2)} s = ${Math.round(rebuilt.events / (rebuilt.ms / 1000)).toLocaleString('en')} events/s   [bar: >= 200,000/s]`);
const verifyStart = performance.now();
const report = store.verify();
console.log(`full verify: ${report.checked.toLocaleString('en')} events in ${((performance.now() - verifyStart) / 1000).toFixed(2)} s (ok=${report.ok})`);
store.close();

const openStart = performance.now();
store = EventStore.open(file, { projections: PROJECTIONS });
console.log(`open (migrations checked, projections current): ${ms(performance.now() - openStart)}`);

const q = (name: string, fn: () => unknown) => {
  const times = timeMany(30, fn);
  console.log(`${name.padEnd(42)} median ${ms(percentile(times, 50))}, max ${ms(times[times.length - 1]!)}   [bar: <= 50 ms]`);
};
q('roster: in care, no search', () => listTrainees(store.db, listTraineesInput.parse({ status: 'in_care' })));
q('roster: all statuses, search "nguyen van hoc 12"', () => listTrainees(store.db, listTraineesInput.parse({ search: 'nguyen van hoc 12', status: 'all' })));
q('roster: released, compulsory', () => listTrainees(store.db, listTraineesInput.parse({ status: 'released', admissionType: 'compulsory' })));
q('trainee timeline', () => traineeTimeline(store, inCareIds[0]!));
store.close();
rmSync(dir, { recursive: true, force: true });
