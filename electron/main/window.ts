import { BrowserWindow, type WebPreferences } from 'electron';

/** The renderer gets no Node, no Electron, only the preload's `window.sen` bridge. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
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
  };
}

export type PageSource = { file: string } | { url: string };

export function createMainWindow(preload: string, page: PageSource): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Sen',
    show: false, // shown once painted, so the user never sees a blank white frame
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload),
  });
  win.once('ready-to-show', () => win.show());
  if ('url' in page) void win.loadURL(page.url);
  else void win.loadFile(page.file);
  return win;
}
