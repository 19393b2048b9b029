/** Placeholder until the prescriptions slice lands: replaced by its owner. */
export function RoundScreen(): null {
  return null;
}
