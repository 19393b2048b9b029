import { z } from 'zod';
import type { HandlerSpec } from '../api';

/** Violations from the facility's catalog (several trainees per incident) and disciplinary measures. */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const CONDUCT_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const CONDUCT_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler above. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConductOutputs {}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const CONDUCT_VOIDABLE: readonly (keyof typeof CONDUCT_EVENTS)[] = [];
