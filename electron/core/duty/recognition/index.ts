import type { RECOGNITION_EVENTS, RECOGNITION_HANDLERS } from '../../../../shared/duty/recognition';
import type { DutySlice } from '../slice';

export const recognitionSlice: DutySlice<keyof typeof RECOGNITION_EVENTS, keyof typeof RECOGNITION_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
};
