/** A slice of the teachers' and instructors' area has the same parts as a duty slice: no medical data, no redaction. */
export type { DutySlice as TrainingSlice } from '../duty/slice';
