import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, type IpcMain, type WebContents } from 'electron';
import type { Result } from '../../shared/errors';
import { printToPdfRequest } from '../../shared/reports';
import type { CoreClient } from './coreClient';

/** The one printing channel: the page asks for itself as a PDF (window.sen.printToPdf). */
export const PRINT_CHANNEL = 'sen:printToPdf';

/**
 * A4 with the page's own CSS (`@page` size, margins and margin boxes: facility name, date, page
 * numbers and the log anchor on every page), backgrounds for the bars of the charts. The e2e spec
 * prints the same pages with Chromium's page.pdf({ preferCSSPageSize: true }).
 */
export const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false } as const;

type PrintResult = Result<{ path: string } | null>;
const fail = (code: 'VALIDATION' | 'FORBIDDEN' | 'INTERNAL', message: string): PrintResult => ({ ok: false, error: { code, message } });

/**
 * One print: validate the request, ask where to save (cancel: nothing happens), have the core
 * write "printed" to the access log as the signed-in person of this window (refused: no file),
 * then print the page and write the file.
 */
export async function printToPdf(core: Pick<CoreClient, 'call'>, sender: WebContents, raw: unknown): Promise<PrintResult> {
  const parsed = printToPdfRequest.safeParse(raw);
  if (!parsed.success) return fail('VALIDATION', 'The print request is not valid.');
  const { target, fileName } = parsed.data;
  const win = BrowserWindow.fromWebContents(sender);
  const options = { defaultPath: join(app.getPath('documents'), fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { ok: true, value: null };
  const recorded = await core.call(String(sender.id), 'reports.recordPrint', target);
  if (!recorded.ok) return recorded as PrintResult;
  try {
    const pdf = await sender.printToPDF(PDF_OPTIONS);
    await writeFile(choice.filePath, pdf);
  } catch (e) {
    return fail('INTERNAL', `The PDF could not be written to ${choice.filePath}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ok: true, value: { path: choice.filePath } };
}

export function registerPrint(ipcMain: IpcMain, core: Pick<CoreClient, 'call'>, isAppPage: (url: string) => boolean): void {
  ipcMain.handle(PRINT_CHANNEL, async (event, request: unknown) => {
    if (!isAppPage(event.senderFrame?.url ?? '')) return fail('FORBIDDEN', 'This page may not print.');
    return printToPdf(core, event.sender, request);
  });
}
