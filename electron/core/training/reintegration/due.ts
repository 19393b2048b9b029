import { daysBetween } from '../../demo/calendar';
import { COUNSELLING_KINDS, FOLLOW_UP_SOON_DAYS, type CounsellingKind, type CounsellingOutcome, type DueTrainee, type FollowUpState } from '../../../../shared/training/reintegration';

/** Who is due for counselling, pure (unit-tested at the N-days boundary and for follow-ups). */

export function followUpState(followUpDate: string, day: string): FollowUpState {
  const days = daysBetween(day, followUpDate);
  if (days < 0) return 'overdue';
  return days < FOLLOW_UP_SOON_DAYS ? 'due' : 'planned';
}

export interface NearRelease {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  admissionDate: string;
  plannedReleaseDate: string;
}

export interface SessionFact {
  traineeId: string;
  date: string;
  seq: number;
  kind: CounsellingKind;
  outcome: CounsellingOutcome;
  followUpDate: string | null;
  counsellorName: string | null;
}

/**
 * The trainees (in care on `day`) whose planned release is at most `withinDays` days after `day`,
 * with their sessions up to `day`: those never counselled first, then the nearest release first
 * (ties keep the order given). The latest session's follow-up is the one that counts.
 */
export function dueRows(trainees: readonly NearRelease[], sessions: readonly SessionFact[], day: string, withinDays: number): DueTrainee[] {
  const mine = new Map<string, SessionFact[]>();
  for (const s of sessions) {
    if (s.date > day) continue;
    const list = mine.get(s.traineeId) ?? [];
    list.push(s);
    mine.set(s.traineeId, list);
  }
  const rows: DueTrainee[] = [];
  for (const t of trainees) {
    const daysLeft = daysBetween(day, t.plannedReleaseDate);
    if (daysLeft > withinDays) continue;
    const list = (mine.get(t.traineeId) ?? []).sort((a, b) => (a.date === b.date ? a.seq - b.seq : a.date < b.date ? -1 : 1));
    const byKind = Object.fromEntries(COUNSELLING_KINDS.map((k) => [k, 0])) as Record<CounsellingKind, number>;
    for (const s of list) byKind[s.kind] += 1;
    const last = list.at(-1);
    rows.push({
      ...t,
      daysLeft,
      sessions: list.length,
      byKind,
      last: last ? { date: last.date, kind: last.kind, outcome: last.outcome, counsellorName: last.counsellorName } : null,
      followUp: last?.followUpDate ? { date: last.followUpDate, state: followUpState(last.followUpDate, day) } : null,
    });
  }
  const order = new Map(rows.map((r, i) => [r.traineeId, i]));
  return rows.sort((a, b) => Number(a.sessions > 0) - Number(b.sessions > 0) || a.daysLeft - b.daysLeft || order.get(a.traineeId)! - order.get(b.traineeId)!);
}
