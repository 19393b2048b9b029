import { atLeast, type EligibilityRules, type EligibleTrainee, type Rating } from '../../../../shared/duty/recognition';

/** Month arithmetic and the eligibility rules, pure (unit-tested over month and quarter boundaries). */

/** `yyyy-MM` shifted by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `n` months ending with `month`, oldest first. */
export function monthsEnding(month: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addMonths(month, i - n + 1));
}

/** The three months of the calendar quarter holding `month`. */
export function quarterOf(month: string): string[] {
  const m = Number(month.slice(5, 7));
  const first = addMonths(month, -((m - 1) % 3));
  return [first, addMonths(first, 1), addMonths(first, 2)];
}

/**
 * The last complete quarter as of `month`: its own quarter when `month` ends one, else the quarter
 * before (asked in August, April–June; July–September is still running and not yet rated).
 */
export function lastCompleteQuarter(month: string): string[] {
  const quarter = quarterOf(month);
  return quarter[2] === month ? quarter : quarterOf(addMonths(quarter[0]!, -1));
}

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one.
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Share of the term (admission → planned release) served on `day`, in whole percent, 0–100. */
export function servedPercent(admissionDate: string, plannedReleaseDate: string, day: string): number {
  const term = dayNumber(plannedReleaseDate) - dayNumber(admissionDate);
  if (term <= 0) return 100;
  const served = dayNumber(day) - dayNumber(admissionDate);
  return Math.max(0, Math.min(100, Math.floor((served * 100) / term)));
}

export interface CandidateTrainee {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  admissionDate: string;
  plannedReleaseDate: string;
}

/**
 * Commendation: every month of the last complete quarter as of `month` rated `commendationMinRating` or better,
 * at least `commendationGoodMonths` of them tốt. Term reduction: the `termMonths` months ending
 * with `month` rated `termMinRating` or better, and `termSharePercent` of the term served on `day`
 * (the month's last day, or today if earlier). A month not rated never counts as good enough.
 */
export function eligibleLists(
  rules: EligibilityRules,
  month: string,
  day: string,
  trainees: readonly CandidateTrainee[],
  ratings: ReadonlyMap<string, ReadonlyMap<string, Rating>>,
): { quarter: string[]; commendation: EligibleTrainee[]; termReduction: EligibleTrainee[] } {
  const quarter = lastCompleteQuarter(month);
  const recent = monthsEnding(month, rules.termMonths);
  const commendation: EligibleTrainee[] = [];
  const termReduction: EligibleTrainee[] = [];
  for (const t of trainees) {
    const mine = ratings.get(t.traineeId);
    const pick = (months: string[]) => months.map((m) => ({ month: m, rating: mine?.get(m) ?? null }));
    const base = { traineeId: t.traineeId, fileNumber: t.fileNumber, fullName: t.fullName };

    const q = pick(quarter);
    const goods = q.filter((m) => m.rating === 'good').length;
    if (q.every((m) => m.rating !== null && atLeast(m.rating, rules.commendationMinRating)) && goods >= rules.commendationGoodMonths) {
      commendation.push({ ...base, months: q, servedPercent: null });
    }

    const r = pick(recent);
    const served = servedPercent(t.admissionDate, t.plannedReleaseDate, day);
    if (served >= rules.termSharePercent && r.every((m) => m.rating !== null && atLeast(m.rating, rules.termMinRating))) {
      termReduction.push({ ...base, months: r, servedPercent: served });
    }
  }
  return { quarter, commendation, termReduction };
}
