import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export const SHOTS = join(import.meta.dirname, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

export const VIEWPORT = { width: 1366, height: 800 };

export async function switchLanguage(page: Page, lang: 'vi' | 'en') {
  await page.getByTestId('language-switch').getByText(lang.toUpperCase(), { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/**
 * The screen in both languages, without transient notifications, ending in Vietnamese: the first
 * screenful, or the whole page height with `fullHeight`.
 */
export async function shootBoth(page: Page, screen: string, { fullHeight = false } = {}) {
  for (const lang of ['vi', 'en'] as const) {
    await switchLanguage(page, lang);
    const closers = page.locator('.mantine-Notification-closeButton');
    for (const closer of await closers.all()) await closer.click().catch(() => undefined);
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
    if (fullHeight) {
      // Type-checked without the DOM library: describe the little of it used here.
      const height = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight);
      await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height) });
    }
    await page.screenshot({ path: join(SHOTS, `${screen}-${lang}.png`), animations: 'disabled' });
    await page.setViewportSize(VIEWPORT);
  }
  await switchLanguage(page, 'vi');
}

/** A demo facility (sample history), signed in as its administrator. */
export async function openDemoFacility(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Mở cơ sở mẫu (dữ liệu thử)' }).click();
  await expect(page.getByTestId('demo-credentials')).toBeVisible({ timeout: 180_000 });
  await page.getByLabel('Mật khẩu').fill('demo-sen-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('tbody tr').first()).toBeVisible();
}
