import type { FLAG_EVENTS, FLAG_HANDLERS } from '../../../../shared/medical/flags';
import type { AreaSlice } from '../slice';

export const flagsSlice: AreaSlice<keyof typeof FLAG_EVENTS, keyof typeof FLAG_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
  redaction: {},
};
