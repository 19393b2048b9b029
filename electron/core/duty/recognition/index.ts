import type { RECOGNITION_EVENTS, RECOGNITION_HANDLERS } from '../../../../shared/duty/recognition';
import type { DutySlice } from '../slice';
import { recognitionHandlers } from './handlers';
import { recognitionProjection } from './projection';

export const recognitionSlice: DutySlice<keyof typeof RECOGNITION_EVENTS, keyof typeof RECOGNITION_HANDLERS> = {
  projections: [recognitionProjection],
  handlers: recognitionHandlers,
  areas: {
    RewardGranted: ['conduct'],
    MonthlyRated: ['conduct'],
    EligibilityRulesChanged: ['conduct'],
  },
};
