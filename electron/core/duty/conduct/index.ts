import type { CONDUCT_EVENTS, CONDUCT_HANDLERS } from '../../../../shared/duty/conduct';
import type { DutySlice } from '../slice';
import { conductHandlers } from './handlers';
import { conductProjection } from './projection';

export const conductSlice: DutySlice<keyof typeof CONDUCT_EVENTS, keyof typeof CONDUCT_HANDLERS> = {
  projections: [conductProjection],
  handlers: conductHandlers,
  areas: {
    ViolationTypeAdded: ['conduct'],
    ViolationTypeChanged: ['conduct'],
    ViolationRecorded: ['conduct', 'trainees'],
    MeasureImposed: ['conduct', 'trainees'],
    MeasureSuspended: ['conduct', 'trainees'],
    SelfCriticismReceived: ['conduct', 'trainees'],
  },
};
