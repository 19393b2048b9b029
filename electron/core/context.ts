import type { HandlerName, HandlerOutput, HandlerParsed } from '../../shared/api';
import type { SessionUser } from '../../shared/accounts';
import type { EventMeta } from '../../shared/events';
import type { EventStore } from './store/eventStore';
import type { ScryptParams } from './types';

/** What a handler gets besides its validated input. */
export interface HandlerContext {
  store: EventStore;
  /** The signed-in user of this connection; permission checks have already passed. */
  user: SessionUser | null;
  now(): Date;
  /** Today's calendar date (yyyy-MM-dd) by the core's clock. */
  today(): string;
  scrypt: ScryptParams;
  /** Meta for events this call appends: who, as which roles, and why. */
  meta(reason?: string): EventMeta;
  signIn(user: SessionUser): void;
  signOut(): void;
}

export type Handler<N extends HandlerName> = (ctx: HandlerContext, input: HandlerParsed<N>) => HandlerOutput<N> | Promise<HandlerOutput<N>>;

/** Each area exports a map of the handlers it implements; the service joins them and checks they cover every name. */
export type HandlerMap<N extends HandlerName> = { [K in N]: Handler<K> };

export function requireUser(ctx: HandlerContext): SessionUser {
  if (!ctx.user) throw new Error('handler reached without a signed-in user');
  return ctx.user;
}
