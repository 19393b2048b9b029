import { z } from 'zod';
import { roleSchema } from './accounts';
import { FieldChange, PHASES, RELEASE_KINDS, traineeDetailsBase } from './admissions';
import { ACCESS_EVENTS } from './access';
import { MEDICAL_EVENTS, MEDICAL_VOIDABLE } from './medical';
import { DUTY_EVENTS, DUTY_VOIDABLE } from './duty';
import { TRAINING_EVENTS, TRAINING_VOIDABLE } from './training';
import { BACKUP_EVENTS } from './backup';

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
  IdleLockChanged: { schema: 1, data: z.object({ minutes: z.number().int().min(1).max(240) }) },
  UserCreated: {
    schema: 2,
    data: z.object({
      userId: z.uuid(),
      username: z.string(),
      fullName: z.string(),
      roles: z.array(roleSchema),
      /** scrypt hash in PHC-like form; never leaves the core. */
      passwordHash: z.string(),
      /** v2: the person must choose a new password at first sign-in (set by an admin reset). */
      mustChangePassword: z.boolean(),
    }),
  },
  UserSignedIn: { schema: 1, data: z.object({ userId: z.uuid() }) },
  UserSignedOut: { schema: 1, data: z.object({ userId: z.uuid() }) },
  /** An admin granted and/or revoked roles: the whole set before and after. */
  UserRolesChanged: { schema: 1, data: z.object({ userId: z.uuid(), from: z.array(roleSchema), to: z.array(roleSchema).min(1) }) },
  /** The person can no longer sign in; open sessions end at their next call. */
  UserDeactivated: { schema: 1, data: z.object({ userId: z.uuid() }) },
  UserReactivated: { schema: 1, data: z.object({ userId: z.uuid() }) },
  /** An admin set a temporary password: the person must change it at next sign-in; a lockout ends. */
  PasswordReset: { schema: 1, data: z.object({ userId: z.uuid(), passwordHash: z.string() }) },
  /** The person chose a new password themselves. */
  PasswordChanged: { schema: 1, data: z.object({ userId: z.uuid(), passwordHash: z.string() }) },
  /** A wrong password for an existing account (audit; counts toward the lockout). */
  SignInFailed: { schema: 1, data: z.object({ userId: z.uuid(), failures: z.number().int().positive() }) },
  /** Too many consecutive failures: no sign-in until `until` (ISO instant). */
  AccountLocked: { schema: 1, data: z.object({ userId: z.uuid(), until: z.string() }) },
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
  /** Takes back an event recorded by mistake; appended to the same stream as the event it voids. */
  EventVoided: {
    schema: 1,
    data: z.object({ seq: z.number().int().positive(), voidedType: z.string(), reason: z.string().min(1) }),
  },
  /** The admin has seen that the chain is broken at these seqs; Sen may write again. */
  ChainBreakAcknowledged: {
    schema: 1,
    data: z.object({
      breaks: z.array(z.object({ seq: z.number().int().positive(), kind: z.enum(['missing', 'link', 'edited', 'cut', 'anchor', 'checkpoint']), problem: z.string() })).min(1),
      note: z.string(),
    }),
  },
  /** Moves a trainee to another stage of treatment: never automatic (e.g. not when a detox episode closes). */
  TraineePhaseAdvanced: {
    schema: 1,
    data: z.object({ traineeId: z.uuid(), from: z.enum(PHASES), to: z.enum(PHASES), date: z.string(), note: z.string() }),
  },
  ...MEDICAL_EVENTS,
  ...ACCESS_EVENTS,
  ...DUTY_EVENTS,
  ...TRAINING_EVENTS,
  ...BACKUP_EVENTS,
} as const;

/** Event types a person may void (their own, or anyone's as admin). */
export const VOIDABLE_TYPES: readonly EventType[] = ['TraineeAdmitted', 'TraineeDetailsCorrected', 'TraineeReleased', 'TraineePhaseAdvanced', ...MEDICAL_VOIDABLE, ...DUTY_VOIDABLE, ...TRAINING_VOIDABLE];

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
  integrity: 'integrity',
  user: (id: string) => `user:${id}`,
  trainee: (id: string) => `trainee:${id}`,
  /** Every medical event about one trainee: only medical officers read it whole (see electron/core/medical/redaction.ts). */
  medical: (traineeId: string) => `medical:${traineeId}`,
  /** The facility's formulary (drugs and ARV regimens). */
  formulary: 'formulary',
  /** The access log: who opened, exported, printed or backed up whose data. */
  access: 'access',
  /** The facility's dorms, rooms and beds. */
  layout: 'layout',
  /** One trainee's beds: assigned, moved, vacated. */
  housing: (traineeId: string) => `housing:${traineeId}`,
  /** One trainee's conduct: violations, measures, rewards, monthly ratings. */
  conduct: (traineeId: string) => `conduct:${traineeId}`,
  /** One keep-apart rule between two trainees. */
  keepApart: (ruleId: string) => `keepapart:${ruleId}`,
  headcount: 'headcount',
  dutyLog: 'dutylog',
  /** Backups made and the automatic-backup settings. */
  backup: 'backup',
  /** One literacy class: opened, closed (its roster and sessions live on the trainees' streams). */
  literacyClass: (classId: string) => `class:${classId}`,
  /** One trainee's literacy record: enrolments, attendance, skill observations, completion. */
  literacy: (traineeId: string) => `literacy:${traineeId}`,
  /** One labor-therapy workshop: opened, changed, closed. */
  workshop: (workshopId: string) => `workshop:${workshopId}`,
  /** One trainee's labor therapy: workshop assignments and daily labor entries. */
  labor: (traineeId: string) => `labor:${traineeId}`,
  /** One trainee's reintegration counselling sessions. */
  reintegration: (traineeId: string) => `reintegration:${traineeId}`,
};
