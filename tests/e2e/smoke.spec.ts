import { expect, test } from './fixtures';

test('the preview serves Sen and the app renders its first screen', async ({ page, senUrl }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    // frame-ancestors in a <meta> CSP is ignored by design; the host sends it as a header too.
    if (m.type() === 'error' && !m.text().includes("'frame-ancestors' is ignored")) problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(senUrl);
  await expect(page).toHaveTitle(/Sen/);
  await expect(page.locator('#root')).not.toBeEmpty();
  // The token left the address bar for sessionStorage, and the bridge answers.
  expect(new URL(page.url()).searchParams.get('token')).toBeNull();
  const status = await page.evaluate(() => (globalThis as unknown as { sen: { invoke(n: string, i: unknown): Promise<unknown> } }).sen.invoke('system.status', {}));
  expect(status).toMatchObject({ ok: true, value: { setUp: false } });
  expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
});
