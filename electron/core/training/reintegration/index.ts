import type { REINTEGRATION_EVENTS, REINTEGRATION_HANDLERS } from '../../../../shared/training/reintegration';
import type { TrainingSlice } from '../slice';
import { reintegrationHandlers } from './handlers';
import { reintegrationProjection } from './projection';

export const reintegrationSlice: TrainingSlice<keyof typeof REINTEGRATION_EVENTS, keyof typeof REINTEGRATION_HANDLERS> = {
  projections: [reintegrationProjection],
  handlers: reintegrationHandlers,
  areas: {
    CounsellingSessionRecorded: ['reintegration'],
    ReintegrationSettingsChanged: ['reintegration'],
  },
};
