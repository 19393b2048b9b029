import type { ACCESS_EVENTS, ACCESS_HANDLERS } from '../../../shared/access';
import type { AreaSlice } from '../medical/slice';

/** The access log: see shared/access.ts. Its events are not about one trainee's care, so nothing shows in timelines. */
export const accessSlice: AreaSlice<keyof typeof ACCESS_EVENTS, keyof typeof ACCESS_HANDLERS> = {
  projections: [],
  handlers: {},
  areas: {},
  redaction: {},
};
