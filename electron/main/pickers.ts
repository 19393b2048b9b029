import type { BrowserWindow, Dialog, IpcMain, OpenDialogOptions } from 'electron';
import { PATH_KINDS, type PathKind } from '../../shared/pathKinds';

/** The native dialog for each kind of path the page may ask for: nothing else is offered. */
const OPTIONS: Record<PathKind, OpenDialogOptions> = {
  folder: { properties: ['openDirectory', 'createDirectory'] },
  backupFile: { properties: ['openFile'], filters: [{ name: 'Sen backup', extensions: ['senbak'] }] },
};

export function isPathKind(kind: unknown): kind is PathKind {
  return typeof kind === 'string' && (PATH_KINDS as readonly string[]).includes(kind);
}

/**
 * 'sen:choosePath': the page asks for a folder (backup destination) or a backup file; main shows
 * the system's own dialog and answers the chosen path, or null (cancelled, unknown kind, or a
 * page that is not Sen's). The page only learns a path the person picked; the core validates it.
 */
export function registerPathPicker(ipcMain: IpcMain, dialog: Pick<Dialog, 'showOpenDialog'>, isAppPage: (url: string) => boolean, window: () => BrowserWindow | null): void {
  ipcMain.handle('sen:choosePath', async (event, kind: unknown) => {
    if (!isAppPage(event.senderFrame?.url ?? '') || !isPathKind(kind)) return null;
    const win = window();
    const result = win ? await dialog.showOpenDialog(win, OPTIONS[kind]) : await dialog.showOpenDialog(OPTIONS[kind]);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
}
