import type { CONDUCT_EVENTS, CONDUCT_HANDLERS } from '../../../../shared/duty/conduct';
import type { DutySlice } from '../slice';

export const conductSlice: DutySlice<keyof typeof CONDUCT_EVENTS, keyof typeof CONDUCT_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
};
