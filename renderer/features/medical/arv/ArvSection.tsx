/** Placeholder until the arv slice lands: replaced by its owner. */
export function ArvSection(_: { traineeId: string }): null {
  return null;
}
