import { z } from 'zod';
import { newPassword } from './accounts';

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
}

export interface DemoResult {
  facilityName: string;
  username: string;
  password: string;
  counts: DemoCounts;
  ms: number;
}
