import { z } from 'zod';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import { changeRegimenInput, counsellingInput, labRequestInput, labResultInput, pillCountInput, startArtInput, type ArtChangeReason, type LabTest } from '../../../../shared/medical/arv';
import type { DoseSlot } from '../../../../shared/medical/prescriptions';
import { displayDate } from '../../trainees/traineeForm';

/**
 * The ARV forms: what people type (dates dd/mm/yyyy, numbers as text) converted to the command's
 * shape, then checked by the SHARED input schema, so the screen and the core agree on every rule.
 */
const iso = (s: string) => parseDisplayDate(s) ?? '';
/** A whole number typed in a text box (keyboard-first: no spinner). */
const wholeNumber = z
  .string()
  .trim()
  .min(1, 'required')
  .regex(/^\d{1,9}$/, 'invalid')
  .transform(Number);

export const today = () => formatDate(todayIso());

export function startFormSchema(traineeId: string) {
  return z
    .object({ date: displayDate, itemId: z.string().min(1, 'required'), dose: startArtInput.shape.dose, slots: z.array(z.string()).min(1, 'required') })
    .transform((v) => ({ ...v, traineeId, date: iso(v.date) }))
    .pipe(startArtInput);
}
export type StartFormInput = z.input<ReturnType<typeof startFormSchema>>;
export const emptyStartForm = (): StartFormInput => ({ date: today(), itemId: '', dose: '1 viên', slots: ['morning'] satisfies DoseSlot[] });

export function changeFormSchema(traineeId: string) {
  return z
    .object({ date: displayDate, itemId: z.string().min(1, 'required'), dose: startArtInput.shape.dose, slots: z.array(z.string()).min(1, 'required'), reasonCode: z.string().min(1, 'required'), reasonText: z.string() })
    .transform((v) => ({ ...v, traineeId, date: iso(v.date) }))
    .pipe(changeRegimenInput);
}
export type ChangeFormInput = z.input<ReturnType<typeof changeFormSchema>>;
export const emptyChangeForm = (dose: string, slots: DoseSlot[]): ChangeFormInput => ({ date: today(), itemId: '', dose, slots, reasonCode: '' as ArtChangeReason | '', reasonText: '' });

export function labRequestFormSchema(traineeId: string) {
  return z
    .object({ test: z.string(), requestedDate: displayDate })
    .transform((v) => ({ ...v, traineeId, requestedDate: iso(v.requestedDate) }))
    .pipe(labRequestInput);
}
export type LabRequestFormInput = z.input<ReturnType<typeof labRequestFormSchema>>;
export const emptyLabRequestForm = (test: LabTest = 'viral_load'): LabRequestFormInput => ({ test, requestedDate: today() });

export function labResultFormSchema(traineeId: string, labId: string) {
  return z
    .object({ receivedDate: displayDate, value: wholeNumber, undetectable: z.boolean() })
    .transform((v) => ({ ...v, traineeId, labId, receivedDate: iso(v.receivedDate) }))
    .pipe(labResultInput);
}
export type LabResultFormInput = z.input<ReturnType<typeof labResultFormSchema>>;
export const emptyLabResultForm = (): LabResultFormInput => ({ receivedDate: today(), value: '', undetectable: false });

export function pillCountFormSchema(traineeId: string) {
  return z
    .object({ date: displayDate, expected: wholeNumber, counted: wholeNumber, note: z.string() })
    .transform((v) => ({ ...v, traineeId, date: iso(v.date) }))
    .pipe(pillCountInput);
}
export type PillCountFormInput = z.input<ReturnType<typeof pillCountFormSchema>>;
export const emptyPillCountForm = (): PillCountFormInput => ({ date: today(), expected: '', counted: '', note: '' });

export function counsellingFormSchema(traineeId: string) {
  return z
    .object({ date: displayDate, session: wholeNumber, notes: z.string() })
    .transform((v) => ({ ...v, traineeId, date: iso(v.date) }))
    .pipe(counsellingInput);
}
export type CounsellingFormInput = z.input<ReturnType<typeof counsellingFormSchema>>;
export const emptyCounsellingForm = (session: number): CounsellingFormInput => ({ date: today(), session: String(session), notes: '' });
