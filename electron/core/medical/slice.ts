import type { Area, HandlerName } from '../../../shared/api';
import type { EventType } from '../../../shared/events';
import type { Permission } from '../../../shared/roles';
import type { HandlerMap } from '../context';
import type { Projection } from '../store/projection';

/**
 * What a viewer without the `medical` role sees of a medical event in a trainee's timeline:
 * `null` = nothing at all; otherwise the data keys kept (everything else is removed before the
 * entry crosses the bridge, and so is `meta.reason`) — for every viewer, or with `permission`
 * only for those who hold it (e.g. restrictions for the people who house or assign work).
 */
export type Redaction = null | readonly string[] | { keep: readonly string[]; permission: Permission };

/** One slice of the medical area, as the service joins it. */
export interface AreaSlice<E extends EventType, H extends HandlerName> {
  projections: readonly Projection[];
  handlers: HandlerMap<H>;
  /** Areas of the screens each event type changes (pushed to renderers after an append). */
  areas: Record<E, Area[]>;
  /** What non-medical viewers see of each event type in a trainee's timeline. */
  redaction: Record<E, Redaction>;
}
