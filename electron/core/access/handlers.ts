import type { HandlerMap } from '../context';
import { listAccess, medicalEntryCounts, recordHeaderRow } from './queries';
import { recordAccess } from './record';

export const accessHandlers: HandlerMap<'medical.openRecord' | 'access.list' | 'access.recordExport'> = {
  'medical.openRecord': (ctx, input) => {
    // Whose record first (an unknown trainee writes nothing), then the access, then the data.
    const row = recordHeaderRow(ctx.store.db, input.traineeId);
    const access = recordAccess(ctx, 'medical_record', input.traineeId, '');
    const counts = medicalEntryCounts(ctx.store.db, input.traineeId);
    return {
      traineeId: row.id,
      fileNumber: row.file_number,
      fullName: row.full_name,
      sex: row.sex,
      dateOfBirth: row.date_of_birth,
      status: row.status,
      phase: row.phase,
      admissionDate: row.admission_date,
      plannedReleaseDate: row.planned_release_date,
      releaseDate: row.release_date,
      medicalEntries: counts.entries,
      lastMedicalEntryAt: counts.lastAt,
      accessSeq: access.seq,
    };
  },
  'access.list': (ctx, input) => listAccess(ctx.store.db, input),
  'access.recordExport': (ctx, input) => ({ seq: recordAccess(ctx, 'export', null, input.detail).seq }),
};
