import type { Projection } from '../store/projection';

/** Accounts as the core needs them to sign people in and to name who recorded what. */
export const usersProjection: Projection = {
  name: 'users',
  version: 2,
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
    last_sign_in_at TEXT
  );`,
  bind(db) {
    const insert = db.prepare(
      'INSERT INTO users (id, username, full_name, roles, password_hash, must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const signedIn = db.prepare('UPDATE users SET last_sign_in_at = ? WHERE id = ?');
    return (e) => {
      switch (e.type) {
        case 'UserCreated':
          insert.run(e.data.userId, e.data.username, e.data.fullName, JSON.stringify(e.data.roles), e.data.passwordHash, e.data.mustChangePassword ? 1 : 0, e.recordedAt);
          break;
        case 'UserSignedIn':
          signedIn.run(e.recordedAt, e.data.userId);
          break;
        default:
          break;
      }
    };
  },
};
