/**
 * Accounts end to end, against a fresh preview host: the admin creates a duty officer's account
 * with a temporary password → signs out → the officer signs in with it, must choose a new one,
 * then works; five wrong passwords lock an account and the sign-in screen says until when; the
 * admin resets the password (ending the lock) and the officer must choose a new one again.
 * Screens are photographed in Vietnamese and English (tests/e2e/screenshots/accounts-*).
 */
import { expect, test } from './fixtures';
import { shootBoth, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });

const ADMIN_PASSWORD = 'mat-khau-rat-dai';
const TEMP = 'tam-thoi-2026';
const NEW = 'mat-khau-moi-cua-truc';

test('admin creates a duty officer, who must change the temporary password, then works; 5 wrong passwords lock; an admin reset forces a new password', async ({ page, senUrl }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(senUrl);

  // Set up and sign in as the administrator.
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
  await page.getByLabel('Tên cơ sở').fill('Cơ sở cai nghiện ma túy tỉnh Sơn La');
  await page.getByLabel('Họ và tên người quản trị').fill('Trần Văn Quản');
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN_PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu').press('Enter');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByTestId('header-user')).toHaveText('Trần Văn Quản');

  // Accounts: create the duty officer's account.
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Quản lý tài khoản' })).toBeVisible();
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Họ tên').fill('Phạm Văn Trực');
  await dialog.getByLabel('Tên đăng nhập').fill('truc');
  await dialog.getByLabel('Trực ban').check();
  await dialog.getByRole('textbox', { name: 'Mật khẩu ban đầu' }).fill(TEMP);
  await dialog.getByRole('textbox', { name: 'Nhập lại mật khẩu' }).fill(TEMP);
  await dialog.getByRole('textbox', { name: 'Nhập lại mật khẩu' }).press('Enter');
  await expect(dialog).toHaveCount(0);
  const row = page.getByTestId('account-truc');
  await expect(row).toContainText('Trực ban');
  await expect(row).toContainText('Chờ đổi mật khẩu');
  await shootBoth(page, 'accounts');

  // Sign out; the officer signs in with the temporary password and must choose a new one.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill('truc');
  await page.getByLabel('Mật khẩu').fill(TEMP);
  await page.getByLabel('Mật khẩu').press('Enter');
  const forced = page.getByTestId('forced-password-change');
  await expect(forced).toBeVisible();
  await expect(page.getByTestId('header-user')).toHaveCount(0);
  await shootBoth(page, 'accounts-forced-change');
  await forced.getByLabel('Mật khẩu hiện tại').fill(TEMP);
  await forced.getByLabel(/^Mật khẩu mới/).fill(NEW);
  await forced.getByLabel('Nhập lại mật khẩu mới').fill(NEW);
  await forced.getByLabel('Nhập lại mật khẩu mới').press('Enter');
  await expect(page.getByTestId('header-user')).toHaveText('Phạm Văn Trực');
  // …starts on the duty page (the housing board), and works: the roster, with intake rights.
  await expect(page.getByRole('heading', { name: 'Trực ban', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Học viên', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Tiếp nhận học viên' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tài khoản', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Tài khoản của tôi' }).click();
  await expect(page.getByRole('heading', { name: 'Tài khoản của tôi' })).toBeVisible();
  await shootBoth(page, 'accounts-my-account');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  // Five wrong passwords lock the account; the sixth try is refused with the unlock time.
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill('truc');
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('Mật khẩu').fill(`sai-mat-khau-${i}`);
    await page.getByLabel('Mật khẩu').press('Enter');
    await expect(page.getByTestId('error-alert')).toContainText(i < 5 ? 'Sai tên đăng nhập hoặc mật khẩu.' : 'Tài khoản bị khóa tạm thời');
    await expect(page.getByLabel('Mật khẩu')).toHaveValue('');
  }
  await page.getByLabel('Mật khẩu').fill(NEW);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByTestId('error-alert')).toContainText(/Tài khoản bị khóa tạm thời.*Thử lại sau \d\d\/\d\d\/\d{4} \d\d:\d\d/);
  await shootBoth(page, 'accounts-locked');

  // The admin sees the lock in the list.
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
  await page.getByLabel('Mật khẩu').press('Enter');
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).click();
  await expect(page.getByTestId('account-truc')).toContainText('Bị khóa đến');

  // Password reset: the admin sets a temporary password (which also ends the lock); the officer
  // signs in with it and must choose a new one before anything else.
  const RESET = 'tam-thoi-lan-hai';
  const AFTER_RESET = 'mat-khau-sau-khi-dat-lai';
  await page.getByRole('button', { name: 'Đặt lại mật khẩu: truc' }).click();
  const resetDialog = page.getByRole('dialog');
  await expect(resetDialog.getByLabel('Mật khẩu tạm')).toBeFocused();
  await resetDialog.getByLabel('Mật khẩu tạm').fill(RESET);
  await resetDialog.getByRole('textbox', { name: 'Nhập lại mật khẩu' }).fill(RESET);
  await resetDialog.getByRole('textbox', { name: 'Nhập lại mật khẩu' }).press('Enter');
  await expect(resetDialog).toHaveCount(0);
  await expect(page.getByTestId('account-truc')).toContainText('Chờ đổi mật khẩu');
  await expect(page.getByTestId('account-truc')).not.toContainText('Bị khóa đến');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByLabel('Tên đăng nhập').fill('truc');
  await page.getByLabel('Mật khẩu').fill(NEW);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByTestId('error-alert')).toContainText('Sai tên đăng nhập hoặc mật khẩu.');
  await page.getByLabel('Mật khẩu').fill(RESET);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(forced).toBeVisible();
  await forced.getByLabel('Mật khẩu hiện tại').fill(RESET);
  await forced.getByLabel(/^Mật khẩu mới/).fill(AFTER_RESET);
  await forced.getByLabel('Nhập lại mật khẩu mới').fill(AFTER_RESET);
  await forced.getByLabel('Nhập lại mật khẩu mới').press('Enter');
  await expect(page.getByTestId('header-user')).toHaveText('Phạm Văn Trực');
  expect(pageErrors).toEqual([]);
});
