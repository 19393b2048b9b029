import { z } from 'zod';
import type { HandlerSpec } from '../api';

/** Keep-apart rules between two trainees, and headcounts per room compared with the roster. */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const KEEP_APART_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const KEEP_APART_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler above. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface KeepApartOutputs {}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const KEEP_APART_VOIDABLE: readonly (keyof typeof KEEP_APART_EVENTS)[] = [];
