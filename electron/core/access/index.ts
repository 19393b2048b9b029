import type { ACCESS_EVENTS, ACCESS_HANDLERS } from '../../../shared/access';
import type { AreaSlice } from '../medical/slice';
import { accessHandlers } from './handlers';
import { accessLogProjection } from './projection';

/**
 * The access log: see shared/access.ts and record.ts. Its events live on the `access` stream,
 * not on a trainee's, so nothing of it shows in timelines; the redaction says so anyway.
 */
export const accessSlice: AreaSlice<keyof typeof ACCESS_EVENTS, keyof typeof ACCESS_HANDLERS> = {
  projections: [accessLogProjection],
  handlers: accessHandlers,
  areas: { AccessRecorded: ['access'] },
  redaction: { AccessRecorded: null },
};
