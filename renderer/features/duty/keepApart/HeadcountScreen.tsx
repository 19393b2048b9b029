/** Placeholder until the keepApart slice lands: replaced by its owner. */
export function HeadcountScreen(): null {
  return null;
}
