import { z } from 'zod';
import type { HandlerSpec } from './api';

/**
 * The access log (issue 4): opening a trainee's medical record, exporting, printing or backing
 * up writes an AccessRecorded event (stream `access`) with who, when and whose data.
 */
export const ACCESS_EVENTS = {} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

export const ACCESS_HANDLERS = {} as const satisfies Record<string, HandlerSpec>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AccessOutputs {}
