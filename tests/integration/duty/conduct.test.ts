import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerName } from '../../../shared/api';
import { RELEASE_KINDS } from '../../../shared/admissions';
import type { Role } from '../../../shared/roles';
import { foldConduct, imposeMeasure, receiveSelfCriticism, recordViolation, suspendMeasure } from '../../../electron/core/duty/conduct/decider';
import { cleanupTempDirs, openStore, projectionSnapshot } from '../../support/core';
import { medicalFixture, type MedicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

/** Midday in Vietnam: the same calendar day (2026-11-20) wherever the tests run. */
const RELEASE_KIND = RELEASE_KINDS[0];
const NOW = () => new Date('2026-11-20T05:00:00.000Z');

const incident = { typeId: 'fighting', date: '2026-11-19', time: '21:30', place: 'Nhà ăn khu B', description: 'Xô xát khi chia cơm', witnesses: 'Cán bộ Lê Văn An' };

async function fight(f: MedicalFixture, traineeIds: string[]) {
  return f.ok('duty', 'conduct.violations.record', { traineeIds, ...incident });
}

function issueCodes(r: { ok: boolean; error?: { code: string; issues?: { path: string; code: string }[] } }): string[] {
  return r.ok ? ['accepted'] : [r.error!.code, ...(r.error!.issues ?? []).map((i) => `${i.path}:${i.code}`)];
}

describe('conduct decider', () => {
  const ctx = { today: '2026-11-20', admissionDate: '2026-09-01', released: false };
  const ids = { traineeId: '00000000-0000-4000-8000-000000000001', violationId: '00000000-0000-4000-8000-000000000002', incidentId: '00000000-0000-4000-8000-000000000003' };
  const state = () => {
    const s = foldConduct([]);
    s.violations.set(ids.violationId, { date: '2026-11-19', selfCriticismDate: null });
    return s;
  };
  const measure = { traineeId: ids.traineeId, violationId: ids.violationId, kind: 'discipline_room' as const, start: '2026-11-19', end: '2026-11-23', note: '' };

  it('refuses a violation in the future, before admission, or for a released trainee', () => {
    expect(recordViolation({ ...incident, date: '2026-11-20' }, ids, ctx)[0]!.data).toMatchObject({ ...ids, typeId: 'fighting' });
    expect(() => recordViolation({ ...incident, date: '2026-11-21' }, ids, ctx)).toThrow(/dateInFuture/);
    expect(() => recordViolation({ ...incident, date: '2026-08-31' }, ids, ctx)).toThrow(/beforeAdmission/);
    expect(() => recordViolation(incident, ids, { ...ctx, released: true })).toThrow(/released/);
  });

  it('a discipline room of at most 5 days, ending after it starts, for this trainee\'s violation', () => {
    expect(imposeMeasure(state(), measure, 'm', ctx)[0]!.data).toMatchObject({ measureId: 'm', end: '2026-11-23' });
    expect(() => imposeMeasure(state(), { ...measure, end: '2026-11-24' }, 'm', ctx)).toThrow(/disciplineRoomTooLong/);
    expect(() => imposeMeasure(state(), { ...measure, end: '2026-11-18' }, 'm', ctx)).toThrow(/endBeforeStart/);
    expect(() => imposeMeasure(state(), { ...measure, start: '2026-11-18', end: '2026-11-19' }, 'm', ctx)).toThrow(/beforeViolation/);
    expect(() => imposeMeasure(state(), { ...measure, violationId: ids.incidentId }, 'm', ctx)).toThrow(/unknownViolation/);
    expect(() => imposeMeasure(state(), measure, 'm', { ...ctx, released: true })).toThrow(/released/);
    expect(imposeMeasure(state(), { ...measure, kind: 'warning', end: null }, 'm', ctx)[0]!.data.end).toBeNull();
  });

  it('self-criticism not in the future, once; a measure is suspended once', () => {
    expect(() => receiveSelfCriticism(state(), { traineeId: ids.traineeId, violationId: ids.violationId, date: '2026-11-21' }, ctx)).toThrow(/dateInFuture/);
    const s = state();
    s.violations.get(ids.violationId)!.selfCriticismDate = '2026-11-20';
    expect(() => receiveSelfCriticism(s, { traineeId: ids.traineeId, violationId: ids.violationId, date: '2026-11-20' }, ctx)).toThrow(/selfCriticismAlreadyReceived/);
    s.measures.set('m', { violationId: ids.violationId, start: '2026-11-19', end: '2026-11-23', suspendedUntil: '2026-11-30' });
    expect(() => suspendMeasure(s, { traineeId: ids.traineeId, measureId: 'm', until: '2026-12-01', note: '' }, ctx)).toThrow(/already suspended/);
    expect(() => suspendMeasure(s, { traineeId: ids.traineeId, measureId: 'x', until: '2026-12-01', note: '' }, ctx)).toThrow(/unknownMeasure/);
  });
});

describe('conduct through the service', () => {
  it('an incident with three trainees gives three entries in their timelines, one incident, the officer named', async () => {
    const f = await medicalFixture(4, NOW);
    const [a, b, c, d] = f.traineeIds as [string, string, string, string];
    const before = f.events();
    const r = await fight(f, [a, b, c]);
    expect(f.events()).toBe(before + 3);
    expect(r.violationIds).toHaveLength(3);
    for (const t of [a, b, c]) {
      const timeline = await f.ok('duty', 'trainees.timeline', { traineeId: t });
      const entries = timeline.filter((e) => e.type === 'ViolationRecorded');
      expect(entries).toHaveLength(1);
      expect(entries[0]!.data).toMatchObject({ traineeId: t, incidentId: r.incidentId, typeId: 'fighting', place: 'Nhà ăn khu B' });
    }
    expect((await f.ok('duty', 'trainees.timeline', { traineeId: d })).some((e) => e.type === 'ViolationRecorded')).toBe(false);
    const overview = await f.ok('duty', 'conduct.overview', {});
    expect(overview.violations.map((v) => v.traineeId).sort()).toEqual([a, b, c].sort());
    expect(new Set(overview.violations.map((v) => v.incidentId))).toEqual(new Set([r.incidentId]));
    expect(overview.violations[0]!.recordedBy).not.toBe('');
    f.service.close();
  });

  it('measures, suspension and self-criticism: open list, in force, the trainee\'s conduct', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    const r = await fight(f, [a, b]);
    const [va] = r.violationIds as [string];
    const room = await f.ok('duty', 'conduct.measures.impose', { traineeId: a, violationId: va, kind: 'discipline_room', start: '2026-11-19', end: '2026-11-23', note: '' });
    let overview = await f.ok('duty', 'conduct.overview', { status: 'open' });
    expect(overview.violations.map((v) => v.traineeId)).toEqual([b]);
    expect(overview.measuresInForce.map((m) => [m.traineeId, m.kind, m.end])).toEqual([[a, 'discipline_room', '2026-11-23']]);

    await f.ok('duty', 'conduct.measures.suspend', { traineeId: a, measureId: room.measureId, until: '2026-11-30', note: 'Ốm' });
    await f.ok('duty', 'conduct.selfCriticism.receive', { traineeId: a, violationId: va, date: '2026-11-20' });
    overview = await f.ok('duty', 'conduct.overview', { status: 'all', typeId: 'fighting' });
    expect(overview.violations).toHaveLength(2);
    expect(overview.measuresInForce).toEqual([]);
    const mine = await f.ok('duty', 'conduct.forTrainee', { traineeId: a });
    expect(mine[0]).toMatchObject({ selfCriticismDate: '2026-11-20', measures: [{ measureId: room.measureId, suspendedUntil: '2026-11-30', inForce: false }] });
    expect((await f.ok('duty', 'conduct.overview', { typeId: 'alcohol', status: 'all' })).violations).toEqual([]);
    f.service.close();
  });

  it('refuses bad input with a clear code and writes nothing', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    const r = await fight(f, [a]);
    const [va] = r.violationIds as [string];
    const before = f.events();
    const cases: [HandlerName, object, string[]][] = [
      ['conduct.measures.impose', { traineeId: a, violationId: va, kind: 'discipline_room', start: '2026-11-20', end: '2026-11-19', note: '' }, ['VALIDATION', 'end:endBeforeStart']],
      ['conduct.measures.impose', { traineeId: a, violationId: va, kind: 'discipline_room', start: '2026-11-19', end: '2026-11-25', note: '' }, ['VALIDATION', 'end:disciplineRoomTooLong']],
      ['conduct.measures.impose', { traineeId: a, violationId: va, kind: 'discipline_room', start: '2026-11-19', end: null, note: '' }, ['VALIDATION', 'end:required']],
      ['conduct.selfCriticism.receive', { traineeId: a, violationId: va, date: '2026-11-21' }, ['VALIDATION', 'date:dateInFuture']],
      ['conduct.violations.record', { ...incident, traineeIds: [] }, ['VALIDATION', 'traineeIds:traineesRequired']],
      ['conduct.violations.record', { ...incident, traineeIds: [a, a] }, ['VALIDATION', 'traineeIds:duplicateTrainee']],
      ['conduct.violations.record', { ...incident, traineeIds: [a], typeId: 'nope' }, ['VALIDATION', 'typeId:invalidChoice']],
      ['conduct.violations.record', { ...incident, traineeIds: [a], time: '25:00' }, ['VALIDATION', 'time:invalidTime']],
      ['conduct.violations.record', { ...incident, traineeIds: [a], description: '  ' }, ['VALIDATION', 'description:required']],
      ['conduct.violations.record', { ...incident, traineeIds: [a], date: '2026-11-21' }, ['VALIDATION', 'date:dateInFuture', 'traineeIds.0:dateInFuture']],
    ];
    for (const [name, input, expected] of cases) expect(issueCodes(await f.as('duty', name, input as never)), name).toEqual(expected);
    // Another trainee's violation: it is not on this trainee's stream.
    const other = await f.as('duty', 'conduct.measures.impose', { traineeId: b, violationId: va, kind: 'warning', start: '2026-11-19', end: null, note: '' });
    expect(other.ok ? 'accepted' : other.error.code).not.toBe('accepted');
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('a released trainee in the incident refuses the whole incident', async () => {
    const f = await medicalFixture(2, NOW);
    const [a, b] = f.traineeIds as [string, string];
    const rel = await f.as('admin', 'trainees.release', { traineeId: b, releaseDate: '2026-11-20', kind: RELEASE_KIND, note: '' });
    expect(rel.ok, JSON.stringify(rel)).toBe(true);
    const before = f.events();
    const r = await f.as('duty', 'conduct.violations.record', { ...incident, traineeIds: [a, b] });
    expect(issueCodes(r)).toEqual(['ALREADY_RELEASED', 'traineeIds.1:traineeReleased']);
    expect(f.events()).toBe(before);
    f.service.close();
  });

  it('permissions: duty writes, admin edits the catalog, others are refused', async () => {
    const f = await medicalFixture(1, NOW);
    const [a] = f.traineeIds as [string];
    const before = f.events();
    for (const role of ['admin', 'medical', 'teacher', 'instructor'] as Role[]) {
      const r = await f.as(role, 'conduct.violations.record', { ...incident, traineeIds: [a] });
      expect(r.ok ? 'accepted' : r.error.code, role).toBe('FORBIDDEN');
    }
    for (const role of ['medical', 'teacher', 'instructor'] as Role[]) {
      const r = await f.as(role, 'conduct.overview', {});
      expect(r.ok ? 'accepted' : r.error.code, role).toBe('FORBIDDEN');
    }
    const duty = await f.as('duty', 'conduct.types.add', { name: 'Đánh bạc' });
    expect(duty.ok ? 'accepted' : duty.error.code).toBe('FORBIDDEN');
    expect(f.events()).toBe(before);

    const added = await f.ok('admin', 'conduct.types.add', { name: 'Đánh bạc' });
    expect(issueCodes(await f.as('admin', 'conduct.types.add', { name: 'đánh bạc' }))).toEqual(['VALIDATION', 'name:duplicateViolationType']);
    await f.ok('admin', 'conduct.types.change', { typeId: 'mobile_phone', name: 'Giấu điện thoại', active: false });
    const types = await f.ok('duty', 'conduct.types.list', {});
    expect(types.find((t) => t.typeId === added.typeId)).toEqual({ typeId: added.typeId, name: 'Đánh bạc', builtIn: false, active: true });
    expect(types.find((t) => t.typeId === 'mobile_phone')).toEqual({ typeId: 'mobile_phone', name: 'Giấu điện thoại', builtIn: true, active: false });
    // A type no longer in use cannot be chosen for a new violation.
    expect(issueCodes(await f.as('duty', 'conduct.violations.record', { ...incident, traineeIds: [a], typeId: 'mobile_phone' }))).toEqual(['VALIDATION', 'typeId:invalidChoice']);
    await f.ok('duty', 'conduct.violations.record', { ...incident, traineeIds: [a], typeId: added.typeId });
    f.service.close();
  });

  it('voids replay the stream; the inline tables equal a rebuild from the log', async () => {
    const f = await medicalFixture(3, NOW);
    const [a, b, c] = f.traineeIds as [string, string, string];
    const r = await fight(f, [a, b, c]);
    const [va, vb] = r.violationIds as [string, string];
    await f.ok('admin', 'conduct.types.add', { name: 'Đánh bạc' });
    const m = await f.ok('duty', 'conduct.measures.impose', { traineeId: a, violationId: va, kind: 'warning', start: '2026-11-20', end: null, note: '' });
    await f.ok('duty', 'conduct.measures.impose', { traineeId: b, violationId: vb, kind: 'discipline_room', start: '2026-11-20', end: '2026-11-22', note: '' });
    await f.ok('duty', 'conduct.selfCriticism.receive', { traineeId: b, violationId: vb, date: '2026-11-20' });
    await f.ok('duty', 'events.void', { seq: m.seq, reason: 'Nhầm người' });
    const mine = await f.ok('duty', 'conduct.forTrainee', { traineeId: a });
    expect(mine[0]!.measures).toEqual([]);
    f.service.close();

    const store = openStore(f.dataDir);
    const inline = projectionSnapshot(store);
    expect(inline['conduct_violations']).toHaveLength(3);
    expect(inline['conduct_measures']).toHaveLength(1);
    expect(inline['violation_types']).toHaveLength(9);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });
});
