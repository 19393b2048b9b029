import type { HandlerInput, HandlerOutput } from '../../../shared/api';
import { api, call } from '../../api/api';

/** The access log's endpoints, and the medical record's opening (which writes to it). */
export const accessApi = api.injectEndpoints({
  endpoints: (build) => ({
    /**
     * Each opening of a record is one AccessRecorded: never served from the cache, never
     * refetched because some other area changed (no tags), forgotten as soon as the page closes.
     */
    openMedicalRecord: build.query<HandlerOutput<'medical.openRecord'>, HandlerInput<'medical.openRecord'>>({
      query: call('medical.openRecord'),
      keepUnusedDataFor: 0,
    }),
    listAccess: build.query<HandlerOutput<'access.list'>, HandlerInput<'access.list'>>({
      query: call('access.list'),
      providesTags: ['access', 'accounts', 'trainees'],
    }),
    recordExport: build.mutation<HandlerOutput<'access.recordExport'>, HandlerInput<'access.recordExport'>>({
      query: call('access.recordExport'),
      invalidatesTags: ['access'],
    }),
  }),
});

export const { useOpenMedicalRecordQuery, useListAccessQuery, useRecordExportMutation } = accessApi;
