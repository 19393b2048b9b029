import type { IpcMain } from 'electron';
import type { Area } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { isHandlerName } from '../../shared/handlerNames';
import type { CoreMessage, CoreRequest } from '../core/host/protocol';

/** The forked core as main sees it; Electron's UtilityProcess fits, so does a fake in tests. */
export interface CoreProcessLike {
  postMessage(message: CoreRequest): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreClient {
  call(connection: string, name: string, input: unknown): Promise<Result<unknown>>;
  disconnect(connection: string): void;
  /** Areas changed by an append, pushed by the core. */
  onChanged(listener: (areas: Area[]) => void): void;
  /** The core cannot serve any more: it reported 'fatal' or its process ended. Called once. */
  onStopped(listener: (message: string) => void): void;
  /** Ask the core to close (after its backup on exit, if set); resolves once its process has ended. */
  stop(): Promise<void>;
}

/** How long the core gets to close its database after 'shutdown' before it is killed. */
const SHUTDOWN_GRACE_MS = 3000;
/** A backup on exit of millions of events takes minutes: the core said it is writing one. */
const EXIT_BACKUP_GRACE_MS = 60 * 60_000;

const fail = (code: 'INTERNAL' | 'UNKNOWN_HANDLER' | 'VALIDATION' | 'FORBIDDEN', message: string): Result<unknown> => ({ ok: false, error: { code, message } });

export function createCoreClient(proc: CoreProcessLike): CoreClient {
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  // The core opens (and may migrate) the database before it listens: hold requests until 'ready'.
  let ready = false;
  const queue: CoreRequest[] = [];
  let stoppedWith: string | null = null;
  const changedListeners: ((areas: Area[]) => void)[] = [];
  const stoppedListeners: ((message: string) => void)[] = [];
  let exited = false;
  const exitListeners: (() => void)[] = [];
  let killTimer: ReturnType<typeof setTimeout> | null = null;
  const killAfter = (ms: number): void => {
    if (killTimer) clearTimeout(killTimer);
    killTimer = setTimeout(() => proc.kill(), ms);
    killTimer.unref();
  };

  const send = (request: CoreRequest): void => {
    if (ready) proc.postMessage(request);
    else queue.push(request);
  };

  const stopWith = (message: string): void => {
    if (stoppedWith !== null) return;
    stoppedWith = message;
    for (const resolve of pending.values()) resolve(fail('INTERNAL', message));
    pending.clear();
    queue.length = 0;
    for (const listener of stoppedListeners) listener(message);
  };

  proc.on('message', (raw) => {
    const message = raw as CoreMessage;
    switch (message?.kind) {
      case 'ready':
        ready = true;
        for (const request of queue.splice(0)) proc.postMessage(request);
        break;
      case 'result': {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        resolve?.(message.result);
        break;
      }
      case 'changed':
        for (const listener of changedListeners) listener(message.areas);
        break;
      case 'fatal':
        stopWith(message.message);
        break;
      case 'backing-up':
        killAfter(EXIT_BACKUP_GRACE_MS);
        break;
    }
  });
  proc.on('exit', (code) => {
    exited = true;
    if (killTimer) clearTimeout(killTimer);
    stopWith(`The Sen core stopped unexpectedly (exit code ${code}).`);
    for (const listener of exitListeners.splice(0)) listener();
  });

  return {
    call(connection, name, input) {
      if (stoppedWith !== null) return Promise.resolve(fail('INTERNAL', stoppedWith));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ kind: 'call', id, connection, name, input });
      });
    },
    disconnect(connection) {
      if (stoppedWith === null) send({ kind: 'disconnect', connection });
    },
    onChanged(listener) {
      changedListeners.push(listener);
    },
    onStopped(listener) {
      stoppedListeners.push(listener);
    },
    stop() {
      const ended = new Promise<void>((resolve) => (exited ? resolve() : exitListeners.push(resolve)));
      if (stoppedWith !== null) return ended;
      // Quitting on purpose: nobody is told. Ask the core to close its database; kill it if it hangs.
      stoppedWith = 'Sen is quitting.';
      if (ready) {
        proc.postMessage({ kind: 'shutdown' });
        killAfter(SHUTDOWN_GRACE_MS);
      } else {
        proc.kill();
      }
      return ended;
    },
  };
}

/**
 * Plain JSON data only: what a form can produce. Refuses functions, class instances (Date, Map,
 * typed arrays...), NaN/Infinity and absurd nesting, so the core only ever sees JSON.
 * `undefined` is allowed as an object property (JSON drops it) but not as the whole input.
 */
export function isJsonLike(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonLike(item, depth + 1));
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value).every((item) => item === undefined || isJsonLike(item, depth + 1));
  }
  return false;
}

/** What main does with one `sen:invoke`: refuse what is not a known name with JSON input, else ask the core. */
export function relayInvoke(core: Pick<CoreClient, 'call'>, connection: string, name: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isHandlerName(name)) return Promise.resolve(fail('UNKNOWN_HANDLER', `Unknown handler: ${String(name).slice(0, 100)}`));
  if (!isJsonLike(input)) return Promise.resolve(fail('VALIDATION', 'The input must be plain JSON data.'));
  return core.call(connection, name, input);
}

/** One IPC channel, 'sen:invoke'; the connection is the calling window's web contents. */
export function registerInvoke(ipcMain: IpcMain, core: Pick<CoreClient, 'call'>, isAppPage: (url: string) => boolean): void {
  ipcMain.handle('sen:invoke', async (event, name: unknown, input: unknown) => {
    // Only Sen's own page may call: not a frame that navigated elsewhere (checklist: validate the sender).
    if (!isAppPage(event.senderFrame?.url ?? '')) return fail('FORBIDDEN', 'This page may not call Sen.');
    return relayInvoke(core, String(event.sender.id), name, input);
  });
}
