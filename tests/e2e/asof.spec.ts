/**
 * "As of" a past date end to end: a demo facility (a made-up history recorded over past years),
 * the roster as it stood at the end of a day months ago, a trainee opened from it, the System
 * page's statistics as of that day, then back to today. Photographed in Vietnamese and English.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SHOTS = join(import.meta.dirname, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const VIEWPORT = { width: 1366, height: 800 };
test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
test.setTimeout(240_000);

async function switchLanguage(page: Page, lang: 'vi' | 'en') {
  await page.getByTestId('language-switch').getByText(lang.toUpperCase(), { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** First screenful in both languages, ending in Vietnamese. */
async function shootBoth(page: Page, screen: string) {
  for (const lang of ['vi', 'en'] as const) {
    await switchLanguage(page, lang);
    const closers = page.locator('.mantine-Notification-closeButton');
    for (const closer of await closers.all()) await closer.click().catch(() => undefined);
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
    await page.screenshot({ path: join(SHOTS, `${screen}-${lang}.png`), animations: 'disabled' });
  }
  await switchLanguage(page, 'vi');
}

const p2 = (n: number) => String(n).padStart(2, '0');

test('the roster, a trainee and the statistics as of a past date; back to today', async ({ page, senUrl }) => {
  await page.goto(senUrl);
  await page.getByRole('button', { name: 'Mở cơ sở mẫu (dữ liệu thử)' }).click();
  await expect(page.getByTestId('demo-credentials')).toBeVisible({ timeout: 180_000 });
  await page.getByLabel('Mật khẩu').fill('demo-sen-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  const inCareNow = Number(await page.getByTestId('count-in-care-value').textContent());
  await expect(page.getByRole('button', { name: 'Tiếp nhận học viên' })).toBeVisible();

  const past = new Date();
  past.setMonth(past.getMonth() - 9, 15);
  const shown = `${p2(past.getDate())}/${p2(past.getMonth() + 1)}/${past.getFullYear()}`;
  const field = page.getByLabel('Xem tính đến ngày');
  await field.fill(shown);
  await field.press('Enter');
  await expect(page.getByTestId('as-of-banner')).toHaveText(new RegExp(`Đang xem dữ liệu tính đến hết ngày ${shown}`));
  await expect(page.getByRole('button', { name: 'Tiếp nhận học viên' })).toHaveCount(0);
  await expect(page.getByTestId('count-in-care-value')).not.toHaveText(String(inCareNow));
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await shootBoth(page, 'roster-asof');
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('as-of-banner')).toContainText(`Showing the records as they stood at the end of ${shown}`);
  await switchLanguage(page, 'vi');

  // A trainee opened from this roster is shown as of the same day, without the actions.
  await page.locator('tbody tr').first().click();
  await expect(page.getByTestId('trainee-name')).toBeVisible();
  await expect(page.getByTestId('as-of-banner')).toContainText(shown);
  await expect(page.getByRole('button', { name: 'Đính chính thông tin' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Chấm dứt/Ra cơ sở' })).toHaveCount(0);
  await shootBoth(page, 'trainee-asof');

  // The System page keeps the date; its statistics are those of that day.
  await page.getByRole('button', { name: 'Hệ thống' }).click();
  await expect(page.getByTestId('as-of-banner')).toContainText(shown);
  await expect(page.getByTestId('total-events')).toBeVisible();
  const thenTotal = Number(await page.getByTestId('total-events').textContent());
  await page.getByRole('button', { name: 'Hôm nay' }).click();
  await expect(page.getByTestId('as-of-banner')).toHaveCount(0);
  await expect(page.getByTestId('total-events')).not.toHaveText(String(thenTotal));
  expect(Number(await page.getByTestId('total-events').textContent())).toBeGreaterThan(thenTotal);

  await page.getByRole('button', { name: 'Học viên' }).click();
  await expect(page.getByTestId('count-in-care-value')).toHaveText(String(inCareNow));
  await expect(page.getByRole('button', { name: 'Tiếp nhận học viên' })).toBeVisible();
});
