import type Database from 'better-sqlite3';
import { DEFAULT_MEDICAL_SETTINGS, medicalSettingsSchema, type MedicalSettings } from '../../../shared/medical/common';
import type { Projection } from '../store/projection';

/**
 * The facility's medical settings (re-screening intervals, detox assessment interval, ARV and
 * viral-load thresholds): one row holding the whole object of the last MedicalSettingsChanged
 * (stream `facility`). Other slices read them with `readMedicalSettings(db)`.
 */
export const medicalSettingsProjection: Projection = {
  name: 'medical_settings',
  version: 1,
  tables: ['medical_settings'],
  schemaSql: `CREATE TABLE medical_settings (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    settings TEXT NOT NULL,
    seq      INTEGER NOT NULL
  );`,
  bind(db) {
    const upsert = db.prepare(
      `INSERT INTO medical_settings (id, settings, seq) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, seq = excluded.seq`,
    );
    return (e) => {
      if (e.type === 'MedicalSettingsChanged') upsert.run(JSON.stringify(e.data), e.seq);
    };
  },
};

/** The settings in force: the last change, or the defaults until there is one. */
export function readMedicalSettings(db: Database.Database): MedicalSettings {
  const row = db.prepare<[], { settings: string }>('SELECT settings FROM medical_settings WHERE id = 1').get();
  if (!row) return DEFAULT_MEDICAL_SETTINGS;
  // Events were checked against the schema when appended; a later Sen may add settings, so any
  // key the stored object lacks keeps its default.
  const stored = JSON.parse(row.settings) as Partial<MedicalSettings>;
  const merged = { ...DEFAULT_MEDICAL_SETTINGS, ...stored, rescreenDays: { ...DEFAULT_MEDICAL_SETTINGS.rescreenDays, ...stored.rescreenDays } };
  const parsed = medicalSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_MEDICAL_SETTINGS;
}
