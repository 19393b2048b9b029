import type { Projection } from '../store/projection';

/** The facility's own settings: its name and when Sen was set up. */
export const facilityProjection: Projection = {
  name: 'facility',
  version: 1,
  tables: ['facility'],
  schemaSql: `CREATE TABLE facility (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    name      TEXT NOT NULL,
    set_up_at TEXT NOT NULL
  );`,
  bind(db) {
    const insert = db.prepare('INSERT INTO facility (id, name, set_up_at) VALUES (1, ?, ?)');
    return (e) => {
      if (e.type === 'FacilitySetUp') insert.run(e.data.name, e.recordedAt);
    };
  },
};
