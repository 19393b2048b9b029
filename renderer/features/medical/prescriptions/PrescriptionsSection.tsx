/** Placeholder until the prescriptions slice lands: replaced by its owner. */
export function PrescriptionsSection(_: { traineeId: string }): null {
  return null;
}
