import type { FLAG_EVENTS, FLAG_HANDLERS } from '../../../../shared/medical/flags';
import type { AreaSlice } from '../slice';
import { flagsHandlers } from './handlers';
import { flagsProjection } from './projection';

export const flagsSlice: AreaSlice<keyof typeof FLAG_EVENTS, keyof typeof FLAG_HANDLERS> = {
  projections: [flagsProjection],
  handlers: flagsHandlers,
  // The roster and the trainee page show the facts (badges), so `trainees` refetches too.
  areas: {
    HousingFlagSet: ['medical', 'trainees'],
    HousingFlagCleared: ['medical', 'trainees'],
    WorkRestrictionSet: ['medical', 'trainees'],
    WorkRestrictionCleared: ['medical', 'trainees'],
    TraineeReferred: ['medical', 'trainees'],
    TraineeReturnedFromReferral: ['medical', 'trainees'],
  },
  // Others learn that separate housing is required and since when, which work is ruled out, and
  // that the trainee went to hospital: never why (reason, note), nor which hospital.
  redaction: {
    // Flags and restrictions: for the people who house trainees or assign work (not teachers), as
    // the roster and trainees.restrictions give them; being at hospital, for everyone.
    HousingFlagSet: { keep: ['flagId', 'since', 'reviewDate'], permission: 'trainee.restrictions' },
    HousingFlagCleared: { keep: ['flagId', 'date'], permission: 'trainee.restrictions' },
    WorkRestrictionSet: { keep: ['restrictionId', 'restriction', 'since', 'until'], permission: 'trainee.restrictions' },
    WorkRestrictionCleared: { keep: ['restrictionId', 'date'], permission: 'trainee.restrictions' },
    TraineeReferred: ['referralId', 'date'],
    TraineeReturnedFromReferral: ['referralId', 'date'],
  },
};
