/**
 * The header at 1366×768 for the person who sees the most: every role (nine sections; one role badge and "+4"), in Vietnamese and English. Nothing may be cut off: the
 * controls end inside the window and no button's or badge's label is clipped. Screenshots: header-allroles-*.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { invokeOk, setUpAndSignInAdmin, SHOTS, switchLanguage } from './helpers';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });

test('the header fits every section and control at 1366 px in vi and en', async ({ page, senUrl }) => {
  await setUpAndSignInAdmin(page, senUrl);
  const me = (await invokeOk<{ id: string; username: string }[]>(page, 'accounts.list', {})).find((a) => a.username === 'quantri')!;
  await invokeOk(page, 'accounts.setRoles', { userId: me.id, roles: ['admin', 'medical', 'duty', 'teacher', 'instructor'] });
  await page.reload();
  for (const lang of ['vi', 'en'] as const) {
    await switchLanguage(page, lang);
    await expect(page.getByRole('navigation').getByRole('button')).toHaveCount(9);
    const signOut = page.getByRole('button', { name: lang === 'vi' ? 'Đăng xuất' : 'Sign out' });
    const box = (await signOut.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    // Type-checked without the DOM library: describe the little of it used here.
    const clipped = await page
      .locator('header .mantine-Button-label, header .mantine-Badge-label')
      .evaluateAll((els) => (els as unknown as { scrollWidth: number; clientWidth: number; textContent: string }[]).filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(clipped).toEqual([]);
    // The person's name and role badges start right of the menu's last button (they once spilled over it).
    const lastNav = (await page.getByRole('navigation').getByRole('button').last().boundingBox())!;
    const firstBadge = (await page.getByTestId('header-role').boundingBox())!;
    expect(firstBadge.x).toBeGreaterThanOrEqual(lastNav.x + lastNav.width);
    await expect(page.getByTestId('header-more-roles')).toHaveText('+4');
    await page.screenshot({ path: join(SHOTS, `header-allroles-${lang}.png`), clip: { x: 0, y: 0, width: 1366, height: 120 } });
  }
});
