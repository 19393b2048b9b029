/**
 * The literacy teacher's workflow end to end, against a fresh preview host: the admin creates the
 * teacher's account through the Accounts screen; eleven trainees are admitted through the bridge.
 * The teacher signs in for the first time (forced password change), lands on their classes, and
 * through the screens: opens a class that meets today → enrols ten trainees from the picker (names
 * typed without diacritics) → takes today's attendance from the keyboard with two absences, saved
 * once → the class list says today's sheet is taken, and the class page shows the rates.
 * Screens are photographed in Vietnamese and English (tests/e2e/screenshots/classes-*).
 */
import type { Page } from '@playwright/test';
import { foldForSearch } from '../../shared/text';
import { expect, test } from './fixtures';
import { day, HOST_TIME_ZONE, invokeOk, setUpAndSignInAdmin, shootBoth, signInFirstTime, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: HOST_TIME_ZONE, actionTimeout: 15_000 });

const TEACHER = { username: 'giaovien', fullName: 'Nguyễn Thị Thu Hà', temporary: 'tam-thoi-giao-2026', chosen: 'mat-khau-cua-giao-vien' };

const NAMES = [
  'Lò Văn Páo',
  'Vàng A Dế',
  'Giàng A Sử',
  'Hoàng Văn Hải',
  'Đỗ Minh Tuấn',
  'Lường Văn Thắng',
  'Sùng A Chứ',
  'Quàng Văn Đức',
  'Mùa A Lử',
  'Tòng Văn Ọn',
  'Cầm Văn Khánh',
];

function admission(fullName: string, i: number) {
  return {
    fullName,
    fileNumber: `HS-2026-3${String(i).padStart(2, '0')}`,
    sex: 'male',
    dateOfBirth: '1991-05-20',
    substances: ['heroin'],
    idNumber: '',
    homeAddress: 'Xã Chiềng Cơi, TP Sơn La',
    admissionType: 'compulsory',
    decisionNumber: '42/2026/QĐ-TA',
    admissionDate: day(-60).iso,
    plannedReleaseDate: day(660).iso,
    educationLevel: i % 2 === 0 ? 'none' : 'primary_incomplete',
    familyContact: { name: 'Lò Thị Mai', relationship: 'Vợ', phone: '0912 345 678' },
  };
}

/** Today's weekday as the schedule's checkboxes label it (T2 … CN). */
function todayWeekdayLabel(): string {
  return ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'][new Date().getDay()]!;
}

async function dismissNotifications(page: Page) {
  const closers = page.locator('.mantine-Notification-closeButton');
  for (const c of await closers.all()) await c.click().catch(() => undefined);
}

test('a teacher opens a class, enrols ten, takes attendance with two absences and sees the rates', async ({ page, senUrl }) => {
  test.setTimeout(150_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await setUpAndSignInAdmin(page, senUrl);
  for (const [i, name] of NAMES.entries()) await invokeOk(page, 'trainees.admit', admission(name, i));

  // The admin creates the teacher's account through the Accounts screen.
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).click();
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Họ tên').fill(TEACHER.fullName);
  await dialog.getByLabel('Tên đăng nhập').fill(TEACHER.username);
  await dialog.getByLabel('Giáo viên').check();
  await dialog.getByRole('textbox', { name: 'Mật khẩu ban đầu' }).fill(TEACHER.temporary);
  await dialog.getByRole('textbox', { name: 'Nhập lại mật khẩu' }).fill(TEACHER.temporary);
  await dialog.getByRole('textbox', { name: 'Nhập lại mật khẩu' }).press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId(`account-${TEACHER.username}`)).toContainText('Giáo viên');
  // The admin's header now holds more buttons than 1366 px show (Sign out falls off the right
  // edge, on main too): the button is clicked where it is.
  await page.getByRole('button', { name: 'Đăng xuất' }).dispatchEvent('click');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();

  // The teacher's first sign-in: they start on their classes (none yet).
  await signInFirstTime(page, TEACHER.username, TEACHER.temporary, TEACHER.chosen).catch(() => undefined);
  // (Choosing the password hashes it twice on a busy machine: give it time.)
  await expect(page.getByTestId('header-user')).toHaveText(TEACHER.fullName, { timeout: 30_000 });
  await expect(page.getByRole('tab', { name: 'Lớp của tôi' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Chưa có lớp nào.')).toBeVisible();

  // Open a class that meets today.
  await page.getByTestId('open-class').click();
  const form = page.getByTestId('open-class-form');
  await form.getByLabel(/^Tên lớp/).fill('Xóa mù chữ giai đoạn 1 – khóa 3');
  await expect(form.getByLabel(/^Giáo viên/)).toHaveValue(/.+/);
  await form.getByLabel(/^Giai đoạn chương trình/).selectOption({ label: 'Giai đoạn 1 (lớp 1–3)' });
  await form.getByLabel(todayWeekdayLabel(), { exact: true }).check();
  await form.getByLabel(/^Phòng học/).fill('Phòng học số 1');
  await form.getByRole('button', { name: 'Mở lớp mới' }).click();
  await expect(page.getByTestId('class-title')).toHaveText('Xóa mù chữ giai đoạn 1 – khóa 3');

  // Enrol ten from the picker, typing the names without diacritics.
  const picker = page.getByTestId('enrol-trainees');
  for (const name of NAMES.slice(0, 10)) {
    await picker.fill(foldForSearch(name));
    await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  }
  await page.getByTestId('enrol-save').click();
  await expect(page.getByTestId('roster-row')).toHaveCount(10);
  await dismissNotifications(page);

  // Today's sheet, from the class page: the whole class on one screen, marked from the keyboard.
  await page.getByTestId('class-to-sheet').click();
  await expect(page.getByRole('tab', { name: 'Điểm danh hôm nay' })).toHaveAttribute('aria-selected', 'true');
  const rows = page.getByTestId('sheet-row');
  await expect(rows).toHaveCount(10);
  await rows.first().focus();
  // C: present (and on to the next); 1: absent, sick; 3: absent, excused.
  await page.keyboard.type('cc1ccc3ccc');
  await expect(page.getByTestId('sheet-progress')).toHaveText('8 có mặt · 2 vắng · 0 chưa đánh dấu');
  await rows.nth(6).getByTestId('sheet-note').fill('Gặp gia đình');
  await shootBoth(page, 'classes-sheet', { fullHeight: true });
  await rows.first().focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Đã lưu điểm danh của 10 học viên.')).toBeVisible();
  await expect(page.getByTestId('sheet-taken')).toBeVisible();

  // My classes: today's sheet is taken; 8 of 10 present.
  await page.getByRole('tab', { name: 'Lớp của tôi' }).click();
  const row = page.getByTestId('class-row');
  await expect(row.getByTestId('class-today')).toHaveText('Đã điểm danh');
  await expect(row.getByTestId('class-enrolled')).toHaveText('10');
  await expect(row).toContainText('80%');
  await dismissNotifications(page);
  await shootBoth(page, 'classes-list');

  // The class page: one session held, 80% for the class, 0% for the two absent.
  await row.getByTestId('class-row-open').click();
  await expect(page.getByTestId('class-sessions-held')).toHaveText('1');
  await expect(page.getByTestId('class-rate')).toHaveText('80%');
  await expect(page.getByTestId('roster-rate').filter({ hasText: /^0%$/ })).toHaveCount(2);
  await expect(page.getByTestId('roster-rate').filter({ hasText: /^100%$/ })).toHaveCount(8);
  await expect(page.getByTestId('class-sessions')).toContainText(day(0).shown);
  await shootBoth(page, 'classes-class', { fullHeight: true });

  // Lò Văn Páo's timeline: joined the class, absent (excused) today, with the note.
  await page.getByRole('navigation').getByRole('button', { name: 'Học viên', exact: true }).click();
  await page.locator('tbody tr').filter({ hasText: 'Lò Văn Páo' }).click();
  await expect(page.getByTestId('trainee-name')).toBeVisible();
  const entries = page.getByTestId('timeline-classes');
  await expect(entries.filter({ hasText: `Vắng buổi học lớp Xóa mù chữ giai đoạn 1 – khóa 3 ngày ${day(0).shown}: Có phép — Gặp gia đình` })).toHaveCount(1);
  await expect(entries.filter({ hasText: `Vào lớp Xóa mù chữ giai đoạn 1 – khóa 3 ngày ${day(0).shown}` })).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});
