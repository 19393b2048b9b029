/** Placeholder until the housing slice lands: replaced by its owner. */
export function LayoutScreen(): null {
  return null;
}
