import type { Area, HandlerName } from '../../../shared/api';
import type { EventType } from '../../../shared/events';
import type { HandlerMap } from '../context';
import type { Projection } from '../store/projection';

/** One slice of the duty area, as the service joins it. Duty data is not medical: no redaction. */
export interface DutySlice<E extends EventType, H extends HandlerName> {
  projections: readonly Projection[];
  handlers: HandlerMap<H>;
  /** Areas of the screens each event type changes (pushed to renderers after an append). */
  areas: Record<E, Area[]>;
}
