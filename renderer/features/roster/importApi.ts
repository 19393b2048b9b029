import type { HandlerInput, HandlerOutput } from '../../../shared/api';
import { api, call } from '../../api/api';

/** The roster import: the check is a query in the core, run on demand (a mutation here, never cached). */
export const rosterImportApi = api.injectEndpoints({
  endpoints: (build) => ({
    checkRoster: build.mutation<HandlerOutput<'trainees.importCheck'>, HandlerInput<'trainees.importCheck'>>({
      query: call('trainees.importCheck'),
    }),
    importRoster: build.mutation<HandlerOutput<'trainees.import'>, HandlerInput<'trainees.import'>>({
      query: call('trainees.import'),
      invalidatesTags: ['trainees', 'system'],
    }),
  }),
});

export const { useCheckRosterMutation, useImportRosterMutation } = rosterImportApi;
