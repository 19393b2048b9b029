import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Endpoints of the reintegration slice. Admissions, corrections and releases change the due list too. */
export const reintegrationApi = api.injectEndpoints({
  // A name another slice already injected would silently call that slice's handler: refuse it.
  overrideExisting: 'throw',
  endpoints: (build) => ({
    reintegrationDue: build.query<HandlerOutput<'reintegration.due'>, HandlerInput<'reintegration.due'>>({
      query: call('reintegration.due'),
      providesTags: ['reintegration', 'trainees'],
    }),
    traineeCounselling: build.query<HandlerOutput<'reintegration.forTrainee'>, HandlerInput<'reintegration.forTrainee'>>({
      query: call('reintegration.forTrainee'),
      providesTags: ['reintegration', 'trainees'],
    }),
    reintegrationSettings: build.query<HandlerOutput<'reintegration.settings'>, HandlerInput<'reintegration.settings'>>({
      query: call('reintegration.settings'),
      providesTags: ['reintegration'],
    }),
    recordCounsellingSession: build.mutation<HandlerOutput<'reintegration.record'>, HandlerInput<'reintegration.record'>>({
      query: call('reintegration.record'),
      invalidatesTags: ['reintegration', 'trainees'],
    }),
    setReintegrationSettings: build.mutation<HandlerOutput<'reintegration.setSettings'>, HandlerInput<'reintegration.setSettings'>>({
      query: call('reintegration.setSettings'),
      invalidatesTags: ['reintegration'],
    }),
  }),
});

export const { useReintegrationDueQuery, useTraineeCounsellingQuery, useReintegrationSettingsQuery, useRecordCounsellingSessionMutation, useSetReintegrationSettingsMutation } = reintegrationApi;
