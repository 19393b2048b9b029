/**
 * "As of" a past date end to end: a demo facility (a made-up history recorded over past years),
 * the roster as it stood at the end of a day months ago, a trainee opened from it, the System
 * page's statistics as of that day, then back to today. Photographed in Vietnamese and English.
 */
import { expect, test } from './fixtures';
import { openDemoFacility, shootBoth, switchLanguage, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
test.setTimeout(240_000);



const p2 = (n: number) => String(n).padStart(2, '0');

test('the roster, a trainee and the statistics as of a past date; back to today', async ({ page, senUrl }) => {
  await openDemoFacility(page, senUrl);
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
