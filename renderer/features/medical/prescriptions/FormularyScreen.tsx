/** Placeholder until the prescriptions slice lands: replaced by its owner. */
export function FormularyScreen(): null {
  return null;
}
