import type { Projection } from '../../store/projection';

/**
 * Detox tables: facility-defined scales, one row per episode (with what the dashboard needs:
 * latest assessment, its total, the last two complete totals for the trend) and one row per
 * assessment. Episode rows are recomputed from their assessments on each one, so an assessment
 * entered late (an earlier time) lands in the right place.
 */
export const detoxProjection: Projection = {
  name: 'detox',
  version: 1,
  tables: ['detox_scales', 'detox_episodes', 'detox_assessments'],
  schemaSql: `CREATE TABLE detox_scales (
    id         TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    seq        INTEGER NOT NULL
  );
  CREATE TABLE detox_episodes (
    id               TEXT PRIMARY KEY,
    trainee_id       TEXT NOT NULL,
    substance        TEXT NOT NULL,
    scale_id         TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    closed_at        TEXT,
    outcome          TEXT,
    note             TEXT NOT NULL DEFAULT '',
    assessments      INTEGER NOT NULL DEFAULT 0,
    last_assessed_at TEXT,
    last_total       INTEGER,
    trend_last       INTEGER,
    trend_prev       INTEGER,
    seq              INTEGER NOT NULL
  );
  CREATE INDEX detox_episodes_trainee ON detox_episodes (trainee_id, started_at);
  CREATE INDEX detox_episodes_active ON detox_episodes (started_at) WHERE closed_at IS NULL;
  CREATE TABLE detox_assessments (
    seq         INTEGER PRIMARY KEY,
    episode_id  TEXT NOT NULL,
    trainee_id  TEXT NOT NULL,
    assessed_at TEXT NOT NULL,
    answers     TEXT NOT NULL,
    total       INTEGER,
    actor       TEXT
  );
  CREATE INDEX detox_assessments_episode ON detox_assessments (episode_id, assessed_at);
  CREATE INDEX detox_assessments_trainee ON detox_assessments (trainee_id);`,
  bind(db) {
    // OR IGNORE: a void elsewhere on the facility stream replays its events through this projection.
    const defineScale = db.prepare('INSERT OR IGNORE INTO detox_scales (id, definition, seq) VALUES (?, ?, ?)');
    const start = db.prepare(`INSERT INTO detox_episodes (id, trainee_id, substance, scale_id, started_at, seq) VALUES (?, ?, ?, ?, ?, ?)`);
    const episodeExists = db.prepare<[string]>('SELECT 1 FROM detox_episodes WHERE id = ?');
    const addAssessment = db.prepare(
      `INSERT INTO detox_assessments (seq, episode_id, trainee_id, assessed_at, answers, total, actor) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const latest = db.prepare<[string], { assessed_at: string; total: number | null; n: number }>(
      `SELECT assessed_at, total, (SELECT COUNT(*) FROM detox_assessments WHERE episode_id = a.episode_id) AS n
       FROM detox_assessments a WHERE episode_id = ? ORDER BY assessed_at DESC, seq DESC LIMIT 1`,
    );
    const lastComplete = db.prepare<[string], { total: number }>(
      `SELECT total FROM detox_assessments WHERE episode_id = ? AND total IS NOT NULL ORDER BY assessed_at DESC, seq DESC LIMIT 2`,
    );
    const summarize = db.prepare(
      `UPDATE detox_episodes SET assessments = ?, last_assessed_at = ?, last_total = ?, trend_last = ?, trend_prev = ? WHERE id = ?`,
    );
    const close = db.prepare('UPDATE detox_episodes SET closed_at = ?, outcome = ?, note = ? WHERE id = ?');

    return (e) => {
      switch (e.type) {
        case 'WithdrawalScaleDefined':
          defineScale.run(e.data.definition.id, JSON.stringify(e.data.definition), e.seq);
          break;
        case 'DetoxEpisodeStarted':
          start.run(e.data.episodeId, e.data.traineeId, e.data.substance, e.data.scaleId, e.data.startedAt, e.seq);
          break;
        case 'DetoxAssessed': {
          const d = e.data;
          // Replayed after a void of its episode: the episode is gone, so is the assessment.
          if (!episodeExists.get(d.episodeId)) break;
          addAssessment.run(e.seq, d.episodeId, d.traineeId, d.assessedAt, JSON.stringify(d.answers), d.total, e.meta.actor);
          const last = latest.get(d.episodeId)!;
          const complete = lastComplete.all(d.episodeId);
          summarize.run(last.n, last.assessed_at, last.total, complete[0]?.total ?? null, complete[1]?.total ?? null, d.episodeId);
          break;
        }
        case 'DetoxEpisodeClosed':
          close.run(e.data.closedAt, e.data.outcome, e.data.note, e.data.episodeId);
          break;
        default:
          break;
      }
    };
  },
  resetStream(db) {
    const forgetEpisodes = db.prepare('DELETE FROM detox_episodes WHERE trainee_id = ?');
    const forgetAssessments = db.prepare('DELETE FROM detox_assessments WHERE trainee_id = ?');
    return (stream) => {
      if (!stream.startsWith('medical:')) return;
      const traineeId = stream.slice('medical:'.length);
      forgetEpisodes.run(traineeId);
      forgetAssessments.run(traineeId);
    };
  },
};
