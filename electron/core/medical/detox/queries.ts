import type Database from 'better-sqlite3';
import type { DetoxDashboardRow, DetoxEpisodeView, DetoxOutcome, DetoxSubstance, DetoxTrend } from '../../../../shared/medical/detox';
import { bandOf, BUILT_IN_SCALES, type Answers, type ScaleDefinition } from '../../../../shared/medical/scales';

/** Built-in scales first, then the facility's in the order they were defined. */
export function listScales(db: Database.Database): ScaleDefinition[] {
  const defined = db.prepare<[], { definition: string }>('SELECT definition FROM detox_scales ORDER BY seq').all();
  return [...BUILT_IN_SCALES, ...defined.map((r) => JSON.parse(r.definition) as ScaleDefinition)];
}

export function findScale(db: Database.Database, id: string): ScaleDefinition | null {
  const builtIn = BUILT_IN_SCALES.find((s) => s.id === id);
  if (builtIn) return builtIn;
  const row = db.prepare<[string], { definition: string }>('SELECT definition FROM detox_scales WHERE id = ?').get(id);
  return row ? (JSON.parse(row.definition) as ScaleDefinition) : null;
}

export function definedScaleIds(db: Database.Database): Set<string> {
  return new Set(db.prepare<[], { id: string }>('SELECT id FROM detox_scales').all().map((r) => r.id));
}

export function traineeForDetox(db: Database.Database, traineeId: string): { status: string; admissionDate: string } | null {
  const r = db.prepare<[string], { status: string; admission_date: string }>('SELECT status, admission_date FROM trainees WHERE id = ?').get(traineeId);
  return r ? { status: r.status, admissionDate: r.admission_date } : null;
}

interface EpisodeRow {
  id: string;
  trainee_id: string;
  substance: string;
  scale_id: string;
  started_at: string;
  closed_at: string | null;
  outcome: string | null;
  note: string;
}

/** A trainee's episodes, newest first, each with its assessments oldest first (two indexed reads). */
export function traineeEpisodes(db: Database.Database, traineeId: string): DetoxEpisodeView[] {
  const episodes = db
    .prepare<[string], EpisodeRow>('SELECT * FROM detox_episodes WHERE trainee_id = ? ORDER BY started_at DESC, seq DESC')
    .all(traineeId);
  const assessments = db
    .prepare<[string], { seq: number; episode_id: string; assessed_at: string; answers: string; total: number | null; actor_name: string | null; actor: string | null }>(
      `SELECT a.seq, a.episode_id, a.assessed_at, a.answers, a.total, a.actor, u.full_name AS actor_name
       FROM detox_assessments a LEFT JOIN users u ON u.id = a.actor
       WHERE a.trainee_id = ? ORDER BY a.assessed_at, a.seq`,
    )
    .all(traineeId);
  return episodes.map((e) => ({
    episodeId: e.id,
    traineeId: e.trainee_id,
    substance: e.substance as DetoxSubstance,
    scaleId: e.scale_id,
    startedAt: e.started_at,
    closedAt: e.closed_at,
    outcome: e.outcome as DetoxOutcome | null,
    note: e.note,
    assessments: assessments
      .filter((a) => a.episode_id === e.id)
      .map((a) => ({ seq: a.seq, assessedAt: a.assessed_at, answers: JSON.parse(a.answers) as Answers, total: a.total, actor: a.actor_name ?? a.actor })),
  }));
}

function trendOf(last: number | null, prev: number | null): DetoxTrend | null {
  if (last === null || prev === null) return null;
  return last > prev ? 'up' : last < prev ? 'down' : 'flat';
}

/**
 * Open episodes of trainees in care. CROSS JOIN keeps the open episodes (a few dozen, in their
 * partial index) as the outer loop, rather than every trainee in care.
 */
export const DASHBOARD_SQL = `SELECT e.*, t.full_name, t.file_number FROM detox_episodes e CROSS JOIN trainees t ON t.id = e.trainee_id
  WHERE e.closed_at IS NULL AND t.status = 'in_care'`;

/**
 * Active episodes of trainees in care, most overdue first. One query over the partial index of
 * open episodes joined to the roster; bands and due times computed here from the scale data.
 */
export function detoxDashboard(db: Database.Database, now: Date, intervalHours: number): DetoxDashboardRow[] {
  const rows = db
    .prepare<
      [],
      EpisodeRow & { full_name: string; file_number: string; last_assessed_at: string | null; last_total: number | null; trend_last: number | null; trend_prev: number | null }
    >(DASHBOARD_SQL)
    .all();
  const scales = new Map(listScales(db).map((s) => [s.id, s]));
  const intervalMs = intervalHours * 3_600_000;
  const out = rows.map((r): DetoxDashboardRow => {
    const scale = scales.get(r.scale_id);
    const hasBands = (scale?.bands.length ?? 0) > 0;
    const nextDueAt = new Date(Date.parse(r.last_assessed_at ?? r.started_at) + intervalMs).toISOString();
    return {
      episodeId: r.id,
      traineeId: r.trainee_id,
      fullName: r.full_name,
      fileNumber: r.file_number,
      substance: r.substance as DetoxSubstance,
      scaleId: r.scale_id,
      scaleName: scale?.name ?? { vi: r.scale_id, en: r.scale_id },
      startedAt: r.started_at,
      lastAssessedAt: r.last_assessed_at,
      lastTotal: r.last_total,
      band: scale && hasBands && r.last_total !== null ? bandOf(scale, r.last_total) : null,
      trend: hasBands ? null : trendOf(r.trend_last, r.trend_prev),
      nextDueAt,
      overdue: nextDueAt < now.toISOString(),
    };
  });
  return out.sort((a, b) => a.nextDueAt.localeCompare(b.nextDueAt) || a.fullName.localeCompare(b.fullName, 'vi'));
}
