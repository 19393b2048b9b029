import { afterEach, describe, expect, it } from 'vitest';
import { streams } from '../../../shared/events';
import { DEFAULT_MEDICAL_SETTINGS } from '../../../shared/medical/common';
import type { DoseSlot, DoseStatus } from '../../../shared/medical/prescriptions';
import type { Role } from '../../../shared/roles';
import { arvDashboard, DASHBOARD_SQL } from '../../../electron/core/medical/arv/queries';
import { appendAdmissions, cleanupTempDirs, openStore, projectionSnapshot, tempDir } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** The core's clock: 30/10/2026 at noon (local time), after the morning slot, before the evening one. */
const now = () => new Date(2026, 9, 30, 12, 0, 0);

async function withRegimens(trainees = 3) {
  const f = await medicalFixture(trainees, now);
  const add = (name: string, strength: string, arv: boolean) => f.ok('medical', 'medical.formulary.add', { name, form: 'tablet', strength, arv });
  const tld = (await add('TDF/3TC/DTG', '300/300/50 mg', true)).itemId;
  const tle = (await add('TDF/3TC/EFV', '300/300/400 mg', true)).itemId;
  const paracetamol = (await add('Paracetamol', '500 mg', false)).itemId;
  const old = (await add('AZT/3TC/NVP', '300/150/200 mg', true)).itemId;
  await f.ok('medical', 'medical.formulary.change', { itemId: old, name: 'AZT/3TC/NVP', form: 'tablet', strength: '300/150/200 mg', arv: true, active: false });
  return { ...f, tld, tle, paracetamol, old };
}

async function round(f: MedicalFixture, date: string, slot: DoseSlot, doses: [string, DoseStatus][]) {
  await f.ok('medical', 'medical.round.record', { date, slot, doses: doses.map(([prescriptionId, status]) => ({ prescriptionId, status, note: '' })) });
}

function refused(r: { ok: boolean; error?: { code: string; issues?: { path: string; code: string }[] } }) {
  if (r.ok) throw new Error('expected a refusal');
  return { code: r.error!.code, issues: (r.error!.issues ?? []).map((i) => `${i.path}:${i.code}`) };
}

describe('ARV care through the service', () => {
  it('starting ART writes ArtStarted and the regimen prescription in one append: the round lists the ARV dose', async () => {
    const f = await withRegimens();
    const [t] = f.traineeIds;
    const before = f.events();
    const { prescriptionId } = await f.ok('medical', 'medical.arv.start', { traineeId: t!, date: '2026-10-20', itemId: f.tld, dose: '1 viên', slots: ['morning'] });
    expect(f.events()).toBe(before + 2);
    const morning = await f.ok('medical', 'medical.round.get', { date: '2026-10-30', slot: 'morning' });
    expect(morning.rows).toEqual([expect.objectContaining({ prescriptionId, traineeId: t, itemName: 'TDF/3TC/DTG', arv: true, dose: '1 viên' })]);
    f.service.close();
    const store = openStore(f.dataDir);
    const written = store.readStream(streams.medical(t!));
    expect(written.map((e) => e.type)).toEqual(['ArtStarted', 'PrescriptionWritten']);
    expect(written[1]!.seq).toBe(written[0]!.seq + 1);
    expect(written[1]!.recordedAt).toBe(written[0]!.recordedAt);
    store.close();
  });

  it('refuses a second start, a non-ARV or inactive item, a future date or one before admission, bad input — writing nothing', async () => {
    const f = await withRegimens();
    const [t] = f.traineeIds;
    const start = { traineeId: t!, date: '2026-10-01', itemId: f.tld, dose: '1 viên', slots: ['morning' as const] };
    await f.ok('medical', 'medical.arv.start', start);
    const before = f.events();
    expect(refused(await f.as('medical', 'medical.arv.start', start))).toEqual({ code: 'ALREADY_ON_ART', issues: [] });
    const other = f.traineeIds[1]!;
    expect(refused(await f.as('medical', 'medical.arv.start', { ...start, traineeId: other, itemId: f.paracetamol }))).toEqual({ code: 'VALIDATION', issues: ['itemId:notArvRegimen'] });
    expect(refused(await f.as('medical', 'medical.arv.start', { ...start, traineeId: other, itemId: f.old })).issues).toEqual(['itemId:notArvRegimen']);
    expect(refused(await f.as('medical', 'medical.arv.start', { ...start, traineeId: other, date: '2026-10-31' })).issues).toEqual(['date:dateInFuture']);
    expect(refused(await f.as('medical', 'medical.arv.start', { ...start, traineeId: other, date: '2026-08-31' })).issues).toEqual(['date:beforeAdmission']);
    const bad = refused(await f.as('medical', 'medical.arv.start', { ...start, traineeId: other, date: '31/10/2026', dose: ' ', slots: [] }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues).toEqual(expect.arrayContaining(['date:invalidDate', 'dose:required']));
    expect(refused(await f.as('medical', 'medical.arv.changeRegimen', { ...start, traineeId: other, itemId: f.tle, reasonCode: 'toxicity', reasonText: '' })).code).toBe('NOT_ON_ART');
    expect(refused(await f.as('medical', 'medical.arv.changeRegimen', { ...start, itemId: f.tle, reasonCode: 'other', reasonText: '' })).issues).toEqual(['reasonText:required']);
    expect(refused(await f.as('medical', 'medical.arv.changeRegimen', { ...start, itemId: f.tld, reasonCode: 'toxicity', reasonText: '' })).issues).toEqual(['itemId:sameRegimen']);
    expect(refused(await f.as('medical', 'medical.arv.changeRegimen', { ...start, date: '2026-09-30', itemId: f.tle, reasonCode: 'toxicity', reasonText: '' })).issues).toEqual(['date:beforeRegimenStart']);
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('only medical officers may read or write ARV care; the others are refused and nothing is written', async () => {
    const f = await withRegimens();
    const [t] = f.traineeIds;
    const before = f.events();
    for (const role of ['admin', 'duty', 'teacher', 'instructor'] as Role[]) {
      expect(refused(await f.as(role, 'medical.arv.start', { traineeId: t!, date: '2026-10-01', itemId: f.tld, dose: '1 viên', slots: ['morning'] })).code).toBe('FORBIDDEN');
      expect(refused(await f.as(role, 'medical.arv.requestLab', { traineeId: t!, test: 'viral_load', requestedDate: '2026-10-01' })).code).toBe('FORBIDDEN');
      expect(refused(await f.as(role, 'medical.arv.summary', { traineeId: t! })).code).toBe('FORBIDDEN');
      expect(refused(await f.as(role, 'medical.arv.dashboard', {})).code).toBe('FORBIDDEN');
    }
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('a regimen change writes ArtRegimenChanged, PrescriptionDiscontinued and PrescriptionWritten in one transaction; adherence spans both regimens', async () => {
    const f = await withRegimens();
    const [t] = f.traineeIds;
    const a = (await f.ok('medical', 'medical.arv.start', { traineeId: t!, date: '2026-10-20', itemId: f.tld, dose: '1 viên', slots: ['morning'] })).prescriptionId;
    // Regimen A, mornings 20–24/10: given, refused, held, given, nothing recorded.
    await round(f, '2026-10-20', 'morning', [[a, 'given']]);
    await round(f, '2026-10-21', 'morning', [[a, 'refused']]);
    await round(f, '2026-10-22', 'morning', [[a, 'held']]);
    await round(f, '2026-10-23', 'morning', [[a, 'given']]);

    const before = f.events();
    const changed = await f.ok('medical', 'medical.arv.changeRegimen', {
      traineeId: t!,
      date: '2026-10-25',
      itemId: f.tle,
      dose: '1 viên',
      slots: ['evening', 'morning'],
      reasonCode: 'toxicity',
      reasonText: 'Phát ban, buồn nôn',
    });
    expect(f.events()).toBe(before + 3);
    const b = changed.prescriptionId;
    // Regimen B from 25/10, mornings 25–30 (today's has ended at noon) and evenings 25–29.
    for (const d of [25, 26, 27, 28, 29, 30]) await round(f, `2026-10-${d}`, 'morning', [[b, d === 27 ? 'missed' : 'given']]);
    for (const d of [25, 26, 28, 29]) await round(f, `2026-10-${d}`, 'evening', [[b, d === 29 ? 'held' : 'given']]);

    const summary = await f.ok('medical', 'medical.arv.summary', { traineeId: t! });
    // Due: A 5 − 1 held = 4 (missed: refused 21, unrecorded 24); B mornings 6 (missed 27); B evenings 5 − 1 held = 4 (unrecorded 27).
    // 14 due, 4 missed: 10 / 14 = 71.4 % → 71.
    expect(summary.adherence).toEqual({ from: '2026-10-01', to: '2026-10-30', due: 14, missed: 4, held: 2, percent: 71 });
    expect(summary.current).toMatchObject({ itemId: f.tle, name: 'TDF/3TC/EFV', prescriptionId: b, slots: ['morning', 'evening'], since: '2026-10-25' });
    expect(summary.regimens).toEqual([
      expect.objectContaining({ kind: 'start', date: '2026-10-20', stopped: null, started: expect.objectContaining({ name: 'TDF/3TC/DTG' }), reasonCode: null }),
      expect.objectContaining({ kind: 'change', date: '2026-10-25', stopped: expect.objectContaining({ name: 'TDF/3TC/DTG' }), started: expect.objectContaining({ name: 'TDF/3TC/EFV' }), reasonCode: 'toxicity', reasonText: 'Phát ban, buồn nôn' }),
    ]);
    const rx = await f.ok('medical', 'medical.prescriptions.get', { traineeId: t! });
    expect(JSON.stringify(rx)).toContain(b);

    f.service.close();
    const store = openStore(f.dataDir);
    const events = store.readStream(streams.medical(t!)).filter((e) => e.seq > before);
    const three = events.slice(0, 3);
    expect(three.map((e) => e.type)).toEqual(['ArtRegimenChanged', 'PrescriptionDiscontinued', 'PrescriptionWritten']);
    expect(new Set(three.map((e) => e.recordedAt)).size).toBe(1);
    expect(three.map((e) => e.seq)).toEqual([three[0]!.seq, three[0]!.seq + 1, three[0]!.seq + 2]);
    expect(three[1]!.data).toMatchObject({ prescriptionId: a, date: '2026-10-25' });
    expect(store.db.prepare('SELECT status, stopped_date FROM prescriptions WHERE id = ?').get(a)).toEqual({ status: 'discontinued', stopped_date: '2026-10-25' });
    store.close();
  });

  it('labs, pill counts and counselling: results checked against their request; the dashboard flags viral load and counselling', async () => {
    const f = await withRegimens();
    const [t1, t2, t3] = f.traineeIds as [string, string, string];
    await f.ok('medical', 'medical.settings.set', { ...DEFAULT_MEDICAL_SETTINGS, viralLoadIntervalDays: 30 });
    await f.ok('medical', 'medical.arv.start', { traineeId: t1, date: '2026-10-20', itemId: f.tld, dose: '1 viên', slots: ['morning'] });
    await f.ok('medical', 'medical.arv.start', { traineeId: t2, date: '2026-09-10', itemId: f.tle, dose: '1 viên', slots: ['night'] });
    const { labId } = await f.ok('medical', 'medical.arv.requestLab', { traineeId: t2, test: 'viral_load', requestedDate: '2026-09-20' });

    const before = f.events();
    const result = { traineeId: t2, labId, receivedDate: '2026-09-28', value: 5000, undetectable: false };
    expect(refused(await f.as('medical', 'medical.arv.recordLabResult', { ...result, receivedDate: '2026-09-19' })).issues).toEqual(['receivedDate:resultBeforeRequest']);
    expect(refused(await f.as('medical', 'medical.arv.recordLabResult', { ...result, receivedDate: '2026-10-31' })).issues).toEqual(['receivedDate:dateInFuture']);
    expect(refused(await f.as('medical', 'medical.arv.recordLabResult', { ...result, traineeId: t1 })).code).toBe('NOT_FOUND');
    expect(refused(await f.as('medical', 'medical.arv.recordLabResult', { ...result, value: -1 })).issues).toEqual(['value:outOfRange']);
    expect(refused(await f.as('medical', 'medical.arv.recordPillCount', { traineeId: t2, date: '2026-10-01', expected: 0, counted: 0, note: '' })).issues).toEqual(['expected:outOfRange']);
    expect(f.events()).toBe(before);
    await f.ok('medical', 'medical.arv.recordLabResult', result);
    expect(refused(await f.as('medical', 'medical.arv.recordLabResult', result)).issues).toEqual(['labId:resultAlreadyRecorded']);

    // t2: last viral load 5 000 copies/mL (high), sampled 20/09: due 20/10, overdue; no counselling since.
    // t1: started 20/10, due 19/11; no dose recorded, so adherence 0 %. t3 is not on ART.
    let dash = await f.ok('medical', 'medical.arv.dashboard', {});
    expect(dash.onArt).toBe(2);
    const row = (id: string) => dash.rows.find((r) => r.traineeId === id);
    expect(row(t2)).toMatchObject({ highViralLoad: { value: 5000, receivedDate: '2026-09-28' }, counsellingDue: true, viralLoadDue: '2026-10-20', viralLoadOverdue: true, viralLoadPending: false });
    expect(row(t1)).toMatchObject({ lowAdherence: true, adherence: { due: 11, missed: 11, percent: 0 }, viralLoadDue: '2026-11-19', viralLoadOverdue: false, highViralLoad: null, counsellingDue: false });
    expect(row(t3)).toBeUndefined();

    await f.ok('medical', 'medical.arv.recordCounselling', { traineeId: t2, date: '2026-10-01', session: 1, notes: 'Tư vấn tuân thủ lần 1' });
    await f.ok('medical', 'medical.arv.requestLab', { traineeId: t2, test: 'viral_load', requestedDate: '2026-10-28' });
    await f.ok('medical', 'medical.arv.recordPillCount', { traineeId: t2, date: '2026-10-29', expected: 30, counted: 27, note: '' });
    dash = await f.ok('medical', 'medical.arv.dashboard', {});
    expect(row(t2)).toMatchObject({ counsellingDue: false, viralLoadPending: true, viralLoadOverdue: false, viralLoadDue: '2026-11-27' });

    const summary = await f.ok('medical', 'medical.arv.summary', { traineeId: t2 });
    expect(summary.labs.map((l) => [l.test, l.requestedDate, l.receivedDate, l.value, l.high])).toEqual([
      ['viral_load', '2026-10-28', null, null, false],
      ['viral_load', '2026-09-20', '2026-09-28', 5000, true],
    ]);
    expect(summary.pillCounts).toEqual([expect.objectContaining({ expected: 30, counted: 27, percent: 90 })]);
    expect(summary.nextSession).toBe(2);
    expect(summary.regimenOptions.map((r) => r.name)).toEqual(['TDF/3TC/DTG', 'TDF/3TC/EFV']);
    f.service.close();
  });

  it('non-medical viewers see nothing of ARV care in the timeline; medical officers see it all', async () => {
    const f = await withRegimens();
    const [t] = f.traineeIds;
    await f.ok('medical', 'medical.arv.start', { traineeId: t!, date: '2026-10-20', itemId: f.tld, dose: '1 viên', slots: ['morning'] });
    const { labId } = await f.ok('medical', 'medical.arv.requestLab', { traineeId: t!, test: 'cd4', requestedDate: '2026-10-21' });
    await f.ok('medical', 'medical.arv.recordLabResult', { traineeId: t!, labId, receivedDate: '2026-10-22', value: 350, undetectable: false });
    const medical = await f.ok('medical', 'trainees.timeline', { traineeId: t! });
    expect(medical.map((e) => e.type)).toEqual(expect.arrayContaining(['ArtStarted', 'PrescriptionWritten', 'LabRequested', 'LabResultReceived']));
    for (const role of ['admin', 'duty', 'teacher', 'instructor'] as Role[]) {
      const seen = await f.ok(role, 'trainees.timeline', { traineeId: t! });
      expect(seen.map((e) => e.type)).toEqual(['TraineeAdmitted']);
      expect(JSON.stringify(seen)).not.toMatch(/TDF|ARV|cd4|viral/i);
    }
    f.service.close();
  });

  it('inline tables equal a rebuild from the log, voids included', async () => {
    const f = await withRegimens();
    const [t1, t2] = f.traineeIds as [string, string];
    await f.ok('medical', 'medical.arv.start', { traineeId: t1, date: '2026-10-20', itemId: f.tld, dose: '1 viên', slots: ['morning'] });
    await f.ok('medical', 'medical.arv.changeRegimen', { traineeId: t1, date: '2026-10-25', itemId: f.tle, dose: '1 viên', slots: ['night'], reasonCode: 'stock_out', reasonText: '' });
    await f.ok('medical', 'medical.arv.start', { traineeId: t2, date: '2026-09-10', itemId: f.tle, dose: '1 viên', slots: ['night'] });
    const { labId } = await f.ok('medical', 'medical.arv.requestLab', { traineeId: t2, test: 'viral_load', requestedDate: '2026-09-20' });
    await f.ok('medical', 'medical.arv.recordLabResult', { traineeId: t2, labId, receivedDate: '2026-09-28', value: 40, undetectable: true });
    const kept = await f.ok('medical', 'medical.arv.requestLab', { traineeId: t2, test: 'cd4', requestedDate: '2026-10-02' });
    await f.ok('medical', 'medical.arv.recordLabResult', { traineeId: t2, labId: kept.labId, receivedDate: '2026-10-03', value: 420, undetectable: false });
    const count = await f.ok('medical', 'medical.arv.recordPillCount', { traineeId: t2, date: '2026-10-29', expected: 30, counted: 30, note: 'Đủ' });
    await f.ok('medical', 'medical.arv.recordCounselling', { traineeId: t2, date: '2026-10-01', session: 1, notes: '' });
    // Voids: a pill count entered twice, and the viral load request (its result goes with it).
    const requestSeq = (await f.ok('medical', 'medical.arv.summary', { traineeId: t2 })).labs.find((l) => l.labId === labId)!.seq;
    await f.ok('medical', 'events.void', { seq: count.seq, reason: 'Nhập trùng' });
    await f.ok('medical', 'events.void', { seq: requestSeq, reason: 'Nhầm học viên' });
    const summary = await f.ok('medical', 'medical.arv.summary', { traineeId: t2 });
    expect(summary.pillCounts).toEqual([]);
    expect(summary.labs.map((l) => l.labId)).toEqual([kept.labId]);
    expect(summary.current?.name).toBe('TDF/3TC/EFV');
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['arv_regimens']).toHaveLength(3);
    expect(inline['arv_patients']).toHaveLength(2);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });

  it('the dashboard at 500 trainees (100 on ART, 3 000 doses): indexed queries, never a scan of prescriptions or doses', () => {
    const store = openStore(tempDir());
    const ids = appendAdmissions(store, 500);
    const itemId = '20000000-0000-4000-8000-000000000001';
    store.append(streams.formulary, 'no_stream', [{ type: 'FormularyItemAdded', data: { itemId, name: 'TDF/3TC/DTG', form: 'tablet', strength: '300/300/50 mg', arv: true } }], { actor: null });
    const onArt = ids.filter((_, i) => i % 5 === 0);
    store.appendBatch(
      onArt.map((traineeId, k) => {
        const prescriptionId = `30000000-0000-4000-8000-${String(k + 1).padStart(12, '0')}`;
        // Every other one missed 3 of the 30 mornings of October (nothing recorded): 27/30 = 90 %.
        const days = Array.from({ length: 30 }, (_, d) => `2026-10-${String(d + 1).padStart(2, '0')}`).filter((_, d) => k % 2 === 1 || d >= 3);
        return {
          stream: streams.medical(traineeId),
          expected: 'no_stream' as const,
          events: [
            { type: 'ArtStarted' as const, data: { traineeId, date: '2026-09-20', itemId, prescriptionId } },
            { type: 'PrescriptionWritten' as const, data: { traineeId, prescriptionId, itemId, dose: '1 viên', slots: ['morning' as const], startDate: '2026-09-20', endDate: null, indication: 'ARV' } },
            ...days.map((date) => ({ type: 'DoseRecorded' as const, data: { traineeId, prescriptionId, date, slot: 'morning' as const, status: 'given' as const, note: '' } })),
          ],
        };
      }),
      { actor: null },
    );
    for (const sql of Object.values(DASHBOARD_SQL)) {
      const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ today: '2026-10-30', from: '2026-10-01' }) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan).not.toMatch(/SCAN (p|d|prescriptions|dose_records)\b/);
    }
    expect(DASHBOARD_SQL.doses).toContain('dose_records');
    const dash = arvDashboard(store.db, { today: '2026-10-30', time: '12:00' }, DEFAULT_MEDICAL_SETTINGS);
    expect(dash.onArt).toBe(100);
    expect(dash.rows).toHaveLength(50);
    expect(dash.rows.every((r) => r.lowAdherence && r.adherence.due === 30 && r.adherence.missed === 3 && r.adherence.percent === 90)).toBe(true);
    store.close();
  });
});
