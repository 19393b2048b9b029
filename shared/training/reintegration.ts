import type { z } from 'zod';
import type { HandlerSpec } from '../api';

/** Reintegration counselling for trainees near planned release: sessions (legal, vocational, job referral, family), outcome, follow-up; who is due. */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const REINTEGRATION_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const REINTEGRATION_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler of this slice. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReintegrationOutputs {}

/** Event types a person may void (their own, or anyone's as admin). */
export const REINTEGRATION_VOIDABLE: readonly (keyof typeof REINTEGRATION_EVENTS)[] = [];
