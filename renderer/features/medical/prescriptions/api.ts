import type { HandlerInput, HandlerOutput } from '../../../../shared/api';
import { api, call } from '../../../api/api';

/** Formulary, prescriptions and the round: all the `medical` area (the round also follows the roster). */
export const prescriptionsApi = api.injectEndpoints({
  endpoints: (build) => ({
    formulary: build.query<HandlerOutput<'medical.formulary.list'>, void>({
      query: () => call('medical.formulary.list')({}),
      providesTags: ['medical'],
    }),
    addFormularyItem: build.mutation<HandlerOutput<'medical.formulary.add'>, HandlerInput<'medical.formulary.add'>>({
      query: call('medical.formulary.add'),
      invalidatesTags: ['medical'],
    }),
    changeFormularyItem: build.mutation<HandlerOutput<'medical.formulary.change'>, HandlerInput<'medical.formulary.change'>>({
      query: call('medical.formulary.change'),
      invalidatesTags: ['medical'],
    }),
    addStarterFormulary: build.mutation<HandlerOutput<'medical.formulary.addStarter'>, void>({
      query: () => call('medical.formulary.addStarter')({}),
      invalidatesTags: ['medical'],
    }),
    traineePrescriptions: build.query<HandlerOutput<'medical.prescriptions.get'>, HandlerInput<'medical.prescriptions.get'>>({
      query: call('medical.prescriptions.get'),
      providesTags: ['medical', 'accounts'],
    }),
    writePrescription: build.mutation<HandlerOutput<'medical.prescriptions.write'>, HandlerInput<'medical.prescriptions.write'>>({
      query: call('medical.prescriptions.write'),
      invalidatesTags: ['medical'],
    }),
    revisePrescription: build.mutation<HandlerOutput<'medical.prescriptions.revise'>, HandlerInput<'medical.prescriptions.revise'>>({
      query: call('medical.prescriptions.revise'),
      invalidatesTags: ['medical'],
    }),
    renewPrescription: build.mutation<HandlerOutput<'medical.prescriptions.renew'>, HandlerInput<'medical.prescriptions.renew'>>({
      query: call('medical.prescriptions.renew'),
      invalidatesTags: ['medical'],
    }),
    discontinuePrescription: build.mutation<HandlerOutput<'medical.prescriptions.discontinue'>, HandlerInput<'medical.prescriptions.discontinue'>>({
      query: call('medical.prescriptions.discontinue'),
      invalidatesTags: ['medical'],
    }),
    round: build.query<HandlerOutput<'medical.round.get'>, HandlerInput<'medical.round.get'>>({
      query: call('medical.round.get'),
      providesTags: ['medical', 'trainees'],
    }),
    recordRound: build.mutation<HandlerOutput<'medical.round.record'>, HandlerInput<'medical.round.record'>>({
      query: call('medical.round.record'),
      invalidatesTags: ['medical'],
    }),
  }),
});

export const {
  useFormularyQuery,
  useAddFormularyItemMutation,
  useChangeFormularyItemMutation,
  useAddStarterFormularyMutation,
  useTraineePrescriptionsQuery,
  useWritePrescriptionMutation,
  useRevisePrescriptionMutation,
  useRenewPrescriptionMutation,
  useDiscontinuePrescriptionMutation,
  useRoundQuery,
  useRecordRoundMutation,
} = prescriptionsApi;
