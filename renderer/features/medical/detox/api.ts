import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Detox episodes, assessments and scales: the `medical` area (the dashboard also follows the roster). */
export const detoxApi = api.injectEndpoints({
  endpoints: (build) => ({
    detoxScales: build.query<HandlerOutput<'medical.detox.scales'>, void>({
      query: () => call('medical.detox.scales')({}),
      providesTags: ['medical'],
    }),
    detoxEpisodes: build.query<HandlerOutput<'medical.detox.episodes'>, HandlerInput<'medical.detox.episodes'>>({
      query: call('medical.detox.episodes'),
      providesTags: ['medical', 'accounts'],
    }),
    detoxDashboard: build.query<HandlerOutput<'medical.detox.dashboard'>, void>({
      query: () => call('medical.detox.dashboard')({}),
      providesTags: ['medical', 'trainees'],
    }),
    startDetox: build.mutation<HandlerOutput<'medical.detox.start'>, HandlerInput<'medical.detox.start'>>({
      query: call('medical.detox.start'),
      invalidatesTags: ['medical'],
    }),
    assessDetox: build.mutation<HandlerOutput<'medical.detox.assess'>, HandlerInput<'medical.detox.assess'>>({
      query: call('medical.detox.assess'),
      invalidatesTags: ['medical'],
    }),
    defineScale: build.mutation<HandlerOutput<'medical.detox.defineScale'>, HandlerInput<'medical.detox.defineScale'>>({
      query: call('medical.detox.defineScale'),
      invalidatesTags: ['medical'],
    }),
    closeDetox: build.mutation<HandlerOutput<'medical.detox.close'>, HandlerInput<'medical.detox.close'>>({
      query: call('medical.detox.close'),
      invalidatesTags: ['medical'],
    }),
  }),
});

export const { useDetoxScalesQuery, useDetoxEpisodesQuery, useDetoxDashboardQuery, useStartDetoxMutation, useAssessDetoxMutation, useCloseDetoxMutation, useDefineScaleMutation } = detoxApi;
