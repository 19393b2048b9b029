import type { Projection } from '../store/projection';

/** Accounts as the core needs them to sign people in and to name who recorded what. */
export const usersProjection: Projection = {
  name: 'users',
  version: 3,
  tables: ['users'],
  schemaSql: `CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    username        TEXT NOT NULL UNIQUE,
    full_name       TEXT NOT NULL,
    roles           TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    last_sign_in_at TEXT,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT
  );`,
  bind(db) {
    const insert = db.prepare(
      'INSERT INTO users (id, username, full_name, roles, password_hash, must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const signedIn = db.prepare('UPDATE users SET last_sign_in_at = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?');
    const roles = db.prepare('UPDATE users SET roles = ? WHERE id = ?');
    const active = db.prepare('UPDATE users SET active = ? WHERE id = ?');
    const password = db.prepare('UPDATE users SET password_hash = ?, must_change_password = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?');
    const failed = db.prepare('UPDATE users SET failed_sign_ins = ? WHERE id = ?');
    const locked = db.prepare('UPDATE users SET locked_until = ?, failed_sign_ins = 0 WHERE id = ?');
    return (e) => {
      switch (e.type) {
        case 'UserCreated':
          insert.run(e.data.userId, e.data.username, e.data.fullName, JSON.stringify(e.data.roles), e.data.passwordHash, e.data.mustChangePassword ? 1 : 0, e.recordedAt);
          break;
        case 'UserSignedIn':
          signedIn.run(e.recordedAt, e.data.userId);
          break;
        case 'UserRolesChanged':
          roles.run(JSON.stringify(e.data.to), e.data.userId);
          break;
        case 'UserDeactivated':
          active.run(0, e.data.userId);
          break;
        case 'UserReactivated':
          active.run(1, e.data.userId);
          break;
        case 'PasswordReset':
          password.run(e.data.passwordHash, 1, e.data.userId);
          break;
        case 'PasswordChanged':
          password.run(e.data.passwordHash, 0, e.data.userId);
          break;
        case 'SignInFailed':
          failed.run(e.data.failures, e.data.userId);
          break;
        case 'AccountLocked':
          locked.run(e.data.until, e.data.userId);
          break;
        default:
          break;
      }
    };
  },
};
