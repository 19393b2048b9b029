import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Screening and the medical settings. Results and settings are the `medical` area; the due list also follows the roster. */
export const screeningApi = api.injectEndpoints({
  endpoints: (build) => ({
    traineeScreenings: build.query<HandlerOutput<'medical.screening.list'>, HandlerInput<'medical.screening.list'>>({
      query: call('medical.screening.list'),
      providesTags: ['medical', 'trainees', 'accounts'],
    }),
    screeningDue: build.query<HandlerOutput<'medical.screening.due'>, HandlerInput<'medical.screening.due'>>({
      query: call('medical.screening.due'),
      providesTags: ['medical', 'trainees'],
    }),
    recordScreening: build.mutation<HandlerOutput<'medical.screening.record'>, HandlerInput<'medical.screening.record'>>({
      query: call('medical.screening.record'),
      invalidatesTags: ['medical'],
    }),
    medicalSettings: build.query<HandlerOutput<'medical.settings.get'>, void>({
      query: () => call('medical.settings.get')({}),
      providesTags: ['medical'],
    }),
    setMedicalSettings: build.mutation<HandlerOutput<'medical.settings.set'>, HandlerInput<'medical.settings.set'>>({
      query: call('medical.settings.set'),
      invalidatesTags: ['medical'],
    }),
  }),
});

export const { useTraineeScreeningsQuery, useScreeningDueQuery, useRecordScreeningMutation, useMedicalSettingsQuery, useSetMedicalSettingsMutation } = screeningApi;
