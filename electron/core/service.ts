import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionUser } from '../../shared/accounts';
import { HANDLERS, type Area, type HandlerName } from '../../shared/api';
import { todayIso } from '../../shared/dates';
import { SenError, type Result } from '../../shared/errors';
import type { EventType, StoredEvent } from '../../shared/events';
import { isHandlerName } from '../../shared/handlerNames';
import { isAllowed } from '../../shared/roles';
import { accountHandlers, sessionUser, userRow } from './accounts/handlers';
import { usersProjection } from './accounts/projection';
import { admissionHandlers } from './admissions/handlers';
import { traineesProjection } from './admissions/projection';
import type { Handler, HandlerContext, HandlerMap, ServiceDriver } from './context';
import { OWASP_SCRYPT } from './accounts/passwords';
import { AsOfViews } from './store/asOf';
import { EventStore } from './store/eventStore';
import { IntegrityMonitor } from './system/integrity';
import { voidHandlers } from './voids/handlers';
import { demoHandlers } from './demo/handlers';
import { accessSlice } from './access';
import { appendAccess } from './access/record';
import { MEDICAL_EVENT_AREAS, MEDICAL_PROJECTIONS, medicalHandlers } from './medical';
import { DUTY_EVENT_AREAS, DUTY_PROJECTIONS, dutyHandlers } from './duty';
import { backupSlice } from './backup';
import { applyPendingRestore } from './backup/files';
import { Backups } from './backup/runner';
import { TRAINING_EVENT_AREAS, TRAINING_PROJECTIONS, trainingHandlers } from './training';
import { reportHandlers } from './reports';
import type { Projection } from './store/projection';
import { facilityProjection } from './system/projection';
import { stats, systemHandlers } from './system/handlers';
import type { CoreService, ServiceOptions } from './types';
import { zodIssues } from './validation';

export const PROJECTIONS: readonly Projection[] = [facilityProjection, usersProjection, traineesProjection, ...MEDICAL_PROJECTIONS, ...accessSlice.projections, ...DUTY_PROJECTIONS, ...TRAINING_PROJECTIONS, ...backupSlice.projections];

/** Every handler name must be implemented exactly once; the type fails to check if one is missing. */
const IMPLEMENTATIONS: HandlerMap<HandlerName> = {
  ...systemHandlers,
  ...accountHandlers,
  ...admissionHandlers,
  ...voidHandlers,
  ...demoHandlers,
  ...medicalHandlers,
  ...accessSlice.handlers,
  ...dutyHandlers,
  ...trainingHandlers,
  ...reportHandlers,
  ...backupSlice.handlers,
};

/** Which areas of the screens an event type changes: pushed to renderers after each append. */
const EVENT_AREAS: Record<EventType, Area[]> = {
  FacilitySetUp: ['system'],
  IdleLockChanged: ['system', 'session'],
  UserCreated: ['system', 'accounts'],
  UserSignedIn: ['session'],
  UserSignedOut: ['session'],
  UserRolesChanged: ['accounts', 'session'],
  UserDeactivated: ['accounts', 'session'],
  UserReactivated: ['accounts'],
  PasswordReset: ['accounts', 'session'],
  PasswordChanged: ['accounts', 'session'],
  SignInFailed: ['accounts'],
  AccountLocked: ['accounts'],
  TraineeAdmitted: ['trainees', 'system'],
  TraineeDetailsCorrected: ['trainees'],
  TraineeReleased: ['trainees', 'system'],
  EventVoided: ['trainees', 'system'],
  ChainBreakAcknowledged: ['system'],
  TraineePhaseAdvanced: ['trainees'],
  ...MEDICAL_EVENT_AREAS,
  ...accessSlice.areas,
  ...DUTY_EVENT_AREAS,
  ...TRAINING_EVENT_AREAS,
  ...backupSlice.areas,
};

export const DB_FILE = 'sen.db';

/** A log up to this many events replays changed projections while opening; a longer one in slices. */
const REPLAY_AT_ONCE_UP_TO = 200_000;

/**
 * While the chain is broken: signing in and out (so an admin can act), the acknowledgement itself,
 * the access-log line of an export (reading goes on, so its trace must too: see access/record.ts),
 * and a restore (the way out of a damaged log).
 */
const WRITABLE_WHEN_BROKEN = new Set<HandlerName>(['auth.signIn', 'auth.signOut', 'system.acknowledgeChainBreak', 'access.recordExport', 'backup.restore']);

/** While a restore waits for the restart: only what needs no record in the log being set aside. */
const WRITABLE_WHEN_RESTORE_PENDING = new Set<HandlerName>(['auth.signIn', 'auth.signOut', 'auth.lock', 'backup.restore']);

/** All a session may call until a required password change is done (signing in again replaces the session). */
/** While the screen is locked: the same person or someone else signing in, signing out, the status. */
const WHILE_LOCKED = new Set<HandlerName>(['auth.signIn', 'auth.signOut', 'system.status']);

const WHILE_PASSWORD_CHANGE_REQUIRED = new Set<HandlerName>(['auth.changePassword', 'auth.signOut', 'system.status', 'auth.signIn']);

export function openService(options: ServiceOptions): CoreService {
  mkdirSync(options.dataDir, { recursive: true });
  const baseNow = options.now ?? (() => new Date());
  // While system.demo replays a made-up history, its story sets the clock and the id source,
  // and the areas it changes are pushed once at the end.
  let simulation: { now: Date | null; newId: (() => string) | null; areas: Set<Area> } | null = null;
  const now = () => simulation?.now ?? baseNow();
  const newId = () => simulation?.newId?.() ?? randomUUID();
  // A restore verified in the app waits beside the folder until now, before the database is opened.
  const aside = applyPendingRestore(options.dataDir);
  if (aside) console.warn(`[sen core] restored a backup into ${options.dataDir}; the previous data are kept in ${aside}`);
  const store = EventStore.open(join(options.dataDir, DB_FILE), { projections: PROJECTIONS, now, replayAtOnceUpTo: options.replayAtOnceUpTo ?? REPLAY_AT_ONCE_UP_TO });
  const integrity = new IntegrityMonitor(store, now);
  // Projections changed by a new version of Sen are replayed in slices, with progress for the screen.
  let startup: { done: number; total: number } | null = null;
  if (store.pending.length > 0) {
    startup = { done: 0, total: store.headAnchor().seq };
    void store
      .rebuildInSlices(store.pending, (done, total) => (startup = { done, total }))
      .then(() => {
        startup = null;
        checkIntegrity();
      })
      .catch((e: unknown) => console.error('[sen core] rebuilding projections failed:', e));
  } else {
    checkIntegrity();
  }

  /**
   * Start-up: what was appended since the last verified checkpoint, before any call is served;
   * then the whole chain in the background, in slices, so an older tampering is caught too.
   */
  function checkIntegrity(): void {
    integrity.checkOnStart();
    setImmediate(() => void integrity.verifyFully(true));
  }
  const asOfViews = new AsOfViews(store, PROJECTIONS);
  const backups = new Backups(options.dataDir, store, now, options.scrypt ?? OWASP_SCRYPT, (dir) => EventStore.open(join(dir, DB_FILE), { projections: PROJECTIONS }));
  backups.startSchedule(() => !integrity.readOnly && !startup);
  const sessions = new Map<string, SessionUser>();
  /** Connections whose screen is locked (idle or on request); signing in again unlocks. */
  const locked = new Set<string>();
  const listeners = new Set<(areas: Area[]) => void>();
  // One writer: commands run one after another, in arrival order, even across await points.
  let writer: Promise<unknown> = Promise.resolve();

  store.onAppended((events: StoredEvent[]) => {
    const areas = [...new Set(events.flatMap((e) => EVENT_AREAS[e.type]))];
    if (simulation) {
      for (const a of areas) simulation.areas.add(a);
      return;
    }
    for (const l of listeners) l(areas);
  });

  /**
   * The connection's session as the users table has it now: a deactivated account's session ends
   * at its next call, and granted or revoked roles apply at once.
   */
  function currentUser(connection: string): SessionUser | null {
    const session = sessions.get(connection);
    if (!session) return null;
    const row = userRow(store.db, session.id);
    if (!row || row.active !== 1) {
      sessions.delete(connection);
      return null;
    }
    const fresh = sessionUser(row);
    sessions.set(connection, fresh);
    return locked.has(connection) ? { ...fresh, locked: true } : fresh;
  }

  /** `localAdmin`: a query run by whoever holds the database file (the CLI), without a session. */
  async function run(connection: string, name: string, input: unknown, localAdmin = false): Promise<Result<unknown>> {
    if (!isHandlerName(name)) throw new SenError('UNKNOWN_HANDLER', `Unknown handler: ${String(name).slice(0, 100)}`);
    const spec = HANDLERS[name];
    if (startup && name !== 'system.status') throw new SenError('STARTING', 'Sen is rebuilding its views after an update; try again in a moment.');
    if (spec.kind === 'command' && integrity.readOnly && !WRITABLE_WHEN_BROKEN.has(name)) {
      throw new SenError('READ_ONLY_CHAIN_BROKEN', 'The event log failed verification: Sen only reads until an administrator acknowledges the break.');
    }
    if (spec.kind === 'command' && !WRITABLE_WHEN_RESTORE_PENDING.has(name) && backups.pendingRestore) {
      throw new SenError('RESTORE_PENDING', 'A restored backup is waiting: restart Sen to use it. Nothing more is recorded in the data being replaced.');
    }
    if (localAdmin && spec.kind !== 'query') throw new SenError('FORBIDDEN', `${name} is a command: run it as a signed-in user (sen rpc).`);
    const user = localAdmin ? null : currentUser(connection);
    if (!localAdmin && !isAllowed(spec.permission, user?.roles)) {
      throw user ? new SenError('FORBIDDEN', `Your roles do not allow ${name}.`) : new SenError('UNAUTHENTICATED', 'Please sign in.');
    }
    if (user?.locked && !WHILE_LOCKED.has(name)) throw new SenError('SESSION_LOCKED', 'The screen is locked: sign in again to continue.');
    if (user?.mustChangePassword && !WHILE_PASSWORD_CHANGE_REQUIRED.has(name)) {
      throw new SenError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password first.');
    }
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      throw new SenError('VALIDATION', issues.map((i) => `${i.path || '(input)'}: ${i.code}`).join('; '), issues);
    }
    const ctx: HandlerContext = {
      store,
      integrity,
      backups,
      startup: () => startup,
      view: (asOf) => asOfViews.view(asOf, todayIso(now())),
      recordedBefore: (asOf) => asOfViews.recordedBefore(asOf, todayIso(now())),
      user,
      seesMedical: () => (user ? isAllowed('medical.read', user.roles) : localAdmin),
      may: (permission) => (user ? isAllowed(permission, user.roles) : localAdmin),
      now,
      newId,
      driver,
      today: () => todayIso(now()),
      scrypt: options.scrypt ?? OWASP_SCRYPT,
      meta: (reason) => (user ? { actor: user.id, actorRoles: user.roles, ...(reason ? { reason } : {}) } : { actor: null }),
      signIn: (u) => {
        locked.delete(connection);
        sessions.set(connection, u);
      },
      signOut: () => {
        locked.delete(connection);
        sessions.delete(connection);
      },
      lock: () => locked.add(connection),
    };
    const handler = IMPLEMENTATIONS[name] as Handler<HandlerName>;
    const value = await handler(ctx, parsed.data as never);
    return { ok: true, value };
  }

  function settle(connection: string, name: string, input: unknown, localAdmin = false): Promise<Result<unknown>> {
    return run(connection, name, input, localAdmin).catch((e: unknown): Result<unknown> => {
      if (e instanceof SenError) return { ok: false, error: e.toData() };
      console.error(`[sen core] ${name} failed:`, e);
      return { ok: false, error: { code: 'INTERNAL', message: 'Internal error: nothing was recorded.' } };
    });
  }

  /** Runs handlers from inside a command that already holds the writer (system.demo only). */
  const driver: ServiceDriver = {
    call: (connection, name, input) => settle(connection, name, input),
    begin: () => {
      simulation = { now: null, newId: null, areas: new Set() };
    },
    setClock: (at) => {
      if (simulation) simulation.now = at;
    },
    setIds: (next) => {
      if (simulation) simulation.newId = next;
    },
    end: () => {
      const areas = simulation ? [...simulation.areas] : [];
      simulation = null;
      if (areas.length > 0) for (const l of listeners) l(areas);
    },
  };

  const service: CoreService = {
    call(connection, name, input) {
      if (isHandlerName(name) && HANDLERS[name].kind === 'command') {
        const result = writer.then(() => settle(connection, name, input));
        writer = result;
        return result;
      }
      return settle(connection, name, input);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    disconnect(connection) {
      sessions.delete(connection);
    },
    verify: () => store.verify(),
    rebuild: () => store.rebuild(),
    stats: () => stats(store.db),
    query: (name, input) => settle('local-admin', name, input, true),
    recordAccess: (kind, traineeId, detail) => void appendAccess(store, { actor: null }, kind, traineeId, detail),
    backup: async (folder, passphrase, onProgress) => {
      if (integrity.readOnly) throw new SenError('READ_ONLY_CHAIN_BROKEN', 'The event log failed verification: run sen verify.');
      return backups.run(folder, await backups.derive(passphrase), { actor: null }, false, onProgress);
    },
    exitBackupDue: () => !startup && !integrity.readOnly && backups.exitBackupDue(),
    closeAfterBackup: async () => {
      if (service.exitBackupDue()) await backups.onExit();
      service.close();
    },
    close: () => {
      backups.stop();
      asOfViews.close();
      if (!startup) integrity.checkpointOnClose();
      integrity.close();
      store.close();
    },
  };
  return service;
}
