import type { Area } from '../../../shared/api';
import type { DutyEventType, DutyHandlerName } from '../../../shared/duty';
import type { HandlerMap } from '../context';
import type { Projection } from '../store/projection';
import { conductSlice } from './conduct';
import { dutyLogSlice } from './dutyLog';
import { housingSlice } from './housing';
import { keepApartSlice } from './keepApart';
import { recognitionSlice } from './recognition';

export const DUTY_PROJECTIONS: readonly Projection[] = [housingSlice, keepApartSlice, conductSlice, recognitionSlice, dutyLogSlice].flatMap((s) => s.projections);

export const dutyHandlers: HandlerMap<DutyHandlerName> = {
  ...housingSlice.handlers,
  ...keepApartSlice.handlers,
  ...conductSlice.handlers,
  ...recognitionSlice.handlers,
  ...dutyLogSlice.handlers,
};

export const DUTY_EVENT_AREAS: Record<DutyEventType, Area[]> = {
  ...housingSlice.areas,
  ...keepApartSlice.areas,
  ...conductSlice.areas,
  ...recognitionSlice.areas,
  ...dutyLogSlice.areas,
};
