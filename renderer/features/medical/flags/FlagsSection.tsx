/** Placeholder until the flags slice lands: replaced by its owner. */
export function FlagsSection(_: { traineeId: string }): null {
  return null;
}
