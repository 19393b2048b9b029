import { ARV_EVENTS, ARV_HANDLERS, ARV_VOIDABLE, type ArvOutputs } from './arv';
import { DETOX_EVENTS, DETOX_HANDLERS, DETOX_VOIDABLE, type DetoxOutputs } from './detox';
import { FLAG_EVENTS, FLAG_HANDLERS, FLAG_VOIDABLE, type FlagOutputs } from './flags';
import { PRESCRIPTION_EVENTS, PRESCRIPTION_HANDLERS, PRESCRIPTION_VOIDABLE, type PrescriptionOutputs } from './prescriptions';
import { SCREENING_EVENTS, SCREENING_HANDLERS, SCREENING_VOIDABLE, type ScreeningOutputs } from './screening';

/**
 * The medical area, joined from its slices. Every per-trainee medical event is appended to the
 * stream `medical:<traineeId>` (streams.medical), never to the trainee's own stream, so what is
 * medical is decided by where it lives; the facility-wide formulary lives in `formulary`.
 */
export const MEDICAL_EVENTS = { ...SCREENING_EVENTS, ...DETOX_EVENTS, ...PRESCRIPTION_EVENTS, ...ARV_EVENTS, ...FLAG_EVENTS };
export type MedicalEventType = keyof typeof MEDICAL_EVENTS;

export const MEDICAL_HANDLERS = { ...SCREENING_HANDLERS, ...DETOX_HANDLERS, ...PRESCRIPTION_HANDLERS, ...ARV_HANDLERS, ...FLAG_HANDLERS };
export type MedicalHandlerName = keyof typeof MEDICAL_HANDLERS;

export interface MedicalOutputs extends ScreeningOutputs, DetoxOutputs, PrescriptionOutputs, ArvOutputs, FlagOutputs {}

export const MEDICAL_VOIDABLE: readonly MedicalEventType[] = [...SCREENING_VOIDABLE, ...DETOX_VOIDABLE, ...PRESCRIPTION_VOIDABLE, ...ARV_VOIDABLE, ...FLAG_VOIDABLE];
