/**
 * Printing in main (electron/main/print.ts) against a mocked `electron`, as electron-main.test.ts
 * does: the request is validated, the save dialog comes first, the core records the print (as the
 * window's connection) before the PDF is made, and a refusal or a cancel writes no file.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  showSaveDialog: vi.fn(),
  fromWebContents: vi.fn(() => ({ id: 'window' })),
  handle: vi.fn(),
}));

vi.mock('electron', () => ({
  app: { getPath: vi.fn(() => '/home/user/Documents') },
  BrowserWindow: { fromWebContents: h.fromWebContents },
  dialog: { showSaveDialog: h.showSaveDialog },
}));

import type { IpcMain } from 'electron';
import { PDF_OPTIONS, PRINT_CHANNEL, registerPrint } from '../../electron/main/print';

const dir = mkdtempSync(join(tmpdir(), 'sen-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const APP = 'app://sen/index.html';
const order: string[] = [];
const core = {
  call: vi.fn(async (_connection: string, _name: string, _input: unknown) => {
    order.push('record');
    return { ok: true as const, value: { seq: 42 } };
  }),
};
const sender = {
  id: 7,
  printToPDF: vi.fn(async () => {
    order.push('print');
    return Buffer.from('%PDF-1.7 Sen');
  }),
};

function handler() {
  registerPrint({ handle: h.handle } as unknown as IpcMain, core, (url) => url === APP);
  const [channel, fn] = h.handle.mock.calls[0] as [string, (event: unknown, request: unknown) => Promise<unknown>];
  expect(channel).toBe(PRINT_CHANNEL);
  return (request: unknown, url = APP) => fn({ sender, senderFrame: { url } }, request);
}

const request = { target: { document: 'monthly_report', month: '2026-10' }, fileName: 'Báo cáo tháng 10-2026.pdf' };

beforeEach(() => {
  vi.clearAllMocks();
  order.length = 0;
});

describe('print to PDF (main)', () => {
  it('asks where to save, records the print as the window, then writes the A4 PDF there', async () => {
    const path = join(dir, 'report.pdf');
    h.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path });
    const result = await handler()(request);
    expect(result).toEqual({ ok: true, value: { path } });
    expect(h.showSaveDialog.mock.calls[0]![1]).toMatchObject({ defaultPath: join('/home/user/Documents', 'Báo cáo tháng 10-2026.pdf') });
    expect(core.call).toHaveBeenCalledWith('7', 'reports.recordPrint', request.target);
    expect(order).toEqual(['record', 'print']);
    expect(sender.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true });
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.7 Sen');
  });

  it('a cancelled dialog records and writes nothing', async () => {
    h.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await handler()(request)).toEqual({ ok: true, value: null });
    expect(core.call).not.toHaveBeenCalled();
    expect(sender.printToPDF).not.toHaveBeenCalled();
  });

  it('a refusal by the core (e.g. not an administrator) makes no PDF', async () => {
    const path = join(dir, 'refused.pdf');
    h.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path });
    core.call.mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } } as never);
    expect(await handler()(request)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(sender.printToPDF).not.toHaveBeenCalled();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a malformed request or a foreign page before any dialog', async () => {
    const send = handler();
    for (const bad of [null, {}, { ...request, fileName: '../../etc/passwd.pdf' }, { ...request, fileName: 'report.exe' }, { ...request, target: { document: 'all_records' } }, { ...request, extra: 1 }]) {
      expect(await send(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await send(request, 'https://example.com/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.showSaveDialog).not.toHaveBeenCalled();
    expect(core.call).not.toHaveBeenCalled();
  });
});
