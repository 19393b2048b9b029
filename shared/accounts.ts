import { z } from 'zod';
import { ROLES, type Role } from './roles';

export const MIN_PASSWORD_LENGTH = 10;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'invalidUsername');

export const newPassword = z.string().min(MIN_PASSWORD_LENGTH, 'passwordTooShort').max(200, 'tooLong');

export const setupInput = z
  .object({
    facilityName: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    fullName: z.string().trim().min(1, 'required').max(100, 'tooLong'),
    username,
    password: newPassword,
    passwordConfirm: z.string(),
  })
  .refine((d) => d.password === d.passwordConfirm, { path: ['passwordConfirm'], message: 'passwordsDiffer' });

export const signInInput = z.object({
  username: z.string().trim().toLowerCase().min(1, 'required').max(32, 'tooLong'),
  password: z.string().min(1, 'required').max(200, 'tooLong'),
});

export const roleSchema = z.enum(ROLES);

/** Consecutive failed sign-ins that lock an account, and for how long. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 5;

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  /** Set after an admin created the account or reset its password: only auth.changePassword, auth.signOut and system.status answer until the person chooses a new one. */
  mustChangePassword?: boolean;
  /** The screen is locked (idle or on request): only signing in again (this person or another) or out answers. */
  locked?: boolean;
}

const fullName = z.string().trim().min(1, 'required').max(100, 'tooLong');
/** One or more roles, each once. */
const roleList = z
  .array(roleSchema)
  .min(1, 'rolesRequired')
  .transform((roles) => ROLES.filter((r) => roles.includes(r)));
const userId = z.uuid('invalidId');

export const createAccountInput = z
  .object({
    fullName,
    username,
    roles: roleList,
    /** The initial password the admin types; the person must change it at first sign-in. */
    password: newPassword,
    passwordConfirm: z.string(),
  })
  .strict()
  .refine((d) => d.password === d.passwordConfirm, { path: ['passwordConfirm'], message: 'passwordsDiffer' });

export const setRolesInput = z.object({ userId, roles: roleList }).strict();

export const userIdInput = z.object({ userId }).strict();

export const resetPasswordInput = z
  .object({ userId, password: newPassword, passwordConfirm: z.string() })
  .strict()
  .refine((d) => d.password === d.passwordConfirm, { path: ['passwordConfirm'], message: 'passwordsDiffer' });

export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, 'required').max(200, 'tooLong'), newPassword, newPasswordConfirm: z.string() })
  .strict()
  .refine((d) => d.newPassword === d.newPasswordConfirm, { path: ['newPasswordConfirm'], message: 'passwordsDiffer' });

/** One account as the admin's list shows it; never the password hash. */
export interface AccountSummary {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  /** When a lockout after failed sign-ins ends, while it lasts. */
  lockedUntil: string | null;
}
