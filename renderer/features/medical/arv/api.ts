import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** ARV care. Everything is the `medical` area; the dashboard also follows the roster (releases). */
export const arvApi = api.injectEndpoints({
  endpoints: (build) => ({
    arvSummary: build.query<HandlerOutput<'medical.arv.summary'>, HandlerInput<'medical.arv.summary'>>({
      query: call('medical.arv.summary'),
      providesTags: ['medical', 'trainees'],
    }),
    arvDashboard: build.query<HandlerOutput<'medical.arv.dashboard'>, HandlerInput<'medical.arv.dashboard'>>({
      query: call('medical.arv.dashboard'),
      providesTags: ['medical', 'trainees'],
    }),
    startArt: build.mutation<HandlerOutput<'medical.arv.start'>, HandlerInput<'medical.arv.start'>>({
      query: call('medical.arv.start'),
      invalidatesTags: ['medical'],
    }),
    changeRegimen: build.mutation<HandlerOutput<'medical.arv.changeRegimen'>, HandlerInput<'medical.arv.changeRegimen'>>({
      query: call('medical.arv.changeRegimen'),
      invalidatesTags: ['medical'],
    }),
    recordPillCount: build.mutation<HandlerOutput<'medical.arv.recordPillCount'>, HandlerInput<'medical.arv.recordPillCount'>>({
      query: call('medical.arv.recordPillCount'),
      invalidatesTags: ['medical'],
    }),
    recordCounselling: build.mutation<HandlerOutput<'medical.arv.recordCounselling'>, HandlerInput<'medical.arv.recordCounselling'>>({
      query: call('medical.arv.recordCounselling'),
      invalidatesTags: ['medical'],
    }),
    requestLab: build.mutation<HandlerOutput<'medical.arv.requestLab'>, HandlerInput<'medical.arv.requestLab'>>({
      query: call('medical.arv.requestLab'),
      invalidatesTags: ['medical'],
    }),
    recordLabResult: build.mutation<HandlerOutput<'medical.arv.recordLabResult'>, HandlerInput<'medical.arv.recordLabResult'>>({
      query: call('medical.arv.recordLabResult'),
      invalidatesTags: ['medical'],
    }),
  }),
});

export const {
  useArvSummaryQuery,
  useArvDashboardQuery,
  useStartArtMutation,
  useChangeRegimenMutation,
  useRecordPillCountMutation,
  useRecordCounsellingMutation,
  useRequestLabMutation,
  useRecordLabResultMutation,
} = arvApi;
