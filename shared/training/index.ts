import { CLASSES_EVENTS, CLASSES_HANDLERS, CLASSES_VOIDABLE, type ClassesOutputs } from './classes';
import { LABOR_EVENTS, LABOR_HANDLERS, LABOR_VOIDABLE, type LaborOutputs } from './labor';
import { LITERACY_EVENTS, LITERACY_HANDLERS, LITERACY_VOIDABLE, type LiteracyOutputs } from './literacy';
import { REINTEGRATION_EVENTS, REINTEGRATION_HANDLERS, REINTEGRATION_VOIDABLE, type ReintegrationOutputs } from './reintegration';

/**
 * The teachers' and instructors' area (literacy classes and progress, labor therapy,
 * reintegration counselling), joined from its slices. Per-trainee events go to
 * `literacy:<traineeId>` (enrolments, attendance, observations, completion),
 * `labor:<traineeId>` (assignments, daily labor entries) and `reintegration:<traineeId>`
 * (counselling); they join the trainee's timeline for holders of `literacy.read`, `labor.read`
 * and `reintegration.read`. Facility-wide streams: `class:<classId>`, `workshop:<workshopId>`.
 */
export const TRAINING_EVENTS = { ...CLASSES_EVENTS, ...LITERACY_EVENTS, ...LABOR_EVENTS, ...REINTEGRATION_EVENTS };
export type TrainingEventType = keyof typeof TRAINING_EVENTS;

export const TRAINING_HANDLERS = { ...CLASSES_HANDLERS, ...LITERACY_HANDLERS, ...LABOR_HANDLERS, ...REINTEGRATION_HANDLERS };
export type TrainingHandlerName = keyof typeof TRAINING_HANDLERS;

export interface TrainingOutputs extends ClassesOutputs, LiteracyOutputs, LaborOutputs, ReintegrationOutputs {}

export const TRAINING_VOIDABLE: readonly TrainingEventType[] = [...CLASSES_VOIDABLE, ...LITERACY_VOIDABLE, ...LABOR_VOIDABLE, ...REINTEGRATION_VOIDABLE];
