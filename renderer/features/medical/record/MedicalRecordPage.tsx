/** Placeholder until the record/access slice lands: replaced by its owner. */
export function MedicalRecordPage(_: { traineeId: string }): null {
  return null;
}
