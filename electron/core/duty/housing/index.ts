import type { HOUSING_EVENTS, HOUSING_HANDLERS } from '../../../../shared/duty/housing';
import type { DutySlice } from '../slice';

export const housingSlice: DutySlice<keyof typeof HOUSING_EVENTS, keyof typeof HOUSING_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
};
