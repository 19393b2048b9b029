import type { z } from 'zod';
import type { CORE_ISSUE_CODES, FieldIssue } from '../../shared/errors';

const KNOWN_ZOD_CODES: Record<string, (typeof CORE_ISSUE_CODES)[number]> = {
  invalid_type: 'invalidType',
  unrecognized_keys: 'unknownField',
  invalid_value: 'invalidChoice',
  too_small: 'required',
  too_big: 'tooLong',
};

/**
 * zod issues as field issues. Our schemas set message keys (`required`, `invalidDate`, …); where
 * zod's default message would show instead, use a key for its code so the renderer can translate it.
 */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const custom = /^[a-z][A-Za-z]*$/.test(issue.message);
    return { path: issue.path.map(String).join('.'), code: custom ? issue.message : (KNOWN_ZOD_CODES[issue.code] ?? 'invalid') };
  });
}
