/**
 * Labor therapy end to end, against a fresh preview host: the admin creates an instructor through
 * the Accounts screen; five trainees are admitted through the bridge. The instructor signs in for
 * the first time and, through the screens: opens a workshop → assigns four trainees with the
 * diacritics-blind picker → (last week's sheets through the bridge, so there is a history) →
 * today's sheet from the keyboard, a bad row refused by name, then saved once → the first screen
 * shows the sheet recorded and the output → totals and the chart. Screens are photographed in
 * Vietnamese and English (tests/e2e/screenshots/labor-*).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { day, HOST_TIME_ZONE, invokeOk, setUpAndSignInAdmin, shootBoth, signInFirstTime, signOut, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: HOST_TIME_ZONE, actionTimeout: 15_000 });

const INSTRUCTOR = { username: 'huongdan', fullName: 'Đinh Văn Hướng', temporary: 'tam-thoi-huong-2026', chosen: 'mat-khau-cua-huong-dan' };

const TRAINEES = [
  { fullName: 'Hoàng Văn Hải', fileNumber: 'HS-2026-301' },
  { fullName: 'Đỗ Minh Tuấn', fileNumber: 'HS-2026-302' },
  { fullName: 'Lò Văn Sơn', fileNumber: 'HS-2026-303' },
  { fullName: 'Vi Văn Long', fileNumber: 'HS-2026-304' },
  { fullName: 'Giàng A Sử', fileNumber: 'HS-2026-305' },
] as const;

function admission(t: { fullName: string; fileNumber: string }) {
  return {
    ...t,
    sex: 'male',
    dateOfBirth: '1991-05-20',
    substances: ['methamphetamine'],
    idNumber: '',
    homeAddress: 'Xã Mường Phăng, TP Điện Biên Phủ',
    admissionType: 'compulsory',
    decisionNumber: '45/2026/QĐ-TA',
    admissionDate: day(-120).iso,
    plannedReleaseDate: day(600).iso,
    educationLevel: 'primary',
    familyContact: { name: 'Lò Thị Mai', relationship: 'Vợ', phone: '0987 654 321' },
  };
}

async function laborTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** Close every notification, queued ones too (Mantine shows a few at a time). */
async function clearNotifications(page: Page) {
  const closers = page.locator('.mantine-Notification-closeButton');
  for (let i = 0; i < 10 && (await closers.count()) > 0; i++) {
    for (const closer of await closers.all()) await closer.click().catch(() => undefined);
    await page.waitForTimeout(300);
  }
}

async function assign(page: Page, search: string, fullName: string) {
  await page.getByTestId('assign-trainee').fill(search);
  await page.getByRole('option', { name: new RegExp(fullName) }).click();
  await page.getByTestId('assign-submit').click();
  await expect(page.getByTestId('workshop-roster')).toContainText(fullName);
}

test('an instructor opens a workshop, assigns trainees, keeps the daily sheet and reads the totals', async ({ page, senUrl }) => {
  test.setTimeout(150_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // The admin's header (every area's button) is wider than 1366 px since the training areas joined it.
  await page.setViewportSize({ width: 1700, height: VIEWPORT.height });
  await setUpAndSignInAdmin(page, senUrl);
  const ids: string[] = [];
  for (const t of TRAINEES) ids.push((await invokeOk<{ traineeId: string }>(page, 'trainees.admit', admission(t))).traineeId);

  // The admin creates the instructor's account on the Accounts screen.
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).click();
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Họ tên').fill(INSTRUCTOR.fullName);
  await dialog.getByLabel('Tên đăng nhập').fill(INSTRUCTOR.username);
  await dialog.getByLabel('Hướng dẫn lao động').check();
  await dialog.getByRole('textbox', { name: 'Mật khẩu ban đầu' }).fill(INSTRUCTOR.temporary);
  await dialog.getByRole('textbox', { name: 'Nhập lại mật khẩu' }).fill(INSTRUCTOR.temporary);
  await dialog.getByRole('textbox', { name: 'Nhập lại mật khẩu' }).press('Enter');
  await expect(page.getByTestId(`account-${INSTRUCTOR.username}`)).toContainText('Hướng dẫn lao động');
  await signOut(page);
  await page.setViewportSize(VIEWPORT);

  // The instructor starts on their workshops: none yet. They open one.
  await signInFirstTime(page, INSTRUCTOR.username, INSTRUCTOR.temporary, INSTRUCTOR.chosen);
  await expect(page.getByRole('heading', { name: 'Lao động trị liệu', exact: true })).toBeVisible();
  await expect(page.getByText('Chưa có xưởng nào.')).toBeVisible();
  await page.getByTestId('workshop-open').click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Tên xưởng').fill('Xưởng dệt chiếu');
  await form.getByLabel('Sản phẩm').fill('Chiếu cói');
  await form.getByLabel('Đơn vị sản lượng').fill('chiếc chiếu');
  await form.getByLabel('Xưởng có dùng dao, kéo hoặc dụng cụ sắc').check();
  await expect(form.getByTestId('workshop-instructor')).toHaveValue(INSTRUCTOR.fullName);
  await form.getByTestId('workshop-save').click();
  await expect(form).toHaveCount(0);

  // The workshop's page: four trainees, found without typing the accents, from ten days ago.
  await expect(page.getByRole('heading', { name: 'Xưởng dệt chiếu' })).toBeVisible();
  const from = page.getByTestId('assign-date');
  await from.fill(day(-10).shown);
  await from.press('Enter');
  await assign(page, 'hoang van hai', 'Hoàng Văn Hải');
  await assign(page, 'do minh tuan', 'Đỗ Minh Tuấn');
  await assign(page, 'lo van son', 'Lò Văn Sơn');
  await assign(page, '304', 'Vi Văn Long');
  await expect(page.getByTestId('roster-row')).toHaveCount(4);
  await clearNotifications(page);
  await shootBoth(page, 'labor-workshop');

  // Last week's sheets, as the instructor, through the bridge: a history for the totals.
  const workshops = await invokeOk<{ workshopId: string }[]>(page, 'labor.workshops.list', {});
  const workshopId = workshops[0]!.workshopId;
  for (let d = -9; d <= -1; d++) {
    const date = day(d).iso;
    if (new Date(`${date}T00:00:00Z`).getUTCDay() === 0) continue;
    const rows = ids.slice(0, 4).map((traineeId, i) => ({ traineeId, present: true, hours: 5, output: 1 + ((i + d + 20) % 3), quality: '', absence: null, absenceNote: '' }));
    await invokeOk(page, 'labor.sheet.record', { workshopId, date, rows });
  }

  // Today's sheet from the keyboard (the roster in name order: Hải, Long, Sơn, Tuấn): outputs down
  // the column, one sick, a bad row first.
  await laborTab(page, 'Bảng công hôm nay');
  const rows = page.getByTestId('sheet-row');
  await expect(rows).toHaveCount(4);
  await rows.nth(0).getByTestId('sheet-output').click();
  await page.keyboard.type('2');
  for (const n of ['1', '3']) {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type(n);
  }
  await rows.nth(3).getByTestId('sheet-status-button').focus();
  await page.keyboard.press('o');
  await expect(rows.nth(3).getByTestId('sheet-status')).toHaveText('Vắng: Ốm');
  await rows.nth(3).getByTestId('sheet-note').fill('Sốt nhẹ, nghỉ tại phòng');
  await rows.nth(1).getByTestId('sheet-hours').fill('13');
  await rows.nth(2).getByTestId('sheet-note').fill('Mép chiếu gọn');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('sheet-issue')).toHaveText('Dòng 2 – Vi Văn Long: Quá 12 giờ lao động trong một ngày');
  await shootBoth(page, 'labor-sheet-refused');
  await rows.nth(1).getByTestId('sheet-hours').fill('6');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('sheet-save')).toHaveText('Đã ghi đủ');
  await expect(rows.nth(3).getByTestId('sheet-status')).toHaveText('Vắng: Ốm');
  await expect(page.getByTestId('sheet-issue')).toHaveCount(0);
  await shootBoth(page, 'labor-sheet');

  // The first screen: today's sheet recorded, output this week and month.
  await laborTab(page, 'Xưởng của tôi');
  const card = page.getByTestId('workshop-card');
  await expect(card.getByTestId('workshop-sheet-status')).toHaveText('Bảng công hôm nay: Đã ghi 4/4');
  await shootBoth(page, 'labor-workshops');

  // Totals and the chart.
  await laborTab(page, 'Sản lượng');
  await expect(page.getByTestId('output-total')).toContainText('chiếc chiếu');
  await expect(page.getByTestId('output-chart')).toBeVisible();
  await page.getByText('Theo ngày').click();
  await expect(page.getByTestId('output-bar')).not.toHaveCount(0);
  await expect(page.getByTestId('output-trainees').locator('tbody tr')).toHaveCount(4);
  await shootBoth(page, 'labor-output', { fullHeight: true });

  expect(pageErrors).toEqual([]);
});
