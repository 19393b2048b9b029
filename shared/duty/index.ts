import { CONDUCT_EVENTS, CONDUCT_HANDLERS, CONDUCT_VOIDABLE, type ConductOutputs } from './conduct';
import { DUTY_LOG_EVENTS, DUTY_LOG_HANDLERS, DUTY_LOG_VOIDABLE, type DutyLogOutputs } from './dutyLog';
import { HOUSING_EVENTS, HOUSING_HANDLERS, HOUSING_VOIDABLE, type HousingOutputs } from './housing';
import { KEEP_APART_EVENTS, KEEP_APART_HANDLERS, KEEP_APART_VOIDABLE, type KeepApartOutputs } from './keepApart';
import { RECOGNITION_EVENTS, RECOGNITION_HANDLERS, RECOGNITION_VOIDABLE, type RecognitionOutputs } from './recognition';

/**
 * The duty officers' area (housing, conduct, recognition, the duty log), joined from its slices.
 * Per-trainee events go to `housing:<traineeId>` (beds) and `conduct:<traineeId>` (violations,
 * measures, rewards, ratings); both join the trainee's timeline for those who hold `duty.read`.
 * Facility-wide streams: `layout`, `keepapart:<ruleId>`, `headcount`, `dutylog`.
 */
export const DUTY_EVENTS = { ...HOUSING_EVENTS, ...KEEP_APART_EVENTS, ...CONDUCT_EVENTS, ...RECOGNITION_EVENTS, ...DUTY_LOG_EVENTS };
export type DutyEventType = keyof typeof DUTY_EVENTS;

export const DUTY_HANDLERS = { ...HOUSING_HANDLERS, ...KEEP_APART_HANDLERS, ...CONDUCT_HANDLERS, ...RECOGNITION_HANDLERS, ...DUTY_LOG_HANDLERS };
export type DutyHandlerName = keyof typeof DUTY_HANDLERS;

export interface DutyOutputs extends HousingOutputs, KeepApartOutputs, ConductOutputs, RecognitionOutputs, DutyLogOutputs {}

export const DUTY_VOIDABLE: readonly DutyEventType[] = [...HOUSING_VOIDABLE, ...KEEP_APART_VOIDABLE, ...CONDUCT_VOIDABLE, ...RECOGNITION_VOIDABLE, ...DUTY_LOG_VOIDABLE];
