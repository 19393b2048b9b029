import type { Area } from '../../../shared/api';
import type { BACKUP_EVENTS } from '../../../shared/backup';
import { backupHandlers } from './handlers';
import { backupsProjection } from './projection';

/** Encrypted backups and restore (shared/backup.ts, docs/backup.md), joined by the service. */
export const backupSlice = {
  projections: [backupsProjection],
  handlers: backupHandlers,
  areas: { BackupRecorded: ['backup', 'system'], BackupSettingsChanged: ['backup'] } satisfies Record<keyof typeof BACKUP_EVENTS, Area[]>,
};
