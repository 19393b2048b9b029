import type { DUTY_LOG_EVENTS, DUTY_LOG_HANDLERS } from '../../../../shared/duty/dutyLog';
import type { DutySlice } from '../slice';
import { dutyLogHandlers } from './handlers';
import { dutyLogProjection } from './projection';

export const dutyLogSlice: DutySlice<keyof typeof DUTY_LOG_EVENTS, keyof typeof DUTY_LOG_HANDLERS> = {
  projections: [dutyLogProjection],
  handlers: dutyLogHandlers,
  // Shift notes are the duty officers' own page: the 'conduct' area is the duty screens' refetch tag.
  areas: { ShiftNoteRecorded: ['conduct'] },
};
