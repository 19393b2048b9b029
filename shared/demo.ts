import { z } from 'zod';
import { newPassword } from './accounts';
import type { Role } from './roles';

/**
 * A demo facility: years of made-up history generated through the same commands the app uses,
 * into an empty database, for training and for trying Sen out. Never for real records.
 */
export const DEMO_USERNAME = 'admin';
/** The demo admin's password when none is given: this database holds sample data only. */
export const DEMO_PASSWORD = 'demo-sen-2026';

/** What the first-run screen asks for (a smaller facility); the CLI asks for more. */
export const DEMO_DEFAULTS = { trainees: 120, years: 3, seed: 2026 } as const;

export const demoInput = z
  .object({
    trainees: z.number().int().min(1).max(2000).default(DEMO_DEFAULTS.trainees),
    years: z.number().int().min(1).max(20).default(DEMO_DEFAULTS.years),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(DEMO_DEFAULTS.seed),
    /** The demo admin's password; DEMO_PASSWORD when absent. */
    password: newPassword.optional(),
  })
  .strict();

export interface DemoCounts {
  /** Events appended, all types. */
  events: number;
  admitted: number;
  corrected: number;
  released: number;
  releasedByKind: { completed: number; transferred: number; other: number };
  inCare: number;
  /** First and last simulated calendar days (yyyy-MM-dd). */
  from: string;
  to: string;
  medical: DemoMedicalCounts;
  classes: DemoClassesCounts;
  literacy: DemoLiteracyCounts;
}

/** What the literacy teacher observed: sheets saved, SkillsObserved events (one per trainee per sheet), completions. */
export interface DemoLiteracyCounts {
  sheets: number;
  observations: number;
  completions: number;
}

/** What the literacy teacher recorded: classes opened, enrolments and withdrawals, sessions and their marks. */
export interface DemoClassesCounts {
  classes: number;
  enrolments: number;
  withdrawals: number;
  sessions: number;
  /** AttendanceRecorded events (one per trainee per session). */
  attendance: number;
  absences: number;
}

/** What the medical area recorded over the years (and who is on ART at the end). */
export interface DemoMedicalCounts {
  screenings: number;
  detoxEpisodes: number;
  detoxAssessments: number;
  prescriptions: number;
  /** Doses recorded in the medication rounds (the last ROUND_DAYS days of the story only). */
  doses: number;
  artStarted: number;
  /** In care and on ART on the last day. */
  onArt: number;
  labs: number;
  referrals: number;
  housingFlags: number;
  workRestrictions: number;
  phaseChanges: number;
}

/** A staff account the demo creates besides the admin: same password as the admin. */
export interface DemoStaff {
  username: string;
  fullName: string;
  roles: Role[];
}

export interface DemoResult {
  facilityName: string;
  username: string;
  password: string;
  /** Other people to sign in as (with the same password): the medical officer, a duty officer, the teacher. */
  staff: DemoStaff[];
  counts: DemoCounts;
  ms: number;
}
