import type { KEEP_APART_EVENTS, KEEP_APART_HANDLERS } from '../../../../shared/duty/keepApart';
import type { DutySlice } from '../slice';

export const keepApartSlice: DutySlice<keyof typeof KEEP_APART_EVENTS, keyof typeof KEEP_APART_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
};
