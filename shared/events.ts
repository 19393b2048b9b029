import { z } from 'zod';
import { roleSchema } from './accounts';
import { FieldChange, RELEASE_KINDS, traineeDetailsBase } from './admissions';

/**
 * Every event type Sen writes, with the version of its data shape and the zod schema of that
 * shape. The store checks each event against this table before it is appended.
 */
const fieldChange = z.object({
  field: z.enum(traineeDetailsBase.keyof().options),
  from: z.unknown(),
  to: z.unknown(),
}) as z.ZodType<FieldChange>;

export const EVENT_TYPES = {
  FacilitySetUp: { schema: 1, data: z.object({ name: z.string().min(1) }) },
  UserCreated: {
    schema: 1,
    data: z.object({
      userId: z.uuid(),
      username: z.string(),
      fullName: z.string(),
      roles: z.array(roleSchema),
      /** scrypt hash in PHC-like form; never leaves the core. */
      passwordHash: z.string(),
    }),
  },
  UserSignedIn: { schema: 1, data: z.object({ userId: z.uuid() }) },
  UserSignedOut: { schema: 1, data: z.object({ userId: z.uuid() }) },
  TraineeAdmitted: { schema: 1, data: traineeDetailsBase.extend({ traineeId: z.uuid() }) },
  TraineeDetailsCorrected: {
    schema: 1,
    data: z.object({
      traineeId: z.uuid(),
      /** The seq of the event whose facts this corrects (the admission). */
      corrects: z.number().int().positive(),
      changes: z.array(fieldChange).min(1),
      reason: z.string().min(1),
    }),
  },
  TraineeReleased: {
    schema: 1,
    data: z.object({ traineeId: z.uuid(), releaseDate: z.string(), kind: z.enum(RELEASE_KINDS), note: z.string() }),
  },
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_TYPES)[T]['data']>;

/** Who did it and why; stored with every event. */
export interface EventMeta {
  /** User id of the signed-in person, or null for the system (first-run set-up, migrations). */
  actor: string | null;
  actorRoles?: string[];
  reason?: string;
  correlationId?: string;
}

/** An event as deciders produce it, before the store gives it a place in the log. */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  data: EventData<T>;
  /** When it happened (calendar date or instant); defaults to when it was recorded. */
  occurredAt?: string;
}

export type StoredEvent<T extends EventType = EventType> = {
  [K in T]: {
    seq: number;
    stream: string;
    version: number;
    type: K;
    schema: number;
    data: EventData<K>;
    meta: EventMeta;
    occurredAt: string;
    recordedAt: string;
    prevHash: string;
    hash: string;
  };
}[T];

export const streams = {
  facility: 'facility',
  user: (id: string) => `user:${id}`,
  trainee: (id: string) => `trainee:${id}`,
};
