/** Placeholder until the screening slice lands: replaced by its owner. */
export function ScreeningDueCard(): null {
  return null;
}
