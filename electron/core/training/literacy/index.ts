import type { LITERACY_EVENTS, LITERACY_HANDLERS } from '../../../../shared/training/literacy';
import type { TrainingSlice } from '../slice';
import { literacyHandlers } from './handlers';
import { literacyProjection } from './projection';

export const literacySlice: TrainingSlice<keyof typeof LITERACY_EVENTS, keyof typeof LITERACY_HANDLERS> = {
  projections: [literacyProjection],
  handlers: literacyHandlers,
  areas: {
    SkillsObserved: ['literacy'],
    LiteracyCompleted: ['literacy'],
  },
};
