import type { ARV_EVENTS, ARV_HANDLERS } from '../../../../shared/medical/arv';
import type { AreaSlice } from '../slice';

export const arvSlice: AreaSlice<keyof typeof ARV_EVENTS, keyof typeof ARV_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
  redaction: {},
};
