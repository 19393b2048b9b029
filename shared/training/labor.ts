import type { z } from 'zod';
import type { HandlerSpec } from '../api';

/** Labor therapy: workshops (product, output unit, uses blades), assignments (respecting work restrictions without their reason), the daily labor sheet, totals. */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const LABOR_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const LABOR_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler of this slice. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LaborOutputs {}

/** Event types a person may void (their own, or anyone's as admin). */
export const LABOR_VOIDABLE: readonly (keyof typeof LABOR_EVENTS)[] = [];
