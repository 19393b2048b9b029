import { z } from 'zod';
import { isoDate } from '../admissions';

/** Building blocks for the medical slices' schemas (messages are `validation.` keys). */
export const traineeId = z.uuid({ error: 'invalidId' });
export { isoDate };
export const text = (max: number) => z.string().trim().max(max, 'tooLong');
export const requiredText = (max: number) => text(max).min(1, 'required');
export const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'invalidChoice' });

/**
 * Facility settings the medical dashboards use. One event (MedicalSettingsChanged, on the
 * facility stream) carries the whole object; defaults apply until the first change.
 */
export const SCREENING_TESTS = ['hiv', 'hbv', 'hcv', 'syphilis', 'tb', 'urine', 'vitals'] as const;
export type ScreeningTest = (typeof SCREENING_TESTS)[number];

export const medicalSettingsSchema = z
  .object({
    /** Days between periodic re-screenings, per test; 0 = no periodic re-screening. */
    rescreenDays: z.object(Object.fromEntries(SCREENING_TESTS.map((t) => [t, z.number({ error: 'invalidType' }).int('invalid').min(0, 'outOfRange').max(3650, 'outOfRange')])) as Record<ScreeningTest, z.ZodNumber>).strict(),
    /** Hours between detox assessments (an episode is overdue after this). */
    assessmentIntervalHours: z.number({ error: 'invalidType' }).int('invalid').min(1, 'outOfRange').max(168, 'outOfRange'),
    /** ARV adherence below this percentage (last 30 days) shows on the dashboard. */
    adherenceThresholdPercent: z.number({ error: 'invalidType' }).int('invalid').min(50, 'outOfRange').max(100, 'outOfRange'),
    /** Days between viral load tests for a trainee on ART. */
    viralLoadIntervalDays: z.number({ error: 'invalidType' }).int('invalid').min(30, 'outOfRange').max(730, 'outOfRange'),
    /** A viral load at or above this (copies/mL) is high: counselling is due. */
    viralLoadHighCopies: z.number({ error: 'invalidType' }).int('invalid').min(50, 'outOfRange').max(100000, 'outOfRange'),
  })
  .strict();
export type MedicalSettings = z.infer<typeof medicalSettingsSchema>;

export const DEFAULT_MEDICAL_SETTINGS: MedicalSettings = {
  rescreenDays: { hiv: 180, hbv: 365, hcv: 365, syphilis: 365, tb: 180, urine: 30, vitals: 30 },
  assessmentIntervalHours: 8,
  adherenceThresholdPercent: 95,
  viralLoadIntervalDays: 180,
  viralLoadHighCopies: 1000,
};
