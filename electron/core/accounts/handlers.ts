import type { SessionUser } from '../../../shared/accounts';
import { SenError } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import type { Role } from '../../../shared/roles';
import { requireUser, type HandlerMap } from '../context';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  roles: string;
  password_hash: string;
  active: number;
}

export const accountHandlers: HandlerMap<'system.setup' | 'auth.signIn' | 'auth.signOut'> = {
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

  'auth.signIn': async (ctx, input) => {
    if (ctx.store.streamVersion(streams.facility) === 0) throw new SenError('NOT_SET_UP', 'Sen is not set up yet.');
    const row = ctx.store.db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(input.username);
    const ok = row && row.active === 1 ? await verifyPassword(input.password, row.password_hash) : (await burnPasswordCheck(input.password, ctx.scrypt), false);
    if (!row || !ok) throw new SenError('WRONG_CREDENTIALS', 'Wrong username or password.');
    const user: SessionUser = { id: row.id, username: row.username, fullName: row.full_name, roles: JSON.parse(row.roles) as Role[] };
    ctx.store.append(streams.user(user.id), 'any', [{ type: 'UserSignedIn', data: { userId: user.id } }], { actor: user.id, actorRoles: user.roles });
    ctx.signIn(user);
    return user;
  },

  'auth.signOut': (ctx) => {
    const user = requireUser(ctx);
    ctx.store.append(streams.user(user.id), 'any', [{ type: 'UserSignedOut', data: { userId: user.id } }], ctx.meta());
    ctx.signOut();
    return null;
  },
};
