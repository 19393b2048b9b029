import type { ARV_EVENTS, ARV_HANDLERS } from '../../../../shared/medical/arv';
import type { AreaSlice } from '../slice';
import { arvHandlers } from './handlers';
import { arvProjection } from './projection';

export const arvSlice: AreaSlice<keyof typeof ARV_EVENTS, keyof typeof ARV_HANDLERS> = {
  projections: [arvProjection],
  handlers: arvHandlers,
  areas: {
    ArtStarted: ['medical'],
    ArtRegimenChanged: ['medical'],
    PillCountRecorded: ['medical'],
    AdherenceCounsellingRecorded: ['medical'],
    LabRequested: ['medical'],
    LabResultReceived: ['medical'],
  },
  // HIV care reveals HIV status: not one field of it reaches a viewer without the medical role.
  redaction: {
    ArtStarted: null,
    ArtRegimenChanged: null,
    PillCountRecorded: null,
    AdherenceCounsellingRecorded: null,
    LabRequested: null,
    LabResultReceived: null,
  },
};
