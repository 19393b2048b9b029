import type { KEEP_APART_EVENTS, KEEP_APART_HANDLERS } from '../../../../shared/duty/keepApart';
import type { DutySlice } from '../slice';
import { keepApartHandlers } from './handlers';
import { keepApartProjection } from './projection';

export const keepApartSlice: DutySlice<keyof typeof KEEP_APART_EVENTS, keyof typeof KEEP_APART_HANDLERS> = {
  projections: [keepApartProjection],
  handlers: keepApartHandlers,
  // Rules change the housing board's warnings; counts are the housing officers' too.
  areas: {
    KeepApartSet: ['housing'],
    KeepApartEnded: ['housing'],
    HeadcountRecorded: ['housing'],
    HeadcountMismatchResolved: ['housing'],
  },
};
