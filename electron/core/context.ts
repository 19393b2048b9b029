import type Database from 'better-sqlite3';
import type { HandlerName, HandlerOutput, HandlerParsed } from '../../shared/api';
import type { Result } from '../../shared/errors';
import type { SessionUser } from '../../shared/accounts';
import type { Permission } from '../../shared/roles';
import type { EventMeta } from '../../shared/events';
import type { EventStore } from './store/eventStore';
import type { ScryptParams } from './types';
import type { IntegrityMonitor } from './system/integrity';
import type { Backups } from './backup/runner';

/** What a handler gets besides its validated input. */
export interface HandlerContext {
  store: EventStore;
  /**
   * The database a query answers from: the live one (store.db) when `asOf` is absent or today or
   * later, else the projection tables as of the end of that day (see store/asOf.ts).
   */
  view(asOf?: string): Database.Database;
  /** The recorded_at cut-off (ISO instant) for `asOf`, or null when the live log answers. */
  recordedBefore(asOf?: string): string | null;
  /** The signed-in user of this connection; permission checks have already passed. */
  user: SessionUser | null;
  /**
   * Whether this caller may receive medical data (the `medical` role, or the CLI's local admin
   * who holds the database file anyway). Queries that mix medical and other data ask this.
   */
  seesMedical(): boolean;
  /** Whether this caller holds `permission` (the CLI's local admin holds every one). */
  may(permission: Permission): boolean;
  now(): Date;
  /** A new id (UUID) for a stream: random, or drawn from the demo's seed while one is replayed. */
  newId(): string;
  /** Drives this service from inside a command (system.demo only): see ServiceDriver. */
  driver: ServiceDriver;
  /** Today's calendar date (yyyy-MM-dd) by the core's clock. */
  today(): string;
  scrypt: ScryptParams;
  integrity: IntegrityMonitor;
  /** Backups of this data folder: one at a time, the schedule, the pending restore. */
  backups: Backups;
  /** Progress of the start-up rebuild of changed projections, or null when Sen is ready. */
  startup(): { done: number; total: number } | null;
  /** Meta for events this call appends: who, as which roles, and why. */
  meta(reason?: string): EventMeta;
  signIn(user: SessionUser): void;
  /** Lock this connection's screen: only signing in again (or out) answers until then. */
  lock(): void;
  signOut(): void;
}

/**
 * Runs handlers from inside a command that already holds the single writer (so `call` skips the
 * queue), with the clock and the id source set by a replayed story between `begin` and `end`;
 * pushes to the screens are held until `end`. For system.demo only.
 */
export interface ServiceDriver {
  call(connection: string, name: HandlerName, input: unknown): Promise<Result<unknown>>;
  begin(): void;
  setClock(at: Date): void;
  setIds(next: () => string): void;
  end(): void;
}

export type Handler<N extends HandlerName> = (ctx: HandlerContext, input: HandlerParsed<N>) => HandlerOutput<N> | Promise<HandlerOutput<N>>;

/** Each area exports a map of the handlers it implements; the service joins them and checks they cover every name. */
export type HandlerMap<N extends HandlerName> = { [K in N]: Handler<K> };

export function requireUser(ctx: HandlerContext): SessionUser {
  if (!ctx.user) throw new Error('handler reached without a signed-in user');
  return ctx.user;
}
