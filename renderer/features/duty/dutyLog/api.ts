import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/**
 * Endpoints of the duty log. The day's page gathers work from every duty screen (admissions,
 * beds, conduct…), so it refetches whenever any of those areas changes.
 */
export const dutyLogApi = api.injectEndpoints({
  endpoints: (build) => ({
    dutyLogDay: build.query<HandlerOutput<'dutyLog.day'>, HandlerInput<'dutyLog.day'>>({
      query: call('dutyLog.day'),
      providesTags: ['conduct', 'housing', 'trainees'],
    }),
    dutyHandover: build.query<HandlerOutput<'dutyLog.handover'>, HandlerInput<'dutyLog.handover'>>({
      query: call('dutyLog.handover'),
      providesTags: ['conduct', 'housing', 'trainees', 'medical'],
    }),
    recordShiftNote: build.mutation<HandlerOutput<'dutyLog.recordNote'>, HandlerInput<'dutyLog.recordNote'>>({
      query: call('dutyLog.recordNote'),
      invalidatesTags: ['conduct'],
    }),
  }),
});

export const { useDutyLogDayQuery, useDutyHandoverQuery, useRecordShiftNoteMutation } = dutyLogApi;
