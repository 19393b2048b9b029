import type { LABOR_EVENTS, LABOR_HANDLERS } from '../../../../shared/training/labor';
import type { TrainingSlice } from '../slice';

export const laborSlice: TrainingSlice<keyof typeof LABOR_EVENTS, keyof typeof LABOR_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
};
