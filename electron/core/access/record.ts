import type { AccessKind } from '../../../shared/access';
import { streams, type EventMeta, type StoredEvent } from '../../../shared/events';
import type { EventStore } from '../store/eventStore';
import type { HandlerContext } from '../context';

/**
 * Writes who looked at (or took away) whose data: call it BEFORE the data is read or written out,
 * so nothing is shown or exported that the log does not hold. Later areas (export, print, backup)
 * call it too. It appends from a query handler as well: the store's append is synchronous and
 * atomic, and the `access` stream takes any version, so it never conflicts with a command.
 *
 * While the chain is broken (read-only mode) it still appends, like sign-ins do. Read-only mode
 * stops changes to the facts about trainees while someone looks into the break; it must not open
 * a window in which medical records can be read without a trace. A suspected tampering is exactly
 * when the administrator most needs to know who opened what, and the medical officers still need
 * the records to treat people. An append extends the chain from its head, so the break found stays
 * where it is. If the append itself fails (disk full, read-only disk) the error propagates and the
 * caller shows nothing: no access without its record.
 */
export function recordAccess(ctx: HandlerContext, kind: AccessKind, traineeId: string | null, detail: string): StoredEvent<'AccessRecorded'> {
  return appendAccess(ctx.store, ctx.meta(), kind, traineeId, detail);
}

/** The same, for whoever holds the database file without a session (the CLI: `meta.actor` is null). */
export function appendAccess(store: EventStore, meta: EventMeta, kind: AccessKind, traineeId: string | null, detail: string): StoredEvent<'AccessRecorded'> {
  const [stored] = store.append(streams.access, 'any', [{ type: 'AccessRecorded', data: { kind, traineeId, detail: detail.slice(0, 500) } }], meta);
  return stored as StoredEvent<'AccessRecorded'>;
}
