import type { z } from 'zod';
import type { SenErrorData } from '../../../../shared/errors';

/** Field -> message key, from the shared schema's issues (the screen refuses what the core would). */
export function issuesOf(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

/** Field -> message key from a VALIDATION refusal of the core (dates against the record…). */
export function serverIssues(error: unknown): Record<string, string> {
  const e = error as SenErrorData | undefined;
  if (!e || e.code !== 'VALIDATION' || !e.issues) return {};
  return Object.fromEntries(e.issues.map((i) => [i.path, i.code]));
}
