import { z } from 'zod';
import type { HandlerSpec } from '../api';

/** Detox episodes assessed with withdrawal scales defined as data (COWS, CIWA-Ar, AWQ). */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const DETOX_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const DETOX_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler above. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DetoxOutputs {}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const DETOX_VOIDABLE: readonly (keyof typeof DETOX_EVENTS)[] = [];
