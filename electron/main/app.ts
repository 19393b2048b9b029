import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, utilityProcess, type MenuItemConstructorOptions } from 'electron';
import { createCoreClient, registerInvoke, type CoreClient } from './coreClient';
import { registerPathPicker } from './pickers';
import { buildPaths, dataDirFor } from './paths';
import { registerPrint } from './print';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appProtocolHandler } from './protocol';
import { denyAllPermissions, guardAllWebContents, guardDownloads, installCsp, isAppBlob, isSameAppPage } from './security';
import { createMainWindow } from './window';

/** Only editing and window roles: nothing that opens a URL (Electron's default menu links to its website). */
export function menuTemplate(platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  return [...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []), { role: 'fileMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}

/** Main process lifecycle. Knows nothing of the domain: starts the core and relays to it. */
export function start(): void {
  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox();
  // Sen's page comes from app://sen/, not file://: the scheme must be declared before 'ready'.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  // One Sen per user: two writers on one database would fight; a second launch focuses the first.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const paths = buildPaths();
  const devUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const appUrl = devUrl ?? APP_URL;
  const isAppPage = (url: string): boolean => isSameAppPage(url, appUrl);

  let mainWindow: BrowserWindow | null = null;
  let core: CoreClient | null = null;
  let quitting = false;

  guardAllWebContents(app, isAppPage);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());
  let coreEnded = false;
  app.on('before-quit', () => {
    quitting = true;
    void core?.stop();
  });
  // The core may be writing its backup on exit: Sen ends only once the core has closed its database.
  app.on('will-quit', (event) => {
    if (!core || coreEnded) return;
    event.preventDefault();
    void core.stop().then(() => {
      coreEnded = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    // The dev server's page needs inline scripts and a websocket for hot reload; a built Sen gets the strict header.
    if (!devUrl) {
      installCsp(session.defaultSession);
      // Only files of the built renderer folder, with the CSP as a response header.
      protocol.handle(APP_SCHEME, appProtocolHandler(paths.rendererDir));
    }
    denyAllPermissions(session.defaultSession);
    guardDownloads(session.defaultSession, (url) => isAppBlob(url, appUrl));
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));

    const proc = utilityProcess.fork(paths.core, ['--data', dataDirFor(app)], { serviceName: 'Sen core' });
    const client = createCoreClient(proc);
    core = client;
    client.onStopped((message) => {
      if (quitting) return;
      dialog.showErrorBox('Sen cannot continue', message);
      app.quit();
    });
    client.onChanged((areas) => {
      for (const win of BrowserWindow.getAllWindows()) win.webContents.send('sen:changed', areas);
    });
    registerInvoke(ipcMain, client, isAppPage);
    registerPrint(ipcMain, client, isAppPage);
    registerPathPicker(ipcMain, dialog, isAppPage, () => mainWindow);

    const win = createMainWindow(paths.preload, appUrl);
    const connection = String(win.webContents.id); // read now: the web contents is gone once closed
    win.on('closed', () => {
      client.disconnect(connection);
      mainWindow = null;
    });
    mainWindow = win;
  });
}
