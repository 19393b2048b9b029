import type { REINTEGRATION_EVENTS, REINTEGRATION_HANDLERS } from '../../../../shared/training/reintegration';
import type { TrainingSlice } from '../slice';

export const reintegrationSlice: TrainingSlice<keyof typeof REINTEGRATION_EVENTS, keyof typeof REINTEGRATION_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
};
