import type { SCREENING_EVENTS, SCREENING_HANDLERS } from '../../../../shared/medical/screening';
import type { AreaSlice } from '../slice';

export const screeningSlice: AreaSlice<keyof typeof SCREENING_EVENTS, keyof typeof SCREENING_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
  redaction: {},
};
