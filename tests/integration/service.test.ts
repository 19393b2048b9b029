import { afterEach, describe, expect, it } from 'vitest';
import type { Area } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { ADMIN_PASSWORD, cleanupTempDirs, eventCount, openStore, setUpFacility, testService, tempDir, traineeDetails } from '../support/core';

afterEach(cleanupTempDirs);

function expectError(r: Result<unknown>, code: string): { path: string; code: string }[] {
  expect(r.ok).toBe(false);
  if (r.ok) return [];
  expect(r.error.code).toBe(code);
  return r.error.issues ?? [];
}

describe('first run and sign-in', () => {
  it('reports not set up, sets up once, then refuses a second set-up', async () => {
    const dataDir = tempDir();
    const service = testService(dataDir);
    expect(await service.call('w', 'system.status', {})).toEqual({ ok: true, value: { setUp: false, facilityName: null, user: null, integrity: null, idleLockMinutes: 10, startup: null } });
    const input = { facilityName: 'Cơ sở A', fullName: 'Admin', username: 'admin', password: ADMIN_PASSWORD, passwordConfirm: ADMIN_PASSWORD };
    expect((await service.call('w', 'system.setup', input)).ok).toBe(true);
    expect(eventCount(dataDir)).toBe(2);
    expectError(await service.call('w', 'system.setup', { ...input, username: 'other' }), 'ALREADY_SET_UP');
    expect(eventCount(dataDir)).toBe(2);
    service.close();
  });

  it('set-up with a short password or mismatched confirmation changes nothing', async () => {
    const dataDir = tempDir();
    const service = testService(dataDir);
    const issues = expectError(
      await service.call('w', 'system.setup', { facilityName: '', fullName: 'A', username: 'admin', password: 'short', passwordConfirm: 'other' }),
      'VALIDATION',
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'facilityName', code: 'required' },
        { path: 'password', code: 'passwordTooShort' },
      ]),
    );
    expect(eventCount(dataDir)).toBe(0);
    service.close();
  });

  it('a wrong password is refused and only the failure is logged (an unknown username logs nothing)', async () => {
    const { service, dataDir } = await setUpFacility();
    const before = eventCount(dataDir);
    expectError(await service.call('w2', 'auth.signIn', { username: 'admin', password: 'not the password' }), 'WRONG_CREDENTIALS');
    expect(eventCount(dataDir)).toBe(before + 1);
    expectError(await service.call('w2', 'auth.signIn', { username: 'nobody', password: 'not the password' }), 'WRONG_CREDENTIALS');
    expect(eventCount(dataDir)).toBe(before + 1);
    expectError(await service.call('w2', 'trainees.list', {}), 'UNAUTHENTICATED');
    service.close();
  });

  it('sessions are per connection; sign-out ends them', async () => {
    const { service } = await setUpFacility();
    expect((await service.call('admin', 'trainees.list', {})).ok).toBe(true);
    expectError(await service.call('other-window', 'trainees.list', {}), 'UNAUTHENTICATED');
    expect((await service.call('admin', 'auth.signOut', {})).ok).toBe(true);
    expectError(await service.call('admin', 'trainees.list', {}), 'UNAUTHENTICATED');
    service.close();
  });
});

describe('admissions through the service', () => {
  it('every event names the signed-in user in meta', async () => {
    const { service, dataDir } = await setUpFacility();
    const admitted = await service.call('admin', 'trainees.admit', traineeDetails());
    expect(admitted.ok).toBe(true);
    const store = openStore(dataDir);
    const events = [...store.readAll()];
    const adminId = events.find((e) => e.type === 'UserCreated')!.data;
    for (const e of events) expect(e.meta.actor).toBe((adminId as { userId: string }).userId);
    store.close();
    service.close();
  });

  it('admit -> search without diacritics -> correct -> timeline -> release -> counts', async () => {
    const { service } = await setUpFacility();
    const ids: string[] = [];
    for (const fullName of ['Nguyễn Thị Hoà', 'Trần Văn Nam', 'Lê Văn Đức']) {
      const r = await service.call('admin', 'trainees.admit', traineeDetails({ fullName, admissionType: fullName.startsWith('Lê') ? 'voluntary' : 'compulsory' }));
      if (!r.ok) throw new Error(r.error.message);
      ids.push((r.value as { traineeId: string }).traineeId);
    }
    const found = await service.call('admin', 'trainees.list', { search: 'nguyen thi hoa' });
    expect(found).toMatchObject({ ok: true, value: { items: [{ fullName: 'Nguyễn Thị Hoà' }], counts: { shown: 1, inCare: 3, compulsory: 2, voluntary: 1 } } });
    expect(await service.call('admin', 'trainees.list', { search: 'le van duc' })).toMatchObject({ value: { counts: { shown: 1 } } });

    const corrected = await service.call('admin', 'trainees.correct', { traineeId: ids[0], changes: { dateOfBirth: '1991-02-03' }, reason: 'Nhập nhầm ngày sinh' });
    expect(corrected.ok).toBe(true);
    const timeline = await service.call('admin', 'trainees.timeline', { traineeId: ids[0] });
    expect(timeline).toMatchObject({
      ok: true,
      value: [
        {
          type: 'TraineeDetailsCorrected',
          actor: { fullName: 'Trần Văn Quản' },
          data: { changes: [{ field: 'dateOfBirth', from: '1992-04-17', to: '1991-02-03' }], reason: 'Nhập nhầm ngày sinh' },
        },
        { type: 'TraineeAdmitted', actor: { fullName: 'Trần Văn Quản' } },
      ],
    });
    expect(await service.call('admin', 'trainees.get', { traineeId: ids[0] })).toMatchObject({ value: { dateOfBirth: '1991-02-03', version: 2 } });

    expect((await service.call('admin', 'trainees.release', { traineeId: ids[1], releaseDate: '2026-11-20', kind: 'transferred', note: 'Chuyển cơ sở' })).ok).toBe(true);
    expect(await service.call('admin', 'trainees.list', {})).toMatchObject({ value: { counts: { shown: 2, inCare: 2, released: 1 } } });
    expect(await service.call('admin', 'trainees.list', { status: 'released' })).toMatchObject({ value: { items: [{ fullName: 'Trần Văn Nam', status: 'released' }] } });
    expect(await service.call('admin', 'trainees.list', { status: 'all', admissionType: 'voluntary' })).toMatchObject({ value: { counts: { shown: 1 } } });
    service.close();
  });

  it('bad input of every kind gets a clear error and leaves the log unchanged', async () => {
    const { service, dataDir } = await setUpFacility(undefined, () => new Date('2026-11-25T09:00:00+07:00'));
    const ok = await service.call('admin', 'trainees.admit', traineeDetails({ fileNumber: 'HS-1', admissionDate: '2026-01-10' }));
    if (!ok.ok) throw new Error(ok.error.message);
    const id = (ok.value as { traineeId: string }).traineeId;
    const before = eventCount(dataDir);

    expect(expectError(await service.call('admin', 'trainees.admit', traineeDetails({ fullName: '  ' })), 'VALIDATION')).toContainEqual({ path: 'fullName', code: 'required' });
    expect(expectError(await service.call('admin', 'trainees.admit', traineeDetails({ dateOfBirth: '2030-01-01' })), 'VALIDATION')).toContainEqual({ path: 'dateOfBirth', code: 'dateInFuture' });
    expect(expectError(await service.call('admin', 'trainees.admit', traineeDetails({ dateOfBirth: '1990-02-30' })), 'VALIDATION')).toContainEqual({ path: 'dateOfBirth', code: 'invalidDate' });
    expect(expectError(await service.call('admin', 'trainees.admit', traineeDetails({ decisionNumber: '' })), 'VALIDATION')).toContainEqual({ path: 'decisionNumber', code: 'decisionRequired' });
    expect(expectError(await service.call('admin', 'trainees.admit', traineeDetails({ idNumber: '12345' })), 'VALIDATION')).toContainEqual({ path: 'idNumber', code: 'invalidIdNumber' });
    expectError(await service.call('admin', 'trainees.admit', traineeDetails({ fileNumber: 'HS-1' })), 'DUPLICATE_FILE_NUMBER');
    expect(expectError(await service.call('admin', 'trainees.release', { traineeId: id, releaseDate: '2026-01-09', kind: 'completed', note: '' }), 'VALIDATION')).toEqual([
      { path: 'releaseDate', code: 'releaseBeforeAdmission' },
    ]);
    expectError(await service.call('admin', 'trainees.correct', { traineeId: id, changes: {}, reason: 'x' }), 'NOTHING_CHANGED');
    expect(expectError(await service.call('admin', 'trainees.correct', { traineeId: id, changes: { fullName: 'B' }, reason: '' }), 'VALIDATION')).toContainEqual({ path: 'reason', code: 'required' });
    // Malformed payloads straight to the bridge.
    expectError(await service.call('admin', 'trainees.admit', null), 'VALIDATION');
    expectError(await service.call('admin', 'trainees.admit', 'DROP TABLE events'), 'VALIDATION');
    expectError(await service.call('admin', 'trainees.admit', { ...traineeDetails(), extra: 1, sex: 42 }), 'VALIDATION');
    expectError(await service.call('admin', 'trainees.correct', { traineeId: id, changes: { status: 'released' }, reason: 'x' }), 'VALIDATION');
    expectError(await service.call('admin', 'trainees.get', { traineeId: '../../etc' }), 'VALIDATION');
    expectError(await service.call('admin', 'trainees.get', { traineeId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND');
    expectError(await service.call('admin', 'events.deleteAll', {}), 'UNKNOWN_HANDLER');
    expectError(await service.call('admin', '__proto__', {}), 'UNKNOWN_HANDLER');

    expect(eventCount(dataDir)).toBe(before);
    expect(service.verify().ok).toBe(true);
    service.close();
  });

  it('pushes the changed areas after each append, and nothing after a refused command', async () => {
    const { service } = await setUpFacility();
    const pushes: Area[][] = [];
    service.onChange((areas) => pushes.push(areas));
    await service.call('admin', 'trainees.admit', traineeDetails());
    await service.call('admin', 'trainees.admit', traineeDetails({ fullName: '' }));
    expect(pushes).toEqual([['trainees', 'system']]);
    service.close();
  });

  it('one writer: concurrent commands are serialized, each sees the previous one', async () => {
    const { service, dataDir } = await setUpFacility();
    const results = await Promise.all(Array.from({ length: 20 }, () => service.call('admin', 'trainees.admit', traineeDetails({ fileNumber: 'SAME-NUMBER' }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'DUPLICATE_FILE_NUMBER')).toHaveLength(19);
    expect(service.verify()).toMatchObject({ ok: true, checked: eventCount(dataDir) });
    service.close();
  });
});
