/** Placeholder until the flags slice lands: replaced by its owner. */
export function FlagsCard(): null {
  return null;
}
