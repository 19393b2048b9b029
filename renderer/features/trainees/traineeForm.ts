import { z } from 'zod';
import {
  ADMISSION_TYPES,
  EDUCATION_LEVELS,
  SEXES,
  TRAINEE_DETAIL_FIELDS,
  traineeDetailsBase,
  traineeDetailsSchema,
  type TraineeDetails,
  type TraineeRecord,
} from '../../../shared/admissions';
import { formatDate, parseDisplayDate } from '../../../shared/dates';

/** A date as people type it (dd/mm/yyyy); converted to ISO once valid. */
export const displayDate = z.string().superRefine((s, ctx) => {
  if (s.trim() === '') ctx.addIssue({ code: 'custom', message: 'required' });
  else if (parseDisplayDate(s) === null) ctx.addIssue({ code: 'custom', message: 'invalidDate' });
});

const reasonText = z.string().trim().min(1, 'required').max(500, 'tooLong');

/**
 * The trainee form: the shared details schema with dates as display text and choices that must be
 * made (no silent default for sex or education). After the display checks, values are converted
 * to the contract's shape and checked again by the shared schema, cross-field rules included.
 */
function makeTraineeFormSchema(reasonRequired: boolean) {
  const base = traineeDetailsBase.extend({
    sex: z.enum(SEXES, { error: 'required' }),
    admissionType: z.enum(ADMISSION_TYPES, { error: 'required' }),
    educationLevel: z.enum(EDUCATION_LEVELS, { error: 'required' }),
    dateOfBirth: displayDate,
    admissionDate: displayDate,
    plannedReleaseDate: displayDate,
    reason: reasonRequired ? reasonText : z.string(),
  });
  return base
    .transform(({ reason, ...v }) => ({
      ...v,
      dateOfBirth: parseDisplayDate(v.dateOfBirth) ?? '',
      admissionDate: parseDisplayDate(v.admissionDate) ?? '',
      plannedReleaseDate: parseDisplayDate(v.plannedReleaseDate) ?? '',
      reason,
    }))
    .pipe(z.intersection(traineeDetailsSchema, z.object({ reason: z.string() })));
}

export const admitFormSchema = makeTraineeFormSchema(false);
export const correctFormSchema = makeTraineeFormSchema(true);

export type TraineeFormInput = z.input<typeof admitFormSchema>;
export type TraineeFormOutput = z.output<typeof admitFormSchema>;

/** Every path a server issue may name on this form. */
export const TRAINEE_FORM_PATHS = [
  ...TRAINEE_DETAIL_FIELDS,
  'familyContact.name',
  'familyContact.relationship',
  'familyContact.phone',
  'reason',
] as const satisfies readonly (keyof TraineeFormInput | `familyContact.${'name' | 'relationship' | 'phone'}`)[];

export function emptyTraineeForm(): Partial<TraineeFormInput> {
  return {
    fileNumber: '',
    fullName: '',
    dateOfBirth: '',
    idNumber: '',
    homeAddress: '',
    admissionType: 'compulsory',
    decisionNumber: '',
    admissionDate: '',
    plannedReleaseDate: '',
    substances: [],
    familyContact: { name: '', relationship: '', phone: '' },
    reason: '',
  };
}

export function traineeFormFromRecord(r: TraineeRecord): TraineeFormInput {
  return {
    fileNumber: r.fileNumber,
    fullName: r.fullName,
    sex: r.sex,
    dateOfBirth: formatDate(r.dateOfBirth),
    idNumber: r.idNumber,
    homeAddress: r.homeAddress,
    admissionType: r.admissionType,
    decisionNumber: r.decisionNumber,
    admissionDate: formatDate(r.admissionDate),
    plannedReleaseDate: formatDate(r.plannedReleaseDate),
    educationLevel: r.educationLevel,
    substances: [...r.substances],
    familyContact: { ...r.familyContact },
    reason: '',
  };
}

export function detailsOf(out: TraineeFormOutput): TraineeDetails {
  const { reason: _reason, ...details } = out;
  return details;
}

function comparable(field: keyof TraineeDetails, v: unknown): string {
  if (field === 'substances' && Array.isArray(v)) return JSON.stringify([...v].sort());
  if (field === 'familyContact' && v && typeof v === 'object') {
    const c = v as TraineeDetails['familyContact'];
    return JSON.stringify([c.name, c.relationship, c.phone]);
  }
  return JSON.stringify(v);
}

/** Only the fields that differ from the record: what a correction sends. */
export function changedFields(record: TraineeDetails, next: TraineeDetails): Partial<TraineeDetails> {
  const changes: Partial<TraineeDetails> = {};
  for (const field of TRAINEE_DETAIL_FIELDS) {
    if (comparable(field, record[field]) !== comparable(field, next[field])) {
      (changes as Record<string, unknown>)[field] = next[field];
    }
  }
  return changes;
}
