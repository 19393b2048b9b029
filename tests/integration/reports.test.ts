/**
 * The monthly facility report (issue 8): every figure equals an independent count made here
 * straight from the `events` table (admissions folded with their corrections, voids honoured, only
 * what was recorded before the end of the month for a past month); who may have it; printing is
 * written to the access log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerInput, HandlerName, HandlerOutput } from '../../shared/api';
import { DEMO_PASSWORD } from '../../shared/demo';
import type { MonthlyReport } from '../../shared/reports';
import type { CoreService } from '../../electron/core/types';
import { recordedBeforeFor } from '../../electron/core/store/asOf';
import { cleanupTempDirs, openStore, tempDir, testService } from '../support/core';

let clock = new Date('2026-11-20T10:00:00+07:00');
let service: CoreService;
let dataDir: string;

async function ok<N extends HandlerName>(connection: string, name: N, input: HandlerInput<N>): Promise<HandlerOutput<N>> {
  const r = await service.call(connection, name, input);
  if (!r.ok) throw new Error(`${name} as ${connection}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`);
  return r.value as HandlerOutput<N>;
}

interface Row {
  seq: number;
  stream: string;
  type: string;
  data: Record<string, unknown>;
  recorded_at: string;
}

function eventRows(): Row[] {
  const store = openStore(dataDir);
  try {
    return store.db
      .prepare<[], Omit<Row, 'data'> & { data: string }>('SELECT seq, stream, type, data, recorded_at FROM events ORDER BY seq')
      .all()
      .map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
  } finally {
    store.close();
  }
}

/** The report's figures as `section/group/key` → value (and `…/of` for coverage rows). */
function figures(report: MonthlyReport): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const s of report.sections)
    for (const g of s.groups)
      for (const r of g.rows) {
        out[`${s.id}/${g.id}/${r.key}`] = r.value;
        if (r.of !== undefined) out[`${s.id}/${g.id}/${r.key}/of`] = r.of;
      }
  return out;
}

/**
 * The same figures counted from the log alone: the events recorded before `cutoff` (null = all),
 * less the voided ones, folded by hand. Deliberately written without the projections' code.
 */
function independentCount(rows: Row[], month: string, to: string, cutoff: string | null): Record<string, number | null> {
  const from = `${month}-01`;
  const fromInstant = new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1).getTime();
  const toInstant = new Date(recordedBeforeFor(to)).getTime();
  const inMonth = (d: unknown) => typeof d === 'string' && d >= from && d <= to;
  const instantInMonth = (d: unknown) => typeof d === 'string' && new Date(d).getTime() >= fromInstant && new Date(d).getTime() < toInstant;
  const seen = rows.filter((r) => cutoff === null || r.recorded_at < cutoff);
  const voided = new Set(seen.filter((r) => r.type === 'EventVoided').map((r) => r.data['seq'] as number));
  const live = seen.filter((r) => !voided.has(r.seq) && r.type !== 'EventVoided');
  const of = (type: string) => live.filter((r) => r.type === type).map((r) => r.data);

  // Trainees: admission, corrections applied in order, release.
  const plannedRelease = new Map<string, string>();
  const trainees = new Map<string, { admissionDate: string; admissionType: string; releaseDate: string | null; releaseKind: string | null }>();
  for (const r of live) {
    const id = r.data['traineeId'] as string;
    if (r.type === 'TraineeAdmitted') plannedRelease.set(id, r.data['plannedReleaseDate'] as string);
    if (r.type === 'TraineeAdmitted') trainees.set(id, { admissionDate: r.data['admissionDate'] as string, admissionType: r.data['admissionType'] as string, releaseDate: null, releaseKind: null });
    if (r.type === 'TraineeDetailsCorrected') {
      const t = trainees.get(id)!;
      for (const c of r.data['changes'] as { field: string; to: string }[]) {
        if (c.field === 'admissionDate') t.admissionDate = c.to;
        if (c.field === 'admissionType') t.admissionType = c.to;
        if (c.field === 'plannedReleaseDate') plannedRelease.set(id, c.to);
      }
    }
    if (r.type === 'TraineeReleased') Object.assign(trainees.get(id)!, { releaseDate: r.data['releaseDate'], releaseKind: r.data['kind'] });
  }
  const all = [...trainees.entries()];
  const inCareAtEnd = (t: { admissionDate: string; releaseDate: string | null }) => t.admissionDate <= to && (t.releaseDate === null || t.releaseDate > to);
  const admitted = all.filter(([, t]) => inMonth(t.admissionDate));
  const released = all.filter(([, t]) => inMonth(t.releaseDate));
  const tally = (values: string[], codes: string[]) => Object.fromEntries(codes.map((c) => [c, values.filter((v) => v === c).length]));
  const out: Record<string, number | null> = {};
  const put = (prefix: string, counts: Record<string, number>) => {
    for (const [k, v] of Object.entries(counts)) out[`${prefix}/${k}`] = v;
  };
  put('census/census', {
    start: all.filter(([, t]) => t.admissionDate < from && (t.releaseDate === null || t.releaseDate >= from)).length,
    admitted: admitted.length,
    released: released.length,
    end: all.filter(([, t]) => inCareAtEnd(t)).length,
  });
  put('census/admissionsByType', tally(admitted.map(([, t]) => t.admissionType), ['compulsory', 'voluntary']));
  put('census/releasesByKind', tally(released.map(([, t]) => t.releaseKind!), ['completed', 'transferred', 'other']));

  const referrals = of('TraineeReferred');
  const returns = new Map(of('TraineeReturnedFromReferral').map((d) => [d['referralId'], d['date'] as string]));
  put('movements/movements', {
    transferredOut: released.filter(([, t]) => t.releaseKind === 'transferred').length,
    hospitalSent: referrals.filter((d) => inMonth(d['date'])).length,
    hospitalReturned: [...returns.values()].filter(inMonth).length,
    hospitalAtEnd: referrals.filter((d) => (d['date'] as string) <= to && !((returns.get(d['referralId']) ?? '9999') <= to)).length,
  });
  out['movements/movements/absconded'] = null;

  const screenings = of('ScreeningRecorded');
  const screenedBy = (id: string, fromDate: string) => screenings.some((s) => s['traineeId'] === id && (s['date'] as string) >= fromDate && (s['date'] as string) <= to);
  const endIds = all.filter(([, t]) => inCareAtEnd(t));
  put('medical/screening', {
    sessions: screenings.filter((s) => inMonth(s['date'])).length,
    admittedScreened: admitted.filter(([id, t]) => screenedBy(id, t.admissionDate)).length,
    'admittedScreened/of': admitted.length,
    inCareScreened: endIds.filter(([id]) => screenedBy(id, '0000')).length,
    'inCareScreened/of': endIds.length,
  });

  const closes = new Map(of('DetoxEpisodeClosed').map((d) => [d['episodeId'], d]));
  const starts = of('DetoxEpisodeStarted');
  const closedInMonth = [...closes.values()].filter((d) => instantInMonth(d['closedAt']));
  put('medical/detox', {
    started: starts.filter((d) => instantInMonth(d['startedAt'])).length,
    ...Object.fromEntries(Object.entries(tally(closedInMonth.map((d) => d['outcome'] as string), ['completed', 'referred', 'stopped', 'other'])).map(([k, v]) => [`closed_${k}`, v])),
    activeAtEnd: starts.filter((d) => new Date(d['startedAt'] as string).getTime() < toInstant && !(new Date((closes.get(d['episodeId'])?.['closedAt'] as string) ?? '9999-01-01').getTime() < toInstant)).length,
  });

  const art = of('ArtStarted');
  const pills = of('PillCountRecorded').filter((d) => inMonth(d['date']));
  put('medical/art', {
    onArtAtEnd: art.filter((d) => (d['date'] as string) <= to && inCareAtEnd(trainees.get(d['traineeId'] as string)!)).length,
    started: art.filter((d) => inMonth(d['date'])).length,
    pillCounts: pills.length,
    pillsTaken: pills.reduce((s, d) => s + Math.min(d['counted'] as number, d['expected'] as number), 0),
    'pillsTaken/of': pills.reduce((s, d) => s + (d['expected'] as number), 0),
  });

  const builtIn = ['mobile_phone', 'alcohol', 'drugs', 'fighting', 'leaving_area', 'disobeying_rules', 'damaging_property', 'other'];
  // Built-in types always listed; the facility's own types when used in the month.
  const violationTypes = of('ViolationRecorded').filter((d) => inMonth(d['date'])).map((d) => d['typeId'] as string);
  put('conduct/violationsByType', tally(violationTypes, [...new Set([...builtIn, ...violationTypes])]));
  put('conduct/measuresByKind', tally(of('MeasureImposed').filter((d) => inMonth(d['start'])).map((d) => d['kind'] as string), ['criticism', 'warning', 'discipline_room', 'other']));
  put(
    'conduct/rewardsByKind',
    tally(of('RewardGranted').filter((d) => inMonth(d['date'])).map((d) => d['kind'] as string), ['commendation', 'gift', 'extra_visit', 'term_reduction_proposal', 'other']),
  );
  // The last rating of each trainee for the month counts (a re-rating replaces the earlier one).
  const ratings = new Map<string, string>();
  for (const d of of('MonthlyRated')) if (d['month'] === month) ratings.set(d['traineeId'] as string, d['rating'] as string);
  put('conduct/ratings', tally([...ratings.values()], ['good', 'fair', 'average', 'poor']));

  // Literacy: enrolments as stays (a withdrawal ends the open one), the last mark per class, date and trainee.
  const closedOn = new Map(of('ClassClosed').map((d) => [d['classId'], d['date'] as string]));
  /** A trainee's stays in a class or workshop (`owner`): a start event opens one, an end event closes the open one. */
  const staysOf = (start: string, end: string, owner: string) => {
    const found: { owner: unknown; traineeId: string; from: string; until: string | null }[] = [];
    for (const r of live) {
      if (r.type === start) found.push({ owner: r.data[owner], traineeId: r.data['traineeId'] as string, from: r.data['date'] as string, until: null });
      if (r.type === end) found.find((e) => e.owner === r.data[owner] && e.traineeId === r.data['traineeId'] && e.until === null)!.until = r.data['date'] as string;
    }
    return found;
  };
  const stays = staysOf('TraineeEnrolled', 'TraineeWithdrawn', 'classId');
  const enrolledOn = (day: string) => stays.filter((e) => e.from <= day && (e.until === null || e.until > day)).length;
  const marks = new Map<string, boolean>();
  for (const d of of('AttendanceRecorded')) if (inMonth(d['date'])) marks.set(`${d['classId']} ${d['date']} ${d['traineeId']}`, d['present'] as boolean);
  const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  put('literacy/literacy', {
    classesOpen: of('ClassOpened').filter((d) => (d['date'] as string) <= to && !((closedOn.get(d['classId']) ?? '9999') <= to)).length,
    enrolledStart: enrolledOn(dayBefore(from)),
    enrolled: stays.filter((e) => inMonth(e.from)).length,
    withdrawn: stays.filter((e) => inMonth(e.until)).length,
    enrolledEnd: enrolledOn(to),
    sessions: new Set([...marks.keys()].map((k) => k.split(' ').slice(0, 2).join(' '))).size,
    present: [...marks.values()].filter(Boolean).length,
    'present/of': marks.size,
  });
  put('literacy/literacyCompleted', tally(of('LiteracyCompleted').filter((d) => inMonth(d['date'])).map((d) => d['level'] as string), ['level1', 'level2']));

  // Labor: workshops not closed before the month (name and unit as last changed), stays in them, the month's sheets.
  const workshops = new Map<string, { name: string; unit: string; closed: string | null }>();
  for (const r of live) {
    const id = r.data['workshopId'] as string;
    if (r.type === 'WorkshopOpened' || r.type === 'WorkshopChanged') workshops.set(id, { name: r.data['name'] as string, unit: r.data['unit'] as string, closed: workshops.get(id)?.closed ?? null });
    if (r.type === 'WorkshopClosed') workshops.get(id)!.closed = r.data['date'] as string;
  }
  const assignments = staysOf('TraineeAssignedToWorkshop', 'TraineeUnassignedFromWorkshop', 'workshopId');
  const sheets = of('LaborRecorded').filter((d) => inMonth(d['date']));
  const round = (x: number) => Math.round(x * 100) / 100;
  const totals = { assigned: 0, days: 0, hours: 0, absences: 0 };
  for (const [id, w] of workshops) {
    if (w.closed !== null && w.closed < from) continue;
    const mine = sheets.filter((d) => d['workshopId'] === id);
    const figures = {
      assigned: assignments.filter((a) => a.owner === id && a.from <= to && (a.until === null || a.until > to) && inCareAtEnd(trainees.get(a.traineeId)!)).length,
      days: mine.filter((d) => d['present']).length,
      hours: mine.reduce((s, d) => s + (d['hours'] as number), 0),
      absences: mine.filter((d) => !d['present']).length,
    };
    out[`labor/laborAssigned/${id}`] = figures.assigned;
    out[`labor/laborDays/${id}`] = figures.days;
    out[`labor/laborHours/${id}`] = round(figures.hours);
    out[`labor/laborOutput/${id}`] = round(mine.reduce((s, d) => s + (d['output'] as number), 0));
    out[`labor/laborAbsences/${id}`] = figures.absences;
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += figures[k];
  }
  put('labor/laborTotals', { ...totals, hours: round(totals.hours) });

  // Reintegration: the month's sessions; due = in care at month end with planned release within N days of it.
  const sessions = of('CounsellingSessionRecorded');
  const monthSessions = sessions.filter((d) => inMonth(d['date']));
  put('reintegration/counsellingByKind', tally(monthSessions.map((d) => d['kind'] as string), ['legal', 'vocational', 'job_referral', 'family', 'other']));
  const within = of('ReintegrationSettingsChanged').reduce((_, d) => d['dueWithinDays'] as number, 90);
  const horizon = new Date(Date.parse(`${to}T00:00:00Z`) + within * 86_400_000).toISOString().slice(0, 10);
  const due = all.filter(([id, t]) => inCareAtEnd(t) && plannedRelease.get(id)! <= horizon);
  const notCounselled = due.filter(([id]) => !sessions.some((d) => d['traineeId'] === id && (d['date'] as string) <= to)).length;
  put('reintegration/reintegration', {
    counselled: new Set(monthSessions.map((d) => d['traineeId'])).size,
    dueAtEnd: due.length,
    dueNotCounselled: notCounselled,
    'dueNotCounselled/of': due.length,
  });
  return out;
}

let inCare: string[] = [];

beforeAll(async () => {
  dataDir = tempDir();
  service = testService(dataDir, () => clock);
  const demo = await service.call('first-run', 'system.demo', { trainees: 40, years: 2, seed: 7 });
  if (!demo.ok) throw new Error(`system.demo failed: ${demo.error.code}`);
  await ok('admin', 'auth.signIn', { username: 'admin', password: DEMO_PASSWORD });
  await ok('duty', 'auth.signIn', { username: 'trucban', password: DEMO_PASSWORD });
  await ok('medical', 'auth.signIn', { username: 'yte', password: DEMO_PASSWORD });
  inCare = (await ok('admin', 'trainees.list', { asOf: '2026-10-31' })).items.map((t) => t.id);

  // October's conduct, recorded during October (the demo has none of its own).
  clock = new Date('2026-10-20T09:00:00+07:00');
  const [a, b, c, d] = inCare as [string, string, string, string];
  await ok('duty', 'conduct.violations.record', { traineeIds: [a, b], typeId: 'fighting', date: '2026-10-18', time: '20:15', place: 'Sân', description: 'Đánh nhau', witnesses: '' });
  const phone = await ok('duty', 'conduct.violations.record', { traineeIds: [c], typeId: 'mobile_phone', date: '2026-10-19', time: '', place: '', description: 'Giấu điện thoại', witnesses: '' });
  const wrong = await ok('duty', 'conduct.violations.record', { traineeIds: [d], typeId: 'alcohol', date: '2026-10-19', time: '', place: '', description: 'Ghi nhầm', witnesses: '' });
  await ok('duty', 'events.void', { seq: wrong.seqs[0]!, reason: 'Ghi nhầm người' });
  await ok('duty', 'conduct.measures.impose', { traineeId: c, violationId: phone.violationIds[0]!, kind: 'warning', start: '2026-10-20', end: null, note: '' });
  await ok('duty', 'duty.recognition.reward', { traineeIds: [a, d], kind: 'gift', reason: 'Lao động tốt', date: '2026-10-15' });
  await ok('duty', 'duty.recognition.rate', { month: '2026-10', ratings: inCare.slice(0, 6).map((traineeId, i) => ({ traineeId, rating: (['good', 'fair', 'fair', 'average', 'poor', 'good'] as const)[i]! })) });
  await ok('duty', 'duty.recognition.rate', { month: '2026-10', ratings: [{ traineeId: a, rating: 'average' }] });
  // Recorded after October ended, about October: the report as of 31/10 must not count it.
  clock = new Date('2026-11-02T09:00:00+07:00');
  await ok('duty', 'conduct.violations.record', { traineeIds: [b], typeId: 'drugs', date: '2026-10-30', time: '', place: '', description: 'Phát hiện muộn', witnesses: '' });
  await ok('duty', 'duty.recognition.reward', { traineeIds: [b], kind: 'commendation', reason: 'Tiến bộ', date: '2026-11-01' });
  clock = new Date('2026-11-20T10:00:00+07:00');
}, 300_000);

afterAll(() => {
  service.close();
  cleanupTempDirs();
});

describe('monthly report', () => {
  it('a past month: every figure equals an independent count of the events recorded before its end', async () => {
    const report = await ok('admin', 'reports.monthly', { month: '2026-10' });
    expect(report).toMatchObject({ month: '2026-10', from: '2026-10-01', to: '2026-10-31' });
    expect(report.facilityName).not.toBe('');
    const expected = independentCount(eventRows(), '2026-10', '2026-10-31', recordedBeforeFor('2026-10-31'));
    expect(figures(report)).toEqual(expected);
    // The count is not vacuous: the month has movements, medical work and conduct.
    expect(expected['census/census/start']).toBeGreaterThan(0);
    // (The demo has conduct of its own: the records added above are checked relative to it.)
    expect(expected['conduct/violationsByType/fighting']).toBeGreaterThanOrEqual(2);
    expect(expected['conduct/measuresByKind/warning']).toBeGreaterThanOrEqual(1);
    // The drugs violation recorded on 02/11 about 30/10 is not in October's report as of its end.
    expect(independentCount(eventRows(), '2026-10', '2026-10-31', null)['conduct/violationsByType/drugs']).toBe(expected['conduct/violationsByType/drugs']! + 1);
    expect(Object.values(expected).reduce<number>((s, v) => s + (v ?? 0), 0)).toBeGreaterThan(50);
    // October has classes with sessions and completions, labor sheets in every open workshop, counselling.
    expect(expected['literacy/literacy/sessions']).toBeGreaterThan(0);
    expect(expected['literacy/literacy/enrolledEnd']).toBeGreaterThan(0);
    expect(expected['literacy/literacy/present']).toBeGreaterThan(0);
    expect(expected['labor/laborTotals/days']).toBeGreaterThan(0);
    expect(expected['labor/laborTotals/absences']).toBeGreaterThan(0);
    expect(Object.keys(expected).filter((k) => k.startsWith('labor/laborHours/')).length).toBeGreaterThan(1);
    expect(expected['reintegration/reintegration/counselled']).toBeGreaterThan(0);
    expect(expected['reintegration/reintegration/dueAtEnd']).toBeGreaterThan(0);
    // The anchor printed in the footer is the last event recorded before the month ended.
    const rows = eventRows().filter((r) => r.recorded_at < recordedBeforeFor('2026-10-31'));
    expect(report.anchor.seq).toBe(Math.max(...rows.map((r) => r.seq)));
  });

  it('every month of the demo equals the independent count (past months as of their end, this month live)', async () => {
    const rows = eventRows();
    for (const month of ['2025-02', '2025-12', '2026-06', '2026-09', '2026-11']) {
      const report = await ok('admin', 'reports.monthly', { month });
      const current = month === '2026-11';
      expect(figures(report), month).toEqual(independentCount(rows, month, report.to, current ? null : recordedBeforeFor(report.to)));
      if (current) expect(report.to).toBe('2026-11-20');
    }
    const now = await ok('admin', 'reports.monthly', { month: '2026-11' });
    expect(now.anchor.seq).toBe(Math.max(...rows.map((r) => r.seq)));
  });

  it('holds counts only: no trainee id, name or file number', async () => {
    const text = JSON.stringify(await ok('admin', 'reports.monthly', { month: '2026-10' }));
    const people = (await ok('admin', 'trainees.list', { status: 'all' })).items;
    expect(people.length).toBeGreaterThan(10);
    expect(people.filter((p) => text.includes(p.id) || text.includes(p.fullName) || text.includes(`"${p.fileNumber}"`)).map((p) => p.fullName)).toEqual([]);
  });

  it('census balances: start + admitted − released = end', async () => {
    const f = figures(await ok('admin', 'reports.monthly', { month: '2026-06' }));
    expect(f['census/census/start']! + f['census/census/admitted']! - f['census/census/released']!).toBe(f['census/census/end']);
  });

  it('a future month and a malformed one are refused with a field message', async () => {
    const future = await service.call('admin', 'reports.monthly', { month: '2026-12' });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'month', code: 'monthInFuture' }] } });
    const bad = await service.call('admin', 'reports.monthly', { month: '10/2026' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'month', code: 'invalidMonth' }] } });
  });

  it('only the administrator gets it', async () => {
    for (const connection of ['duty', 'medical']) {
      expect(await service.call(connection, 'reports.monthly', { month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await service.call('nobody', 'reports.monthly', { month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('printing is written to the access log', () => {
  it('the monthly report (admin only) and a trainee page (any reader), each before it is written out', async () => {
    const before = eventRows().length;
    const printed = await ok('admin', 'reports.recordPrint', { document: 'monthly_report', month: '2026-10' });
    await ok('duty', 'reports.recordPrint', { document: 'trainee_summary', traineeId: inCare[0]! });
    const log = await ok('admin', 'access.list', { kind: 'print' });
    expect(log.items.map((e) => [e.detail, e.trainee?.id ?? null])).toEqual([
      ['trainee_summary', inCare[0]],
      ['monthly_report 2026-10', null],
    ]);
    expect(log.items[1]!.seq).toBe(printed.seq);
    expect(eventRows().length).toBe(before + 2);
  });

  it('the attendance sheet (literacy.read) and the labor sheet (labor.read); other roles, unknown classes and bad dates write nothing', async () => {
    await ok('teacher', 'auth.signIn', { username: 'giaovien', password: DEMO_PASSWORD });
    await ok('instructor', 'auth.signIn', { username: 'huongdan', password: DEMO_PASSWORD });
    const classId = (await ok('teacher', 'classes.list', {}))[0]!.classId;
    const workshopId = (await ok('instructor', 'labor.workshops.list', {}))[0]!.workshopId;
    const before = eventRows().length;
    const attendance = { document: 'attendance_sheet', classId, date: '2026-11-19' } as const;
    const labor = { document: 'labor_sheet', workshopId, date: '2026-11-19' } as const;
    for (const [who, target] of [['instructor', attendance], ['duty', attendance], ['teacher', labor], ['medical', labor]] as const) {
      expect(await service.call(who, 'reports.recordPrint', target)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await service.call('teacher', 'reports.recordPrint', { ...attendance, classId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await service.call('instructor', 'reports.recordPrint', { ...labor, date: '19/11/2026' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(eventRows().length).toBe(before);
    await ok('teacher', 'reports.recordPrint', attendance);
    await ok('instructor', 'reports.recordPrint', labor);
    const log = await ok('admin', 'access.list', { kind: 'print' });
    expect(log.items.slice(0, 2).map((e) => e.detail)).toEqual([`labor_sheet ${workshopId} 2026-11-19`, `attendance_sheet ${classId} 2026-11-19`]);
    expect(eventRows().length).toBe(before + 2);
  });

  it('refusals write nothing: the report by a non-admin, an unknown trainee, a bad document', async () => {
    const before = eventRows().length;
    expect(await service.call('duty', 'reports.recordPrint', { document: 'monthly_report', month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await service.call('admin', 'reports.recordPrint', { document: 'release_summary', traineeId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await service.call('admin', 'reports.recordPrint', { document: 'labels', traineeId: inCare[0] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(eventRows().length).toBe(before);
  });
});
