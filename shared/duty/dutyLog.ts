import { z } from 'zod';
import type { HandlerSpec } from '../api';

/** The duty log: a day's page of everything duty officers recorded, shift notes, the handover. */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const DUTY_LOG_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const DUTY_LOG_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler above. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DutyLogOutputs {}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const DUTY_LOG_VOIDABLE: readonly (keyof typeof DUTY_LOG_EVENTS)[] = [];
