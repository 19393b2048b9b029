/** Placeholder until the detox slice lands: replaced by its owner. */
export function DetoxSection(_: { traineeId: string }): null {
  return null;
}
