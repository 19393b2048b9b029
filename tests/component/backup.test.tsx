/** The backup section of the System page against the fake bridge: status, warning, back up, automatic settings, restore. */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerOutput } from '../../shared/api';
import type { BackupEntry, BackupStatus } from '../../shared/backup';
import { ADMIN, INTACT, signedInBridge } from './fakeBridge';
import { renderApp } from './render';

const STATS: HandlerOutput<'system.stats'> = { totalEvents: 1234, eventsByType: { TraineeAdmitted: 1234 }, traineesByStatus: { in_care: 30 } };

const VERIFIED: BackupEntry = {
  seq: 1200,
  recordedAt: '2026-11-10T03:15:00.000Z',
  folder: '/media/usb/SEN',
  file: '/media/usb/SEN/sen-backup-20261110-101500.senbak',
  automatic: false,
  verified: true,
  events: 1199,
  bytes: 2_345_678,
  problem: '',
};

function backupStatus(over: Partial<BackupStatus> = {}): BackupStatus {
  return {
    last: VERIFIED,
    lastVerified: VERIFIED,
    daysSinceVerified: 15,
    warning: 'old',
    settings: { folder: '', keep: 10, everyHours: 24, onExit: true, warnAfterDays: 7 },
    automaticReady: false,
    running: null,
    logBytes: 12_500_000,
    events: 1234,
    integrity: INTACT,
    pendingRestore: null,
    ...over,
  };
}

function bridge(status: BackupStatus = backupStatus()) {
  return signedInBridge(ADMIN).ok('system.stats', STATS).ok('backup.status', status);
}

afterEach(() => {
  window.localStorage.clear();
});

describe('System page: backups', () => {
  it('shows the last verified backup, where it is, the chain, the log size and the events, and warns when it is too old', async () => {
    renderApp(bridge(), { name: 'system' });
    const section = await screen.findByTestId('backup-section');
    const forms = await screen.findByTestId('backup-forms');
    expect(await within(section).findByTestId('backup-warning')).toHaveProperty('textContent', 'Bản sao lưu đã kiểm tra gần nhất cách đây 15 ngày (cảnh báo sau 7 ngày). Hãy sao lưu ngay.');
    const last = within(section).getByTestId('last-verified');
    expect(last.textContent).toContain('Đã kiểm tra');
    expect(last.textContent).toContain('10/11/2026');
    expect(last.textContent).toContain('/media/usb/SEN/sen-backup-20261110-101500.senbak');
    expect(within(section).getByTestId('backup-chain').textContent).toBe(screen.getByTestId('integrity-state').querySelector('.mantine-Badge-label')?.textContent);
    expect(within(section).getByTestId('log-size').textContent).toBe('12.5 MB');
    expect(within(section).getByTestId('log-events').textContent).toBe((1234).toLocaleString());
    expect(within(forms).getByTestId('backup-auto-ready').textContent).toBe('Chưa đặt cụm mật khẩu: chưa sao lưu tự động');
  });

  it('says when there has never been a verified backup, and shows a failed attempt with its problem', async () => {
    const failed: BackupEntry = { ...VERIFIED, seq: 5, verified: false, file: '', automatic: true, problem: 'The folder /media/usb does not exist (is the USB stick plugged in?).' };
    renderApp(bridge(backupStatus({ last: failed, lastVerified: null, daysSinceVerified: null, warning: 'never' })), { name: 'system' });
    expect((await screen.findByTestId('backup-warning')).textContent).toBe('Chưa có bản sao lưu nào được kiểm tra. Hãy sao lưu ngay.');
    expect(screen.getByTestId('last-verified').textContent).toBe('Chưa có');
    const last = screen.getByTestId('last-backup');
    expect(last.textContent).toContain('Không thành công');
    expect(last.textContent).toContain('(tự động)');
    expect(last.textContent).toContain('is the USB stick plugged in?');
  });

  it('checks the form with the shared schema before calling, then backs up and says where', async () => {
    const b = bridge().ok('backup.run', { ...VERIFIED, seq: 1300, file: '/media/usb/SEN/sen-backup-20261125-090000.senbak' });
    const { user } = renderApp(b, { name: 'system' });
    const form = await screen.findByTestId('backup-now-form');
    await user.type(within(form).getByTestId('backup-folder'), 'usb');
    await user.type(within(form).getByTestId('backup-passphrase'), 'ngắn');
    await user.click(within(form).getByRole('button', { name: 'Sao lưu' }));
    expect(await within(form).findByText(/Hãy nhập đường dẫn đầy đủ/)).toBeTruthy();
    expect(within(form).getByText('Cụm mật khẩu phải có ít nhất 10 ký tự')).toBeTruthy();
    await user.clear(within(form).getByTestId('backup-folder'));
    await user.type(within(form).getByTestId('backup-folder'), '/media/usb/SEN');
    await user.type(within(form).getByTestId('backup-passphrase'), ' là đủ dài rồi');
    await user.type(within(form).getByTestId('backup-passphrase-again'), 'khác');
    await user.click(within(form).getByRole('button', { name: 'Sao lưu' }));
    expect(await within(form).findByText('Hai cụm mật khẩu không khớp')).toBeTruthy();
    expect(b.callsTo('backup.run')).toEqual([]);
    await user.clear(within(form).getByTestId('backup-passphrase-again'));
    await user.type(within(form).getByTestId('backup-passphrase-again'), 'ngắn là đủ dài rồi');
    await user.click(within(form).getByRole('button', { name: 'Sao lưu' }));
    await waitFor(() => expect(b.callsTo('backup.run')).toEqual([{ folder: '/media/usb/SEN', passphrase: 'ngắn là đủ dài rồi' }]));
    expect(await screen.findByText('Đã sao lưu và kiểm tra: /media/usb/SEN/sen-backup-20261125-090000.senbak')).toBeTruthy();
  });

  it('shows the core refusal in the user language (a missing USB stick), in English too', async () => {
    const b = bridge().fail('backup.run', { code: 'BACKUP_FOLDER_UNUSABLE', message: 'The folder /media/usb does not exist' });
    const { user } = renderApp(b, { name: 'system' });
    await user.click(await screen.findByRole('radio', { name: 'EN' }));
    const form = await screen.findByTestId('backup-now-form');
    await user.type(within(form).getByTestId('backup-folder'), '/media/usb');
    await user.type(within(form).getByTestId('backup-passphrase'), 'long enough passphrase');
    await user.type(within(form).getByTestId('backup-passphrase-again'), 'long enough passphrase');
    await user.click(within(form).getByRole('button', { name: 'Back up' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('This folder cannot be used: it does not exist, cannot be written or is full (is the USB stick plugged in?).');
  });

  it('fills the folder from the desktop shell picker when there is one', async () => {
    const b = bridge();
    Object.assign(b, { choosePath: (kind: string) => Promise.resolve(kind === 'folder' ? '/media/usb/CHON' : null) });
    const { user } = renderApp(b, { name: 'system' });
    const form = await screen.findByTestId('backup-now-form');
    await user.click(within(form).getByRole('button', { name: 'Chọn…' }));
    await waitFor(() => expect((within(form).getByTestId('backup-folder') as HTMLInputElement).value).toBe('/media/usb/CHON'));
  });

  it('saves the automatic backup settings as entered', async () => {
    const b = bridge().ok('backup.configure', { seq: 1301 });
    const { user } = renderApp(b, { name: 'system' });
    const form = await screen.findByTestId('backup-auto-form');
    await user.type(within(form).getByTestId('backup-auto-folder'), '/media/usb/AUTO');
    await user.clear(within(form).getByTestId('backup-warn-days'));
    await user.type(within(form).getByTestId('backup-warn-days'), '3');
    await user.type(within(form).getByTestId('backup-auto-passphrase'), 'cụm mật khẩu tự động');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(b.callsTo('backup.configure')).toEqual([{ folder: '/media/usb/AUTO', keep: 10, everyHours: 24, onExit: true, warnAfterDays: 3, passphrase: 'cụm mật khẩu tự động' }]));
  });

  it('restores only after a confirmation; a wrong passphrase is refused with a clear message', async () => {
    const b = bridge().fail('backup.restore', { code: 'BACKUP_WRONG_PASSPHRASE', message: 'Wrong passphrase' });
    const { user } = renderApp(b, { name: 'system' });
    const form = await screen.findByTestId('restore-form');
    await user.type(within(form).getByTestId('restore-file'), '/media/usb/SEN/sen-backup-20261110-101500.senbak');
    await user.type(within(form).getByTestId('restore-passphrase'), 'sai mật khẩu');
    await user.click(within(form).getByRole('button', { name: 'Khôi phục…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('dữ liệu hiện tại được giữ nguyên ở thư mục riêng');
    await user.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    expect(b.callsTo('backup.restore')).toEqual([]);
    await user.click(within(form).getByRole('button', { name: 'Khôi phục…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Khôi phục' }));
    expect((await within(form).findByTestId('restore-error')).textContent).toContain('Sai cụm mật khẩu của bản sao lưu (hoặc phần đầu tệp đã bị sửa). Chưa có gì thay đổi.');
    expect(b.callsTo('backup.restore')).toEqual([{ file: '/media/usb/SEN/sen-backup-20261110-101500.senbak', passphrase: 'sai mật khẩu' }]);
  });

  it('after a verified restore, asks to restart Sen', async () => {
    let pending: string | null = null;
    const b = bridge()
      .on('backup.status', () => ({ ok: true, value: backupStatus({ pendingRestore: pending }) }))
      .on('backup.restore', () => {
        pending = '/home/u/.config/Sen/data.restore-pending';
        return { ok: true, value: { events: 1199, pendingDir: pending } };
      });
    const { user } = renderApp(b, { name: 'system' });
    const form = await screen.findByTestId('restore-form');
    await user.type(within(form).getByTestId('restore-file'), '/media/usb/a.senbak');
    await user.type(within(form).getByTestId('restore-passphrase'), 'đúng mật khẩu');
    await user.click(within(form).getByRole('button', { name: 'Khôi phục…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Khôi phục' }));
    expect((await within(form).findByTestId('restore-done')).textContent).toBe(`Đã khôi phục và kiểm tra ${(1199).toLocaleString()} sự kiện. Hãy khởi động lại Sen.`);
    expect((await screen.findByTestId('restore-pending')).textContent).toContain('Hãy khởi động lại Sen');
  });
});
