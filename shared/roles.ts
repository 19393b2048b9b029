/** The roles a person can hold (several at once). Names are part of the contract: keep them. */
export const ROLES = ['admin', 'medical', 'duty', 'teacher', 'instructor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Permissions named by what they allow. `public` needs no sign-in (first-run set-up, sign-in),
 * `signedIn` needs any signed-in user; everything else lists the roles that hold it.
 */
export const PERMISSIONS = {
  public: 'public',
  signedIn: 'signedIn',
  'trainee.read': ['admin', 'medical', 'duty', 'teacher', 'instructor'],
  /** "intake" rights: held by admin and duty (PRODUCT.md). */
  'trainee.intake': ['admin', 'duty'],
  'system.admin': ['admin'],
  /** Bringing a paper or spreadsheet roster in from a CSV file (many admissions at once). */
  'trainee.import': ['admin'],
  /** Creating accounts, granting and revoking roles, deactivating, resetting passwords. */
  'accounts.manage': ['admin'],
  /** Medical data (HIV and other results, diagnoses, prescriptions, doses, labs, flag reasons): medical officers only. */
  'medical.read': ['medical'],
  'medical.write': ['medical'],
  /** Moving a trainee to the next stage of treatment (an explicit event, never automatic). */
  'trainee.phase': ['admin', 'duty', 'medical'],
  /** Separate-housing flags and work restrictions without their reasons: everyone who houses or assigns work. */
  'trainee.restrictions': ['admin', 'medical', 'duty', 'instructor'],
  /** The access log: who opened, exported, printed or backed up whose data. */
  'access.read': ['admin'],
  /** Housing board, keep-apart, headcount, conduct, rewards, ratings, duty log: reading. */
  'duty.read': ['admin', 'duty'],
  /** Recording them (the duty officers' daily work). */
  'duty.write': ['duty'],
  /** Dorms, rooms, beds, the violation catalog, the eligibility thresholds (facility set-up). */
  'facility.manage': ['admin'],
  /** Literacy classes, attendance, skill observations, progress: reading. */
  'literacy.read': ['admin', 'teacher'],
  /** Enrolling, taking attendance, recording observations and completion (the teachers' daily work). */
  'literacy.write': ['teacher'],
  /** Opening and closing classes (the admin sets the facility up; a teacher may open their own). */
  'literacy.manage': ['admin', 'teacher'],
  /** Workshops, assignments, labor sheets, output totals: reading. */
  'labor.read': ['admin', 'instructor'],
  /** Assigning trainees and keeping the daily labor sheet (the instructors' daily work). */
  'labor.write': ['instructor'],
  /** Opening, changing and closing workshops. */
  'labor.manage': ['admin', 'instructor'],
  /** Reintegration counselling for trainees near release: reading (and the list of who is due). */
  'reintegration.read': ['admin', 'teacher', 'instructor', 'duty'],
  /** Recording counselling sessions, their outcome and follow-up. */
  'reintegration.write': ['teacher', 'instructor'],
  /** The monthly facility report (medical figures in aggregate only: PRODUCT.md). */
  'reports.read': ['admin'],
} as const satisfies Record<string, 'public' | 'signedIn' | readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether someone holding `roles` (undefined when signed out) may use `permission`. */
export function isAllowed(permission: Permission, roles: readonly Role[] | undefined): boolean {
  const rule = PERMISSIONS[permission];
  if (rule === 'public') return true;
  if (roles === undefined) return false;
  if (rule === 'signedIn') return true;
  return roles.some((r) => (rule as readonly Role[]).includes(r));
}
