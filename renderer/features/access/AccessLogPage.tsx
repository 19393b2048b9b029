/** Placeholder until the access-log slice lands: replaced by its owner. */
export function AccessLogPage(): null {
  return null;
}
