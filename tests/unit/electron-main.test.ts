/**
 * Electron cannot run here: main's security settings are proved against a mocked `electron`.
 * Every test starts the real main (electron/main/app.ts) or calls its modules with fakes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, listener: (...args: never[]) => unknown): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as Listener]);
      return this;
    }
    once(event: string, listener: (...args: never[]) => unknown): this {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]): unknown[] {
      return (this.listeners.get(event) ?? []).map((l) => l(...args));
    }
  }

  class FakeWebContents extends Emitter {
    static nextId = 1;
    id = FakeWebContents.nextId++;
    send = vi.fn();
    windowOpenHandler: (() => unknown) | null = null;
    setWindowOpenHandler(handler: () => unknown): void {
      this.windowOpenHandler = handler;
    }
  }

  class FakeWindow extends Emitter {
    static instances: FakeWindow[] = [];
    static getAllWindows = (): FakeWindow[] => FakeWindow.instances;
    webContents = new FakeWebContents();
    loadFile = vi.fn(async (_file: string) => undefined);
    loadURL = vi.fn(async (_url: string) => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => false);
    constructor(public options: { webPreferences: Record<string, unknown> }) {
      super();
      FakeWindow.instances.push(this);
    }
  }

  class FakeCore extends Emitter {
    postMessage = vi.fn();
    kill = vi.fn(() => true);
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => `/home/user/.config/Sen/${name === 'userData' ? '' : name}`.replace(/\/$/, '')),
  });

  const defaultSession = {
    on: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
  const ipcMain = { handle: vi.fn() };
  const cores: FakeCore[] = [];
  const utilityProcess = {
    fork: vi.fn(() => {
      const core = new FakeCore();
      cores.push(core);
      return core;
    }),
  };
  const dialog = { showErrorBox: vi.fn(), showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/media/usb/SEN'] })) };
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  const Menu = { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() };
  return { Emitter, FakeWebContents, FakeWindow, FakeCore, app, defaultSession, ipcMain, cores, utilityProcess, dialog, Menu, protocol };
});

vi.mock('electron', () => ({
  app: h.app,
  BrowserWindow: h.FakeWindow,
  session: { defaultSession: h.defaultSession },
  ipcMain: h.ipcMain,
  utilityProcess: h.utilityProcess,
  dialog: h.dialog,
  Menu: h.Menu,
  protocol: h.protocol,
}));

import type { IpcMain, Session, WebContents } from 'electron';
import { start, menuTemplate } from '../../electron/main/app';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { createCoreClient, isJsonLike, registerInvoke, relayInvoke } from '../../electron/main/coreClient';
import { denyAllPermissions, guardWebContents, installCsp, isAppBlob, isSameAppPage } from '../../electron/main/security';
import { APP_URL, appProtocolHandler, mimeTypeOf, resolveAppFile } from '../../electron/main/protocol';

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  vi.clearAllMocks();
  h.app.listeners.clear();
  h.app.requestSingleInstanceLock.mockReturnValue(true);
  h.FakeWindow.instances.length = 0;
  h.cores.length = 0;
});

/** Start main as Electron would and wait for 'ready'. */
async function started() {
  start();
  await flush();
  const win = h.FakeWindow.instances[0]!;
  const core = h.cores[0]!;
  const [channel, handler] = h.ipcMain.handle.mock.calls[0] as unknown as [string, (event: unknown, name: unknown, input: unknown) => Promise<unknown>];
  return { win, core, channel, handler };
}

/** An invoke event from the app's own window (what Electron passes to ipcMain.handle). */
function invokeEvent(win: InstanceType<typeof h.FakeWindow>, url?: string) {
  const pageUrl = url ?? win.loadURL.mock.calls[0]![0];
  return { sender: win.webContents, senderFrame: { url: pageUrl } };
}

describe('window', () => {
  it('gets isolated, sandboxed web preferences with no Node and the preload', async () => {
    const { win } = await started();
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, spellcheck: false });
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.cjs$/);
    expect(prefs).toMatchObject({ nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, allowRunningInsecureContent: false, experimentalFeatures: false, disableBlinkFeatures: 'Auxclick' });
  });

  it('enables the sandbox for every renderer', async () => {
    await started();
    expect(h.app.enableSandbox).toHaveBeenCalled();
  });

  it('sets a menu of roles only: nothing opens a URL', async () => {
    await started();
    expect(h.Menu.setApplicationMenu).toHaveBeenCalled();
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const item of menuTemplate(platform)) expect(Object.keys(item)).toEqual(['role']);
    }
  });
});

describe('app:// protocol', () => {
  let root = '';
  beforeEach(() => {
    const base = mkdtempSync(join(tmpdir(), 'sen-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Sen</title>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
    writeFileSync(join(root, 'assets', 'font.woff2'), 'w');
    writeFileSync(join(base, 'secret.txt'), 'outside the renderer folder');
    return () => rmSync(base, { recursive: true, force: true });
  });
  const get = (url: string, method = 'GET'): Promise<Response> => appProtocolHandler(root)(new Request(url, { method }));

  it('is registered as a privileged standard, secure scheme before ready and handled in production', async () => {
    const { win } = await started();
    expect(h.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(h.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!).toBeLessThan(h.app.whenReady.mock.invocationCallOrder[0]!);
    expect(h.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(win.loadURL).toHaveBeenCalledWith('app://sen/index.html');
    expect(APP_URL).toBe('app://sen/index.html');
  });

  it('serves index.html and assets with their MIME type and the CSP header', async () => {
    for (const [url, type, body] of [
      ['app://sen/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Sen</title>'],
      ['app://sen/', 'text/html; charset=utf-8', '<!doctype html><title>Sen</title>'],
      ['app://sen/index.html#/trainees', 'text/html; charset=utf-8', '<!doctype html><title>Sen</title>'],
      ['app://sen/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://sen/assets/index-abc.css?v=1', 'text/css; charset=utf-8', 'body{}'],
      ['app://sen/assets/font.woff2', 'font/woff2', 'w'],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(body);
    }
    expect(mimeTypeOf('x.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('x.exe')).toBe('application/octet-stream');
    const head = await get('app://sen/index.html', 'HEAD');
    expect(head.status).toBe(200);
  });

  it('refuses traversal, other hosts, other schemes and missing files with 404', async () => {
    for (const url of [
      'app://sen/../../etc/passwd',
      'app://sen/../secret.txt',
      'app://sen/%2e%2e/secret.txt',
      'app://sen/assets/..%2f..%2fsecret.txt',
      'app://sen/..%5csecret.txt',
      'app://sen/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://sen/index.html%00.js',
      'app://sen/%E0%A4%A',
      'app://other/index.html',
      'app://sen.evil/index.html',
      'app://sen/missing.js',
      'app://sen/assets',
      'app://sen/assets/',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('outside');
    }
    for (const url of ['file:///etc/passwd', 'https://sen/index.html', `app://sen/${join(root, 'index.html')}`]) {
      expect(resolveAppFile(root, url), url).toBe(url.startsWith('app://sen/') ? join(root, root, 'index.html') : null);
    }
    expect(resolveAppFile(root, 'not a url')).toBeNull();
    expect((await get('app://sen/index.html', 'POST')).status).toBe(405);
  });

  it('is not installed under electron-vite dev: the dev server serves the page', async () => {
    h.app.isPackaged = false;
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173/';
    try {
      const { win } = await started();
      expect(h.protocol.handle).not.toHaveBeenCalled();
      expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
      expect(h.defaultSession.webRequest.onHeadersReceived).not.toHaveBeenCalled();
    } finally {
      h.app.isPackaged = true;
      delete process.env['ELECTRON_RENDERER_URL'];
    }
  });
});

describe('content security policy', () => {
  it('is added as a response header on the default session, replacing any other', async () => {
    await started();
    expect(h.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    const listener = h.defaultSession.webRequest.onHeadersReceived.mock.calls[0]![0] as (d: unknown, cb: (r: unknown) => void) => void;
    const callback = vi.fn();
    listener({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('is the strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    const session = { webRequest: { onHeadersReceived: vi.fn() } };
    installCsp(session as unknown as Session);
    const callback = vi.fn();
    (session.webRequest.onHeadersReceived.mock.calls[0]![0] as (d: unknown, cb: (r: unknown) => void) => void)({}, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});

describe('navigation and new windows', () => {
  const appUrl = 'app://sen/index.html';
  const isAppPage = (url: string): boolean => isSameAppPage(url, appUrl);

  function guarded() {
    const contents = new h.FakeWebContents();
    guardWebContents(contents as unknown as WebContents, isAppPage);
    const fire = (event: string, url: string): boolean => {
      const e = { url, preventDefault: vi.fn() };
      contents.emit(event, e);
      return e.preventDefault.mock.calls.length > 0;
    };
    return { contents, fire };
  }

  it('prevents navigating or redirecting anywhere but the app page', () => {
    const { fire } = guarded();
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(fire(event, 'https://example.com/')).toBe(true);
      expect(fire(event, 'file:///etc/passwd')).toBe(true);
      expect(fire(event, 'http://127.0.0.1:5173/')).toBe(true);
      expect(fire(event, 'not a url')).toBe(true);
      expect(fire(event, 'file:///opt/Sen/resources/app.asar/out/renderer/index.html')).toBe(true);
      expect(fire(event, 'app://other/index.html')).toBe(true);
      expect(fire(event, 'app://sen/other.html')).toBe(true);
      expect(fire(event, `${appUrl}#/trainees`)).toBe(false);
    }
  });

  it('denies window.open and webviews', () => {
    const { contents, fire } = guarded();
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview', '')).toBe(true);
  });

  it('guards every web contents the app creates', async () => {
    const { win } = await started();
    const contents = new h.FakeWebContents();
    h.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    const e = { url: 'https://example.com/', preventDefault: vi.fn() };
    contents.emit('will-navigate', e);
    expect(e.preventDefault).toHaveBeenCalled();
    const own = { url: invokeEvent(win).senderFrame.url, preventDefault: vi.fn() };
    contents.emit('will-navigate', own);
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('recognises the dev server origin only under electron-vite dev', () => {
    expect(isSameAppPage('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isSameAppPage('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('permissions', () => {
  it('refuses every permission request and check', async () => {
    await started();
    const request = h.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (granted: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = h.defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as (c: unknown, p: string) => boolean;
    expect(check(null, 'media')).toBe(false);
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    denyAllPermissions(session as unknown as Session);
    expect((session.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
  });
});

describe('downloads (CSV exports)', () => {
  function download(url: string, filename = 'danh-sach-hoc-vien-2026-12-03.csv') {
    const handler = h.defaultSession.on.mock.calls.find((c) => c[0] === 'will-download')![1] as (e: unknown, item: unknown) => void;
    const event = { preventDefault: vi.fn() };
    const item = { getURL: () => url, getFilename: () => filename, setSaveDialogOptions: vi.fn(), setSavePath: vi.fn() };
    handler(event, item);
    return { cancelled: event.preventDefault.mock.calls.length > 0, item };
  }

  it("saves only the page's own blob: files, through the save dialog with a CSV filter; cancels anything else", async () => {
    await started();
    const own = download('blob:app://sen/6c1d3c8e-4b7a-4f7e-9a49-0f1f3f0a2b11');
    expect(own.cancelled).toBe(false);
    expect(own.item.setSaveDialogOptions).toHaveBeenCalledWith({ filters: [{ name: 'CSV (Excel)', extensions: ['csv'] }] });
    // The person chooses where: no path is set for them.
    expect(own.item.setSavePath).not.toHaveBeenCalled();
    for (const url of ['https://example.com/x.csv', 'blob:https://example.com/1', 'blob:app://other/1', 'file:///etc/passwd', 'data:text/csv,a', 'blob:not a url']) {
      expect(download(url).cancelled, url).toBe(true);
    }
  });

  it('recognises blob: URLs of the dev server only under electron-vite dev', () => {
    expect(isAppBlob('blob:http://localhost:5173/1', 'http://localhost:5173/')).toBe(true);
    expect(isAppBlob('blob:http://localhost:5174/1', 'http://localhost:5173/')).toBe(false);
    expect(isAppBlob('blob:app://sen/1', 'http://localhost:5173/')).toBe(false);
  });
});

describe('single instance', () => {
  it('asks for the lock and quits without a window when another Sen runs', async () => {
    h.app.requestSingleInstanceLock.mockReturnValue(false);
    start();
    await flush();
    expect(h.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(h.app.quit).toHaveBeenCalled();
    expect(h.app.whenReady).not.toHaveBeenCalled();
    expect(h.FakeWindow.instances).toHaveLength(0);
    expect(h.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('focuses the first window when a second instance starts', async () => {
    const { win } = await started();
    win.isMinimized.mockReturnValue(true);
    h.app.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('core', () => {
  it('forks the core host with the data folder under userData', async () => {
    await started();
    expect(h.app.getPath).toHaveBeenCalledWith('userData');
    const [modulePath, args] = h.utilityProcess.fork.mock.calls[0] as unknown as [string, string[]];
    expect(modulePath).toMatch(/core\.js$/);
    expect(args).toEqual(['--data', join('/home/user/.config/Sen', 'data')]);
  });

  it('refuses unknown handler names without reaching the core', async () => {
    const { win, core, channel, handler } = await started();
    expect(channel).toBe('sen:invoke');
    core.emit('message', { kind: 'ready' });
    for (const name of ['system.dropTables', 'constructor', '__proto__', 42, null, undefined]) {
      const result = await handler(invokeEvent(win), name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    }
    expect(core.postMessage).not.toHaveBeenCalled();
  });

  it('refuses inputs that are not plain JSON without reaching the core', async () => {
    const { win, core, handler } = await started();
    core.emit('message', { kind: 'ready' });
    class Custom {
      x = 1;
    }
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 50; i++) cursor = cursor['a'] = {};
    for (const input of [new Date(), new Map(), { when: new Date() }, [() => 1], new Custom(), Number.NaN, { n: Infinity }, undefined, 10n, Symbol('s'), new Uint8Array(2), deep]) {
      const result = await handler(invokeEvent(win), 'system.status', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(core.postMessage).not.toHaveBeenCalled();
  });

  it('refuses calls from a frame that is not the app page', async () => {
    const { win, core, handler } = await started();
    core.emit('message', { kind: 'ready' });
    const result = await handler(invokeEvent(win, 'https://example.com/'), 'system.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.postMessage).not.toHaveBeenCalled();
  });

  it('relays known calls with the window as the connection, after the core is ready', async () => {
    const { win, core, handler } = await started();
    const pending = handler(invokeEvent(win), 'trainees.list', { status: 'in_care', q: undefined });
    expect(core.postMessage).not.toHaveBeenCalled(); // held until 'ready'
    core.emit('message', { kind: 'ready' });
    expect(core.postMessage).toHaveBeenCalledWith({ kind: 'call', id: 1, connection: String(win.webContents.id), name: 'trainees.list', input: { status: 'in_care', q: undefined } });
    core.emit('message', { kind: 'result', id: 1, result: { ok: true, value: { items: [] } } });
    await expect(pending).resolves.toEqual({ ok: true, value: { items: [] } });
  });

  it('forwards pushes to every window and disconnects a closed window', async () => {
    const { win, core } = await started();
    core.emit('message', { kind: 'ready' });
    core.emit('message', { kind: 'changed', areas: ['trainees'] });
    expect(win.webContents.send).toHaveBeenCalledWith('sen:changed', ['trainees']);
    win.emit('closed');
    expect(core.postMessage).toHaveBeenCalledWith({ kind: 'disconnect', connection: String(win.webContents.id) });
  });

  it('shows a clear dialog and quits when the core reports fatal', async () => {
    const { win, core, handler } = await started();
    core.emit('message', { kind: 'fatal', message: 'The database /x/sen.db was written by a newer version of Sen.' });
    expect(h.dialog.showErrorBox).toHaveBeenCalledWith('Sen cannot continue', 'The database /x/sen.db was written by a newer version of Sen.');
    expect(h.app.quit).toHaveBeenCalled();
    await expect(handler(invokeEvent(win), 'system.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('stops the core on quit without an error dialog: shutdown first, kill only if it hangs', async () => {
    const { core } = await started();
    vi.useFakeTimers();
    core.emit('message', { kind: 'ready' });
    h.app.emit('before-quit');
    expect(core.postMessage).toHaveBeenCalledWith({ kind: 'shutdown' });
    expect(core.kill).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3000);
    vi.useRealTimers();
    expect(core.kill).toHaveBeenCalled();
    core.emit('exit', 0);
    expect(h.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('waits for a core writing its backup on exit: no kill after the usual grace, Sen ends once the core has', async () => {
    const { core } = await started();
    vi.useFakeTimers();
    core.emit('message', { kind: 'ready' });
    h.app.emit('before-quit');
    core.emit('message', { kind: 'backing-up' });
    vi.advanceTimersByTime(60_000);
    expect(core.kill).not.toHaveBeenCalled();
    const willQuit = { preventDefault: vi.fn() };
    h.app.emit('will-quit', willQuit);
    expect(willQuit.preventDefault).toHaveBeenCalled();
    expect(h.app.quit).not.toHaveBeenCalled();
    core.emit('exit', 0);
    vi.useRealTimers();
    await flush();
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    // The second will-quit (from that quit) goes through.
    const again = { preventDefault: vi.fn() };
    h.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(h.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('answers pending calls when the core dies', async () => {
    const proc = new h.FakeCore();
    const client = createCoreClient(proc);
    proc.emit('message', { kind: 'ready' });
    const pending = client.call('1', 'system.status', {});
    proc.emit('exit', 9);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('relay helpers', () => {
  it('accepts plain JSON', () => {
    expect(isJsonLike({ a: [1, 'x', null, true, { b: Object.create(null) as object }] })).toBe(true);
    expect(isJsonLike({})).toBe(true);
  });

  it('relayInvoke and registerInvoke never call the core for refused input', async () => {
    const core = { call: vi.fn() };
    await expect(relayInvoke(core, '1', 'nope', {})).resolves.toMatchObject({ error: { code: 'UNKNOWN_HANDLER' } });
    await expect(relayInvoke(core, '1', 'system.status', new Date())).resolves.toMatchObject({ error: { code: 'VALIDATION' } });
    const ipc = { handle: vi.fn() };
    registerInvoke(ipc as unknown as IpcMain, core, (url) => url === 'file:///app/index.html');
    const handler = ipc.handle.mock.calls[0]![1] as (e: unknown, n: unknown, i: unknown) => Promise<unknown>;
    // A frame already gone (null) is not the app page.
    await expect(handler({ sender: { id: 3 }, senderFrame: null }, 'system.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.call).not.toHaveBeenCalled();
  });
});

describe('source scan', () => {
  // Checklist items proved by absence: nothing in the shell may switch these on.
  const files = ['electron/main', 'electron/preload'].flatMap((dir) =>
    readdirSync(join(import.meta.dirname, '../..', dir)).map((f) => readFileSync(join(import.meta.dirname, '../..', dir, f), 'utf8')),
  );

  it('never opens external URLs, enables Blink features, popups, insecure content or Node in pages', () => {
    for (const text of files) {
      expect(text).not.toMatch(/openExternal|enableBlinkFeatures|allowpopups|exposeInMainWorld\([^)]*ipcRenderer/);
      expect(text).not.toMatch(/(nodeIntegration\w*|allowRunningInsecureContent|experimentalFeatures|webviewTag): true/);
      expect(text).not.toMatch(/(contextIsolation|sandbox|webSecurity): false/);
    }
    expect(files.length).toBeGreaterThanOrEqual(7);
  });
});

describe('sen:choosePath (the backup folder and file pickers)', () => {
  async function picker() {
    const { win } = await started();
    const call = h.ipcMain.handle.mock.calls.find(([channel]) => channel === 'sen:choosePath') as unknown as [string, (event: unknown, kind: unknown) => Promise<unknown>];
    return { win, choose: call[1] };
  }

  it('shows the native folder dialog for the app page and answers the chosen path', async () => {
    const { win, choose } = await picker();
    win.emit('ready-to-show');
    await expect(choose(invokeEvent(win), 'folder')).resolves.toBe('/media/usb/SEN');
    const options = h.dialog.showOpenDialog.mock.calls[0]!.at(-1) as { properties: string[] };
    expect(options.properties).toEqual(['openDirectory', 'createDirectory']);
    await expect(choose(invokeEvent(win), 'backupFile')).resolves.toBe('/media/usb/SEN');
    expect(h.dialog.showOpenDialog.mock.calls[1]!.at(-1)).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['senbak'] }] });
  });

  it('answers null when cancelled', async () => {
    const { win, choose } = await picker();
    h.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(choose(invokeEvent(win), 'folder')).resolves.toBeNull();
  });

  it('refuses unknown kinds and foreign pages without showing a dialog', async () => {
    const { win, choose } = await picker();
    for (const kind of ['file', 'openFile', '', null, { kind: 'folder' }, '__proto__']) await expect(choose(invokeEvent(win), kind)).resolves.toBeNull();
    await expect(choose(invokeEvent(win, 'https://evil.example/'), 'folder')).resolves.toBeNull();
    expect(h.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});
