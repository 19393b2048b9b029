import type { SCREENING_EVENTS, SCREENING_HANDLERS } from '../../../../shared/medical/screening';
import type { AreaSlice } from '../slice';
import { medicalSettingsProjection } from '../settings';
import { screeningHandlers } from './handlers';
import { screeningProjection } from './projection';

export const screeningSlice: AreaSlice<keyof typeof SCREENING_EVENTS, keyof typeof SCREENING_HANDLERS> = {
  projections: [medicalSettingsProjection, screeningProjection],
  handlers: screeningHandlers,
  areas: {
    ScreeningRecorded: ['medical'],
    MedicalSettingsChanged: ['medical'],
  },
  // Screening results (HIV above all) are medical data: nothing of them reaches other roles.
  redaction: {
    ScreeningRecorded: null,
    MedicalSettingsChanged: null,
  },
};
