import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../shared/api';
import type { TraineeRecord } from '../../shared/admissions';
import { cleanupTempDirs, eventCount, openStore, projectionSnapshot, seedUser, setUpFacility, testService, traineeDetails } from '../support/core';

afterEach(cleanupTempDirs);

async function admitted() {
  const { service, dataDir } = await setUpFacility();
  const r = await service.call('admin', 'trainees.admit', traineeDetails({ fullName: 'Phạm Văn Tùng', admissionDate: '2026-01-05' }));
  if (!r.ok) throw new Error(r.error.message);
  const { traineeId, seq } = r.value as { traineeId: string; seq: number };
  return { service, dataDir, traineeId, admittedSeq: seq };
}

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('voids', () => {
  it('voiding a correction restores the details; the timeline shows both, with who and why', async () => {
    const { service, traineeId } = await admitted();
    const { seq } = await value<{ seq: number }>(service.call('admin', 'trainees.correct', { traineeId, changes: { fullName: 'Phạm Văn Tũng' }, reason: 'Theo CCCD' }));
    expect(await value<TraineeRecord>(service.call('admin', 'trainees.get', { traineeId }))).toMatchObject({ fullName: 'Phạm Văn Tũng' });

    await value(service.call('admin', 'events.void', { seq, reason: 'Nhầm: CCCD ghi Tùng' }));
    expect(await value<TraineeRecord>(service.call('admin', 'trainees.get', { traineeId }))).toMatchObject({ fullName: 'Phạm Văn Tùng' });
    const timeline = await value<TimelineEntry[]>(service.call('admin', 'trainees.timeline', { traineeId }));
    expect(timeline.map((e) => e.type)).toEqual(['EventVoided', 'TraineeDetailsCorrected', 'TraineeAdmitted']);
    expect(timeline[1]).toMatchObject({ seq, voided: { reason: 'Nhầm: CCCD ghi Tùng', actor: { fullName: 'Trần Văn Quản' } } });
    expect(timeline[0]).toMatchObject({ data: { seq, voidedType: 'TraineeDetailsCorrected' }, voided: null });
    // Correcting again works on the restored state (the void counted in the stream version).
    expect((await service.call('admin', 'trainees.correct', { traineeId, changes: { sex: 'female' }, reason: 'Sai giới tính' })).ok).toBe(true);
    service.close();
  });

  it('voiding a release puts the trainee back in care; voiding an admission removes the trainee from the roster', async () => {
    const { service, traineeId, admittedSeq } = await admitted();
    const { seq } = await value<{ seq: number }>(service.call('admin', 'trainees.release', { traineeId, releaseDate: '2026-11-01', kind: 'completed', note: '' }));
    await value(service.call('admin', 'events.void', { seq, reason: 'Nhập nhầm hồ sơ' }));
    expect(await value<TraineeRecord>(service.call('admin', 'trainees.get', { traineeId }))).toMatchObject({ status: 'in_care', releaseDate: null });

    await value(service.call('admin', 'events.void', { seq: admittedSeq, reason: 'Tiếp nhận trùng' }));
    expect(await service.call('admin', 'trainees.get', { traineeId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await value(service.call('admin', 'trainees.list', { status: 'all' }))).toMatchObject({ counts: { shown: 0 } });
    // The file number is free again: the same person can be admitted under it.
    const timeline = await value<TimelineEntry[]>(service.call('admin', 'trainees.timeline', { traineeId }));
    expect(timeline.map((e) => [e.type, e.voided !== null])).toEqual([
      ['EventVoided', false],
      ['EventVoided', false],
      ['TraineeReleased', true],
      ['TraineeAdmitted', true],
    ]);
    const fileNumber = timeline[3]!.data['fileNumber'] as string;
    const again = await service.call('admin', 'trainees.admit', traineeDetails({ fileNumber }));
    expect(again.ok).toBe(true);
    service.close();
  });

  it('inline tables equal a rebuild after voids', async () => {
    const { service, dataDir, traineeId } = await admitted();
    const { seq } = await value<{ seq: number }>(service.call('admin', 'trainees.correct', { traineeId, changes: { homeAddress: 'Bản Mòng' }, reason: 'x' }));
    await value(service.call('admin', 'events.void', { seq, reason: 'Nhầm' }));
    await value(service.call('admin', 'trainees.correct', { traineeId, changes: { homeAddress: 'Bản Hìn' }, reason: 'y' }));
    service.close();
    const store = openStore(dataDir);
    const inline = projectionSnapshot(store);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });

  it('only the author or an admin may void; some events cannot be voided; nothing is written when refused', async () => {
    const { service, dataDir, admittedSeq } = await admitted();
    service.close();
    await seedUser(dataDir, 'duty1', ['duty']);
    const s = testService(dataDir);
    await s.call('duty', 'auth.signIn', { username: 'duty1', password: 'mật khẩu của tôi' });
    const before = eventCount(dataDir);
    expect(await s.call('duty', 'events.void', { seq: admittedSeq, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.call('duty', 'events.void', { seq: 1, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_VOIDABLE' } });
    expect(await s.call('duty', 'events.void', { seq: 9999, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.call('duty', 'events.void', { seq: admittedSeq, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await s.call('duty', 'events.void', { seq: 'all', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(eventCount(dataDir)).toBe(before);

    // The duty officer may void what they recorded themselves, once.
    const own = await value<{ seq: number }>(s.call('duty', 'trainees.admit', traineeDetails()));
    expect((await s.call('duty', 'events.void', { seq: own.seq, reason: 'Trùng' })).ok).toBe(true);
    expect(await s.call('duty', 'events.void', { seq: own.seq, reason: 'Trùng' })).toMatchObject({ ok: false, error: { code: 'ALREADY_VOIDED' } });
    s.close();
  });
});
