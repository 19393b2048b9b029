import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKILLS } from '../../shared/training/literacy';
import { HANDLERS, type HandlerName } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { isAllowed, type Role } from '../../shared/roles';
import { cleanupTempDirs, tempDir } from '../support/core';
import { medicalFixture, type MedicalFixture } from '../support/medical';

/**
 * Data minimization (issue 4): medical data reaches the `medical` role only. Recognisable values
 * are recorded through the medical commands; then EVERY query handler is called as each other
 * role, and none of those values may appear anywhere in what comes back (a refusal is fine).
 * A new query handler must add a sample input below, or the first test fails.
 */

/** Made-up markers that can only come from the medical records seeded below. */
const SECRET = {
  screeningNote: 'ZZ-SCREEN-NOTE-hiv-reactive',
  drugArv: 'ZZ-DRUG-TDF-3TC-DTG',
  drugOther: 'ZZ-DRUG-METHADONE',
  strength: 'ZZ-STRENGTH-300',
  dose: 'ZZ-DOSE-ONE-TABLET',
  indication: 'ZZ-INDICATION-HEPATITIS',
  discontinueReason: 'ZZ-DISCONTINUE-REASON',
  roundNote: 'ZZ-ROUND-NOTE-REFUSED',
  detoxNote: 'ZZ-DETOX-NOTE',
  pillNote: 'ZZ-PILL-NOTE',
  counselling: 'ZZ-COUNSELLING-NOTES',
  viralLoad: '987654',
  housingNote: 'ZZ-HOUSING-NOTE',
  housingReason: 'infectious_isolation',
  restrictionReason: 'ZZ-RESTRICTION-REASON',
  hospital: 'ZZ-HOSPITAL-PHOI',
  referralReason: 'ZZ-REFERRAL-REASON',
  voidReason: 'ZZ-VOID-REASON',
  /** Structured results: an HIV test result key and a withdrawal scale id never reach other roles. */
  hivKey: '"hiv"',
  scale: '"cows"',
} as const;

const NON_MEDICAL: readonly Role[] = ['admin', 'duty', 'teacher', 'instructor'];
const PAST = '2026-09-30';

interface Ids {
  hiv: string;
  detox: string;
  /** A room of the housing board, the hiv trainee in bed 1. */
  room: string;
  /** A literacy class with both trainees enrolled (the hiv one at hospital), one session recorded. */
  cls: string;
  /** Where backup.run writes (its answer names files and counts, never content). */
  backupFolder: string;
  /** A labor workshop using blades, the hiv trainee in it. */
  workshop: string;
}

/** Valid inputs for every query handler; several for some (today and "as of" a past date). */
const SAMPLES: Partial<Record<HandlerName, (ids: Ids) => unknown[]>> = {
  'system.status': () => [{}],
  'system.stats': () => [{}, { asOf: PAST }],
  'system.verify': () => [{}],
  'accounts.list': () => [{}],
  'trainees.list': () => [{ status: 'all' }, { status: 'all', asOf: PAST }],
  'trainees.get': ({ hiv, detox }) => [{ traineeId: hiv }, { traineeId: detox }, { traineeId: hiv, asOf: PAST }],
  'trainees.timeline': ({ hiv, detox }) => [{ traineeId: hiv }, { traineeId: detox }, { traineeId: hiv, asOf: PAST }, { traineeId: detox, asOf: PAST }],
  'trainees.restrictions': ({ hiv, detox }) => [{ traineeId: hiv }, { traineeId: detox }, { traineeId: hiv, asOf: PAST }],
  'medical.screening.list': ({ hiv }) => [{ traineeId: hiv }],
  'medical.screening.due': () => [{}],
  'medical.settings.get': () => [{}],
  'medical.detox.scales': () => [{}],
  'medical.detox.episodes': ({ detox }) => [{ traineeId: detox }],
  'medical.detox.dashboard': () => [{}],
  'medical.formulary.list': () => [{}],
  'medical.prescriptions.get': ({ hiv, detox }) => [{ traineeId: hiv }, { traineeId: detox }],
  'medical.round.get': () => [{ date: '2026-10-14', slot: 'morning' }],
  'medical.arv.summary': ({ hiv }) => [{ traineeId: hiv }],
  'medical.arv.dashboard': () => [{}],
  'medical.flags.forTrainee': ({ hiv }) => [{ traineeId: hiv }],
  'medical.flags.dashboard': () => [{}],
  'medical.openRecord': ({ hiv }) => [{ traineeId: hiv }],
  'access.list': () => [{}],
  // The check answers row issues only (codes and row numbers), whatever the roster holds.
  'trainees.importCheck': () => [{ rows: [{ row: 2, values: { fileNumber: 'HS-2026-0001', fullName: 'Nguyễn Văn Bình' } }] }],
  'duty.keepApart.list': () => [{}, { includeEnded: true, asOf: PAST }],
  'duty.headcount.sheet': () => [{}, { asOf: PAST }],
  'duty.headcount.mismatches': () => [{}],
  'housing.layout': () => [{}],
  'housing.board': () => [{}],
  'housing.check': ({ detox, room }) => [{ traineeId: detox, roomId: room, bed: 2 }],
  'duty.recognition.sheet': () => [{ month: '2026-10' }, { month: '2026-10', asOf: PAST }],
  'duty.recognition.eligibility': () => [{ month: '2026-10' }, { month: '2026-09', asOf: PAST }],
  'duty.recognition.rules': () => [{}],
  'conduct.types.list': () => [{}, { asOf: PAST }],
  'classes.teachers': () => [{}],
  'classes.list': () => [{}, { includeClosed: true }, { asOf: PAST }],
  'classes.get': ({ cls }) => [{ classId: cls }],
  'classes.sheet': ({ cls }) => [{ classId: cls, date: '2026-10-14' }, { classId: cls, date: '2026-10-13' }],
  'literacy.progress': ({ cls }) => [{ classId: cls }],
  'literacy.certificate': ({ hiv }) => [{ traineeId: hiv, level: 'level1' }],
  'conduct.overview': () => [{}, { status: 'all' }, { status: 'all', asOf: PAST }],
  'conduct.forTrainee': ({ hiv, detox }) => [{ traineeId: hiv }, { traineeId: detox, asOf: PAST }],
  // The days the seed records medical work and the duty officer's bed assignment (15/10/2026).
  'dutyLog.day': () => [{ date: '2026-09-20' }, { date: '2026-10-15' }],
  'dutyLog.handover': () => [{}],
  'labor.workshops.list': () => [{}, { includeClosed: true, asOf: PAST }],
  // The workshop opens on 15/10/2026, after PAST: it is only asked about today.
  'labor.workshop': ({ workshop }) => [{ workshopId: workshop }],
  'labor.candidates': () => [{}, { asOf: PAST }],
  'labor.instructors': () => [{}],
  'labor.sheet': ({ workshop }) => [{ workshopId: workshop, date: '2026-10-14' }],
  'labor.totals': ({ workshop }) => [{ workshopId: workshop, from: '2026-09-01', to: '2026-10-31' }],
  // The monthly report holds medical figures in aggregate only: none of the values above.
  'reports.monthly': () => [{ month: '2026-10' }, { month: '2026-09' }],
  'reports.recordPrint': ({ hiv }) => [{ document: 'trainee_summary', traineeId: hiv }, { document: 'release_summary', traineeId: hiv }],
  'backup.status': () => [{}],
  'backup.run': ({ backupFolder }) => [{ folder: backupFolder, passphrase: 'cụm mật khẩu sao lưu' }],
  'reintegration.due': () => [{}, { asOf: PAST }],
  'reintegration.forTrainee': ({ hiv, detox }) => [{ traineeId: hiv }, { traineeId: detox, asOf: PAST }],
  'reintegration.settings': () => [{}],
};

const QUERIES = (Object.keys(HANDLERS) as HandlerName[]).filter((n) => HANDLERS[n].kind === 'query');

let f: MedicalFixture;
let ids: Ids;
/** The core's clock, moved by the seed so "as of" 30/09/2026 holds part of the records. */
let clock = new Date(2026, 8, 1, 10, 0, 0);

/** Records one of everything the medical slices know, with the markers above in every free-text field. */
async function seed(): Promise<void> {
  const [hiv, detox] = f.traineeIds as [string, string];
  ids = { hiv, detox, room: '', cls: '', backupFolder: tempDir(), workshop: '' };
  clock = new Date(2026, 8, 20, 10, 0, 0);
  await f.ok('medical', 'medical.screening.record', {
    traineeId: hiv,
    date: '2026-09-02',
    results: { hiv: 'positive', hbv: 'negative', tb: { cough2Weeks: true, fever: false, weightLoss: false, nightSweats: false, tbContact: false } },
    note: SECRET.screeningNote,
  });
  const arvItem = await f.ok('medical', 'medical.formulary.add', { name: SECRET.drugArv, form: 'tablet', strength: SECRET.strength, arv: true });
  const otherItem = await f.ok('medical', 'medical.formulary.add', { name: SECRET.drugOther, form: 'syrup', strength: '10 mg/mL', arv: false });
  await f.ok('medical', 'medical.arv.start', { traineeId: hiv, date: '2026-09-10', itemId: arvItem.itemId, dose: SECRET.dose, slots: ['morning'] });
  await seedFlags(hiv);

  clock = new Date(2026, 9, 15, 10, 0, 0);
  await f.ok('medical', 'medical.arv.recordPillCount', { traineeId: hiv, date: '2026-10-10', expected: 30, counted: 27, note: SECRET.pillNote });
  await f.ok('medical', 'medical.arv.recordCounselling', { traineeId: hiv, date: '2026-10-11', session: 1, notes: SECRET.counselling });
  const lab = await f.ok('medical', 'medical.arv.requestLab', { traineeId: hiv, test: 'viral_load', requestedDate: '2026-10-01' });
  await f.ok('medical', 'medical.arv.recordLabResult', { traineeId: hiv, labId: lab.labId, receivedDate: '2026-10-05', value: Number(SECRET.viralLoad), undetectable: false });

  const episode = await f.ok('medical', 'medical.detox.start', { traineeId: detox, substance: 'heroin', scaleId: 'cows', startedAt: '2026-09-02T01:00:00.000Z' });
  await f.ok('medical', 'medical.detox.assess', { traineeId: detox, episodeId: episode.episodeId, assessedAt: '2026-09-02T09:00:00.000Z', answers: { pulse: 2, sweating: 1 } });
  await f.ok('medical', 'medical.detox.close', { traineeId: detox, episodeId: episode.episodeId, closedAt: '2026-09-09T01:00:00.000Z', outcome: 'completed', note: SECRET.detoxNote });
  const rx = await f.ok('medical', 'medical.prescriptions.write', {
    traineeId: detox,
    itemId: otherItem.itemId,
    dose: SECRET.dose,
    slots: ['morning', 'evening'],
    startDate: '2026-09-02',
    endDate: null,
    indication: SECRET.indication,
  });
  await f.ok('medical', 'medical.round.record', { date: '2026-10-14', slot: 'morning', doses: [{ prescriptionId: rx.prescriptionId, status: 'refused', note: SECRET.roundNote }] });
  await f.ok('medical', 'medical.prescriptions.discontinue', { traineeId: detox, prescriptionId: rx.prescriptionId, date: '2026-10-15', reason: SECRET.discontinueReason });
  await f.ok('medical', 'medical.flags.refer', { traineeId: hiv, date: '2026-10-12', hospital: SECRET.hospital, reason: SECRET.referralReason });
  // The housing board: the flagged trainee in a shared room, so housing.check warns about them.
  const { dormId } = await f.ok('admin', 'housing.addDorm', { name: 'Khu A' });
  ids.room = (await f.ok('admin', 'housing.addRoom', { dormId, name: 'A1', capacity: 4, separateHousing: false })).roomId;
  await f.ok('duty', 'housing.assign', { traineeId: hiv, roomId: ids.room, bed: 1, date: '2026-10-13', override: null });
  await seedClass(hiv, detox);
  await seedLabor(hiv, detox);
}

/** A blade workshop with the hiv trainee on it and a day's sheet; the detox trainee may not use sharp tools. */
async function seedLabor(hiv: string, detox: string): Promise<void> {
  await f.ok('medical', 'medical.flags.setRestriction', { traineeId: detox, restriction: 'no_sharp_tools', reason: SECRET.restrictionReason, since: '2026-10-01', until: null });
  const [instructor] = await f.ok('instructor', 'labor.instructors', {});
  const input = { name: 'Xưởng dệt chiếu', product: 'Chiếu cói', unit: 'chiếc chiếu', usesBlades: true, instructorId: instructor!.userId };
  ids.workshop = (await f.ok('instructor', 'labor.workshops.open', input)).workshopId;
  await f.ok('instructor', 'labor.assign', { workshopId: ids.workshop, traineeId: hiv, date: '2026-10-13' });
  await f.ok('instructor', 'labor.sheet.record', {
    workshopId: ids.workshop,
    date: '2026-10-14',
    rows: [{ traineeId: hiv, present: true, hours: 5, output: 2, quality: 'Chiếu dệt đều', absence: null, absenceNote: '' }],
  });
}

/** A class the teacher keeps: the trainee at hospital appears (absent, at hospital), never why. */
async function seedClass(hiv: string, detox: string): Promise<void> {
  const [teacher] = await f.ok('teacher', 'classes.teachers', {});
  const c = await f.ok('teacher', 'classes.open', { name: 'Lớp A1', teacherId: teacher!.userId, phase: 'phase1', weekdays: [1, 3, 5], startTime: '08:00', endTime: '10:00', room: 'Phòng 1', date: '2026-09-21' });
  ids.cls = c.classId;
  await f.ok('teacher', 'classes.enrol', { classId: c.classId, traineeIds: [hiv, detox], date: '2026-09-21' });
  await f.ok('teacher', 'classes.attendance.record', {
    classId: c.classId,
    date: '2026-10-14',
    rows: [
      { traineeId: hiv, present: false, reason: 'at_hospital', note: '' },
      { traineeId: detox, present: true, reason: null, note: '' },
    ],
  });
  // Skill observations and a completion: the matrix and the certificate name the trainee, never why they were away.
  const skills = SKILLS.map((skill) => ({ skill, level: 'phase1' as const }));
  await f.ok('teacher', 'literacy.observe', { classId: c.classId, date: '2026-10-14', rows: [hiv, detox].map((traineeId) => ({ traineeId, skills })) });
  await f.ok('teacher', 'literacy.complete', { traineeId: hiv, classId: c.classId, level: 'level1', date: '2026-10-15' });
}

async function seedFlags(hiv: string): Promise<void> {
  await f.ok('medical', 'medical.flags.setHousing', { traineeId: hiv, reason: SECRET.housingReason, note: SECRET.housingNote, since: '2026-09-03', reviewDate: '2026-11-03' });
  // A restriction recorded by mistake and voided: others see that it was taken back, never why.
  const wrong = await f.ok('medical', 'medical.flags.setRestriction', { traineeId: hiv, restriction: 'no_work', reason: SECRET.restrictionReason, since: '2026-09-03', until: null });
  await f.ok('medical', 'events.void', { seq: wrong.seq, reason: SECRET.voidReason });
  await f.ok('medical', 'medical.flags.setRestriction', { traineeId: hiv, restriction: 'no_heavy_labor', reason: SECRET.restrictionReason, since: '2026-09-03', until: null });
}

beforeAll(async () => {
  f = await medicalFixture(2, () => clock);
  await seed();
}, 60_000);

afterAll(() => {
  f.service.close();
  cleanupTempDirs();
});

/** Every call of every query with every sample, as `role`. */
async function callAll(role: Role): Promise<{ name: HandlerName; input: unknown; result: Result<unknown> }[]> {
  const out = [];
  for (const name of QUERIES) {
    for (const input of SAMPLES[name]?.(ids) ?? []) out.push({ name, input, result: await f.service.call(role, name, input) });
  }
  return out;
}

const leaks = (text: string) => Object.entries(SECRET).filter(([, s]) => text.includes(s)).map(([k]) => k);

describe('data minimization', () => {
  it('has a sample input for every query handler', () => {
    expect(QUERIES.filter((n) => !SAMPLES[n])).toEqual([]);
    expect(Object.keys(SAMPLES).filter((n) => !QUERIES.includes(n as HandlerName))).toEqual([]);
  });

  it('the samples are valid, and medical officers do get every seeded value back (the check can fail)', async () => {
    const calls = await callAll('medical');
    const refused = calls.filter((c) => !c.result.ok && c.result.error.code !== 'FORBIDDEN');
    expect(refused.map((c) => `${c.name} ${JSON.stringify(c.result)}`)).toEqual([]);
    const seen = new Set(calls.flatMap((c) => leaks(JSON.stringify(c.result))));
    expect(Object.keys(SECRET).filter((k) => !seen.has(k))).toEqual([]);
  });

  it.each(NON_MEDICAL)('%s: no query answers any medical value; the queries the role may call do answer', async (role) => {
    const calls = await callAll(role);
    const found = calls.flatMap((c) => leaks(JSON.stringify(c.result)).map((k) => `${c.name} ${JSON.stringify(c.input)}: ${k}`));
    expect(found).toEqual([]);
    // Allowed queries must really answer, or the check above would prove nothing for them.
    const failed = calls.filter((c) => isAllowed(HANDLERS[c.name].permission, [role]) && !c.result.ok);
    expect(failed.map((c) => `${c.name} ${JSON.stringify(c.input)} ${JSON.stringify(c.result)}`)).toEqual([]);
    // Medical queries are refused outright, not answered with less.
    const medical = calls.filter((c) => HANDLERS[c.name].permission === 'medical.read');
    expect(medical.every((c) => !c.result.ok && c.result.error.code === 'FORBIDDEN')).toBe(true);
  });

  it('a duty officer sees the separate-housing flag in the timeline and the restrictions, without why', async () => {
    const timeline = await f.ok('duty', 'trainees.timeline', { traineeId: ids.hiv });
    const flag = timeline.find((e) => e.type === 'HousingFlagSet');
    expect(flag).toBeDefined();
    expect(Object.keys(flag!.data).sort()).toEqual(['flagId', 'reviewDate', 'since']);
    expect(flag!.meta.reason).toBeUndefined();
    // The voided restriction shows as taken back, with the void's reason removed.
    const voided = timeline.filter((e) => e.type === 'WorkRestrictionSet' && e.voided);
    expect(voided).toHaveLength(1);
    expect(voided[0]!.voided!.reason).toBe('');
    // Nothing of the screening, ART, labs or referral hospital is there.
    expect(timeline.map((e) => e.type).filter((t) => /Screening|Art|Lab|Pill|Counselling|Prescription|Dose/.test(t))).toEqual([]);

    const restrictions = await f.ok('duty', 'trainees.restrictions', { traineeId: ids.hiv });
    expect(restrictions).toMatchObject({ separateHousing: { since: '2026-09-03' }, workRestrictions: [{ restriction: 'no_heavy_labor' }], atHospitalSince: '2026-10-12' });
  });

  it('an instructor refused a blade workshop for a restricted trainee learns the fact, never why', async () => {
    const r = await f.as('instructor', 'labor.assign', { workshopId: ids.workshop, traineeId: ids.detox, date: '2026-10-15' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe('This trainee may not do work with sharp tools.');
    expect(!r.ok && r.error.issues).toEqual([{ path: 'traineeId', code: 'noSharpTools' }]);
    expect(leaks(JSON.stringify(r))).toEqual([]);
    const candidates = await f.ok('instructor', 'labor.candidates', {});
    expect(candidates.find((c) => c.traineeId === ids.detox)).toMatchObject({ noSharpTools: true });
    expect(leaks(JSON.stringify(candidates))).toEqual([]);
  });

  it('the medical officer sees the same flag with its reason', async () => {
    const timeline = await f.ok('medical', 'trainees.timeline', { traineeId: ids.hiv });
    expect(timeline.find((e) => e.type === 'HousingFlagSet')!.data).toMatchObject({ reason: SECRET.housingReason, note: SECRET.housingNote });
  });
});
