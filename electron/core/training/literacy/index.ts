import type { LITERACY_EVENTS, LITERACY_HANDLERS } from '../../../../shared/training/literacy';
import type { TrainingSlice } from '../slice';

export const literacySlice: TrainingSlice<keyof typeof LITERACY_EVENTS, keyof typeof LITERACY_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
};
