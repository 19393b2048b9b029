import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Endpoints of the keep-apart slice: rules and headcounts change the housing screens. */
export const keepApartApi = api.injectEndpoints({
  endpoints: (build) => ({
    keepApartRules: build.query<HandlerOutput<'duty.keepApart.list'>, HandlerInput<'duty.keepApart.list'>>({
      query: call('duty.keepApart.list'),
      providesTags: ['housing', 'trainees'],
    }),
    setKeepApart: build.mutation<HandlerOutput<'duty.keepApart.set'>, HandlerInput<'duty.keepApart.set'>>({
      query: call('duty.keepApart.set'),
      invalidatesTags: ['housing'],
    }),
    endKeepApart: build.mutation<HandlerOutput<'duty.keepApart.end'>, HandlerInput<'duty.keepApart.end'>>({
      query: call('duty.keepApart.end'),
      invalidatesTags: ['housing'],
    }),
    headcountSheet: build.query<HandlerOutput<'duty.headcount.sheet'>, HandlerInput<'duty.headcount.sheet'>>({
      query: call('duty.headcount.sheet'),
      providesTags: ['housing', 'trainees', 'medical'],
    }),
    headcountMismatches: build.query<HandlerOutput<'duty.headcount.mismatches'>, HandlerInput<'duty.headcount.mismatches'>>({
      query: call('duty.headcount.mismatches'),
      providesTags: ['housing'],
    }),
    recordHeadcount: build.mutation<HandlerOutput<'duty.headcount.record'>, HandlerInput<'duty.headcount.record'>>({
      query: call('duty.headcount.record'),
      invalidatesTags: ['housing'],
    }),
    resolveMismatch: build.mutation<HandlerOutput<'duty.headcount.resolve'>, HandlerInput<'duty.headcount.resolve'>>({
      query: call('duty.headcount.resolve'),
      invalidatesTags: ['housing'],
    }),
  }),
});

export const {
  useKeepApartRulesQuery,
  useSetKeepApartMutation,
  useEndKeepApartMutation,
  useHeadcountSheetQuery,
  useHeadcountMismatchesQuery,
  useRecordHeadcountMutation,
  useResolveMismatchMutation,
} = keepApartApi;
