import { z } from 'zod';
import type { HandlerSpec } from '../api';

/** Facility layout (dorms, rooms, beds; rooms for separate housing; capacity) and the housing board (assign, move, vacate beds, with warnings). */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const HOUSING_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const HOUSING_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler above. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HousingOutputs {}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const HOUSING_VOIDABLE: readonly (keyof typeof HOUSING_EVENTS)[] = [];
