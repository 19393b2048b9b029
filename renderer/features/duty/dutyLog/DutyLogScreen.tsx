/** Placeholder until the dutyLog slice lands: replaced by its owner. */
export function DutyLogScreen(): null {
  return null;
}
