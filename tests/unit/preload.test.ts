/** The preload against a mocked `electron`: exactly `window.sen` with invoke, subscribe and printToPdf. */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async () => ({ ok: true, value: 'from main' })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: h.exposeInMainWorld },
  ipcRenderer: { invoke: h.invoke, on: h.on, removeListener: h.removeListener },
}));

import type { SenBridge } from '../../shared/api';
import type { HandlerName } from '../../shared/handlerNames';

let exposed: SenBridge;
let exposeCalls: unknown[][] = [];

beforeAll(async () => {
  await import('../../electron/preload/index');
  exposeCalls = [...h.exposeInMainWorld.mock.calls];
  exposed = exposeCalls[0]![1] as SenBridge;
});

beforeEach(() => {
  h.invoke.mockClear();
  h.on.mockClear();
  h.removeListener.mockClear();
});

describe('preload', () => {
  it('exposes exactly `sen`, with exactly invoke, printToPdf, subscribe and choosePath', () => {
    expect(exposeCalls).toHaveLength(1);
    expect(exposeCalls[0]![0]).toBe('sen');
    expect(Object.keys(exposed).sort()).toEqual(['choosePath', 'invoke', 'printToPdf', 'subscribe']);
    expect(Object.values(exposed).every((v) => typeof v === 'function')).toBe(true);
  });

  it('refuses unknown names without IPC', async () => {
    for (const name of ['system.execSql', 'toString', '', 'sen:invoke']) {
      const result = await exposed.invoke(name as HandlerName, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    }
    expect(h.invoke).not.toHaveBeenCalled();
  });

  it('forwards known names to main over sen:invoke', async () => {
    const result = await exposed.invoke('trainees.list', { status: 'in_care' });
    expect(h.invoke).toHaveBeenCalledWith('sen:invoke', 'trainees.list', { status: 'in_care' });
    expect(result).toEqual({ ok: true, value: 'from main' });
  });

  it('forwards a print request to main over sen:printToPdf, and nothing else', async () => {
    const request = { target: { document: 'monthly_report' as const, month: '2026-10' }, fileName: 'bao-cao.pdf' };
    await exposed.printToPdf!(request);
    expect(h.invoke).toHaveBeenCalledWith('sen:printToPdf', request);
    expect(h.invoke).toHaveBeenCalledTimes(1);
  });

  it('subscribes to sen:changed, passes only the areas, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = exposed.subscribe(listener);
    expect(h.on).toHaveBeenCalledTimes(1);
    const [channel, wrapped] = h.on.mock.calls[0] as unknown as [string, (event: unknown, areas: unknown) => void];
    expect(channel).toBe('sen:changed');
    wrapped({ sender: 'the IPC event must not reach the page' }, ['trainees']);
    expect(listener).toHaveBeenCalledWith(['trainees']);
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(h.removeListener).toHaveBeenCalledWith('sen:changed', wrapped);
  });

  it('asks main for a path only of a known kind, over sen:choosePath', async () => {
    h.invoke.mockResolvedValueOnce('/media/usb' as never);
    await expect(exposed.choosePath!('folder')).resolves.toBe('/media/usb');
    expect(h.invoke).toHaveBeenCalledWith('sen:choosePath', 'folder');
    h.invoke.mockClear();
    await expect(exposed.choosePath!('anything' as never)).resolves.toBeNull();
    expect(h.invoke).not.toHaveBeenCalled();
  });
});
