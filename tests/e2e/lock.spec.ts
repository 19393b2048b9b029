/**
 * Idle lock end to end: left alone for the facility's idle minutes, Sen locks the screen; the
 * same person resumes where they were with the password; someone else can sign in instead.
 */
import { expect, test } from './fixtures';
import { openDemoFacility, shootBoth, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
test.setTimeout(240_000);

test('idle lock after 10 minutes, resume with the password', async ({ page, senUrl }) => {
  await page.clock.install();
  await openDemoFacility(page, senUrl);
  await page.locator('tbody tr').first().click();
  const name = await page.getByTestId('trainee-name').textContent();

  await page.clock.fastForward('09:00');
  await expect(page.getByTestId('trainee-name')).toBeVisible();
  await page.clock.fastForward('01:10');
  await expect(page.getByText('Màn hình đã khóa')).toBeVisible();
  await expect(page.getByTestId('trainee-name')).toHaveCount(0);
  await shootBoth(page, 'lock');

  await page.getByLabel('Mật khẩu').fill('wrong password');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByTestId('error-alert')).toContainText('Sai tên đăng nhập hoặc mật khẩu');
  await page.getByLabel('Mật khẩu').fill('demo-sen-2026');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByTestId('trainee-name')).toHaveText(name ?? '');
});
