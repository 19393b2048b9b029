import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLERS, HANDLER_NAMES, type HandlerName } from '../../shared/api';
import { isAllowed, PERMISSIONS, ROLES, type Role } from '../../shared/roles';
import type { CoreService } from '../../electron/core/types';
import { cleanupTempDirs, seedUser, setUpFacility, testService } from '../support/core';

/**
 * Every handler x every role (and signed out): the core allows or refuses exactly as the matrix
 * in shared/roles.ts says. Inputs are deliberately empty: the permission check comes before
 * validation, so a refusal is FORBIDDEN/UNAUTHENTICATED and anything else means it was let through.
 */
let service: CoreService;

beforeAll(async () => {
  const setup = await setUpFacility();
  service = setup.service;
  service.close();
  for (const role of ROLES) await seedUser(setup.dataDir, `user-${role}`, [role]);
  service = testService(setup.dataDir);
  for (const role of ROLES) {
    const r = await service.call(role, 'auth.signIn', { username: `user-${role}`, password: 'mật khẩu của tôi' });
    if (!r.ok) throw new Error(r.error.message);
  }
});
afterAll(() => {
  service.close();
  cleanupTempDirs();
});

// Signing out would end the probing session itself; its permission (signedIn) is covered by the service tests.
const probe = HANDLER_NAMES.filter((n) => n !== 'auth.signOut');

describe('permission matrix', () => {
  it('every handler declares a permission that exists in the matrix', () => {
    for (const name of HANDLER_NAMES) {
      expect(Object.keys(PERMISSIONS), name).toContain(HANDLERS[name].permission);
    }
    expect(Object.keys(HANDLERS).sort()).toEqual([...HANDLER_NAMES].sort());
  });

  it('intake rights are held by admin and duty only; system.admin by admin only', () => {
    expect(ROLES.filter((r) => isAllowed('trainee.intake', [r]))).toEqual(['admin', 'duty']);
    expect(ROLES.filter((r) => isAllowed('system.admin', [r]))).toEqual(['admin']);
    expect(isAllowed('trainee.read', undefined)).toBe(false);
    expect(isAllowed('public', undefined)).toBe(true);
  });

  const cases: [HandlerName, Role | 'signed-out'][] = probe.flatMap((name) => [...ROLES, 'signed-out' as const].map((role) => [name, role] as [HandlerName, Role | 'signed-out']));

  it.each(cases)('%s as %s', async (name, role) => {
    const allowed = isAllowed(HANDLERS[name].permission, role === 'signed-out' ? undefined : [role]);
    const r = await service.call(role, name, {});
    const refusedCode = r.ok ? null : r.error.code;
    if (allowed) {
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).not.toContain(refusedCode);
    } else {
      expect(refusedCode).toBe(role === 'signed-out' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });
});
