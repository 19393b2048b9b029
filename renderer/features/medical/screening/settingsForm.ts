import { z } from 'zod';
import { medicalSettingsSchema, SCREENING_TESTS, type MedicalSettings, type ScreeningTest } from '../../../../shared/medical/common';

/** A number field as Mantine's NumberInput gives it: a number, or '' when emptied (also used by other settings forms). */
export const typed = z.union([z.number(), z.string()]).transform((v, ctx) => {
  if (v === '' || (typeof v === 'number' && Number.isNaN(v))) {
    ctx.addIssue({ code: 'custom', message: 'required' });
    return z.NEVER;
  }
  return Number(v);
});

/** The settings form: every field required, then the shared schema's ranges (same messages as the core). */
export const settingsFormSchema = z
  .object({
    rescreenDays: z.object(Object.fromEntries(SCREENING_TESTS.map((t) => [t, typed])) as Record<ScreeningTest, typeof typed>),
    assessmentIntervalHours: typed,
    adherenceThresholdPercent: typed,
    viralLoadIntervalDays: typed,
    viralLoadHighCopies: typed,
  })
  .pipe(medicalSettingsSchema);

export type SettingsFormInput = z.input<typeof settingsFormSchema>;
export type SettingsFormOutput = MedicalSettings;

export const SETTINGS_FORM_PATHS = [
  ...SCREENING_TESTS.map((t) => `rescreenDays.${t}` as const),
  'assessmentIntervalHours',
  'adherenceThresholdPercent',
  'viralLoadIntervalDays',
  'viralLoadHighCopies',
] as const;
