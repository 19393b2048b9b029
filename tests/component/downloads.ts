import { vi } from 'vitest';

/** The blobs the page hands to the browser as downloads, and the names it gives them. */
export function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return 'blob:test/1';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

/** The one file saved: its name and its lines (byte-order mark dropped, split at CRLF). */
export async function savedCsv(saved: ReturnType<typeof captureDownloads>): Promise<{ name: string; lines: string[] }> {
  const text = await saved.blobs[0]!.text();
  return { name: saved.names[0]!, lines: text.replace(/^\uFEFF/, '').split('\r\n') };
}
