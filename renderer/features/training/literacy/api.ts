import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Endpoints of the literacy slice. Its events change the class screens and the timelines. */
export const literacyApi = api.injectEndpoints({
  endpoints: (build) => ({
    literacyProgress: build.query<HandlerOutput<'literacy.progress'>, HandlerInput<'literacy.progress'>>({
      query: call('literacy.progress'),
      providesTags: ['literacy', 'trainees'],
    }),
    literacyCertificate: build.query<HandlerOutput<'literacy.certificate'>, HandlerInput<'literacy.certificate'>>({
      query: call('literacy.certificate'),
      providesTags: ['literacy', 'trainees'],
    }),
    observeSkills: build.mutation<HandlerOutput<'literacy.observe'>, HandlerInput<'literacy.observe'>>({
      query: call('literacy.observe'),
      invalidatesTags: ['literacy', 'trainees'],
    }),
    completeLiteracy: build.mutation<HandlerOutput<'literacy.complete'>, HandlerInput<'literacy.complete'>>({
      query: call('literacy.complete'),
      invalidatesTags: ['literacy', 'trainees'],
    }),
  }),
});

export const { useLiteracyProgressQuery, useLiteracyCertificateQuery, useObserveSkillsMutation, useCompleteLiteracyMutation } = literacyApi;
