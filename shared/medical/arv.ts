import { z } from 'zod';
import type { HandlerSpec } from '../api';

/** ARV care: ART start and regimen changes, pill counts, adherence counselling, CD4 and viral load. */

/** Event types of this slice: name -> { schema version, data shape }. Joined into EVENT_TYPES. */
export const ARV_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

/** Handlers of this slice: joined into HANDLERS (names also go in shared/handlerNames.ts). */
export const ARV_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

/** Output type of each handler above. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ArvOutputs {}

/** Event types of this slice a person may void (their own, or anyone's as admin). */
export const ARV_VOIDABLE: readonly (keyof typeof ARV_EVENTS)[] = [];
