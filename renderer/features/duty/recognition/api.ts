import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Endpoints of the recognition slice. Its events change the conduct screens (and the timelines). */
export const recognitionApi = api.injectEndpoints({
  endpoints: (build) => ({
    ratingSheet: build.query<HandlerOutput<'duty.recognition.sheet'>, HandlerInput<'duty.recognition.sheet'>>({
      query: call('duty.recognition.sheet'),
      providesTags: ['conduct', 'trainees'],
    }),
    eligibility: build.query<HandlerOutput<'duty.recognition.eligibility'>, HandlerInput<'duty.recognition.eligibility'>>({
      query: call('duty.recognition.eligibility'),
      providesTags: ['conduct', 'trainees'],
    }),
    eligibilityRules: build.query<HandlerOutput<'duty.recognition.rules'>, HandlerInput<'duty.recognition.rules'>>({
      query: call('duty.recognition.rules'),
      providesTags: ['conduct'],
    }),
    grantRewards: build.mutation<HandlerOutput<'duty.recognition.reward'>, HandlerInput<'duty.recognition.reward'>>({
      query: call('duty.recognition.reward'),
      invalidatesTags: ['conduct', 'trainees'],
    }),
    rateMonth: build.mutation<HandlerOutput<'duty.recognition.rate'>, HandlerInput<'duty.recognition.rate'>>({
      query: call('duty.recognition.rate'),
      invalidatesTags: ['conduct', 'trainees'],
    }),
    setEligibilityRules: build.mutation<HandlerOutput<'duty.recognition.setRules'>, HandlerInput<'duty.recognition.setRules'>>({
      query: call('duty.recognition.setRules'),
      invalidatesTags: ['conduct'],
    }),
  }),
});

export const { useRatingSheetQuery, useEligibilityQuery, useEligibilityRulesQuery, useGrantRewardsMutation, useRateMonthMutation, useSetEligibilityRulesMutation } = recognitionApi;
