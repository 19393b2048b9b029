import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Endpoints of the labor slice. Its events change the labor screens and the trainees' timelines. */
export const laborApi = api.injectEndpoints({
  endpoints: (build) => ({
    workshops: build.query<HandlerOutput<'labor.workshops.list'>, HandlerInput<'labor.workshops.list'>>({
      query: call('labor.workshops.list'),
      providesTags: ['labor', 'trainees'],
    }),
    workshop: build.query<HandlerOutput<'labor.workshop'>, HandlerInput<'labor.workshop'>>({
      query: call('labor.workshop'),
      providesTags: ['labor', 'trainees'],
    }),
    laborCandidates: build.query<HandlerOutput<'labor.candidates'>, HandlerInput<'labor.candidates'>>({
      query: call('labor.candidates'),
      providesTags: ['labor', 'trainees'],
    }),
    instructors: build.query<HandlerOutput<'labor.instructors'>, HandlerInput<'labor.instructors'>>({
      query: call('labor.instructors'),
      providesTags: ['accounts'],
    }),
    laborSheet: build.query<HandlerOutput<'labor.sheet'>, HandlerInput<'labor.sheet'>>({
      query: call('labor.sheet'),
      providesTags: ['labor', 'trainees'],
    }),
    laborTotals: build.query<HandlerOutput<'labor.totals'>, HandlerInput<'labor.totals'>>({
      query: call('labor.totals'),
      providesTags: ['labor'],
    }),
    openWorkshop: build.mutation<HandlerOutput<'labor.workshops.open'>, HandlerInput<'labor.workshops.open'>>({
      query: call('labor.workshops.open'),
      invalidatesTags: ['labor'],
    }),
    changeWorkshop: build.mutation<HandlerOutput<'labor.workshops.change'>, HandlerInput<'labor.workshops.change'>>({
      query: call('labor.workshops.change'),
      invalidatesTags: ['labor'],
    }),
    closeWorkshop: build.mutation<HandlerOutput<'labor.workshops.close'>, HandlerInput<'labor.workshops.close'>>({
      query: call('labor.workshops.close'),
      invalidatesTags: ['labor', 'trainees'],
    }),
    assignTrainee: build.mutation<HandlerOutput<'labor.assign'>, HandlerInput<'labor.assign'>>({
      query: call('labor.assign'),
      invalidatesTags: ['labor', 'trainees'],
    }),
    unassignTrainee: build.mutation<HandlerOutput<'labor.unassign'>, HandlerInput<'labor.unassign'>>({
      query: call('labor.unassign'),
      invalidatesTags: ['labor', 'trainees'],
    }),
    recordLaborSheet: build.mutation<HandlerOutput<'labor.sheet.record'>, HandlerInput<'labor.sheet.record'>>({
      query: call('labor.sheet.record'),
      invalidatesTags: ['labor', 'trainees'],
    }),
  }),
});

export const {
  useWorkshopsQuery,
  useWorkshopQuery,
  useLaborCandidatesQuery,
  useInstructorsQuery,
  useLaborSheetQuery,
  useLaborTotalsQuery,
  useOpenWorkshopMutation,
  useChangeWorkshopMutation,
  useCloseWorkshopMutation,
  useAssignTraineeMutation,
  useUnassignTraineeMutation,
  useRecordLaborSheetMutation,
} = laborApi;
