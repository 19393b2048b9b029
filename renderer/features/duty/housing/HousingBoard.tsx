/** Placeholder until the housing slice lands: replaced by its owner. */
export function HousingBoard(): null {
  return null;
}
