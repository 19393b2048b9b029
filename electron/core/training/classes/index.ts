import type { CLASSES_EVENTS, CLASSES_HANDLERS } from '../../../../shared/training/classes';
import type { TrainingSlice } from '../slice';

export const classesSlice: TrainingSlice<keyof typeof CLASSES_EVENTS, keyof typeof CLASSES_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
};
