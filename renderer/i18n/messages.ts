import type { TFunction } from 'i18next';
import { LOCKOUT_FAILURES, MIN_PASSWORD_LENGTH } from '../../shared/accounts';
import { formatDateTime } from '../../shared/dates';
import { ERROR_CODES, type ErrorCode, type SenErrorData } from '../../shared/errors';
import { vi } from './vi';

type ValidationKey = keyof typeof vi.validation;

function isValidationKey(code: string): code is ValidationKey {
  return Object.prototype.hasOwnProperty.call(vi.validation, code);
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** A validation message key (from a zod issue or a server field issue) in the user's language. */
export function validationMessage(t: TFunction, code: string | undefined, params?: Record<string, string | number>): string {
  const key: ValidationKey = code !== undefined && isValidationKey(code) ? code : 'invalid';
  return t(`validation.${key}`, { min: MIN_PASSWORD_LENGTH, ...params });
}

/** What to tell the user about a failed call. */
export function errorMessage(t: TFunction, error: SenErrorData | undefined | null): string {
  const code: ErrorCode = error && isErrorCode(error.code) ? error.code : 'INTERNAL';
  const until = error?.params?.until;
  return t(`errors.${code}`, { failures: LOCKOUT_FAILURES, until: typeof until === 'string' ? formatDateTime(until) : '' });
}
