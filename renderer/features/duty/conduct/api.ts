import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Endpoints of the conduct slice. Its events change the conduct screens and the trainee timeline. */
export const conductApi = api.injectEndpoints({
  endpoints: (build) => ({
    violationTypes: build.query<HandlerOutput<'conduct.types.list'>, HandlerInput<'conduct.types.list'>>({
      query: call('conduct.types.list'),
      providesTags: ['conduct'],
    }),
    addViolationType: build.mutation<HandlerOutput<'conduct.types.add'>, HandlerInput<'conduct.types.add'>>({
      query: call('conduct.types.add'),
      invalidatesTags: ['conduct'],
    }),
    changeViolationType: build.mutation<HandlerOutput<'conduct.types.change'>, HandlerInput<'conduct.types.change'>>({
      query: call('conduct.types.change'),
      invalidatesTags: ['conduct'],
    }),
    conductOverview: build.query<HandlerOutput<'conduct.overview'>, HandlerInput<'conduct.overview'>>({
      query: call('conduct.overview'),
      providesTags: ['conduct', 'trainees'],
    }),
    recordViolation: build.mutation<HandlerOutput<'conduct.violations.record'>, HandlerInput<'conduct.violations.record'>>({
      query: call('conduct.violations.record'),
      invalidatesTags: ['conduct', 'trainees'],
    }),
    imposeMeasure: build.mutation<HandlerOutput<'conduct.measures.impose'>, HandlerInput<'conduct.measures.impose'>>({
      query: call('conduct.measures.impose'),
      invalidatesTags: ['conduct', 'trainees'],
    }),
    suspendMeasure: build.mutation<HandlerOutput<'conduct.measures.suspend'>, HandlerInput<'conduct.measures.suspend'>>({
      query: call('conduct.measures.suspend'),
      invalidatesTags: ['conduct', 'trainees'],
    }),
    receiveSelfCriticism: build.mutation<HandlerOutput<'conduct.selfCriticism.receive'>, HandlerInput<'conduct.selfCriticism.receive'>>({
      query: call('conduct.selfCriticism.receive'),
      invalidatesTags: ['conduct', 'trainees'],
    }),
  }),
});

export const {
  useViolationTypesQuery,
  useAddViolationTypeMutation,
  useChangeViolationTypeMutation,
  useConductOverviewQuery,
  useRecordViolationMutation,
  useImposeMeasureMutation,
  useSuspendMeasureMutation,
  useReceiveSelfCriticismMutation,
} = conductApi;
