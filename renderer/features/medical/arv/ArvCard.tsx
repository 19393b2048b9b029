/** Placeholder until the arv slice lands: replaced by its owner. */
export function ArvCard(): null {
  return null;
}
