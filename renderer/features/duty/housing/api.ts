import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Endpoints of the housing slice. Its events change the `housing` area (the board, the layout). */
export const housingApi = api.injectEndpoints({
  endpoints: (build) => ({
    housingLayout: build.query<HandlerOutput<'housing.layout'>, HandlerInput<'housing.layout'>>({ query: call('housing.layout'), providesTags: ['housing'] }),
    housingBoard: build.query<HandlerOutput<'housing.board'>, HandlerInput<'housing.board'>>({ query: call('housing.board'), providesTags: ['housing', 'trainees'] }),
    housingCheck: build.query<HandlerOutput<'housing.check'>, HandlerInput<'housing.check'>>({ query: call('housing.check'), providesTags: ['housing', 'trainees'] }),
    addDorm: build.mutation<HandlerOutput<'housing.addDorm'>, HandlerInput<'housing.addDorm'>>({ query: call('housing.addDorm'), invalidatesTags: ['housing'] }),
    addRoom: build.mutation<HandlerOutput<'housing.addRoom'>, HandlerInput<'housing.addRoom'>>({ query: call('housing.addRoom'), invalidatesTags: ['housing'] }),
    changeRoom: build.mutation<HandlerOutput<'housing.changeRoom'>, HandlerInput<'housing.changeRoom'>>({ query: call('housing.changeRoom'), invalidatesTags: ['housing'] }),
    closeRoom: build.mutation<HandlerOutput<'housing.closeRoom'>, HandlerInput<'housing.closeRoom'>>({ query: call('housing.closeRoom'), invalidatesTags: ['housing'] }),
    assignBed: build.mutation<HandlerOutput<'housing.assign'>, HandlerInput<'housing.assign'>>({ query: call('housing.assign'), invalidatesTags: ['housing'] }),
    moveBed: build.mutation<HandlerOutput<'housing.move'>, HandlerInput<'housing.move'>>({ query: call('housing.move'), invalidatesTags: ['housing'] }),
    vacateBed: build.mutation<HandlerOutput<'housing.vacate'>, HandlerInput<'housing.vacate'>>({ query: call('housing.vacate'), invalidatesTags: ['housing'] }),
  }),
});

export const {
  useHousingLayoutQuery,
  useHousingBoardQuery,
  useLazyHousingCheckQuery,
  useAddDormMutation,
  useAddRoomMutation,
  useChangeRoomMutation,
  useCloseRoomMutation,
  useAssignBedMutation,
  useMoveBedMutation,
  useVacateBedMutation,
} = housingApi;
