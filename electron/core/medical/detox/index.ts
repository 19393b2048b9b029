import type { DETOX_EVENTS, DETOX_HANDLERS } from '../../../../shared/medical/detox';
import type { AreaSlice } from '../slice';
import { detoxHandlers } from './handlers';
import { detoxProjection } from './projection';

export const detoxSlice: AreaSlice<keyof typeof DETOX_EVENTS, keyof typeof DETOX_HANDLERS> = {
  projections: [detoxProjection],
  handlers: detoxHandlers,
  areas: {
    DetoxEpisodeStarted: ['medical'],
    DetoxAssessed: ['medical'],
    DetoxEpisodeClosed: ['medical'],
    WithdrawalScaleDefined: ['medical'],
  },
  // Withdrawal and its scores are medical data: other roles see nothing of them in a timeline.
  // (The stage of treatment is not medical: TraineePhaseAdvanced lives on the trainee's stream.)
  redaction: {
    DetoxEpisodeStarted: null,
    DetoxAssessed: null,
    DetoxEpisodeClosed: null,
    WithdrawalScaleDefined: null,
  },
};
