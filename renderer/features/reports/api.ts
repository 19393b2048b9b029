import type { HandlerInput, HandlerOutput } from '../../../shared/api';
import { api, call } from '../../api/api';

/** The monthly report reads every area: any change refreshes it. */
export const reportsApi = api.injectEndpoints({
  endpoints: (build) => ({
    monthlyReport: build.query<HandlerOutput<'reports.monthly'>, HandlerInput<'reports.monthly'>>({
      query: call('reports.monthly'),
      providesTags: ['trainees', 'medical', 'conduct', 'system'],
    }),
    /** Where the page prints itself (the browser preview): the access log entry Electron's main writes otherwise. */
    recordPrint: build.mutation<HandlerOutput<'reports.recordPrint'>, HandlerInput<'reports.recordPrint'>>({
      query: call('reports.recordPrint'),
      invalidatesTags: ['access'],
    }),
  }),
});

export const { useMonthlyReportQuery, useRecordPrintMutation } = reportsApi;
