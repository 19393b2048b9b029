import type { PRESCRIPTION_EVENTS, PRESCRIPTION_HANDLERS } from '../../../../shared/medical/prescriptions';
import type { AreaSlice } from '../slice';
import { prescriptionHandlers } from './handlers';
import { prescriptionsProjection } from './projection';

export const prescriptionsSlice: AreaSlice<keyof typeof PRESCRIPTION_EVENTS, keyof typeof PRESCRIPTION_HANDLERS> = {
  projections: [prescriptionsProjection],
  handlers: prescriptionHandlers,
  areas: {
    FormularyItemAdded: ['medical'],
    FormularyItemChanged: ['medical'],
    PrescriptionWritten: ['medical'],
    PrescriptionRevised: ['medical'],
    PrescriptionRenewed: ['medical'],
    PrescriptionDiscontinued: ['medical'],
    DoseRecorded: ['medical'],
  },
  // Medication is medical data: nothing of it reaches other roles' timelines.
  redaction: {
    FormularyItemAdded: null,
    FormularyItemChanged: null,
    PrescriptionWritten: null,
    PrescriptionRevised: null,
    PrescriptionRenewed: null,
    PrescriptionDiscontinued: null,
    DoseRecorded: null,
  },
};
