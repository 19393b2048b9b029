import type { HandlerInput, HandlerOutput } from '../../../shared/api';
import { api, call } from '../../api/api';

/** Endpoints of backups and restore (System page). */
export const backupApi = api.injectEndpoints({
  endpoints: (build) => ({
    backupStatus: build.query<HandlerOutput<'backup.status'>, void>({
      query: () => ({ name: 'backup.status', input: {} }),
      providesTags: ['backup', 'system'],
    }),
    runBackup: build.mutation<HandlerOutput<'backup.run'>, HandlerInput<'backup.run'>>({
      // A query on the core's side (it must not hold the writer for minutes), run from a button.
      query: call('backup.run'),
      // It appends (the access record, the backup itself): the System page's counts change too.
      invalidatesTags: ['backup', 'access', 'system'],
    }),
    configureBackup: build.mutation<HandlerOutput<'backup.configure'>, HandlerInput<'backup.configure'>>({
      query: call('backup.configure'),
      invalidatesTags: ['backup'],
    }),
    restoreBackup: build.mutation<HandlerOutput<'backup.restore'>, HandlerInput<'backup.restore'>>({
      query: call('backup.restore'),
      invalidatesTags: ['backup'],
    }),
  }),
});

export const { useBackupStatusQuery, useRunBackupMutation, useConfigureBackupMutation, useRestoreBackupMutation } = backupApi;
