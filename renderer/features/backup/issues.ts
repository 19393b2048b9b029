import type { z } from 'zod';
import { toSenError } from '../../components/feedback';

/** Field -> message key, from the shared schema's check in the form or the core's answer. */
export function fieldIssues(result: z.ZodSafeParseResult<unknown> | null, serverError?: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of toSenError(serverError)?.issues ?? []) out[i.path.split('.')[0]!] ??= i.code;
  if (result && !result.success) for (const i of result.error.issues) out[String(i.path[0] ?? '')] ??= i.message;
  return out;
}
