import { z } from 'zod';
import type { HandlerSpec } from '../api';

/** Rewards and the monthly rating, and who is eligible for a commendation or a term-reduction proposal. */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const RECOGNITION_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const RECOGNITION_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler above. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RecognitionOutputs {}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const RECOGNITION_VOIDABLE: readonly (keyof typeof RECOGNITION_EVENTS)[] = [];
