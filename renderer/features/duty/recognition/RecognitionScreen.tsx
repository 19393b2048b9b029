/** Placeholder until the recognition slice lands: replaced by its owner. */
export function RecognitionScreen(): null {
  return null;
}
