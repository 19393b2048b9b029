import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../shared/accounts';
import type { Result } from '../../shared/errors';
import type { StoredEvent } from '../../shared/events';
import { ADMIN_PASSWORD, cleanupTempDirs, openStore, projectionSnapshot, setUpFacility } from '../support/core';

afterEach(cleanupTempDirs);

function expectError(r: Result<unknown>, code: string): Result<unknown> & { ok: false } {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  if (r.ok) throw new Error('expected an error');
  expect(r.error.code).toBe(code);
  return r;
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const TEMP = 'tạm-thời-123';
const NEW = 'mật khẩu mới của tôi';

/** A clock the test moves by hand. */
function clock(start = '2026-11-25T08:00:00.000Z') {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

async function withOfficer(roles: string[] = ['duty'], now?: () => Date) {
  const { service, dataDir } = await setUpFacility(undefined, now);
  const created = await service.call('admin', 'accounts.create', { fullName: 'Phạm Văn Trực', username: 'truc', roles, password: TEMP, passwordConfirm: TEMP });
  const { userId } = value<{ userId: string }>(created);
  return { service, dataDir, userId };
}

async function list(service: Awaited<ReturnType<typeof setUpFacility>>['service']): Promise<AccountSummary[]> {
  return value<AccountSummary[]>(await service.call('admin', 'accounts.list', {}));
}

function userEvents(dataDir: string, userId: string): StoredEvent[] {
  const store = openStore(dataDir);
  const out = store.readStream(`user:${userId}`);
  store.close();
  return out;
}

describe('account management', () => {
  it('creates an account that must change its password; the list never carries hashes', async () => {
    const { service, userId } = await withOfficer(['duty', 'teacher']);
    const accounts = await list(service);
    expect(accounts.map((a) => a.username).sort()).toEqual(['admin', 'truc']);
    const truc = accounts.find((a) => a.id === userId)!;
    expect(truc).toMatchObject({ username: 'truc', fullName: 'Phạm Văn Trực', roles: ['duty', 'teacher'], active: true, mustChangePassword: true, lastSignInAt: null, lockedUntil: null });
    expect(JSON.stringify(accounts)).not.toMatch(/scrypt|hash/i);
    service.close();
  });

  it('refuses a duplicate username, with a field issue', async () => {
    const { service } = await withOfficer();
    const r = expectError(await service.call('admin', 'accounts.create', { fullName: 'Khác', username: 'TRUC', roles: ['medical'], password: TEMP, passwordConfirm: TEMP }), 'DUPLICATE_USERNAME');
    expect(r.error.issues).toEqual([{ path: 'username', code: 'duplicateUsername' }]);
    expectError(await service.call('admin', 'accounts.create', { fullName: 'Không vai trò', username: 'norole', roles: [], password: TEMP, passwordConfirm: TEMP }), 'VALIDATION');
    service.close();
  });

  it('events carry the admin as actor', async () => {
    const { service, dataDir, userId } = await withOfficer();
    const admin = (await list(service)).find((a) => a.username === 'admin')!;
    value(await service.call('admin', 'accounts.setRoles', { userId, roles: ['duty', 'medical'] }));
    value(await service.call('admin', 'accounts.resetPassword', { userId, password: TEMP + 'x', passwordConfirm: TEMP + 'x' }));
    value(await service.call('admin', 'accounts.deactivate', { userId }));
    value(await service.call('admin', 'accounts.reactivate', { userId }));
    service.close();
    const events = userEvents(dataDir, userId);
    expect(events.map((e) => e.type)).toEqual(['UserCreated', 'UserRolesChanged', 'PasswordReset', 'UserDeactivated', 'UserReactivated']);
    for (const e of events) expect(e.meta).toMatchObject({ actor: admin.id, actorRoles: ['admin'] });
    expect(events[1]!.data).toEqual({ userId, from: ['duty'], to: ['medical', 'duty'] });
  });

  it('the last active admin cannot be deactivated or lose the admin role; a second admin makes it possible', async () => {
    const { service, userId } = await withOfficer();
    const admin = (await list(service)).find((a) => a.username === 'admin')!;
    expectError(await service.call('admin', 'accounts.deactivate', { userId: admin.id }), 'LAST_ADMIN');
    expectError(await service.call('admin', 'accounts.setRoles', { userId: admin.id, roles: ['duty'] }), 'LAST_ADMIN');
    value(await service.call('admin', 'accounts.setRoles', { userId, roles: ['admin', 'duty'] }));
    value(await service.call('admin', 'accounts.setRoles', { userId: admin.id, roles: ['admin', 'medical'] }));
    // The other admin has not signed in; still an active admin, so the first one may step down.
    value(await service.call('admin', 'accounts.deactivate', { userId: admin.id }));
    // …and its own session ended at once.
    expectError(await service.call('admin', 'accounts.list', {}), 'UNAUTHENTICATED');
    service.close();
  });

  it('a deactivated account cannot sign in and its open session ends at once', async () => {
    const { service, userId } = await withOfficer();
    value(await service.call('duty', 'auth.signIn', { username: 'truc', password: TEMP }));
    value(await service.call('duty', 'auth.changePassword', { currentPassword: TEMP, newPassword: NEW, newPasswordConfirm: NEW }));
    expect((await service.call('duty', 'trainees.list', {})).ok).toBe(true);
    value(await service.call('admin', 'accounts.deactivate', { userId }));
    expectError(await service.call('duty', 'trainees.list', {}), 'UNAUTHENTICATED');
    expectError(await service.call('duty2', 'auth.signIn', { username: 'truc', password: NEW }), 'WRONG_CREDENTIALS');
    value(await service.call('admin', 'accounts.reactivate', { userId }));
    value(await service.call('duty2', 'auth.signIn', { username: 'truc', password: NEW }));
    service.close();
  });

  it('a role change applies to an open session at once', async () => {
    const { service, userId } = await withOfficer(['teacher']);
    value(await service.call('t', 'auth.signIn', { username: 'truc', password: TEMP }));
    value(await service.call('t', 'auth.changePassword', { currentPassword: TEMP, newPassword: NEW, newPasswordConfirm: NEW }));
    expectError(await service.call('t', 'accounts.list', {}), 'FORBIDDEN');
    value(await service.call('admin', 'accounts.setRoles', { userId, roles: ['teacher', 'admin'] }));
    expect((await service.call('t', 'accounts.list', {})).ok).toBe(true);
    const status = value<{ user: { roles: string[] } }>(await service.call('t', 'system.status', {}));
    expect(status.user.roles).toEqual(['admin', 'teacher']);
    value(await service.call('admin', 'accounts.setRoles', { userId, roles: ['teacher'] }));
    expectError(await service.call('t', 'accounts.list', {}), 'FORBIDDEN');
    service.close();
  });
});

describe('own password', () => {
  it('must-change: only changePassword, signOut and status answer until the password is changed', async () => {
    const { service } = await withOfficer();
    const user = value<{ mustChangePassword: boolean }>(await service.call('d', 'auth.signIn', { username: 'truc', password: TEMP }));
    expect(user.mustChangePassword).toBe(true);
    expectError(await service.call('d', 'trainees.list', {}), 'PASSWORD_CHANGE_REQUIRED');
    expect(value<{ user: { mustChangePassword: boolean } }>(await service.call('d', 'system.status', {})).user.mustChangePassword).toBe(true);
    // The temporary password cannot be kept, the current one must be right, the confirmation must match, ≥ 10 chars.
    expect(expectError(await service.call('d', 'auth.changePassword', { currentPassword: TEMP, newPassword: TEMP, newPasswordConfirm: TEMP }), 'VALIDATION').error.issues).toEqual([
      { path: 'newPassword', code: 'passwordUnchanged' },
    ]);
    expect(expectError(await service.call('d', 'auth.changePassword', { currentPassword: 'sai mật khẩu', newPassword: NEW, newPasswordConfirm: NEW }), 'VALIDATION').error.issues).toEqual([
      { path: 'currentPassword', code: 'wrongPassword' },
    ]);
    expectError(await service.call('d', 'auth.changePassword', { currentPassword: TEMP, newPassword: 'ngắn', newPasswordConfirm: 'ngắn' }), 'VALIDATION');
    expectError(await service.call('d', 'auth.changePassword', { currentPassword: TEMP, newPassword: NEW, newPasswordConfirm: NEW + '!' }), 'VALIDATION');
    value(await service.call('d', 'auth.changePassword', { currentPassword: TEMP, newPassword: NEW, newPasswordConfirm: NEW }));
    expect((await service.call('d', 'trainees.list', {})).ok).toBe(true);
    // The old password no longer works; the new one does, without a forced change.
    expectError(await service.call('d2', 'auth.signIn', { username: 'truc', password: TEMP }), 'WRONG_CREDENTIALS');
    expect(value<{ mustChangePassword: boolean }>(await service.call('d2', 'auth.signIn', { username: 'truc', password: NEW })).mustChangePassword).toBe(false);
    service.close();
  });

  it('an admin reset forces a change again, even in an open session', async () => {
    const { service, userId } = await withOfficer();
    value(await service.call('d', 'auth.signIn', { username: 'truc', password: TEMP }));
    value(await service.call('d', 'auth.changePassword', { currentPassword: TEMP, newPassword: NEW, newPasswordConfirm: NEW }));
    value(await service.call('admin', 'accounts.resetPassword', { userId, password: 'tạm thời mới 456', passwordConfirm: 'tạm thời mới 456' }));
    expectError(await service.call('d', 'trainees.list', {}), 'PASSWORD_CHANGE_REQUIRED');
    value(await service.call('d', 'auth.changePassword', { currentPassword: 'tạm thời mới 456', newPassword: NEW + '2', newPasswordConfirm: NEW + '2' }));
    expect((await service.call('d', 'trainees.list', {})).ok).toBe(true);
    service.close();
  });

  it('the admin can change their own password', async () => {
    const { service } = await setUpFacility();
    value(await service.call('admin', 'auth.changePassword', { currentPassword: ADMIN_PASSWORD, newPassword: NEW, newPasswordConfirm: NEW }));
    value(await service.call('w', 'auth.signIn', { username: 'admin', password: NEW }));
    service.close();
  });
});

describe('lockout', () => {
  it('5 wrong passwords lock the account for 5 minutes (logged), then it opens; a success resets the count', async () => {
    const c = clock();
    const { service, dataDir, userId } = await withOfficer(['duty'], c.now);
    for (let i = 0; i < 4; i++) expectError(await service.call('x', 'auth.signIn', { username: 'truc', password: 'sai mật khẩu' }), 'WRONG_CREDENTIALS');
    const locked = expectError(await service.call('x', 'auth.signIn', { username: 'truc', password: 'sai mật khẩu' }), 'ACCOUNT_LOCKED');
    const until = '2026-11-25T08:05:00.000Z';
    expect(locked.error.params).toEqual({ until });
    // Even the right password is refused while locked.
    expect(expectError(await service.call('x', 'auth.signIn', { username: 'truc', password: TEMP }), 'ACCOUNT_LOCKED').error.params).toEqual({ until });
    expect((await list(service)).find((a) => a.id === userId)!.lockedUntil).toBe(until);
    c.advance(4 * 60_000 + 59_000);
    expectError(await service.call('x', 'auth.signIn', { username: 'truc', password: TEMP }), 'ACCOUNT_LOCKED');
    c.advance(1_000);
    value(await service.call('x', 'auth.signIn', { username: 'truc', password: TEMP }));
    // The count started over: 4 failures, a success, 4 more do not lock.
    for (let i = 0; i < 4; i++) expectError(await service.call('y', 'auth.signIn', { username: 'truc', password: 'sai' }), 'WRONG_CREDENTIALS');
    value(await service.call('y', 'auth.signIn', { username: 'truc', password: TEMP }));
    for (let i = 0; i < 4; i++) expectError(await service.call('y', 'auth.signIn', { username: 'truc', password: 'sai' }), 'WRONG_CREDENTIALS');
    service.close();
    const types = userEvents(dataDir, userId).map((e) => e.type);
    expect(types.filter((t) => t === 'SignInFailed')).toHaveLength(13);
    expect(types.filter((t) => t === 'AccountLocked')).toHaveLength(1);
  });

  it('a username without an account locks the same way, so the answers do not reveal which accounts exist; nothing is written', async () => {
    const c = clock();
    const { service } = await withOfficer(['duty'], c.now);
    const answers = async (username: string) => {
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await service.call('x', 'auth.signIn', { username, password: 'sai mật khẩu' });
        codes.push(r.ok ? 'OK' : `${r.error.code}:${JSON.stringify(r.error.params ?? null)}`);
      }
      return codes;
    };
    const existing = await answers('truc');
    const unknown = await answers('khong-co-ai');
    expect(unknown).toEqual(existing);
    expect(unknown.slice(4)).toEqual(Array(2).fill('ACCOUNT_LOCKED:{"until":"2026-11-25T08:05:00.000Z"}'));
    // After the five minutes, the made-up name is counted from zero again.
    c.advance(5 * 60_000);
    expect((await answers('khong-co-ai')).slice(3, 5)).toEqual(['WRONG_CREDENTIALS:null', 'ACCOUNT_LOCKED:{"until":"2026-11-25T08:10:00.000Z"}']);
    // Only the real account's failures are in the log: five, and one lock.
    const stats = service.stats();
    service.close();
    expect(stats.eventsByType).toMatchObject({ SignInFailed: 5, AccountLocked: 1 });
  });

  it('an admin password reset ends a lockout', async () => {
    const c = clock();
    const { service, userId } = await withOfficer(['duty'], c.now);
    for (let i = 0; i < 5; i++) await service.call('x', 'auth.signIn', { username: 'truc', password: 'sai mật khẩu' });
    expectError(await service.call('x', 'auth.signIn', { username: 'truc', password: TEMP }), 'ACCOUNT_LOCKED');
    value(await service.call('admin', 'accounts.resetPassword', { userId, password: NEW, passwordConfirm: NEW }));
    value(await service.call('x', 'auth.signIn', { username: 'truc', password: NEW }));
    service.close();
  });

  it('the users table equals a rebuild from the log', async () => {
    const { service, dataDir, userId } = await withOfficer();
    await service.call('x', 'auth.signIn', { username: 'truc', password: 'sai' });
    value(await service.call('admin', 'accounts.setRoles', { userId, roles: ['medical'] }));
    value(await service.call('admin', 'accounts.deactivate', { userId }));
    service.close();
    const store = openStore(dataDir);
    const before = projectionSnapshot(store);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(before);
    store.close();
  });
});
