import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Endpoints of the classes slice. Its events change the literacy screens (and the timelines). */
export const classesApi = api.injectEndpoints({
  endpoints: (build) => ({
    teachers: build.query<HandlerOutput<'classes.teachers'>, HandlerInput<'classes.teachers'>>({
      query: call('classes.teachers'),
      providesTags: ['literacy', 'accounts'],
    }),
    classList: build.query<HandlerOutput<'classes.list'>, HandlerInput<'classes.list'>>({
      query: call('classes.list'),
      providesTags: ['literacy', 'trainees'],
    }),
    classDetail: build.query<HandlerOutput<'classes.get'>, HandlerInput<'classes.get'>>({
      query: call('classes.get'),
      providesTags: ['literacy', 'trainees'],
    }),
    attendanceSheet: build.query<HandlerOutput<'classes.sheet'>, HandlerInput<'classes.sheet'>>({
      query: call('classes.sheet'),
      providesTags: ['literacy', 'trainees'],
    }),
    openClass: build.mutation<HandlerOutput<'classes.open'>, HandlerInput<'classes.open'>>({
      query: call('classes.open'),
      invalidatesTags: ['literacy'],
    }),
    closeClass: build.mutation<HandlerOutput<'classes.close'>, HandlerInput<'classes.close'>>({
      query: call('classes.close'),
      invalidatesTags: ['literacy', 'trainees'],
    }),
    enrol: build.mutation<HandlerOutput<'classes.enrol'>, HandlerInput<'classes.enrol'>>({
      query: call('classes.enrol'),
      invalidatesTags: ['literacy', 'trainees'],
    }),
    withdraw: build.mutation<HandlerOutput<'classes.withdraw'>, HandlerInput<'classes.withdraw'>>({
      query: call('classes.withdraw'),
      invalidatesTags: ['literacy', 'trainees'],
    }),
    recordAttendance: build.mutation<HandlerOutput<'classes.attendance.record'>, HandlerInput<'classes.attendance.record'>>({
      query: call('classes.attendance.record'),
      // A refused sheet changes nothing: no refetch, so the marks on screen stay for the fix.
      invalidatesTags: (result) => (result ? ['literacy', 'trainees'] : []),
    }),
  }),
});

export const {
  useTeachersQuery,
  useClassListQuery,
  useClassDetailQuery,
  useAttendanceSheetQuery,
  useOpenClassMutation,
  useCloseClassMutation,
  useEnrolMutation,
  useWithdrawMutation,
  useRecordAttendanceMutation,
} = classesApi;
