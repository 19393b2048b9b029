/** Placeholder until the screening slice lands: replaced by its owner. */
export function MedicalSettingsForm(): null {
  return null;
}
