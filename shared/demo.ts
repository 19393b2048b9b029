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
  reintegration: DemoReintegrationCounts;
  classes: DemoClassesCounts;
  literacy: DemoLiteracyCounts;
  labor: DemoLaborCounts;
  duty: DemoDutyCounts;
}

/** Counselling sessions recorded in the trainees' last months, and how many trainees had one. */
export interface DemoReintegrationCounts {
  sessions: number;
  counselled: number;
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

/** What the duty area recorded over the years (the layout, beds, conduct, rewards, ratings, counts). */
export interface DemoDutyCounts {
  dorms: number;
  rooms: number;
  /** Beds in all rooms of the layout. */
  beds: number;
  bedsAssigned: number;
  moves: number;
  vacated: number;
  /** Placements recorded despite warnings, with a reason. */
  overrides: number;
  keepApartRules: number;
  headcounts: number;
  /** Counts that differed from the roster (each resolved the next morning, unless on the last day). */
  mismatches: number;
  incidents: number;
  /** One per trainee of an incident. */
  violations: number;
  measures: number;
  /** One per trainee rewarded. */
  rewards: number;
  ratings: number;
  shiftNotes: number;
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

/** What the labor area recorded: workshops, assignments over the years, daily sheets lately. */
export interface DemoLaborCounts {
  workshops: number;
  /** Assignments made (moves included). */
  assignments: number;
  /** Of which moves out of a workshop using blades after a work restriction. */
  moves: number;
  /** Daily sheets recorded (one per workshop and working day, from `sheetsFrom` only). */
  sheets: number;
  /** Sheet rows (one LaborRecorded each). */
  entries: number;
  absences: number;
  /** The first day daily sheets are recorded for (yyyy-MM-dd). */
  sheetsFrom: string;
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
  /** Other people to sign in as (with the same password): the medical officer, a duty officer, the teacher, an instructor. */
  staff: DemoStaff[];
  counts: DemoCounts;
  ms: number;
}
