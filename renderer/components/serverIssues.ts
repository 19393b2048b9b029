import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { SenErrorData } from '../../shared/errors';
import { toSenError } from './feedback';

/**
 * Put the core's field issues on the matching form fields. `known` lists the form's field paths;
 * a `prefix` (e.g. "changes.") is stripped first. Returns true when at least one issue landed on
 * a field, so the caller need not repeat it elsewhere.
 */
export function applyServerIssues<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, known: readonly FieldPath<T>[], prefix = ''): boolean {
  const e: SenErrorData | null = toSenError(error);
  if (!e?.issues?.length) return false;
  let placed = false;
  for (const issue of e.issues) {
    const path = prefix && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
    const field = known.find((k) => k === path);
    if (field) {
      setError(field, { type: 'server', message: issue.code }, { shouldFocus: !placed });
      placed = true;
    }
  }
  return placed;
}
