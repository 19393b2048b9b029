import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Endpoints of the flags slice. Its events change the medical screens and the roster's badges. */
export const flagsApi = api.injectEndpoints({
  endpoints: (build) => ({
    traineeFlags: build.query<HandlerOutput<'medical.flags.forTrainee'>, HandlerInput<'medical.flags.forTrainee'>>({
      query: call('medical.flags.forTrainee'),
      providesTags: ['medical', 'trainees'],
    }),
    flagsDashboard: build.query<HandlerOutput<'medical.flags.dashboard'>, HandlerInput<'medical.flags.dashboard'>>({
      query: call('medical.flags.dashboard'),
      providesTags: ['medical', 'trainees'],
    }),
    traineeRestrictions: build.query<HandlerOutput<'trainees.restrictions'>, HandlerInput<'trainees.restrictions'>>({
      query: call('trainees.restrictions'),
      providesTags: ['trainees', 'medical'],
    }),
    setHousingFlag: build.mutation<HandlerOutput<'medical.flags.setHousing'>, HandlerInput<'medical.flags.setHousing'>>({
      query: call('medical.flags.setHousing'),
      invalidatesTags: ['medical', 'trainees'],
    }),
    clearHousingFlag: build.mutation<HandlerOutput<'medical.flags.clearHousing'>, HandlerInput<'medical.flags.clearHousing'>>({
      query: call('medical.flags.clearHousing'),
      invalidatesTags: ['medical', 'trainees'],
    }),
    setWorkRestriction: build.mutation<HandlerOutput<'medical.flags.setRestriction'>, HandlerInput<'medical.flags.setRestriction'>>({
      query: call('medical.flags.setRestriction'),
      invalidatesTags: ['medical', 'trainees'],
    }),
    clearWorkRestriction: build.mutation<HandlerOutput<'medical.flags.clearRestriction'>, HandlerInput<'medical.flags.clearRestriction'>>({
      query: call('medical.flags.clearRestriction'),
      invalidatesTags: ['medical', 'trainees'],
    }),
    referTrainee: build.mutation<HandlerOutput<'medical.flags.refer'>, HandlerInput<'medical.flags.refer'>>({
      query: call('medical.flags.refer'),
      invalidatesTags: ['medical', 'trainees'],
    }),
    returnFromReferral: build.mutation<HandlerOutput<'medical.flags.returnFromReferral'>, HandlerInput<'medical.flags.returnFromReferral'>>({
      query: call('medical.flags.returnFromReferral'),
      invalidatesTags: ['medical', 'trainees'],
    }),
  }),
});

export const {
  useTraineeFlagsQuery,
  useFlagsDashboardQuery,
  useTraineeRestrictionsQuery,
  useSetHousingFlagMutation,
  useClearHousingFlagMutation,
  useSetWorkRestrictionMutation,
  useClearWorkRestrictionMutation,
  useReferTraineeMutation,
  useReturnFromReferralMutation,
} = flagsApi;
