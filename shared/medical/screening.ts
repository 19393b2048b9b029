import { z } from 'zod';
import type { HandlerSpec } from '../api';

/** Intake and periodic screening (HIV, HBV, HCV, syphilis, TB symptoms, urine drug panel, vitals) and the medical settings. */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const SCREENING_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const SCREENING_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler above. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScreeningOutputs {}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const SCREENING_VOIDABLE: readonly (keyof typeof SCREENING_EVENTS)[] = [];
