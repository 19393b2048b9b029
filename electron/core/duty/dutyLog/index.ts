import type { DUTY_LOG_EVENTS, DUTY_LOG_HANDLERS } from '../../../../shared/duty/dutyLog';
import type { DutySlice } from '../slice';

export const dutyLogSlice: DutySlice<keyof typeof DUTY_LOG_EVENTS, keyof typeof DUTY_LOG_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
};
