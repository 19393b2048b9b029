import { LOCKOUT_FAILURES, LOCKOUT_MINUTES, type AccountSummary, type SessionUser } from '../../../shared/accounts';
import { SenError } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import type { Role } from '../../../shared/roles';
import type Database from 'better-sqlite3';
import { requireUser, type HandlerContext, type HandlerMap } from '../context';
import type { AppendRequest, EventStore } from '../store/eventStore';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';

export interface UserRow {
  id: string;
  username: string;
  full_name: string;
  roles: string;
  password_hash: string;
  active: number;
  must_change_password: number;
  created_at: string;
  last_sign_in_at: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
}

export function userRow(db: Database.Database, id: string): UserRow | undefined {
  return db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
}

/** The session's view of an account row (roles and the must-change flag as they stand now). */
export function sessionUser(row: UserRow): SessionUser {
  return { id: row.id, username: row.username, fullName: row.full_name, roles: JSON.parse(row.roles) as Role[], mustChangePassword: row.must_change_password === 1 };
}

function existing(ctx: HandlerContext, userId: string): UserRow {
  const row = userRow(ctx.store.db, userId);
  if (!row) throw new SenError('NOT_FOUND', 'No such account.');
  return row;
}

function activeAdminCount(db: Database.Database): number {
  return db
    .prepare<[], { roles: string }>('SELECT roles FROM users WHERE active = 1')
    .all()
    .filter((r) => (JSON.parse(r.roles) as Role[]).includes('admin')).length;
}

/** Refuses to leave the facility without an active administrator. */
function guardLastAdmin(ctx: HandlerContext, row: UserRow): void {
  const isActiveAdmin = row.active === 1 && (JSON.parse(row.roles) as Role[]).includes('admin');
  if (isActiveAdmin && activeAdminCount(ctx.store.db) <= 1) {
    throw new SenError('LAST_ADMIN', 'This is the last active administrator: make another account an administrator first.');
  }
}

export const accountHandlers: HandlerMap<
  | 'system.setup'
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.changePassword'
  | 'auth.lock'
  | 'accounts.list'
  | 'accounts.create'
  | 'accounts.setRoles'
  | 'accounts.deactivate'
  | 'accounts.reactivate'
  | 'accounts.resetPassword'
> = {
  /** First run: the facility's name and its first admin, in one transaction; refused once done. */
  'system.setup': async (ctx, input) => {
    if (ctx.store.streamVersion(streams.facility) > 0) throw new SenError('ALREADY_SET_UP', 'Sen is already set up.');
    const userId = ctx.newId();
    const passwordHash = await hashPassword(input.password, ctx.scrypt);
    ctx.store.appendBatch(
      [
        { stream: streams.facility, expected: 'no_stream', events: [{ type: 'FacilitySetUp', data: { name: input.facilityName } }] },
        {
          stream: streams.user(userId),
          expected: 'no_stream',
          events: [{ type: 'UserCreated', data: { userId, username: input.username, fullName: input.fullName, roles: ['admin'], passwordHash, mustChangePassword: false } }],
        },
      ],
      { actor: userId, actorRoles: ['admin'] },
    );
    return { facilityName: input.facilityName };
  },

  /**
   * A wrong password for an existing account is logged (SignInFailed); the fifth in a row locks it
   * for LOCKOUT_MINUTES (AccountLocked). While locked, sign-in is refused without checking the password.
   */
  'auth.signIn': async (ctx, input) => {
    if (ctx.store.streamVersion(streams.facility) === 0) throw new SenError('NOT_SET_UP', 'Sen is not set up yet.');
    const row = ctx.store.db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(input.username);
    if (row && row.active === 1 && row.locked_until && new Date(row.locked_until).getTime() > ctx.now().getTime()) {
      throw new SenError('ACCOUNT_LOCKED', `Too many failed sign-ins: the account is locked until ${row.locked_until}.`, undefined, { until: row.locked_until });
    }
    const known = row !== undefined && row.active === 1;
    const phantom = known ? null : phantomLock(ctx.store, input.username, ctx.now().getTime());
    if (phantom?.lockedUntil) {
      throw new SenError('ACCOUNT_LOCKED', `Too many failed sign-ins: the account is locked until ${phantom.lockedUntil}.`, undefined, { until: phantom.lockedUntil });
    }
    const ok = row && row.active === 1 ? await verifyPassword(input.password, row.password_hash) : (await burnPasswordCheck(input.password, ctx.scrypt), false);
    if (phantom) {
      const until = phantom.fail();
      if (until) throw new SenError('ACCOUNT_LOCKED', `Too many failed sign-ins: the account is locked until ${until}.`, undefined, { until });
    }
    if (!row || !ok) {
      if (row && row.active === 1) {
        const meta = { actor: null };
        const failures = row.failed_sign_ins + 1;
        ctx.store.append(streams.user(row.id), 'any', [{ type: 'SignInFailed', data: { userId: row.id, failures } }], meta);
        if (failures >= LOCKOUT_FAILURES) {
          const until = new Date(ctx.now().getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
          ctx.store.append(streams.user(row.id), 'any', [{ type: 'AccountLocked', data: { userId: row.id, until } }], meta);
          throw new SenError('ACCOUNT_LOCKED', `Too many failed sign-ins: the account is locked until ${until}.`, undefined, { until });
        }
      }
      throw new SenError('WRONG_CREDENTIALS', 'Wrong username or password.');
    }
    const user = sessionUser(row);
    // Someone else signing in at a locked (or open) screen signs the first person out.
    const previous = ctx.user;
    const events: AppendRequest[] = [];
    if (previous && previous.id !== user.id) {
      events.push({ stream: streams.user(previous.id), expected: 'any', events: [{ type: 'UserSignedOut', data: { userId: previous.id } }] });
    }
    events.push({ stream: streams.user(user.id), expected: 'any', events: [{ type: 'UserSignedIn', data: { userId: user.id } }] });
    ctx.store.appendBatch(events, { actor: user.id, actorRoles: user.roles });
    ctx.signIn(user);
    return user;
  },

  'auth.lock': (ctx) => {
    requireUser(ctx);
    ctx.lock();
    return null;
  },

  'auth.signOut': (ctx) => {
    const user = requireUser(ctx);
    ctx.store.append(streams.user(user.id), 'any', [{ type: 'UserSignedOut', data: { userId: user.id } }], ctx.meta());
    ctx.signOut();
    return null;
  },

  'auth.changePassword': async (ctx, input) => {
    const user = requireUser(ctx);
    const row = existing(ctx, user.id);
    if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
      throw new SenError('VALIDATION', 'currentPassword: wrongPassword', [{ path: 'currentPassword', code: 'wrongPassword' }]);
    }
    if (input.newPassword === input.currentPassword) {
      throw new SenError('VALIDATION', 'newPassword: passwordUnchanged', [{ path: 'newPassword', code: 'passwordUnchanged' }]);
    }
    const passwordHash = await hashPassword(input.newPassword, ctx.scrypt);
    ctx.store.append(streams.user(user.id), 'any', [{ type: 'PasswordChanged', data: { userId: user.id, passwordHash } }], ctx.meta());
    ctx.signIn({ ...user, mustChangePassword: false });
    return null;
  },

  'accounts.list': (ctx) => {
    const now = ctx.now().getTime();
    return ctx.store.db
      .prepare<[], UserRow>('SELECT * FROM users ORDER BY active DESC, full_name COLLATE NOCASE, username')
      .all()
      .map(
        (r): AccountSummary => ({
          id: r.id,
          username: r.username,
          fullName: r.full_name,
          roles: JSON.parse(r.roles) as Role[],
          active: r.active === 1,
          mustChangePassword: r.must_change_password === 1,
          createdAt: r.created_at,
          lastSignInAt: r.last_sign_in_at,
          lockedUntil: r.locked_until && new Date(r.locked_until).getTime() > now ? r.locked_until : null,
        }),
      );
  },

  'accounts.create': async (ctx, input) => {
    if (ctx.store.db.prepare('SELECT 1 FROM users WHERE username = ?').get(input.username)) {
      throw new SenError('DUPLICATE_USERNAME', `The username ${input.username} is already taken.`, [{ path: 'username', code: 'duplicateUsername' }]);
    }
    const userId = ctx.newId();
    const passwordHash = await hashPassword(input.password, ctx.scrypt);
    ctx.store.append(
      streams.user(userId),
      'no_stream',
      [{ type: 'UserCreated', data: { userId, username: input.username, fullName: input.fullName, roles: input.roles, passwordHash, mustChangePassword: true } }],
      ctx.meta(),
    );
    return { userId };
  },

  'accounts.setRoles': (ctx, input) => {
    const row = existing(ctx, input.userId);
    const from = JSON.parse(row.roles) as Role[];
    if (from.length === input.roles.length && from.every((r) => input.roles.includes(r))) throw new SenError('NOTHING_CHANGED', 'The roles are unchanged.');
    if (!input.roles.includes('admin')) guardLastAdmin(ctx, row);
    const [e] = ctx.store.append(streams.user(row.id), 'any', [{ type: 'UserRolesChanged', data: { userId: row.id, from, to: input.roles } }], ctx.meta());
    return { seq: e!.seq };
  },

  'accounts.deactivate': (ctx, input) => {
    const row = existing(ctx, input.userId);
    if (row.active === 0) throw new SenError('NOTHING_CHANGED', 'The account is already deactivated.');
    guardLastAdmin(ctx, row);
    const [e] = ctx.store.append(streams.user(row.id), 'any', [{ type: 'UserDeactivated', data: { userId: row.id } }], ctx.meta());
    return { seq: e!.seq };
  },

  'accounts.reactivate': (ctx, input) => {
    const row = existing(ctx, input.userId);
    if (row.active === 1) throw new SenError('NOTHING_CHANGED', 'The account is already active.');
    const [e] = ctx.store.append(streams.user(row.id), 'any', [{ type: 'UserReactivated', data: { userId: row.id } }], ctx.meta());
    return { seq: e!.seq };
  },

  'accounts.resetPassword': async (ctx, input) => {
    const row = existing(ctx, input.userId);
    const passwordHash = await hashPassword(input.password, ctx.scrypt);
    const [e] = ctx.store.append(streams.user(row.id), 'any', [{ type: 'PasswordReset', data: { userId: row.id, passwordHash } }], ctx.meta());
    return { seq: e!.seq };
  },
};

/**
 * Failed sign-ins for usernames without an active account. There is no account to log them
 * against, so they are counted in memory (per open log, at most PHANTOM_LIMIT names), and they
 * lock the same way after LOCKOUT_FAILURES: the answers never tell whether an account exists.
 */
const phantoms = new WeakMap<EventStore, Map<string, { failures: number; until: number }>>();
const PHANTOM_LIMIT = 1000;

function phantomLock(store: EventStore, username: string, now: number): { lockedUntil: string | null; fail(): string | null } {
  let byName = phantoms.get(store);
  if (!byName) phantoms.set(store, (byName = new Map()));
  const entry = byName.get(username) ?? { failures: 0, until: 0 };
  if (entry.until > now) return { lockedUntil: new Date(entry.until).toISOString(), fail: () => null };
  return {
    lockedUntil: null,
    fail() {
      entry.failures = entry.until > 0 ? 1 : entry.failures + 1;
      entry.until = 0;
      if (entry.failures >= LOCKOUT_FAILURES) {
        entry.until = now + LOCKOUT_MINUTES * 60_000;
        entry.failures = 0;
      }
      byName.delete(username);
      byName.set(username, entry);
      // Forget the oldest names first: a flood of made-up names cannot grow memory without bound.
      if (byName.size > PHANTOM_LIMIT) byName.delete(byName.keys().next().value!);
      return entry.until > 0 ? new Date(entry.until).toISOString() : null;
    },
  };
}
