import type { Area } from '../../../shared/api';
import type { Result } from '../../../shared/errors';

/**
 * Messages between a host (Electron main, or a test) and the core running behind a message port.
 * `connection` names the caller (one per renderer window); the core keeps one session per connection.
 */
export type CoreRequest =
  | { kind: 'call'; id: number; connection: string; name: string; input: unknown }
  | { kind: 'disconnect'; connection: string }
  /** Sen is quitting: close the database cleanly (a kill on Windows would skip signal handlers). */
  | { kind: 'shutdown' };

export type CoreMessage =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'changed'; areas: Area[] }
  | { kind: 'ready' }
  /** Shutting down, but first the backup on exit (can take minutes): main waits for the exit instead of killing. */
  | { kind: 'backing-up' }
  | { kind: 'fatal'; message: string };
