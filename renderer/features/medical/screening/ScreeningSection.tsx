/** Placeholder until the screening slice lands: replaced by its owner. */
export function ScreeningSection(_: { traineeId: string }): null {
  return null;
}
