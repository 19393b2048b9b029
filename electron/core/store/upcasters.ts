import { EVENT_TYPES, type EventType } from '../../../shared/events';

/**
 * Upcasters turn an event's data from an older schema version into the next one, so the rest of
 * the code only ever sees the current shape. The stored row is never changed (its hash covers
 * what was written); upcasting happens when it is read. Add one function per version step.
 */
type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export const UPCASTERS: Partial<Record<EventType, Record<number, Upcaster>>> = {
  UserCreated: {
    // v1 -> v2: accounts gained "must change password at next sign-in"; people created before knew their own.
    1: (data) => ({ ...data, mustChangePassword: false }),
  },
};

export function upcast(type: string, schema: number, data: unknown): { schema: number; data: unknown } {
  const def = EVENT_TYPES[type as EventType];
  if (!def) return { schema, data };
  let current = data as Record<string, unknown>;
  let version = schema;
  while (version < def.schema) {
    const step = UPCASTERS[type as EventType]?.[version];
    if (!step) throw new Error(`No upcaster for ${type} from schema ${version} to ${version + 1}`);
    current = step(current);
    version += 1;
  }
  return { schema: version, data: current };
}
