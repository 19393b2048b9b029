import type { z } from 'zod';
import type { HandlerSpec } from '../api';

/** Literacy progress: dated skill observations (skills x levels, DOMAIN.md), the class progress matrix, derived Level 1 / Level 2 status, completion. */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const LITERACY_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const LITERACY_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler of this slice. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LiteracyOutputs {}

/** Event types a person may void (their own, or anyone's as admin). */
export const LITERACY_VOIDABLE: readonly (keyof typeof LITERACY_EVENTS)[] = [];
