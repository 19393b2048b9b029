/** Placeholder until the detox slice lands: replaced by its owner. */
export function DetoxCard(): null {
  return null;
}
