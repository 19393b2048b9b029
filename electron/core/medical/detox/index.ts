import type { DETOX_EVENTS, DETOX_HANDLERS } from '../../../../shared/medical/detox';
import type { AreaSlice } from '../slice';

export const detoxSlice: AreaSlice<keyof typeof DETOX_EVENTS, keyof typeof DETOX_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
  redaction: {},
};
