import { DEFAULT_IDLE_LOCK_MINUTES } from '../../../shared/api';
import type { Projection } from '../store/projection';

/** The facility's own settings: its name and when Sen was set up. */
export const facilityProjection: Projection = {
  name: 'facility',
  version: 2,
  tables: ['facility'],
  schemaSql: `CREATE TABLE facility (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    name              TEXT NOT NULL,
    set_up_at         TEXT NOT NULL,
    idle_lock_minutes INTEGER NOT NULL DEFAULT ${DEFAULT_IDLE_LOCK_MINUTES}
  );`,
  bind(db) {
    const insert = db.prepare('INSERT INTO facility (id, name, set_up_at) VALUES (1, ?, ?)');
    const idleLock = db.prepare('UPDATE facility SET idle_lock_minutes = ? WHERE id = 1');
    return (e) => {
      if (e.type === 'FacilitySetUp') insert.run(e.data.name, e.recordedAt);
      else if (e.type === 'IdleLockChanged') idleLock.run(e.data.minutes);
    };
  },
};
