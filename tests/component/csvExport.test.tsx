import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, signedInBridge } from './fakeBridge';
import { roster } from './data';
import { renderApp } from './render';
import { captureDownloads } from './downloads';

afterEach(() => vi.restoreAllMocks());

describe('the CSV export button', () => {
  it('writes the export to the access log first, then saves the rows shown (BOM, CRLF, labels and dates as on screen)', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.list', roster).ok('access.recordExport', { seq: 40 });
    const { user } = renderApp(bridge);
    await screen.findAllByTestId('roster-row');
    const saved = captureDownloads();
    await user.click(screen.getByTestId('csv-export'));
    await waitFor(() => expect(saved.blobs).toHaveLength(1));
    expect(saved.names[0]).toMatch(/^danh-sach-hoc-vien-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(bridge.callsTo('access.recordExport')).toEqual([{ detail: `${saved.names[0]}: 2` }]);
    expect(saved.blobs[0]!.type).toBe('text/csv;charset=utf-8');
    const text = await saved.blobs[0]!.text();
    expect(text.startsWith('\uFEFFSố hồ sơ,Họ và tên,Giới tính,Ngày sinh,')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('HS-2024-001,Nguyễn Thị Hoà,Nữ,05/03/1995,Bắt buộc,');
    // Only the rows the core sent: no other call was made for the export.
    expect(bridge.callsTo('trainees.list')).toHaveLength(1);
  });

  it('saves nothing when the access log refuses the record', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.list', roster).fail('access.recordExport', { code: 'DISK_FULL', message: 'full' });
    const { user } = renderApp(bridge);
    await screen.findAllByTestId('roster-row');
    const saved = captureDownloads();
    await user.click(screen.getByTestId('csv-export'));
    expect(await screen.findByText(/Ổ đĩa đã đầy/)).toBeTruthy();
    expect(saved.blobs).toHaveLength(0);
  });
});
