import { BrowserWindow, type WebPreferences } from 'electron';

/**
 * The renderer gets no Node, no Electron, only the preload's `window.sen` bridge. Written as one
 * literal inside `new BrowserWindow(...)` so a static scanner (electronegativity) can read it.
 * `url`: app://sen/index.html, or the dev server's page under `electron-vite dev`.
 */
export function createMainWindow(preload: string, url: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Sen',
    show: false, // shown once painted, so the user never sees a blank white frame
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // A middle click is not a way around the window-open handler either.
      disableBlinkFeatures: 'Auxclick',
    } satisfies WebPreferences,
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
