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
 *
 * Then a medical officer works through the service for the 500 in care (screenings, detox
 * episodes, ART with labs, prescriptions, flags, referrals, and 30 days of the morning and evening
 * rounds, about 260 doses each), and the medical dashboards, the round and the medical timeline
 * are measured as the medical officer and, where others see them, as a duty officer.
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
import { hashPassword } from '../../electron/core/accounts/passwords';
import type { HandlerInput, HandlerName, HandlerOutput } from '../../shared/api';
import { todayIso } from '../../shared/dates';
import type { Role } from '../../shared/roles';
import { AWQ, COWS, type Answers, type ScaleDefinition } from '../../shared/medical/scales';
import type { DoseSlot, DoseStatus } from '../../shared/medical/prescriptions';
import type { HousingReason, WorkRestrictionCode } from '../../shared/medical/flags';
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

async function ok<T>(service: CoreService, name: string, input: unknown, connection = 'bench'): Promise<T> {
  const r = await service.call(connection, name, input);
  if (!r.ok) throw new Error(`${name} (${connection}): ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`);
  return r.value as T;
}

// Staff of the medical phase, each signed in on their own connection (named after the account).
const STAFF_PASSWORD = 'mật khẩu của cán bộ';
const STAFF: { username: 'yte' | 'trucban'; fullName: string; role: Role }[] = [
  { username: 'yte', fullName: 'Lê Thị Hạnh', role: 'medical' },
  { username: 'trucban', fullName: 'Phạm Văn Dũng', role: 'duty' },
];
/** A handler called as one of the staff above, typed by the handler table: a wrong input fails the typecheck. */
function as<N extends HandlerName>(service: CoreService, who: 'yte' | 'trucban', name: N, input: HandlerInput<N>): Promise<HandlerOutput<N>> {
  return ok<HandlerOutput<N>>(service, name, input, who);
}
async function signInStaff(s: CoreService): Promise<void> {
  for (const who of STAFF) await ok(s, 'auth.signIn', { username: who.username, password: STAFF_PASSWORD }, who.username);
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
// The medical officer and the duty officer, created straight in the log (as tests/support's
// seedUser does) so the timed phases below start signed in.
for (const [k, who] of STAFF.entries()) {
  const userId = `5e000000-0000-4000-9000-${String(k + 1).padStart(12, '0')}`;
  seedStore.append(streams.user(userId), 'no_stream', [
    { type: 'UserCreated', data: { userId, username: who.username, fullName: who.fullName, roles: [who.role], passwordHash: await hashPassword(STAFF_PASSWORD, TEST_SCRYPT), mustChangePassword: false } },
  ], meta);
}
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
// 2b. The medical area for the 500 trainees in care, through the service as the signed-in medical
//     officer: formulary, intake screenings, detox episodes, ART with labs, prescriptions, flags,
//     restrictions, referrals, then 30 days of the morning and evening rounds (one call per round,
//     about 260 doses each). Everything is dated in the past (the deciders allow late records,
//     never future ones), so the service keeps the real clock and "today" is the bench's today.
// ---------------------------------------------------------------------------------------------
const ROUND_DAYS = 30;
const ON_ART = 60;
const IN_DETOX = 100;
/** Detox episodes still open at the end (the dashboard's rows); the others are closed. */
const DETOX_OPEN = 30;
const COURSES = 200;
const HOUSING_FLAGS = 20;
const RESTRICTIONS = 20;
const REFERRALS = 5;
/** Intake screenings left without serology (the screening dashboard's incomplete intakes). */
const SEROLOGY_PENDING = 20;

await signInStaff(service);
const medicalStart = performance.now();
const headBeforeMedical = service.stats().totalEvents;
const isoToday = todayIso();
const day = (offset: number, from = isoToday) => {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const patients = live.slice(0, IN_CARE).map((t) => ({ id: t.id, admitted: isoDate(t.admittedAt) }));
if (patients.length < COURSES + ON_ART || patients.some((p) => p.admitted > day(-90))) {
  throw new Error(`medical phase: needs ${COURSES + ON_ART} trainees in care admitted at least 90 days before ${isoToday}`);
}
/** The trainee whose medical history the timeline, prescriptions and ARV queries read: every kind of entry. */
const subject = patients[0]!.id;
const med = <N extends HandlerName>(name: N, input: HandlerInput<N>) => as(service, 'yte', name, input);
const medicalCounts = { screenings: 0, detoxEpisodes: 0, detoxAssessments: 0, onArt: 0, labs: 0, prescriptions: 0, housingFlags: 0, workRestrictions: 0, referrals: 0, rounds: 0, doses: 0 };

await med('medical.formulary.addStarter', {});
await med('medical.formulary.add', { name: 'Cotrimoxazole', form: 'tablet', strength: '960 mg', arv: false });
const drugs = new Map((await med('medical.formulary.list', {})).map((item) => [item.name, item.id]));
const drug = (name: string) => {
  const id = drugs.get(name);
  if (!id) throw new Error(`medical phase: no formulary item ${name}`);
  return id;
};

// Intake screening two days after admission (the last ones without serology yet), and the
// monthly urine strip and vitals twenty days ago for half of them.
for (const [i, p] of patients.entries()) {
  const pending = i >= IN_CARE - SEROLOGY_PENDING;
  const serology = pending ? {} : { hiv: i < ON_ART ? ('positive' as const) : ('negative' as const), hbv: i % 10 === 3 ? ('positive' as const) : ('negative' as const), hcv: i % 7 === 2 ? ('positive' as const) : ('negative' as const), syphilis: 'negative' as const };
  await med('medical.screening.record', {
    traineeId: p.id,
    date: day(2, p.admitted),
    results: {
      ...serology,
      tb: { cough2Weeks: false, fever: false, weightLoss: i % 50 === 7, nightSweats: false, tbContact: false },
      urine: { MET: i % 3 === 0 ? 'positive' : 'negative', AMP: 'negative', MOP: i % 4 === 1 ? 'positive' : 'negative', THC: 'negative', KET: 'negative', MDMA: 'negative' },
      vitals: { pulse: 70 + (i % 25), systolic: 110 + (i % 30), diastolic: 70 + (i % 15), temperature: 36.5, respiratoryRate: 18, weightKg: 50 + (i % 15) },
    },
    note: pending ? 'Chờ kết quả xét nghiệm máu' : '',
  });
  medicalCounts.screenings += 1;
  if (i % 2 === 0) {
    await med('medical.screening.record', {
      traineeId: p.id,
      date: day(-20),
      results: { urine: { MET: 'negative', MOP: 'negative' }, vitals: { pulse: 72, systolic: 118, diastolic: 76, temperature: 36.6, respiratoryRate: 17, weightKg: 52 + (i % 15) } },
      note: '',
    });
    medicalCounts.screenings += 1;
  }
}

// Detox episodes assessed every eight hours with falling scores: ten assessments each; the first
// ones closed days ago, the last DETOX_OPEN still open (started about three days ago).
const HOUR = 3_600_000;
const nowMs = Date.now();
const answersAt = (scale: ScaleDefinition, level: number, k: number): Answers =>
  Object.fromEntries(
    scale.items.map((item, j) => {
      const n = item.options.length - 1;
      return [item.id, item.options[Math.min(n, Math.max(0, Math.round(level * n + (((k + j) % 3) - 1) * 0.4)))]!.points];
    }),
  );
for (let k = 0; k < IN_DETOX; k++) {
  const p = patients[k]!;
  const opioid = k % 2 === 0;
  const scale = opioid ? COWS : AWQ;
  const open = k >= IN_DETOX - DETOX_OPEN;
  const startMs = open ? nowMs - (74 + (k % 8)) * HOUR : nowMs - (5 + (k % 25)) * 24 * HOUR;
  const { episodeId } = await med('medical.detox.start', { traineeId: p.id, substance: opioid ? 'heroin' : 'methamphetamine', scaleId: scale.id, startedAt: new Date(startMs).toISOString() });
  medicalCounts.detoxEpisodes += 1;
  for (let a = 0; a < 10; a++) {
    await med('medical.detox.assess', { traineeId: p.id, episodeId, assessedAt: new Date(startMs + a * 8 * HOUR).toISOString(), answers: answersAt(scale, 0.65 * Math.exp(-a / 4), a) });
    medicalCounts.detoxAssessments += 1;
  }
  if (!open) await med('medical.detox.close', { traineeId: p.id, episodeId, closedAt: new Date(startMs + 80 * HOUR).toISOString(), outcome: 'completed', note: 'Hết triệu chứng cai' });
}

// ART for ON_ART: regimen with the morning round, CD4 and its result, cotrimoxazole with the
// evening round, a pill count, a viral load (resulted for two thirds), counselling for the first ten.
for (let k = 0; k < ON_ART; k++) {
  const p = patients[k]!;
  const start = day(-60);
  await med('medical.arv.start', { traineeId: p.id, date: start, itemId: drug('TDF/3TC/DTG'), dose: '1 viên', slots: ['morning'] });
  medicalCounts.onArt += 1;
  medicalCounts.prescriptions += 1;
  const cd4 = await med('medical.arv.requestLab', { traineeId: p.id, test: 'cd4', requestedDate: start });
  await med('medical.arv.recordLabResult', { traineeId: p.id, labId: cd4.labId, receivedDate: day(-50), value: 120 + ((k * 37) % 500), undetectable: false });
  await med('medical.prescriptions.write', { traineeId: p.id, itemId: drug('Cotrimoxazole'), dose: '1 viên', slots: ['evening'], startDate: day(-50), endDate: null, indication: 'Dự phòng nhiễm trùng cơ hội' });
  medicalCounts.prescriptions += 1;
  await med('medical.arv.recordPillCount', { traineeId: p.id, date: day(-30), expected: 30, counted: k < 10 ? 26 : 30, note: '' });
  const vl = await med('medical.arv.requestLab', { traineeId: p.id, test: 'viral_load', requestedDate: day(-35) });
  medicalCounts.labs += 2;
  if (k % 3 !== 2) await med('medical.arv.recordLabResult', { traineeId: p.id, labId: vl.labId, receivedDate: day(-25), value: k < 10 ? 4200 : 0, undetectable: k >= 10 });
  if (k < 10) await med('medical.arv.recordCounselling', { traineeId: p.id, date: day(-20), session: 1, notes: 'Tư vấn tăng cường tuân thủ điều trị ARV' });
}

// A course with the morning and evening rounds for COURSES other trainees, running past today.
const COURSE_DRUGS = [
  ['Vitamin B1', 'Bổ sung vitamin sau cắt cơn'],
  ['Paracetamol', 'Đau đầu, đau mỏi cơ'],
  ['Omeprazole', 'Viêm loét dạ dày'],
] as const;
for (let k = 0; k < COURSES; k++) {
  const p = patients[ON_ART + k]!;
  const [name, indication] = COURSE_DRUGS[k % COURSE_DRUGS.length]!;
  await med('medical.prescriptions.write', { traineeId: p.id, itemId: drug(name), dose: '1 viên', slots: ['morning', 'evening'], startDate: day(-ROUND_DAYS - 1), endDate: day(4), indication });
  medicalCounts.prescriptions += 1;
}

// Flags, restrictions and referrals: the subject has one of each, the rest fall on trainees after
// the prescriptions' ones. Half the housing flags are due for review.
const HOUSING: HousingReason[] = ['protection', 'other_medical', 'infectious_isolation'];
const flagged = [subject, ...patients.slice(300, 300 + HOUSING_FLAGS - 1).map((p) => p.id)];
for (const [k, id] of flagged.entries()) {
  await med('medical.flags.setHousing', { traineeId: id, reason: HOUSING[k % HOUSING.length]!, note: 'Theo dõi riêng', since: day(-10), reviewDate: day(k % 2 === 0 ? -3 : 20) });
  medicalCounts.housingFlags += 1;
}
const RESTRICTION_CODES: WorkRestrictionCode[] = ['no_heavy_labor', 'no_sharp_tools', 'no_heat_or_chemicals'];
const restricted = [subject, ...patients.slice(320, 320 + RESTRICTIONS - 1).map((p) => p.id)];
for (const [k, id] of restricted.entries()) {
  await med('medical.flags.setRestriction', { traineeId: id, restriction: RESTRICTION_CODES[k % RESTRICTION_CODES.length]!, reason: 'Sau phẫu thuật, cần tránh lao động nặng', since: day(-20), until: k % 2 === 0 ? null : day(30) });
  medicalCounts.workRestrictions += 1;
}
// Referred six days ago; the subject and one other are back since two days ago.
const referred = [subject, ...patients.slice(340, 340 + REFERRALS - 1).map((p) => p.id)];
const atHospital = new Map<string, string | null>();
for (const [k, id] of referred.entries()) {
  const { referralId } = await med('medical.flags.refer', { traineeId: id, date: day(-6), hospital: 'Bệnh viện Đa khoa tỉnh Phú Thọ', reason: 'Đau bụng cấp, theo dõi viêm ruột thừa' });
  medicalCounts.referrals += 1;
  const back = k < 2 ? day(-2) : null;
  if (back) await med('medical.flags.returnFromReferral', { traineeId: id, referralId, date: back, note: 'Ổn định, tiếp tục theo dõi' });
  atHospital.set(id, back);
}

// The rounds of the last ROUND_DAYS days, morning and evening: what is due, then one call recording it.
const poorAdherence = new Set(patients.slice(0, 10).map((p) => p.id));
const roundTimes: number[] = [];
const roundSizes: number[] = [];
for (let d = ROUND_DAYS; d >= 1; d--) {
  const date = day(-d);
  for (const slot of ['morning', 'evening'] as DoseSlot[]) {
    const due = await med('medical.round.get', { date, slot });
    const doses = due.rows
      .filter((row) => !row.recorded)
      .map((row, i) => {
        const back = atHospital.get(row.traineeId);
        if (back !== undefined && date >= day(-6) && (back === null || date < back)) return { prescriptionId: row.prescriptionId, status: 'held' as DoseStatus, note: 'Đang điều trị tại bệnh viện' };
        const h = (d * 31 + i * 17 + (slot === 'morning' ? 0 : 7)) % 100;
        const missBelow = row.arv && poorAdherence.has(row.traineeId) ? 14 : 3;
        const status: DoseStatus = h < missBelow ? (h % 2 === 0 ? 'refused' : 'missed') : 'given';
        return { prescriptionId: row.prescriptionId, status, note: status === 'refused' ? 'Học viên không chịu uống' : '' };
      });
    const started = performance.now();
    const { recorded } = await med('medical.round.record', { date, slot, doses });
    roundTimes.push(performance.now() - started);
    roundSizes.push(recorded);
    medicalCounts.rounds += 1;
    medicalCounts.doses += recorded;
  }
}
roundTimes.sort((a, b) => a - b);
roundSizes.sort((a, b) => a - b);
const medicalSeedMs = performance.now() - medicalStart;
const medicalEvents = service.stats().totalEvents - headBeforeMedical;
log(
  `medical phase: ${medicalEvents.toLocaleString('en')} events in ${(medicalSeedMs / 1000).toFixed(1)} s; ${medicalCounts.rounds} rounds of ${roundSizes[0]}–${roundSizes.at(-1)} doses, record p50 ${percentile(roundTimes, 50).toFixed(1)} ms, max ${roundTimes.at(-1)!.toFixed(1)} ms`,
);

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
await signInStaff(service);

// ---------------------------------------------------------------------------------------------
// 6. Dashboard and list queries through the service (validation, permission, SQL, mapping).
// ---------------------------------------------------------------------------------------------
const someone = live[Math.floor(live.length / 2)]!.id;
// [handler, input, connection]: the admin's, then the medical officer's ("yte") and the duty officer's ("trucban").
const queries: Record<string, [string, unknown, string?]> = {
  rosterInCare: ['trainees.list', { status: 'in_care' }],
  rosterSearchNoDiacritics: ['trainees.list', { status: 'all', search: 'nguyen van binh' }],
  releasedCompulsory: ['trainees.list', { status: 'released', admissionType: 'compulsory' }],
  traineeGet: ['trainees.get', { traineeId: someone }],
  timeline: ['trainees.timeline', { traineeId: someone }],
  systemStats: ['system.stats', {}],
  medicalScreeningDue: ['medical.screening.due', {}, 'yte'],
  medicalDetoxDashboard: ['medical.detox.dashboard', {}, 'yte'],
  medicalArvDashboard: ['medical.arv.dashboard', {}, 'yte'],
  medicalFlagsDashboard: ['medical.flags.dashboard', {}, 'yte'],
  medicalRoundToday: ['medical.round.get', { date: todayIso(), slot: 'morning' }, 'yte'],
  medicalPrescriptions: ['medical.prescriptions.get', { traineeId: subject }, 'yte'],
  medicalArvSummary: ['medical.arv.summary', { traineeId: subject }, 'yte'],
  // A query that writes: each opening appends an AccessRecorded (durable) before answering.
  medicalOpenRecord: ['medical.openRecord', { traineeId: subject }, 'yte'],
  timelineMedicalAsMedical: ['trainees.timeline', { traineeId: subject }, 'yte'],
  timelineMedicalAsDuty: ['trainees.timeline', { traineeId: subject }, 'trucban'],
  rosterInCareAsDuty: ['trainees.list', { status: 'in_care' }, 'trucban'],
};
const queryMs: Record<string, number> = {};
const queryMaxMs: Record<string, number> = {};
for (const [key, [name, input, connection]] of Object.entries(queries)) {
  await ok(service, name, input, connection);
  const times: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    const started = performance.now();
    await ok(service, name, input, connection);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  queryMs[key] = round(percentile(times, 50));
  queryMaxMs[key] = round(times[times.length - 1]!);
  sampleRss();
}
const timelineLength = (await ok<unknown[]>(service, 'trainees.timeline', { traineeId: someone })).length;
const medicalTimelineLength = (await as(service, 'yte', 'trainees.timeline', { traineeId: subject })).length;
const dutyTimelineLength = (await as(service, 'trucban', 'trainees.timeline', { traineeId: subject })).length;
const roundTodayRows = (await as(service, 'yte', 'medical.round.get', { date: todayIso(), slot: 'morning' })).rows.length;
// What the dashboards answered (their size is what the timings above are for).
const due = await as(service, 'yte', 'medical.screening.due', {});
const dashboardRows = {
  screeningIntakeIncomplete: due.intakeIncomplete.length,
  screeningRescreening: due.rescreening.length,
  detox: (await as(service, 'yte', 'medical.detox.dashboard', {})).rows.length,
  arv: (await as(service, 'yte', 'medical.arv.dashboard', {})).rows.length,
  flagsHousing: (await as(service, 'yte', 'medical.flags.dashboard', {})).housing.length,
  flagsAtHospital: (await as(service, 'yte', 'medical.flags.dashboard', {})).atHospital.length,
  roundToday: roundTodayRows,
};
log(`medical dashboards' rows: ${JSON.stringify(dashboardRows)}`);
log(`medical timeline: ${medicalTimelineLength} entries for the medical officer, ${dutyTimelineLength} for the duty officer`);
log(`queries (median ms): ${JSON.stringify(queryMs)}`);

// ---------------------------------------------------------------------------------------------
// 7. Full rebuild of every projection from the log.
// ---------------------------------------------------------------------------------------------
const rebuilt = service.rebuild();
sampleRss();
const rebuildPerSec = rebuilt.events / (rebuilt.ms / 1000);
log(`rebuild: ${rebuilt.events.toLocaleString('en')} events in ${(rebuilt.ms / 1000).toFixed(1)} s`);
const totalEvents = service.stats().totalEvents;

// ---------------------------------------------------------------------------------------------
// 8. An encrypted backup of the whole log: written, synced, read back and verified (docs/backup.md).
// ---------------------------------------------------------------------------------------------
const backupDir = mkdtempSync(join(tmpdir(), 'sen-bench-backup-'));
const backupStarted = performance.now();
const backup = await service.backup(backupDir, 'cụm mật khẩu của phép đo');
const backupMs = performance.now() - backupStarted;
rmSync(backupDir, { recursive: true, force: true });
sampleRss();
log(`backup: ${backup.events.toLocaleString('en')} events, ${(backup.bytes / 1e6).toFixed(0)} MB written and verified in ${(backupMs / 1000).toFixed(1)} s`);
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
  roundRecordP50Ms: round(percentile(roundTimes, 50)),
  /** Write + read back + verify, end to end: the file's MB and the log's events per second. */
  backupMBPerSec: round(backup.bytes / 1e6 / (backupMs / 1000), 1),
  backupEventsPerSec: Math.round(backup.events / (backupMs / 1000)),
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
    medical: {
      events: medicalEvents,
      seedSeconds: round(medicalSeedMs / 1000, 1),
      counts: medicalCounts,
      dosesPerRound: { min: roundSizes[0]!, median: percentile(roundSizes, 50), max: roundSizes.at(-1)! },
      roundRecordMaxMs: round(roundTimes.at(-1)!),
      dashboardRows,
      timelineEntriesAsMedical: medicalTimelineLength,
      timelineEntriesAsDuty: dutyTimelineLength,
    },
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
  [`round record, ${results.details.medical.dosesPerRound.median} doses in one call (p50 of ${roundTimes.length})`, `${results.roundRecordP50Ms} ms`, '≤ 50 ms', bar(results.roundRecordP50Ms <= 50)],
  ['backup, written and verified (backupMBPerSec, backupEventsPerSec)', `${results.backupMBPerSec} MB/s, ${results.backupEventsPerSec.toLocaleString('en')} events/s`, '', ''],
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
