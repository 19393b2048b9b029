/** Placeholder until the keepApart slice lands: replaced by its owner. */
export function KeepApartScreen(): null {
  return null;
}
