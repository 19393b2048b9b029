import type { Projection } from '../../store/projection';

/**
 * Rewards (one row each), the monthly ratings (the one in force per trainee and month: a
 * re-rating overwrites, a void replays the trainee's conduct stream) and the eligibility rules.
 */
export const recognitionProjection: Projection = {
  name: 'duty_recognition',
  version: 1,
  tables: ['rewards', 'monthly_ratings', 'eligibility_rules'],
  schemaSql: `CREATE TABLE rewards (
    reward_id  TEXT PRIMARY KEY,
    trainee_id TEXT NOT NULL,
    batch_id   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    date       TEXT NOT NULL,
    seq        INTEGER NOT NULL
  );
  CREATE INDEX rewards_trainee ON rewards (trainee_id, date);
  CREATE INDEX rewards_date ON rewards (date);
  CREATE TABLE monthly_ratings (
    trainee_id TEXT NOT NULL,
    month      TEXT NOT NULL,
    rating     TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (trainee_id, month)
  );
  CREATE INDEX monthly_ratings_month ON monthly_ratings (month, trainee_id);
  CREATE TABLE eligibility_rules (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    rules TEXT NOT NULL,
    seq   INTEGER NOT NULL
  );`,
  bind(db) {
    const reward = db.prepare('INSERT INTO rewards (reward_id, trainee_id, batch_id, kind, reason, date, seq) VALUES (@rewardId, @traineeId, @batchId, @kind, @reason, @date, @seq)');
    const rate = db.prepare(
      `INSERT INTO monthly_ratings (trainee_id, month, rating, seq) VALUES (@traineeId, @month, @rating, @seq)
       ON CONFLICT (trainee_id, month) DO UPDATE SET rating = excluded.rating, seq = excluded.seq`,
    );
    const rules = db.prepare('INSERT INTO eligibility_rules (id, rules, seq) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET rules = excluded.rules, seq = excluded.seq');
    return (e) => {
      switch (e.type) {
        case 'RewardGranted':
          reward.run({ ...e.data, seq: e.seq });
          break;
        case 'MonthlyRated':
          rate.run({ traineeId: e.data.traineeId, month: e.data.month, rating: e.data.rating, seq: e.seq });
          break;
        case 'EligibilityRulesChanged':
          rules.run(JSON.stringify(e.data), e.seq);
          break;
        default:
          break;
      }
    };
  },
  resetStream(db) {
    const forget = ['rewards', 'monthly_ratings'].map((t) => db.prepare(`DELETE FROM ${t} WHERE trainee_id = ?`));
    return (stream) => {
      if (!stream.startsWith('conduct:')) return;
      const traineeId = stream.slice('conduct:'.length);
      for (const f of forget) f.run(traineeId);
    };
  },
};
