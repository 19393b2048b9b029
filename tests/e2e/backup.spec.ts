/**
 * Backups end to end on the preview host: the System page warns that there is no verified backup;
 * the admin backs up to a folder (typed: the preview has no native picker), the section shows it
 * verified; a restore with a wrong passphrase is refused, the right one is verified and waits for
 * the restart. Screenshots in vi and en.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { invokeOk, shootBoth, signIn, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
// The demo facility alone takes minutes on a loaded machine.
test.setTimeout(600_000);

const PASSPHRASE = 'cụm mật khẩu sao lưu 2026';

test('back up from the System page, see it verified, restore after a confirmation', async ({ page, senHost }) => {
  const usb = mkdtempSync(join(tmpdir(), 'sen-e2e-usb-'));
  try {
    // A small demo facility (a year of 20 trainees): a real log of several frames, quickly.
    await page.goto(senHost.url);
    await invokeOk(page, 'system.demo', { trainees: 20, years: 1, seed: 8 });
    await page.reload();
    await signIn(page, 'admin', 'demo-sen-2026');
    await expect(page.locator('tbody tr').first()).toBeVisible();
    await page.getByRole('button', { name: 'Hệ thống' }).click();
    const section = page.getByTestId('backup-section');
    await expect(section.getByTestId('backup-warning')).toHaveText('Chưa có bản sao lưu nào được kiểm tra. Hãy sao lưu ngay.');
    await section.scrollIntoViewIfNeeded();
    await shootBoth(page, 'system-backup-none', { fullHeight: true });

    const form = page.getByTestId('backup-now-form');
    await form.getByTestId('backup-folder').fill(usb);
    await form.getByTestId('backup-passphrase').fill(PASSPHRASE);
    await form.getByTestId('backup-passphrase-again').fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Sao lưu' }).click();
    await expect(page.getByText(/^Đã sao lưu và kiểm tra: /)).toBeVisible({ timeout: 120_000 });
    const [file] = readdirSync(usb);
    expect(file).toMatch(/^sen-backup-\d{8}-\d{6}\.senbak$/);
    await expect(section.getByTestId('backup-warning')).toHaveCount(0);
    await expect(section.getByTestId('last-verified')).toContainText('Đã kiểm tra');
    await expect(section.getByTestId('last-verified')).toContainText(join(usb, file!));
    await expect(section.getByTestId('backup-chain')).toHaveText('Toàn vẹn');
    await shootBoth(page, 'system-backup', { fullHeight: true });

    const restore = page.getByTestId('restore-form');
    await restore.getByTestId('restore-file').fill(join(usb, file!));
    await restore.getByTestId('restore-passphrase').fill('không phải cụm này');
    await restore.getByRole('button', { name: 'Khôi phục…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await expect(restore.getByTestId('restore-error')).toContainText('Sai cụm mật khẩu của bản sao lưu', { timeout: 60_000 });
    await shootBoth(page, 'system-restore-refused', { fullHeight: true });

    await restore.getByTestId('restore-passphrase').fill(PASSPHRASE);
    await restore.getByRole('button', { name: 'Khôi phục…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await expect(restore.getByTestId('restore-done')).toContainText('Hãy khởi động lại Sen', { timeout: 120_000 });
    await expect(section.getByTestId('restore-pending')).toBeVisible();
    await shootBoth(page, 'system-restore-pending', { fullHeight: true });
  } finally {
    rmSync(usb, { recursive: true, force: true });
    rmSync(`${senHost.dataDir}.restore-pending`, { recursive: true, force: true });
  }
});
