import type { HOUSING_EVENTS, HOUSING_HANDLERS } from '../../../../shared/duty/housing';
import type { DutySlice } from '../slice';
import { housingHandlers } from './handlers';
import { housingProjection } from './projection';

export const housingSlice: DutySlice<keyof typeof HOUSING_EVENTS, keyof typeof HOUSING_HANDLERS> = {
  projections: [housingProjection],
  handlers: housingHandlers,
  areas: {
    DormAdded: ['housing'],
    RoomAdded: ['housing'],
    RoomChanged: ['housing'],
    RoomClosed: ['housing'],
    BedAssigned: ['housing'],
    BedMoved: ['housing'],
    BedVacated: ['housing'],
  },
};
