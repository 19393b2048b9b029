/**
 * "Open a demo facility" end to end, against a fresh preview host: the first-run screen offers it,
 * the core generates a made-up history through its own commands, the sign-in screen shows the demo
 * account, and the roster fills with the sample trainees. Photographed in Vietnamese and English.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SHOTS = join(import.meta.dirname, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const VIEWPORT = { width: 1366, height: 800 };
test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });

async function switchLanguage(page: Page, lang: 'vi' | 'en') {
  await page.getByTestId('language-switch').getByText(lang.toUpperCase(), { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Picture of the screen (full height unless `firstScreen`), in both languages, ending in Vietnamese. */
async function shootBoth(page: Page, screen: string, firstScreen = false) {
  for (const lang of ['vi', 'en'] as const) {
    await switchLanguage(page, lang);
    const closers = page.locator('.mantine-Notification-closeButton');
    for (const closer of await closers.all()) await closer.click().catch(() => undefined);
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
    // This file is type-checked without the DOM library: describe the little of it used here.
    const height = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight);
    if (!firstScreen) await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height) });
    await page.screenshot({ path: join(SHOTS, `${screen}-${lang}.png`), animations: 'disabled' });
    await page.setViewportSize(VIEWPORT);
  }
  await switchLanguage(page, 'vi');
}

test('open a demo facility from the first-run screen, sign in with the shown account, see the roster', async ({ page, senUrl }) => {
  await page.goto(senUrl);
  const demoButton = page.getByRole('button', { name: 'Mở cơ sở mẫu (dữ liệu thử)' });
  await expect(demoButton).toBeVisible();
  await shootBoth(page, 'setup-demo');

  await demoButton.click();
  await expect(page.getByTestId('demo-progress')).toBeVisible();
  const credentials = page.getByTestId('demo-credentials');
  await expect(credentials).toBeVisible({ timeout: 90_000 });
  await expect(credentials).toContainText('demo-sen-2026');
  await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('admin');
  await shootBoth(page, 'signin-demo');

  await page.getByLabel('Mật khẩu').fill('demo-sen-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('header-user')).toContainText('Trần Quốc Khánh');
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(90);
  // A hundred rows and more: the first screenful is what a person sees.
  await shootBoth(page, 'roster-demo', true);
});
