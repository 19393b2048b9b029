/**
 * The only door from the page to Sen: `window.sen` with `invoke`, `subscribe`, `printToPdf` and `choosePath` (SenBridge).
 * Runs sandboxed (CommonJS, only 'electron' may be required); never exposes ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Area, SenBridge } from '../../shared/api';
import { PATH_KINDS } from '../../shared/pathKinds';
import { isHandlerName } from '../../shared/handlerNames';

const bridge: SenBridge = {
  invoke(name, input) {
    // Refused here, before IPC: the page can only reach the handlers of the contract.
    if (!isHandlerName(name)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_HANDLER', message: `Unknown handler: ${String(name).slice(0, 100)}` } });
    }
    return ipcRenderer.invoke('sen:invoke', name, input);
  },
  printToPdf(request) {
    // Main validates the request (shared/reports.ts printToPdfRequest) and asks where to save.
    return ipcRenderer.invoke('sen:printToPdf', request);
  },
  choosePath(kind) {
    if (!(PATH_KINDS as readonly string[]).includes(kind)) return Promise.resolve(null);
    return ipcRenderer.invoke('sen:choosePath', kind);
  },
  subscribe(listener) {
    // Wrap so the page never sees the IPC event object (it carries `sender`).
    const onChanged = (_event: IpcRendererEvent, areas: Area[]): void => listener(areas);
    ipcRenderer.on('sen:changed', onChanged);
    return () => {
      ipcRenderer.removeListener('sen:changed', onChanged);
    };
  },
};

contextBridge.exposeInMainWorld('sen', bridge);
