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

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
}
