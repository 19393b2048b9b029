/**
 * "Open a demo facility" end to end, against a fresh preview host: the first-run screen offers it,
 * the core generates a made-up history through its own commands, the sign-in screen shows the demo
 * account, and the roster fills with the sample trainees. Photographed in Vietnamese and English.
 */
import { expect, test } from './fixtures';
import { shootBoth, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });



test('open a demo facility from the first-run screen, sign in with the shown account, see the roster', async ({ page, senUrl }) => {
  await page.goto(senUrl);
  const demoButton = page.getByRole('button', { name: 'Mở cơ sở mẫu (dữ liệu thử)' });
  await expect(demoButton).toBeVisible();
  await shootBoth(page, 'setup-demo', { fullHeight: true });

  await demoButton.click();
  await expect(page.getByTestId('demo-progress')).toBeVisible();
  const credentials = page.getByTestId('demo-credentials');
  await expect(credentials).toBeVisible({ timeout: 90_000 });
  await expect(credentials).toContainText('demo-sen-2026');
  await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('admin');
  await shootBoth(page, 'signin-demo', { fullHeight: true });

  await page.getByLabel('Mật khẩu').fill('demo-sen-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('header-user')).toContainText('Trần Quốc Khánh');
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(90);
  // A hundred rows and more: the first screenful is what a person sees.
  await shootBoth(page, 'roster-demo');
});
