/** Placeholder until the conduct slice lands: replaced by its owner. */
export function ConductScreen(): null {
  return null;
}
