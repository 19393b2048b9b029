import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * Is `target` Sen's own page? In the app that is app://sen/index.html (any #route); under
 * `electron-vite dev` it is the dev server's origin. Anything else is foreign.
 */
export function isSameAppPage(target: string, appUrl: string): boolean {
  let t: URL;
  let a: URL;
  try {
    t = new URL(target);
    a = new URL(appUrl);
  } catch {
    return false;
  }
  // app: is not a "special" scheme for URL, so its origin is 'null': compare scheme, host and path.
  if (a.protocol !== 'http:' && a.protocol !== 'https:') return t.protocol === a.protocol && t.host === a.host && t.pathname === a.pathname;
  return t.origin === a.origin;
}

/** Send the CSP as a response header too: it then covers responses the <meta> tag cannot. */
export function installCsp(session: Session, policy: string = CONTENT_SECURITY_POLICY): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}

/** Sen needs no camera, microphone, notifications, geolocation...: refuse every request and check. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Lock down one web contents: it may only ever show Sen's page, never open windows, never host
 * a <webview>. Attached to every web contents through 'web-contents-created'.
 */
export function guardWebContents(contents: WebContents, isAppPage: (url: string) => boolean): void {
  contents.on('will-navigate', (event) => {
    if (!isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Is `url` a blob: made by Sen's own page (a CSV export), e.g. blob:app://sen/<uuid>? */
export function isAppBlob(url: string, appUrl: string): boolean {
  if (!url.startsWith('blob:')) return false;
  try {
    const inner = new URL(url.slice('blob:'.length));
    const a = new URL(appUrl);
    return inner.protocol === a.protocol && inner.host === a.host;
  } catch {
    return false;
  }
}

/**
 * Downloads: only files Sen's page makes itself (CSV exports, as blob: URLs) are saved, through
 * Electron's own save dialog (no save path is set, so the person chooses where; a .csv file gets
 * a CSV filter). Any other download is cancelled: nothing reaches the disk from anywhere else.
 */
export function guardDownloads(session: Session, isOwnBlob: (url: string) => boolean): void {
  session.on('will-download', (event, item) => {
    if (!isOwnBlob(item.getURL())) {
      event.preventDefault();
      return;
    }
    if (item.getFilename().toLowerCase().endsWith('.csv')) item.setSaveDialogOptions({ filters: [{ name: 'CSV (Excel)', extensions: ['csv'] }] });
  });
}

export function guardAllWebContents(app: App, isAppPage: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isAppPage));
}
