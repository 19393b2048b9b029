import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerInput } from '../../../shared/api';
import type { EventStore } from '../../../electron/core/store/eventStore';
import { cleanupTempDirs, openStore } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** Local 09:00 of the given day (the morning slot is open until 11:00). */
const at = (day: string, time = '09:00') => () => new Date(`${day}T${time}:00`);

const PRESCRIPTION_TABLES = ['formulary_items', 'prescriptions', 'dose_records', 'prescription_changes'];

/** The slice's tables, every row in a total order (a void re-inserts rows, so rowid order differs). */
function snapshot(store: EventStore): Record<string, unknown[]> {
  return Object.fromEntries(PRESCRIPTION_TABLES.map((t) => [t, store.db.prepare(`SELECT * FROM ${t}`).all().map((r) => JSON.stringify(r)).sort()]));
}

async function withFormulary(f: MedicalFixture) {
  await f.ok('medical', 'medical.formulary.addStarter', {});
  const items = await f.ok('medical', 'medical.formulary.list', {});
  const byName = (name: string) => items.find((i) => i.name === name)!.id;
  return { paracetamol: byName('Paracetamol'), diazepam: byName('Diazepam'), tld: byName('TDF/3TC/DTG') };
}

describe('formulary', () => {
  it('adds the starter list once, keeps names unique among active items, changes and deactivates', async () => {
    const f = await medicalFixture(0, at('2026-09-10'));
    expect(await f.ok('medical', 'medical.formulary.addStarter', {})).toEqual({ added: 7 });
    expect(await f.ok('medical', 'medical.formulary.addStarter', {})).toEqual({ added: 0 });
    const items = await f.ok('medical', 'medical.formulary.list', {});
    expect(items.map((i) => `${i.name} ${i.strength}${i.arv ? ' ARV' : ''}`)).toEqual([
      'AZT/3TC/NVP 300/150/200 mg ARV',
      'Diazepam 5 mg',
      'Omeprazole 20 mg',
      'Paracetamol 500 mg',
      'TDF/3TC/DTG 300/300/50 mg ARV',
      'TDF/3TC/EFV 300/300/400 mg ARV',
      'Vitamin B1 100 mg',
    ]);

    const before = f.events();
    const dup = await f.as('medical', 'medical.formulary.add', { name: 'paracetamol ', form: 'tablet', strength: '500mg', arv: false });
    expect(dup).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'name', code: 'duplicateDrugName' }] } });
    expect(f.events()).toBe(before);

    // Another strength is another item; a deactivated item frees its name.
    const { itemId } = await f.ok('medical', 'medical.formulary.add', { name: 'Paracetamol', form: 'syrup', strength: '120 mg/5 ml', arv: false });
    const para = items.find((i) => i.name === 'Paracetamol')!;
    await f.ok('medical', 'medical.formulary.change', { itemId: para.id, name: para.name, form: para.form, strength: para.strength, arv: false, active: false });
    await f.ok('medical', 'medical.formulary.add', { name: 'Paracetamol', form: 'tablet', strength: '500 mg', arv: false });
    const reactivate = await f.as('medical', 'medical.formulary.change', { itemId: para.id, name: para.name, form: para.form, strength: para.strength, arv: false, active: true });
    expect(reactivate).toMatchObject({ ok: false, error: { issues: [{ path: 'name', code: 'duplicateDrugName' }] } });
    const nothing = await f.as('medical', 'medical.formulary.change', { itemId, name: 'Paracetamol', form: 'syrup', strength: '120 mg/5 ml', arv: false, active: true });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'NOTHING_CHANGED' } });
    const list = await f.ok('medical', 'medical.formulary.list', {});
    expect(list.at(-1)).toMatchObject({ id: para.id, active: false });
    f.service.close();
  });
});

describe('prescriptions through the service', () => {
  it('keeps an immutable chain: written, revised (reason), renewed, discontinued; each links to the previous', async () => {
    const f = await medicalFixture(1, at('2026-09-10'));
    const [id] = f.traineeIds as [string];
    const { paracetamol, diazepam } = await withFormulary(f);

    const first = await f.ok('medical', 'medical.prescriptions.write', {
      traineeId: id, itemId: diazepam, dose: '1 viên', slots: ['night', 'morning'], startDate: '2026-09-02', endDate: '2026-09-08', indication: 'Mất ngủ khi cắt cơn',
    });
    const revised = await f.ok('medical', 'medical.prescriptions.revise', {
      traineeId: id, previousId: first.prescriptionId, itemId: diazepam, dose: '½ viên', slots: ['night'], startDate: '2026-09-05', endDate: '2026-09-08', indication: 'Mất ngủ', reason: 'Giảm liều',
    });
    const renewed = await f.ok('medical', 'medical.prescriptions.renew', { traineeId: id, previousId: revised.prescriptionId, endDate: '2026-09-20', reason: 'Còn mất ngủ' });
    const other = await f.ok('medical', 'medical.prescriptions.write', {
      traineeId: id, itemId: paracetamol, dose: '1 viên', slots: ['morning', 'evening'], startDate: '2026-09-09', endDate: null, indication: 'Đau đầu',
    });
    await f.ok('medical', 'medical.prescriptions.discontinue', { traineeId: id, prescriptionId: other.prescriptionId, date: '2026-09-10', reason: 'Hết đau' });

    const got = await f.ok('medical', 'medical.prescriptions.get', { traineeId: id });
    const byId = new Map(got.prescriptions.map((p) => [p.id, p]));
    expect(byId.get(first.prescriptionId)).toMatchObject({ status: 'replaced', stoppedDate: '2026-09-05', kind: 'written', previousId: null, slots: ['morning', 'night'] });
    expect(byId.get(revised.prescriptionId)).toMatchObject({ status: 'replaced', stoppedDate: '2026-09-10', kind: 'revised', previousId: first.prescriptionId, reason: 'Giảm liều', dose: '½ viên', recordedBy: 'Cán bộ medical' });
    // Renewed the day after it ended was already past: it continues from today, same treatment.
    expect(byId.get(renewed.prescriptionId)).toMatchObject({ status: 'active', kind: 'renewed', previousId: revised.prescriptionId, startDate: '2026-09-10', endDate: '2026-09-20', dose: '½ viên', slots: ['night'], reason: 'Còn mất ngủ' });
    expect(byId.get(other.prescriptionId)).toMatchObject({ status: 'discontinued', stoppedDate: '2026-09-10', stop: { reason: 'Hết đau', recordedBy: 'Cán bộ medical' } });
    expect(got.prescriptions.map((p) => p.id)).toEqual([other.prescriptionId, renewed.prescriptionId, revised.prescriptionId, first.prescriptionId]);

    // The contract tables, as the ARV slice reads them.
    const store = openStore(f.dataDir);
    const row = store.db.prepare('SELECT * FROM prescriptions WHERE id = ?').get(renewed.prescriptionId);
    expect(row).toEqual({
      id: renewed.prescriptionId, trainee_id: id, item_id: diazepam, arv: 0, dose: '½ viên', slots: '["night"]', start_date: '2026-09-10', end_date: '2026-09-20',
      indication: 'Mất ngủ', previous_id: revised.prescriptionId, status: 'active', stopped_date: null, seq: renewed.seq,
    });
    store.close();
    f.service.close();
  });

  it('refuses to change what is not active, and bad input, with a clear error; nothing is written', async () => {
    const f = await medicalFixture(2, at('2026-09-10'));
    const [id, other] = f.traineeIds as [string, string];
    const { paracetamol, diazepam, tld } = await withFormulary(f);
    const p = await f.ok('medical', 'medical.prescriptions.write', { traineeId: id, itemId: paracetamol, dose: '1 viên', slots: ['morning'], startDate: '2026-09-02', endDate: null, indication: '' });
    const revised = await f.ok('medical', 'medical.prescriptions.revise', { traineeId: id, previousId: p.prescriptionId, itemId: paracetamol, dose: '2 viên', slots: ['morning'], startDate: '2026-09-10', endDate: null, indication: '', reason: 'Tăng liều' });
    await f.ok('medical', 'medical.formulary.change', { itemId: diazepam, name: 'Diazepam', form: 'tablet', strength: '5 mg', arv: false, active: false });
    const before = f.events();

    const treatment = { itemId: paracetamol, dose: '1 viên', slots: ['morning'] as const, startDate: '2026-09-10', endDate: null, indication: '' };
    const cases: [string, HandlerInput<'medical.prescriptions.revise'> | HandlerInput<'medical.prescriptions.renew'> | HandlerInput<'medical.prescriptions.discontinue'> | HandlerInput<'medical.prescriptions.write'>, object][] = [
      ['medical.prescriptions.revise', { traineeId: id, previousId: p.prescriptionId, ...treatment, slots: ['morning'], reason: 'x' }, { code: 'PRESCRIPTION_NOT_ACTIVE' }],
      ['medical.prescriptions.discontinue', { traineeId: id, prescriptionId: p.prescriptionId, date: '2026-09-10', reason: 'x' }, { code: 'PRESCRIPTION_NOT_ACTIVE' }],
      ['medical.prescriptions.renew', { traineeId: id, previousId: p.prescriptionId, endDate: null, reason: '' }, { code: 'PRESCRIPTION_NOT_ACTIVE' }],
      ['medical.prescriptions.renew', { traineeId: id, previousId: revised.prescriptionId, endDate: null, reason: '' }, { code: 'VALIDATION', issues: [{ path: 'previousId', code: 'noEndToRenew' }] }],
      // Another trainee's prescription is not this trainee's.
      ['medical.prescriptions.discontinue', { traineeId: other, prescriptionId: revised.prescriptionId, date: '2026-09-10', reason: 'x' }, { code: 'NOT_FOUND' }],
      ['medical.prescriptions.discontinue', { traineeId: id, prescriptionId: revised.prescriptionId, date: '2026-09-11', reason: 'x' }, { code: 'VALIDATION', issues: [{ path: 'date', code: 'dateInFuture' }] }],
      ['medical.prescriptions.discontinue', { traineeId: id, prescriptionId: revised.prescriptionId, date: '2026-09-10', reason: ' ' }, { code: 'VALIDATION', issues: [{ path: 'reason', code: 'required' }] }],
      ['medical.prescriptions.revise', { traineeId: id, previousId: revised.prescriptionId, ...treatment, slots: ['morning'], reason: '' }, { code: 'VALIDATION', issues: [{ path: 'reason', code: 'required' }] }],
      ['medical.prescriptions.revise', { traineeId: id, previousId: revised.prescriptionId, ...treatment, slots: ['morning'], startDate: '2026-09-01', reason: 'x' }, { code: 'VALIDATION', issues: [{ path: 'startDate', code: 'beforePreviousStart' }] }],
      ['medical.prescriptions.write', { traineeId: id, ...treatment, slots: ['morning'], itemId: diazepam }, { code: 'VALIDATION', issues: [{ path: 'itemId', code: 'drugInactive' }] }],
      // ARV regimens go through the ARV slice (regimen history with reasons).
      ['medical.prescriptions.write', { traineeId: id, ...treatment, slots: ['morning'], itemId: tld }, { code: 'VALIDATION', issues: [{ path: 'itemId', code: 'arvInArtSection' }] }],
      ['medical.prescriptions.revise', { traineeId: id, previousId: revised.prescriptionId, ...treatment, slots: ['morning'], itemId: tld, reason: 'x' }, { code: 'VALIDATION', issues: [{ path: 'itemId', code: 'arvInArtSection' }] }],
      ['medical.prescriptions.write', { traineeId: id, ...treatment, slots: [] }, { code: 'VALIDATION', issues: [{ path: 'slots', code: 'slotsRequired' }] }],
      ['medical.prescriptions.write', { traineeId: id, ...treatment, slots: ['morning'], endDate: '2026-09-09' }, { code: 'VALIDATION', issues: [{ path: 'endDate', code: 'endBeforeStart' }] }],
      ['medical.prescriptions.write', { traineeId: id, ...treatment, slots: ['morning'], startDate: '10/09/2026' }, { code: 'VALIDATION', issues: [{ path: 'startDate', code: 'invalidDate' }] }],
      ['medical.prescriptions.write', { traineeId: id, ...treatment, slots: ['morning'], dose: ' ' }, { code: 'VALIDATION', issues: [{ path: 'dose', code: 'required' }] }],
      ['medical.prescriptions.write', { traineeId: '2b1e0f8e-6a39-4f5e-8f51-7c1e2a9d4e10', ...treatment, slots: ['morning'] }, { code: 'NOT_FOUND' }],
    ];
    for (const [name, input, error] of cases) {
      const r = await f.as('medical', name as 'medical.prescriptions.write', input as HandlerInput<'medical.prescriptions.write'>);
      expect(r, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error });
    }
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('is medical data: other roles are refused every handler and see none of it in the timeline', async () => {
    const f = await medicalFixture(1, at('2026-09-10'));
    const [id] = f.traineeIds as [string];
    const { paracetamol } = await withFormulary(f);
    await f.ok('medical', 'medical.prescriptions.write', { traineeId: id, itemId: paracetamol, dose: '1 viên', slots: ['morning'], startDate: '2026-09-10', endDate: null, indication: 'Đau răng' });
    const before = f.events();
    for (const role of ['admin', 'duty', 'teacher', 'instructor'] as const) {
      const calls = [
        f.as(role, 'medical.formulary.list', {}),
        f.as(role, 'medical.formulary.addStarter', {}),
        f.as(role, 'medical.prescriptions.get', { traineeId: id }),
        f.as(role, 'medical.prescriptions.write', { traineeId: id, itemId: paracetamol, dose: '1 viên', slots: ['morning'], startDate: '2026-09-10', endDate: null, indication: '' }),
        f.as(role, 'medical.round.get', { date: '2026-09-10', slot: 'morning' }),
      ];
      for (const r of await Promise.all(calls)) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const timeline = await f.ok(role, 'trainees.timeline', { traineeId: id });
      expect(timeline.map((e) => e.type)).toEqual(['TraineeAdmitted']);
      expect(JSON.stringify(timeline)).not.toContain('Đau răng');
    }
    expect(f.events()).toBe(before);
    const mine = await f.ok('medical', 'trainees.timeline', { traineeId: id });
    expect(mine.map((e) => e.type).sort()).toEqual(['PrescriptionWritten', 'TraineeAdmitted']);
    f.service.close();
  });

  it('inline tables equal a rebuild from the log, after revisions, doses and voids', async () => {
    const f = await medicalFixture(2, at('2026-09-10'));
    const [a, b] = f.traineeIds as [string, string];
    const { paracetamol, diazepam } = await withFormulary(f);
    const pa = await f.ok('medical', 'medical.prescriptions.write', { traineeId: a, itemId: paracetamol, dose: '1 viên', slots: ['morning', 'evening'], startDate: '2026-09-08', endDate: '2026-09-12', indication: '' });
    const pb = await f.ok('medical', 'medical.prescriptions.write', { traineeId: b, itemId: diazepam, dose: '1 viên', slots: ['morning'], startDate: '2026-09-08', endDate: null, indication: 'Lo âu' });
    await f.ok('medical', 'medical.round.record', { date: '2026-09-09', slot: 'morning', doses: [{ prescriptionId: pa.prescriptionId, status: 'given', note: '' }, { prescriptionId: pb.prescriptionId, status: 'refused', note: 'Buồn nôn' }] });
    const wrong = await f.ok('medical', 'medical.round.record', { date: '2026-09-10', slot: 'morning', doses: [{ prescriptionId: pb.prescriptionId, status: 'held', note: '' }] });
    await f.ok('medical', 'events.void', { seq: wrong.firstSeq, reason: 'Ghi nhầm' });
    await f.ok('medical', 'medical.round.record', { date: '2026-09-10', slot: 'morning', doses: [{ prescriptionId: pb.prescriptionId, status: 'given', note: '' }] });
    const revised = await f.ok('medical', 'medical.prescriptions.revise', { traineeId: a, previousId: pa.prescriptionId, itemId: paracetamol, dose: '2 viên', slots: ['evening'], startDate: '2026-09-10', endDate: null, indication: '', reason: 'Đổi giờ' });
    await f.ok('medical', 'events.void', { seq: revised.seq, reason: 'Nhầm người' });
    // An item's ARV mark corrected after it was prescribed applies to its prescriptions too.
    await f.ok('medical', 'medical.formulary.change', { itemId: paracetamol, name: 'Paracetamol', form: 'tablet', strength: '500 mg', arv: true, active: true });

    const got = await f.ok('medical', 'medical.prescriptions.get', { traineeId: a });
    expect(got.prescriptions.map((p) => [p.id, p.status, p.arv])).toEqual([[pa.prescriptionId, 'active', true]]);
    const round = await f.ok('medical', 'medical.round.get', { date: '2026-09-10', slot: 'morning' });
    expect(round.rows.find((r) => r.prescriptionId === pb.prescriptionId)!.recorded).toMatchObject({ status: 'given' });
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = snapshot(store);
    expect(inline['dose_records']).toHaveLength(3);
    store.rebuild();
    expect(snapshot(store)).toEqual(inline);
    store.close();
  });

  it('shows the last 30 days of doses: recorded, missed once the slot ended, pending today', async () => {
    const f = await medicalFixture(1, at('2026-09-10', '12:00'));
    const [id] = f.traineeIds as [string];
    const { paracetamol } = await withFormulary(f);
    const p = await f.ok('medical', 'medical.prescriptions.write', { traineeId: id, itemId: paracetamol, dose: '1 viên', slots: ['morning', 'evening'], startDate: '2026-09-09', endDate: null, indication: '' });
    await f.ok('medical', 'medical.round.record', { date: '2026-09-09', slot: 'morning', doses: [{ prescriptionId: p.prescriptionId, status: 'given', note: 'Uống cùng cơm' }] });
    const got = await f.ok('medical', 'medical.prescriptions.get', { traineeId: id });
    expect(got.from).toBe('2026-08-12');
    expect(got.administration.map((e) => [e.date, e.slot, e.status, e.missed])).toEqual([
      ['2026-09-10', 'evening', null, false],
      ['2026-09-10', 'morning', null, true],
      ['2026-09-09', 'evening', null, true],
      ['2026-09-09', 'morning', 'given', false],
    ]);
    f.service.close();
  });
});
