import { z } from 'zod';
import {
  changePasswordInput,
  createAccountInput,
  resetPasswordInput,
  setRolesInput,
  setupInput,
  signInInput,
  userIdInput,
  type AccountSummary,
  type SessionUser,
} from './accounts';
import {
  admitInput,
  advancePhaseInput,
  asOf,
  correctInput,
  listTraineesInput,
  releaseInput,
  traineeIdInput,
  type TraineeList,
  type TraineeRecord,
} from './admissions';
import { demoInput, type DemoResult } from './demo';
import { ACCESS_HANDLERS, type AccessOutputs } from './access';
import { ROSTER_IMPORT_HANDLERS, type RosterImportOutputs } from './rosterImport';
import { MEDICAL_HANDLERS, type MedicalOutputs } from './medical';
import { DUTY_HANDLERS, type DutyOutputs } from './duty';
import { TRAINING_HANDLERS, type TrainingOutputs } from './training';
import { REPORT_HANDLERS, type PrintToPdfRequest, type ReportOutputs } from './reports';
import { BACKUP_HANDLERS, type BackupOutputs } from './backup';
import type { Permission } from './roles';
import { HANDLER_NAMES, type HandlerName } from './handlerNames';
import type { EventMeta, EventType } from './events';
import type { PathKind } from './pathKinds';

export { HANDLER_NAMES, type HandlerName };

/** Areas of data; the core pushes the areas an append touched so the renderer refetches. */
export const AREAS = ['system', 'session', 'trainees', 'accounts', 'medical', 'access', 'housing', 'conduct', 'literacy', 'labor', 'reintegration', 'backup'] as const;
export type Area = (typeof AREAS)[number];

export interface HandlerSpec {
  input: z.ZodType;
  permission: Permission;
  /** Commands append to the log and go through the single writer; queries only read. */
  kind: 'command' | 'query';
}

const empty = z.object({}).strict();

/** Minutes without a key or mouse movement before Sen locks the screen. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
const idleLockInput = z.object({ minutes: z.number({ error: 'invalidType' }).int('invalid').min(1, 'idleLockRange').max(240, 'idleLockRange') }).strict();

const voidInput = z.object({
  seq: z.number().int().positive(),
  reason: z.string().trim().min(1, 'required').max(500, 'tooLong'),
});

const acknowledgeInput = z.object({ note: z.string().trim().max(500, 'tooLong').default('') });

/** The typed handler table: name -> input schema, permission, kind. The core implements it. */
export const HANDLERS = {
  'system.status': { input: empty, permission: 'public', kind: 'query' },
  'system.setup': { input: setupInput, permission: 'public', kind: 'command' },
  'system.stats': { input: z.object({ asOf }).strict(), permission: 'system.admin', kind: 'query' },
  'system.verify': { input: empty, permission: 'system.admin', kind: 'query' },
  /** First run only (refused once set up): a demo facility with sample data, for training. */
  'system.demo': { input: demoInput, permission: 'public', kind: 'command' },
  'auth.signIn': { input: signInInput, permission: 'public', kind: 'command' },
  'auth.signOut': { input: empty, permission: 'signedIn', kind: 'command' },
  /** One's own password: the current one, a new one (twice). The only call besides sign-out and status while a change is required. */
  'auth.changePassword': { input: changePasswordInput, permission: 'signedIn', kind: 'command' },
  /** Hide the screen until the same person re-enters the password (or someone else signs in). */
  'auth.lock': { input: empty, permission: 'signedIn', kind: 'command' },
  'system.setIdleLock': { input: idleLockInput, permission: 'system.admin', kind: 'command' },
  /** Every account, without password hashes. */
  'accounts.list': { input: empty, permission: 'accounts.manage', kind: 'query' },
  'accounts.create': { input: createAccountInput, permission: 'accounts.manage', kind: 'command' },
  'accounts.setRoles': { input: setRolesInput, permission: 'accounts.manage', kind: 'command' },
  'accounts.deactivate': { input: userIdInput, permission: 'accounts.manage', kind: 'command' },
  'accounts.reactivate': { input: userIdInput, permission: 'accounts.manage', kind: 'command' },
  /** A temporary password the admin types; the person must change it at next sign-in. */
  'accounts.resetPassword': { input: resetPasswordInput, permission: 'accounts.manage', kind: 'command' },
  'trainees.list': { input: listTraineesInput, permission: 'trainee.read', kind: 'query' },
  'trainees.get': { input: traineeIdInput, permission: 'trainee.read', kind: 'query' },
  'trainees.timeline': { input: traineeIdInput, permission: 'trainee.read', kind: 'query' },
  'trainees.admit': { input: admitInput, permission: 'trainee.intake', kind: 'command' },
  'trainees.correct': { input: correctInput, permission: 'trainee.intake', kind: 'command' },
  'trainees.release': { input: releaseInput, permission: 'trainee.intake', kind: 'command' },
  /** The next stage of treatment (Law 73/2021 Art. 29): an explicit decision, never automatic. */
  'trainees.advancePhase': { input: advancePhaseInput, permission: 'trainee.phase', kind: 'command' },
  /** Any signed-in person may void what they recorded; an admin may void anyone's (checked in the core). */
  'events.void': { input: voidInput, permission: 'signedIn', kind: 'command' },
  'system.acknowledgeChainBreak': { input: acknowledgeInput, permission: 'system.admin', kind: 'command' },
  ...ROSTER_IMPORT_HANDLERS,
  ...MEDICAL_HANDLERS,
  ...ACCESS_HANDLERS,
  ...DUTY_HANDLERS,
  ...TRAINING_HANDLERS,
  ...REPORT_HANDLERS,
  ...BACKUP_HANDLERS,
} as const satisfies Record<HandlerName, HandlerSpec>;

/** A handler declared in HANDLERS but not listed in HANDLER_NAMES fails to compile here. */
const everyHandlerListed: [Exclude<keyof typeof HANDLERS, HandlerName>] extends [never] ? true : false = true;
void everyHandlerListed;

export interface IntegrityStatus {
  /** ok: intact; broken: a break nobody acknowledged (Sen is read-only); acknowledged: known breaks only. */
  state: 'ok' | 'broken' | 'acknowledged';
  breaks: ChainBreak[];
  /** When the chain was last checked (start-up or on demand). */
  checkedAt: string | null;
  /** Progress of a full verification while one runs. */
  verification: { checked: number; total: number } | null;
}

export interface SystemStatus {
  setUp: boolean;
  facilityName: string | null;
  user: SessionUser | null;
  /** Only for a signed-in user. */
  integrity: IntegrityStatus | null;
  /** Minutes of inactivity after which the screen locks (facility setting). */
  idleLockMinutes: number;
  /** Projections being rebuilt from the log (a new Sen version changed them): nothing else answers until done. */
  startup: { done: number; total: number } | null;
}

/** What is wrong at a break, for the screen to say in the user's language (`problem` is the English detail). */
export const BREAK_KINDS = ['missing', 'link', 'edited', 'cut', 'anchor', 'checkpoint'] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];

export interface ChainBreak {
  seq: number;
  kind: BreakKind;
  problem: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Events checked. */
  checked: number;
  /** Highest seq in the log. */
  headSeq: number;
  /** First seq where the chain breaks, when it does. */
  firstBadSeq: number | null;
  problem: string | null;
  /** Every break found (at most 100), in seq order. */
  breaks: ChainBreak[];
}

export interface Stats {
  totalEvents: number;
  eventsByType: Record<string, number>;
  traineesByStatus: Record<string, number>;
}

/** One line of a trainee's timeline: what happened, when, and who recorded it. */
export interface TimelineEntry {
  seq: number;
  type: EventType;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; fullName: string } | null;
  meta: EventMeta;
  data: Record<string, unknown>;
  /** Set when a later EventVoided took this event back: which one, why, who, when. */
  voided: { bySeq: number; reason: string; actor: { id: string; fullName: string } | null; recordedAt: string } | null;
}

export interface HandlerOutputs extends MedicalOutputs, AccessOutputs, DutyOutputs, TrainingOutputs, RosterImportOutputs, ReportOutputs, BackupOutputs {
  'system.status': SystemStatus;
  'system.setup': { facilityName: string };
  'system.stats': Stats;
  'system.verify': VerifyReport;
  'system.demo': DemoResult;
  'auth.signIn': SessionUser;
  'auth.signOut': null;
  'auth.changePassword': null;
  'auth.lock': null;
  'system.setIdleLock': { minutes: number };
  'accounts.list': AccountSummary[];
  'accounts.create': { userId: string };
  'accounts.setRoles': { seq: number };
  'accounts.deactivate': { seq: number };
  'accounts.reactivate': { seq: number };
  'accounts.resetPassword': { seq: number };
  'trainees.list': TraineeList;
  'trainees.get': TraineeRecord;
  'trainees.timeline': TimelineEntry[];
  'trainees.admit': { traineeId: string; seq: number };
  'trainees.correct': { seq: number };
  'trainees.release': { seq: number };
  'trainees.advancePhase': { seq: number };
  'events.void': { seq: number };
  'system.acknowledgeChainBreak': { seq: number };
}

/** What a caller passes (before defaults are applied). */
export type HandlerInput<N extends HandlerName> = z.input<(typeof HANDLERS)[N]['input']>;
/** What the core receives after validation. */
export type HandlerParsed<N extends HandlerName> = z.output<(typeof HANDLERS)[N]['input']>;
export type HandlerOutput<N extends HandlerName> = HandlerOutputs[N];

/** The bridge the preload (or the preview) puts on `window.sen`. */
export interface SenBridge {
  /**
   * The system's folder or file dialog (the Electron shell only; the preview has none, and the
   * screens then take a typed path). Resolves the chosen path, or null when cancelled.
   */
  choosePath?(kind: PathKind): Promise<string | null>;
  invoke<N extends HandlerName>(name: N, input: HandlerInput<N>): Promise<import('./errors').Result<HandlerOutput<N>>>;
  /** Called with the areas that changed after each append; returns an unsubscribe function. */
  subscribe(listener: (areas: Area[]) => void): () => void;
  /**
   * In the desktop app only (absent in the browser preview): the page as shown, as an A4 PDF,
   * saved where the person chooses (null when the save dialog is cancelled). Main records the
   * print in the access log (reports.recordPrint) before writing the file.
   */
  printToPdf?(request: PrintToPdfRequest): Promise<import('./errors').Result<{ path: string } | null>>;
}
