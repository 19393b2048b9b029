import type { CoreService } from '../types';
import type { CoreMessage, CoreRequest } from './protocol';

/**
 * The port the core is served on, typed by shape so this file never imports electron:
 * Electron's `process.parentPort` in a utilityProcess fits, and so does a fake in tests.
 */
export interface CorePort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: CoreMessage): void;
}

/**
 * Serve `service` on `port`: calls → results, appends → 'changed' pushes, 'shutdown' closes the
 * service and then calls `onShutdown` (the utility process exits there). Returns a stop function.
 */
export function serve(port: CorePort, service: CoreService, onShutdown: () => void = () => {}): () => void {
  const unsubscribe = service.onChange((areas) => port.postMessage({ kind: 'changed', areas }));

  port.on('message', ({ data }) => {
    const request = parseRequest(data);
    if (!request) return; // Not ours: main only sends CoreRequests, anything else is ignored.
    if (request.kind === 'disconnect') {
      service.disconnect(request.connection);
      return;
    }
    if (request.kind === 'shutdown') {
      unsubscribe();
      if (!service.exitBackupDue()) {
        service.close();
        onShutdown();
        return;
      }
      port.postMessage({ kind: 'backing-up' });
      void service.closeAfterBackup().finally(onShutdown);
      return;
    }
    const { id } = request;
    service
      .call(request.connection, request.name, request.input)
      // call() never throws by contract; the catch keeps a broken promise from hanging the caller.
      .catch((error: unknown) => ({ ok: false as const, error: { code: 'INTERNAL' as const, message: String(error) } }))
      .then((result) => port.postMessage({ kind: 'result', id, result }));
  });

  port.postMessage({ kind: 'ready' });
  return unsubscribe;
}

export function parseRequest(data: unknown): CoreRequest | null {
  if (typeof data !== 'object' || data === null) return null;
  const r = data as Record<string, unknown>;
  if (r['kind'] === 'shutdown') return { kind: 'shutdown' };
  if (r['kind'] === 'disconnect' && typeof r['connection'] === 'string') {
    return { kind: 'disconnect', connection: r['connection'] };
  }
  if (r['kind'] === 'call' && typeof r['id'] === 'number' && typeof r['connection'] === 'string' && typeof r['name'] === 'string') {
    return { kind: 'call', id: r['id'], connection: r['connection'], name: r['name'], input: r['input'] };
  }
  return null;
}
