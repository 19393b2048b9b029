import type Database from 'better-sqlite3';
import { BACKUP_DEFAULTS, type BackupEntry, type BackupSettings } from '../../../shared/backup';
import type { Projection } from '../store/projection';

/** Every backup attempt (BackupRecorded) and the automatic-backup settings in force. */
export const backupsProjection: Projection = {
  name: 'backups',
  version: 1,
  tables: ['backups', 'backup_settings'],
  schemaSql: `CREATE TABLE backups (
    seq         INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    folder      TEXT NOT NULL,
    file        TEXT NOT NULL,
    automatic   INTEGER NOT NULL,
    verified    INTEGER NOT NULL,
    events      INTEGER NOT NULL,
    bytes       INTEGER NOT NULL,
    problem     TEXT NOT NULL
  );
  CREATE INDEX backups_verified ON backups (verified, seq);
  CREATE TABLE backup_settings (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    folder          TEXT NOT NULL,
    keep            INTEGER NOT NULL,
    every_hours     INTEGER NOT NULL,
    on_exit         INTEGER NOT NULL,
    warn_after_days INTEGER NOT NULL
  );`,
  bind(db) {
    const insert = db.prepare('INSERT INTO backups (seq, recorded_at, folder, file, automatic, verified, events, bytes, problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const settings = db.prepare(
      `INSERT INTO backup_settings (id, folder, keep, every_hours, on_exit, warn_after_days) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET folder = excluded.folder, keep = excluded.keep, every_hours = excluded.every_hours,
         on_exit = excluded.on_exit, warn_after_days = excluded.warn_after_days`,
    );
    return (e) => {
      if (e.type === 'BackupRecorded') {
        const d = e.data;
        insert.run(e.seq, e.recordedAt, d.folder, d.file, d.automatic ? 1 : 0, d.verified ? 1 : 0, d.events, d.bytes, d.problem);
      } else if (e.type === 'BackupSettingsChanged') {
        const d = e.data;
        settings.run(d.folder, d.keep, d.everyHours, d.onExit ? 1 : 0, d.warnAfterDays);
      }
    };
  },
};

interface BackupRow {
  seq: number;
  recorded_at: string;
  folder: string;
  file: string;
  automatic: number;
  verified: number;
  events: number;
  bytes: number;
  problem: string;
}

const entry = (r: BackupRow | undefined): BackupEntry | null =>
  r
    ? { seq: r.seq, recordedAt: r.recorded_at, folder: r.folder, file: r.file, automatic: r.automatic === 1, verified: r.verified === 1, events: r.events, bytes: r.bytes, problem: r.problem }
    : null;

export function lastBackups(db: Database.Database): { last: BackupEntry | null; lastVerified: BackupEntry | null; lastAutomatic: BackupEntry | null } {
  return {
    last: entry(db.prepare<[], BackupRow>('SELECT * FROM backups ORDER BY seq DESC LIMIT 1').get()),
    lastVerified: entry(db.prepare<[], BackupRow>('SELECT * FROM backups WHERE verified = 1 ORDER BY seq DESC LIMIT 1').get()),
    lastAutomatic: entry(db.prepare<[], BackupRow>('SELECT * FROM backups WHERE automatic = 1 ORDER BY seq DESC LIMIT 1').get()),
  };
}

/** The settings in force, or the defaults (no folder: nothing automatic) until an admin sets them. */
export function readBackupSettings(db: Database.Database): BackupSettings {
  const r = db
    .prepare<[], { folder: string; keep: number; every_hours: number; on_exit: number; warn_after_days: number }>('SELECT * FROM backup_settings WHERE id = 1')
    .get();
  if (!r) return { folder: '', keep: BACKUP_DEFAULTS.keep, everyHours: BACKUP_DEFAULTS.everyHours, onExit: BACKUP_DEFAULTS.onExit, warnAfterDays: BACKUP_DEFAULTS.warnAfterDays };
  return { folder: r.folder, keep: r.keep, everyHours: r.every_hours, onExit: r.on_exit === 1, warnAfterDays: r.warn_after_days };
}
