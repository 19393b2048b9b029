import type { z } from 'zod';
import type { HandlerSpec } from '../api';

/** Literacy classes: open, enrol, withdraw, close; the attendance sheet of a session (one AttendanceRecorded per trainee, one transaction). */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const CLASSES_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const CLASSES_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler of this slice. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClassesOutputs {}

/** Event types a person may void (their own, or anyone's as admin). */
export const CLASSES_VOIDABLE: readonly (keyof typeof CLASSES_EVENTS)[] = [];
