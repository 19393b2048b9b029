import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, cleanupTempDirs, openStore, seedUser, setUpFacility, testService, traineeDetails } from '../support/core';

afterEach(cleanupTempDirs);

describe('screen lock and switching user', () => {
  it('a locked session answers only sign-in, sign-out and status; the same person resumes with the password', async () => {
    const { service } = await setUpFacility();
    expect((await service.call('admin', 'auth.lock', {})).ok).toBe(true);
    expect(await service.call('admin', 'system.status', {})).toMatchObject({ value: { user: { username: 'admin', locked: true }, integrity: null } });
    expect(await service.call('admin', 'trainees.list', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await service.call('admin', 'trainees.admit', traineeDetails())).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await service.call('admin', 'auth.signIn', { username: 'admin', password: 'wrong password!' })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect(await service.call('admin', 'trainees.list', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect((await service.call('admin', 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD })).ok).toBe(true);
    expect((await service.call('admin', 'trainees.list', {})).ok).toBe(true);
    expect(await service.call('admin', 'system.status', {})).toMatchObject({ value: { user: { username: 'admin' } } });
    service.close();
  });

  it('someone else signing in at a locked screen signs the first person out (both recorded)', async () => {
    const { service, dataDir } = await setUpFacility();
    service.close();
    await seedUser(dataDir, 'truc', ['duty']);
    const s = testService(dataDir);
    await s.call('w', 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    await s.call('w', 'auth.lock', {});
    const signedIn = await s.call('w', 'auth.signIn', { username: 'truc', password: 'mật khẩu của tôi' });
    expect(signedIn).toMatchObject({ ok: true, value: { username: 'truc' } });
    expect(await s.call('w', 'system.status', {})).toMatchObject({ value: { user: { username: 'truc', roles: ['duty'] } } });
    expect(await s.call('w', 'system.stats', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    s.close();
    const store = openStore(dataDir);
    const last = [...store.readAll()].slice(-2).map((e) => e.type);
    expect(last).toEqual(['UserSignedOut', 'UserSignedIn']);
    store.close();
  });

  it('the idle lock time is a facility setting the admin changes (an event); out-of-range is refused', async () => {
    const { service, dataDir } = await setUpFacility();
    expect(await service.call('admin', 'system.status', {})).toMatchObject({ value: { idleLockMinutes: 10 } });
    expect(await service.call('admin', 'system.setIdleLock', { minutes: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'minutes', code: 'idleLockRange' }] } });
    expect(await service.call('admin', 'system.setIdleLock', { minutes: 3 })).toMatchObject({ ok: true, value: { minutes: 3 } });
    expect(await service.call('admin', 'system.status', {})).toMatchObject({ value: { idleLockMinutes: 3 } });
    service.close();
    await seedUser(dataDir, 'gv', ['teacher']);
    const s = testService(dataDir);
    await s.call('t', 'auth.signIn', { username: 'gv', password: 'mật khẩu của tôi' });
    expect(await s.call('t', 'system.setIdleLock', { minutes: 30 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    s.close();
  });
});
