/** The demo facility: a seeded history played through the app's own commands (system.demo, sen demo). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerInput, HandlerName, HandlerOutput } from '../../shared/api';
import type { CoreService } from '../../electron/core/types';
import { todayIso } from '../../shared/dates';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../shared/demo';
import { SKILLS, SKILL_LEVELS } from '../../shared/training/literacy';
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

/** As the demo's medical officer (same password as the admin): every medical dashboard has something to show. */
async function medicalDashboards(service: CoreService, result: HandlerOutput<'system.demo'>): Promise<void> {
  const { counts, staff } = result;
  expect(staff).toEqual([
    { username: 'yte', fullName: 'Lê Thị Hạnh', roles: ['medical'] },
    { username: 'trucban', fullName: 'Phạm Văn Dũng', roles: ['duty'] },
    { username: 'giaovien', fullName: 'Nguyễn Thị Thu Hà', roles: ['teacher'] },
    { username: 'huongdan', fullName: 'Đinh Văn Hướng', roles: ['instructor'] },
  ]);
  const call = async <N extends HandlerName>(connection: string, name: N, input: HandlerInput<N>): Promise<HandlerOutput<N>> => {
    const r = await service.call(connection, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as HandlerOutput<N>;
  };
  await call('yte', 'auth.signIn', { username: 'yte', password: DEMO_PASSWORD });
  // The duty officer chose the same password; the core keeps medical data from them.
  await call('trucban', 'auth.signIn', { username: 'trucban', password: DEMO_PASSWORD });
  await dutyArea(service, result);
  const refused = await service.call('trucban', 'medical.screening.due', {});
  expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');

  // About 10–15% of the people in care are on ART at the end (HIV about 12% at intake).
  const arv = await call('yte', 'medical.arv.dashboard', {});
  expect(arv.onArt).toBe(counts.medical.onArt);
  expect(arv.onArt / counts.inCare).toBeGreaterThanOrEqual(0.1);
  expect(arv.onArt / counts.inCare).toBeLessThanOrEqual(0.15);
  // A few fall under the adherence threshold in the recorded rounds.
  expect(arv.rows.filter((r) => r.lowAdherence).length).toBeGreaterThan(0);

  const due = await call('yte', 'medical.screening.due', {});
  expect(due.intakeIncomplete.length).toBeGreaterThan(0);
  expect(due.rescreening.length).toBeGreaterThan(0);

  // Admissions of the last days are still in detox; one was not assessed in the evening: overdue.
  const detox = await call('yte', 'medical.detox.dashboard', {});
  expect(detox.rows.length).toBeGreaterThan(0);
  expect(detox.rows.some((r) => r.overdue)).toBe(true);

  // The round of the story's last day: every due dose recorded, most of them given.
  let rows = 0;
  for (const slot of ['morning', 'noon', 'evening', 'night'] as const) {
    const round = await call('yte', 'medical.round.get', { date: counts.to, slot });
    if (slot === 'morning') expect(round.rows.length).toBeGreaterThan(5);
    expect(round.rows.every((r) => r.recorded !== null), slot).toBe(true);
    rows += round.rows.length;
  }
  expect(rows).toBeGreaterThan(10);
  // Before the recorded window nothing was: the round of a year ago shows its ARV doses as not recorded.
  const old = await call('yte', 'medical.round.get', { date: `${Number(counts.to.slice(0, 4)) - 1}${counts.to.slice(4)}`, slot: 'morning' });
  expect(old.rows.every((r) => r.recorded === null)).toBe(true);

  const flags = await call('yte', 'medical.flags.dashboard', {});
  expect(flags.housing.length).toBeGreaterThan(0);
  expect(flags.housing.some((f) => f.reviewDue)).toBe(true);

  // A trainee on ART: the whole care history is there (regimen, CD4, viral loads, pill counts).
  const onArt = arv.rows[0]!;
  const summary = await call('yte', 'medical.arv.summary', { traineeId: onArt.traineeId });
  expect(summary.current).not.toBeNull();
  expect(summary.labs.some((l) => l.test === 'cd4' && l.value !== null)).toBe(true);
  expect(summary.pillCounts.length).toBeGreaterThan(0);
}

/** As the demo's teacher: classes of both phases over the years, sessions on schedule, realistic attendance, withdrawals on release. */
async function teacherClasses(service: CoreService, result: HandlerOutput<'system.demo'>): Promise<void> {
  const { classes: counts } = result.counts;
  const signIn = await service.call('giaovien', 'auth.signIn', { username: 'giaovien', password: DEMO_PASSWORD });
  expect(signIn.ok).toBe(true);
  const r = await service.call('giaovien', 'classes.list', { includeClosed: true });
  if (!r.ok) throw new Error(r.error.message);
  const list = r.value as HandlerOutput<'classes.list'>;
  expect(list).toHaveLength(counts.classes);
  expect(list.filter((c) => c.closedDate === null).map((c) => c.phase).sort()).toEqual(['phase1', 'phase2']);
  expect(list.filter((c) => c.closedDate !== null).length).toBeGreaterThanOrEqual(4);
  for (const c of list.filter((x) => x.closedDate === null)) expect(c.enrolled).toBeGreaterThan(0);
  // Sheets of the last two months only: two classes, five sessions a week.
  expect(counts.sessions).toBeGreaterThan(35);
  // Most come, some do not: between 85% and 98% present.
  const rate = 1 - counts.absences / counts.attendance;
  expect(rate).toBeGreaterThan(0.85);
  expect(rate).toBeLessThan(0.98);
  console.log('demo classes:', JSON.stringify(counts));
  const detail = await service.call('giaovien', 'classes.get', { classId: list.at(-1)!.classId });
  if (!detail.ok) throw new Error(detail.error.message);
  const { roster } = detail.value as HandlerOutput<'classes.get'>;
  expect(roster.some((x) => x.withdrawReason === 'released' || x.withdrawReason === 'completed')).toBe(true);
}

/** As the demo's teacher: baselines and monthly observations show progress over months; completions with certificates. */
async function teacherLiteracy(service: CoreService, result: HandlerOutput<'system.demo'>): Promise<void> {
  const counts = result.counts.literacy;
  expect(counts.observations).toBeGreaterThan(counts.sheets);
  expect(counts.completions).toBeGreaterThan(0);
  const call = async <N extends HandlerName>(name: N, input: HandlerInput<N>) => {
    const r = await service.call('giaovien', name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as HandlerOutput<N>;
  };
  const rows = [];
  for (const c of await call('classes.list', {})) rows.push(...(await call('literacy.progress', { classId: c.classId })).rows);
  // Everyone in today's classes has been observed; some have moved up since they joined.
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => SKILLS.every((s) => r.skills[s].level !== null))).toBe(true);
  expect(rows.some((r) => SKILLS.some((s) => SKILL_LEVELS.indexOf(r.skills[s].level!) > SKILL_LEVELS.indexOf(r.skills[s].baseline!)))).toBe(true);
  const completed = rows.find((r) => r.completed.level1 !== null || r.completed.level2 !== null);
  if (completed) {
    const level = completed.completed.level1 !== null ? 'level1' : 'level2';
    const cert = await call('literacy.certificate', { traineeId: completed.traineeId, level });
    expect(cert.teacherName).toBe('Nguyễn Thị Thu Hà');
    expect(cert.overrideReason).toBeNull();
  }
}

/** As the demo's duty officer: every trainee in care has a bed, last month is rated, the books are full. */
async function dutyArea(service: CoreService, result: HandlerOutput<'system.demo'>): Promise<void> {
  const { counts } = result;
  const call = async <N extends HandlerName>(name: N, input: HandlerInput<N>): Promise<HandlerOutput<N>> => {
    const r = await service.call('trucban', name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as HandlerOutput<N>;
  };
  const d = counts.duty;
  // 4–6 dorms of 8–12-bed rooms for 120 people, with a separate-housing room.
  expect(d.dorms).toBeGreaterThanOrEqual(4);
  expect(d.dorms).toBeLessThanOrEqual(6);
  const board = await call('housing.board', {});
  expect(board.unassigned).toEqual([]);
  const occupants = board.rooms.flatMap((r) => r.occupants);
  expect(occupants).toHaveLength(counts.inCare);
  expect(board.rooms.some((r) => r.separateHousing && r.occupants.length > 0)).toBe(true);
  for (const r of board.rooms) expect(r.occupants.length, r.name).toBeLessThanOrEqual(r.capacity);
  // Flagged trainees sleep in a separate-housing room (unless it was full: then recorded anyway, with a reason).
  const flaggedShared = board.rooms.filter((r) => !r.separateHousing).flatMap((r) => r.occupants.filter((o) => o.separateHousing));
  expect(flaggedShared.length).toBeLessThanOrEqual(d.overrides + 2);
  expect(d.bedsAssigned).toBe(counts.admitted);
  expect(d.vacated).toBe(counts.released);
  expect(d.moves).toBeGreaterThan(20);

  // Every trainee in care last month has a rating for it; so do earlier months.
  const lastMonth = `${counts.to.slice(0, 7)}-01`;
  const month = new Date(`${lastMonth}T00:00:00Z`);
  month.setUTCMonth(month.getUTCMonth() - 1);
  const sheet = await call('duty.recognition.sheet', { month: month.toISOString().slice(0, 7) });
  expect(sheet.rows.length).toBeGreaterThan(counts.inCare * 0.9);
  expect(sheet.rows.every((r) => r.rating !== null)).toBe(true);
  expect(new Set(sheet.rows.map((r) => r.rating))).toEqual(new Set(['good', 'fair', 'average', 'poor']));
  expect(d.ratings).toBeGreaterThan(counts.inCare * 30);

  // Incidents about every few days, some with two or three trainees, each with its measure.
  expect(d.violations / (counts.inCare * 3)).toBeGreaterThan(0.2);
  expect(d.violations / (counts.inCare * 3)).toBeLessThan(0.8);
  expect(d.violations).toBeGreaterThan(d.incidents);
  const overview = await call('conduct.overview', { status: 'all' });
  expect(overview.violations.some((v) => v.measures.some((m) => m.kind === 'discipline_room'))).toBe(true);
  expect(overview.violations.filter((v) => v.measures.length > 0).length / overview.violations.length).toBeGreaterThan(0.6);
  expect(d.keepApartRules).toBeGreaterThan(0);
  expect(d.rewards).toBeGreaterThan(counts.inCare);

  // A count each Sunday evening, and every evening of the last 30 days; each difference resolved
  // the next morning (the last evening's may stay open).
  let evenings = 0;
  for (let day = Date.parse(counts.from); day <= Date.parse(counts.to); day += 86_400_000) {
    if (new Date(day).getUTCDay() === 0 || day > Date.parse(counts.to) - 30 * 86_400_000) evenings += 1;
  }
  expect(d.headcounts).toBe(evenings);
  expect(d.mismatches).toBeGreaterThan(0);
  expect((await call('duty.headcount.mismatches', {})).length).toBeLessThanOrEqual(1);
  const log = await call('dutyLog.day', { date: counts.to });
  expect(log.lines.length).toBeGreaterThan(0);
  expect(d.shiftNotes).toBeGreaterThan(300);
}

/** As the demo instructor: four workshops with people in them, sheets on working days since `sheetsFrom`, totals equal to the entries. */
async function laborWorkshops(service: CoreService, result: HandlerOutput<'system.demo'>): Promise<void> {
  const { labor, to } = result.counts;
  expect(labor.workshops).toBe(4);
  expect(labor.assignments).toBeGreaterThan(100);
  expect(labor.absences / labor.entries).toBeGreaterThan(0.03);
  expect(labor.absences / labor.entries).toBeLessThan(0.15);
  const signIn = await service.call('huongdan', 'auth.signIn', { username: 'huongdan', password: DEMO_PASSWORD });
  expect(signIn.ok).toBe(true);
  const r = await service.call('huongdan', 'labor.workshops.list', {});
  if (!r.ok) throw new Error(r.error.message);
  const workshops = r.value as HandlerOutput<'labor.workshops.list'>;
  expect(workshops.map((w) => w.name)).toEqual(['Tổ may', 'Tổ trồng rau', 'Xưởng dệt chiếu', 'Xưởng mây tre đan']);
  let entries = 0;
  for (const w of workshops) {
    expect(w.roster.length).toBeGreaterThan(0);
    // Nobody who may not use sharp tools is in a workshop using blades.
    if (w.usesBlades) expect(w.roster.filter((m) => m.noSharpTools)).toEqual([]);
    const totals = await service.call('huongdan', 'labor.totals', { workshopId: w.workshopId, from: result.counts.from, to });
    if (!totals.ok) throw new Error(totals.error.message);
    const t = totals.value as HandlerOutput<'labor.totals'>;
    expect(t.days[0]!.date >= labor.sheetsFrom).toBe(true);
    expect(t.days.every((d) => new Date(`${d.date}T00:00:00Z`).getUTCDay() !== 0)).toBe(true);
    entries += t.total.daysPresent + t.total.daysAbsent;
  }
  expect(entries).toBe(labor.entries);
}

/** The medical story in the log: every kind of fact, recorded by the medical officer, rounds only lately. */
function medicalLog(rows: EventRow[], data: { type: string; data: Record<string, unknown>; meta: Record<string, unknown> }[], counts: HandlerOutput<'system.demo'>['counts']): void {
  const types = new Set(rows.map((r) => r.type));
  for (const type of [
    'MedicalSettingsChanged',
    'FormularyItemAdded',
    'ScreeningRecorded',
    'DetoxEpisodeStarted',
    'DetoxAssessed',
    'DetoxEpisodeClosed',
    'PrescriptionWritten',
    'PrescriptionRevised',
    'PrescriptionRenewed',
    'PrescriptionDiscontinued',
    'DoseRecorded',
    'ArtStarted',
    'ArtRegimenChanged',
    'PillCountRecorded',
    'AdherenceCounsellingRecorded',
    'LabRequested',
    'LabResultReceived',
    'HousingFlagSet',
    'HousingFlagCleared',
    'WorkRestrictionSet',
    'TraineeReferred',
    'TraineeReturnedFromReferral',
    'TraineePhaseAdvanced',
    'PasswordChanged',
  ]) {
    expect(types.has(type), type).toBe(true);
  }
  const userIds = new Map(data.filter((e) => e.type === 'UserCreated').map((e) => [e.data['username'] as string, e.data['userId'] as string]));
  const medicalEvents = data.filter((_, i) => rows[i]!.stream.startsWith('medical:'));
  expect(medicalEvents.every((e) => e.meta['actor'] === userIds.get('yte'))).toBe(true);
  // Phase changes by the medical officer (into and out of detox) and the duty officer (labor, reintegration).
  const phaseActors = new Set(data.filter((e) => e.type === 'TraineePhaseAdvanced').map((e) => e.meta['actor']));
  expect(phaseActors).toEqual(new Set([userIds.get('yte'), userIds.get('trucban')]));

  // Urine panels follow the substances; COWS for opioids, AWQ for stimulants; scores fall.
  const screenings = data.filter((e) => e.type === 'ScreeningRecorded');
  expect(screenings.length).toBe(counts.medical.screenings);
  const urine = screenings.flatMap((e) => {
    const u = (e.data['results'] as { urine?: Record<string, string> }).urine;
    return u ? [u] : [];
  });
  expect(urine.filter((u) => u['MET'] === 'positive').length).toBeGreaterThan(urine.filter((u) => u['MOP'] === 'positive').length);
  expect(urine.some((u) => u['MOP'] === 'positive')).toBe(true);
  const starts = data.filter((e) => e.type === 'DetoxEpisodeStarted');
  for (const e of starts) {
    const expected = e.data['substance'] === 'heroin' || e.data['substance'] === 'opium' ? 'cows' : e.data['substance'] === 'alcohol' ? 'ciwa-ar' : 'awq';
    expect(e.data['scaleId']).toBe(expected);
  }
  const totals = new Map<string, number[]>();
  for (const e of data.filter((x) => x.type === 'DetoxAssessed' && x.data['total'] !== null)) {
    const list = totals.get(e.data['episodeId'] as string) ?? [];
    list.push(e.data['total'] as number);
    totals.set(e.data['episodeId'] as string, list);
  }
  const long = [...totals.values()].filter((l) => l.length >= 9);
  expect(long.length).toBeGreaterThan(100);
  // Over a whole episode the score falls: the last assessments are well below the worst one.
  const falling = long.filter((l) => Math.max(...l.slice(-3)) < Math.max(...l));
  expect(falling.length / long.length).toBeGreaterThan(0.9);

  // No separate-housing flag because of HIV: the reasons are the catalog's.
  for (const e of data.filter((x) => x.type === 'HousingFlagSet')) expect(['infectious_isolation', 'detox_observation', 'protection', 'other_medical']).toContain(e.data['reason']);

  // The medication round only in its last 45 days; some doses refused, held or missed.
  const doses = data.filter((e) => e.type === 'DoseRecorded');
  expect(doses.length).toBe(counts.medical.doses);
  const from = new Date(`${counts.to}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 44);
  expect(doses.every((e) => (e.data['date'] as string) >= from.toISOString().slice(0, 10))).toBe(true);
  const statuses = new Set(doses.map((e) => e.data['status']));
  expect(statuses).toEqual(new Set(['given', 'refused', 'held', 'missed']));
  expect(doses.filter((e) => e.data['status'] === 'given').length / doses.length).toBeGreaterThan(0.9);
}

/** As the demo teacher: trainees near release, most counselled (several kinds), some not yet. */
async function reintegrationList(service: CoreService, result: HandlerOutput<'system.demo'>): Promise<void> {
  const signIn = await service.call('giaovien', 'auth.signIn', { username: 'giaovien', password: DEMO_PASSWORD });
  expect(signIn.ok).toBe(true);
  const r = await service.call('giaovien', 'reintegration.due', {});
  if (!r.ok) throw new Error(r.error.message);
  const due = r.value as HandlerOutput<'reintegration.due'>;
  expect(due.rows.length).toBeGreaterThan(5);
  expect(due.notCounselled).toBeGreaterThan(0);
  expect(due.notCounselled).toBeLessThan(due.rows.length);
  expect(due.rows.some((row) => row.byKind.legal > 0 && row.byKind.vocational > 0)).toBe(true);
  // The demo teacher and the labor area's instructor both counsel.
  expect(new Set(due.rows.flatMap((row) => (row.last ? [row.last.counsellorName] : [])))).toEqual(new Set(['Nguyễn Thị Thu Hà', 'Đinh Văn Hướng']));
  expect(result.counts.reintegration.sessions).toBeGreaterThan(result.counts.reintegration.counselled);
  expect(result.counts.reintegration.counselled).toBeGreaterThan(50);
}

describe('demo facility', () => {
  // Three stories of 40 trainees over two years, medical histories included: longer than the default timeout.
  it('the same seed gives the same log (ids, data, meta and times); another seed another one', { timeout: 240_000 }, async () => {
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
    // The medical area's story is part of it (and so covered by the same-seed comparison).
    expect(rowsA.filter((r) => r.stream.startsWith('medical:')).length).toBeGreaterThan(500);
    // So is the duty area's (beds, conduct, ratings).
    expect(rowsA.filter((r) => r.stream.startsWith('housing:') || r.stream.startsWith('conduct:')).length).toBeGreaterThan(300);
  });

  it('keeps about the asked number in care, with a realistic, corrected and verifiable history', { timeout: 240_000 }, async () => {
    const { service, dataDir, result } = await demo({ trainees: 120, years: 3, seed: 2026 });
    const { counts } = result;
    // The size and time of the default demo (it also runs in the e2e test, with a time budget).
    console.log(`demo 120 trainees × 3 years: ${counts.events} events in ${result.ms} ms`, JSON.stringify(counts.medical), JSON.stringify(counts.duty));
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
    await teacherClasses(service, result);
    await teacherLiteracy(service, result);
    await medicalDashboards(service, result);
    await laborWorkshops(service, result);
    await reintegrationList(service, result);
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
    // Corrections say why; every command was done by a signed-in officer.
    const corrections = data.filter((e) => e.type === 'TraineeDetailsCorrected');
    for (const e of corrections) expect(String(e.data['reason']).length).toBeGreaterThan(10);
    expect(data.filter((e) => e.type.startsWith('Trainee')).every((e) => typeof e.meta['actor'] === 'string')).toBe(true);
    medicalLog(rows, data, counts);
    // The duty officer keeps the books; the admin laid out the facility.
    const users = new Map(data.filter((e) => e.type === 'UserCreated').map((e) => [e.data['userId'] as string, e.data['username'] as string]));
    const actorsOn = (test: (stream: string) => boolean) => new Set(data.filter((_, i) => test(rows[i]!.stream)).map((e) => users.get(e.meta['actor'] as string)));
    expect(actorsOn((s) => /^(housing:|conduct:|keepapart:|headcount$|dutylog$)/.test(s))).toEqual(new Set(['trucban']));
    expect(actorsOn((s) => s === 'layout')).toEqual(new Set([DEMO_USERNAME]));

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

// Each run starts Node, hashes every demo account's password at full scrypt cost and plays every
// area's story: generous limits, since a loaded 2-core machine is several times slower.
describe('sen demo', { timeout: 240_000 }, () => {
  const BIN = join(import.meta.dirname, '../../bin/sen.mjs');
  const sen = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 180_000 });

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
