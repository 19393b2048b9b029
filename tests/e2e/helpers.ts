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

/**
 * Close every notification, including those Mantine queues behind the visible ones (several
 * placements in a row queue more than it shows), so the screenshots show the screen itself.
 */
export async function dismissNotifications(page: Page) {
  const closers = page.locator('.mantine-Notification-closeButton');
  await expect(async () => {
    for (const closer of await closers.all()) await closer.click({ timeout: 1_000 }).catch(() => undefined);
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
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

/**
 * The facility's time zone for a spec: the one the preview host runs in (it inherits this
 * process's environment), so the browser's "today" is the core's "today" at any hour, as in the
 * desktop app where both share the machine's clock.
 */
export const HOST_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A day relative to today (in HOST_TIME_ZONE): ISO yyyy-MM-dd and as typed on screen, dd/MM/yyyy. */
export function day(offsetDays: number): { iso: string; shown: string } {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const p = (n: number) => String(n).padStart(2, '0');
  return { iso: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`, shown: `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}` };
}

/** An instant relative to now (in HOST_TIME_ZONE), as the date and time fields take it. */
export function minutesFromNow(offsetMinutes: number): { date: string; time: string } {
  const d = new Date(Date.now() + offsetMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return { date: `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`, time: `${p(d.getHours())}:${p(d.getMinutes())}` };
}

/** The bridge's answer, as the page receives it. */
export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message?: string; issues?: { path: string; code: string }[] } };

/** A call through the page's bridge (window.sen), as the signed-in person of this page. */
export async function invoke(page: Page, name: string, input: unknown): Promise<BridgeResult> {
  return page.evaluate(
    ([n, i]) => (globalThis as unknown as { sen: { invoke(name: string, input: unknown): Promise<BridgeResult> } }).sen.invoke(n as string, i),
    [name, input] as const,
  );
}

/** Like `invoke`, for set-up steps that must succeed: their value, or the test fails with the error. */
export async function invokeOk<T = unknown>(page: Page, name: string, input: unknown): Promise<T> {
  const result = await invoke(page, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export const FACILITY = 'Cơ sở cai nghiện ma túy tỉnh Sơn La';
export const ADMIN = { username: 'quantri', fullName: 'Trần Văn Quản', password: 'mat-khau-rat-dai' };

/** First-run set-up of a fresh facility through its screen, then the administrator signs in. */
export async function setUpAndSignInAdmin(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
  await page.getByLabel('Tên cơ sở').fill(FACILITY);
  await page.getByLabel('Họ và tên người quản trị').fill(ADMIN.fullName);
  await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(ADMIN.password);
  await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN.password);
  await page.getByLabel('Nhập lại mật khẩu').press('Enter');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('header-user')).toHaveText(ADMIN.fullName);
}

/** Sign in on the sign-in screen (whatever comes next: the shell or the forced password change). */
export async function signIn(page: Page, username: string, password: string) {
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
}

/** First sign-in with a temporary password: choose the new one on the forced-change screen. */
export async function signInFirstTime(page: Page, username: string, temporary: string, chosen: string) {
  await signIn(page, username, temporary);
  const forced = page.getByTestId('forced-password-change');
  await expect(forced).toBeVisible();
  await forced.getByLabel('Mật khẩu hiện tại').fill(temporary);
  await forced.getByLabel(/^Mật khẩu mới/).fill(chosen);
  await forced.getByLabel('Nhập lại mật khẩu mới').fill(chosen);
  await forced.getByLabel('Nhập lại mật khẩu mới').press('Enter');
  // Two scrypt runs at full cost (check the old password, hash the new): seconds on a busy machine.
  await expect(forced).toHaveCount(0, { timeout: 30_000 });
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
}

/**
 * Dispatch a Redux action to the running renderer's store, found through React's own fiber tree
 * (the Provider's `store` prop): the app exposes no global. Answers whether the store was found.
 */
export async function dispatchToStore(page: Page, action: { type: string; payload?: unknown }): Promise<boolean> {
  return page.evaluate((a) => {
    type Fiber = { memoizedProps?: { store?: { dispatch?: (x: unknown) => unknown; getState?: unknown } } | null; child: Fiber | null; sibling: Fiber | null };
    const doc = (globalThis as unknown as { document: { getElementById(id: string): Record<string, unknown> | null } }).document;
    const root = doc.getElementById('root');
    const key = root ? Object.keys(root).find((k) => k.startsWith('__reactContainer$')) : undefined;
    const stack: Fiber[] = key && root ? [root[key] as Fiber] : [];
    while (stack.length) {
      const f = stack.pop()!;
      const store = f.memoizedProps?.store;
      if (store && typeof store.dispatch === 'function' && typeof store.getState === 'function') {
        store.dispatch(a);
        return true;
      }
      if (f.child) stack.push(f.child);
      if (f.sibling) stack.push(f.sibling);
    }
    return false;
  }, action);
}
