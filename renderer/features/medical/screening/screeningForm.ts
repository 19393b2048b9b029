import { z } from 'zod';
import { parseDisplayDate } from '../../../../shared/dates';
import {
  recordScreeningInput,
  SEROLOGY_RESULTS,
  TB_SYMPTOMS,
  URINE_PANEL,
  URINE_RESULTS,
  VITAL_FIELDS,
  type RecordScreeningInput,
  type TbSymptom,
  type UrineCode,
  type UrineResult,
  type VitalField,
} from '../../../../shared/medical/screening';
import { displayDate } from '../../trainees/traineeForm';

/** A measurement as typed: empty, or a number with a dot or a Vietnamese decimal comma. */
const typedNumber = z.string().trim().regex(/^(\d+([.,]\d+)?)?$/, 'invalid');
const toNumber = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim().replace(',', '.')));

/**
 * The screening form: what people type (dates as dd/mm/yyyy, "not done" as an empty choice,
 * measurements as text), converted to the shared command's shape and checked by its schema, so
 * the form and the core refuse the same things with the same messages at the same paths.
 */
export function screeningFormSchema(traineeId: string) {
  return z
    .object({
      date: displayDate,
      tbDone: z.boolean(),
      results: z.object({
        hiv: z.enum(['', ...SEROLOGY_RESULTS]),
        hbv: z.enum(['', ...SEROLOGY_RESULTS]),
        hcv: z.enum(['', ...SEROLOGY_RESULTS]),
        syphilis: z.enum(['', ...SEROLOGY_RESULTS]),
        tb: z.object(Object.fromEntries(TB_SYMPTOMS.map((s) => [s, z.boolean()])) as Record<TbSymptom, z.ZodBoolean>),
        urine: z.object(Object.fromEntries(URINE_PANEL.map((c) => [c, z.enum(['', ...URINE_RESULTS])])) as Record<UrineCode, z.ZodEnum<{ '': ''; negative: 'negative'; positive: 'positive' }>>),
        vitals: z.object(Object.fromEntries(VITAL_FIELDS.map((f) => [f, typedNumber])) as Record<VitalField, typeof typedNumber>),
      }),
      note: z.string(),
    })
    .transform((v) => {
      const r = v.results;
      const urineDone = URINE_PANEL.filter((c) => r.urine[c] !== '');
      const vitalsDone = VITAL_FIELDS.some((f) => r.vitals[f].trim() !== '');
      return {
        traineeId,
        date: parseDisplayDate(v.date) ?? '',
        results: {
          ...(r.hiv ? { hiv: r.hiv } : {}),
          ...(r.hbv ? { hbv: r.hbv } : {}),
          ...(r.hcv ? { hcv: r.hcv } : {}),
          ...(r.syphilis ? { syphilis: r.syphilis } : {}),
          ...(v.tbDone ? { tb: r.tb } : {}),
          ...(urineDone.length ? { urine: Object.fromEntries(urineDone.map((c) => [c, r.urine[c]])) as Partial<Record<UrineCode, UrineResult>> } : {}),
          ...(vitalsDone ? { vitals: Object.fromEntries(VITAL_FIELDS.map((f) => [f, toNumber(r.vitals[f])])) as Record<VitalField, number | null> } : {}),
        },
        note: v.note,
      };
    })
    // The command's `note` defaults when absent; the form always sends one, hence the narrower input.
    .pipe(recordScreeningInput as z.ZodType<RecordScreeningInput, RecordScreeningInput>);
}

export type ScreeningFormInput = z.input<ReturnType<typeof screeningFormSchema>>;
export type ScreeningFormOutput = z.output<ReturnType<typeof screeningFormSchema>>;

export function emptyScreeningForm(date: string): ScreeningFormInput {
  return {
    date,
    tbDone: false,
    results: {
      hiv: '',
      hbv: '',
      hcv: '',
      syphilis: '',
      tb: Object.fromEntries(TB_SYMPTOMS.map((s) => [s, false])) as Record<TbSymptom, boolean>,
      urine: Object.fromEntries(URINE_PANEL.map((c) => [c, ''])) as Record<UrineCode, ''>,
      vitals: Object.fromEntries(VITAL_FIELDS.map((f) => [f, ''])) as Record<VitalField, string>,
    },
    note: '',
  };
}

/** Every path a server issue may name on this form. */
export const SCREENING_FORM_PATHS = [
  'date',
  'note',
  'results',
  'results.hiv',
  'results.hbv',
  'results.hcv',
  'results.syphilis',
  'results.urine',
  'results.vitals',
  ...VITAL_FIELDS.map((f) => `results.vitals.${f}` as const),
] as const;
