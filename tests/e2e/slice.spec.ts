/**
 * The first vertical slice end to end, against a fresh preview host (core in Node + built
 * renderer): set-up → sign in → admit three → diacritics-blind search → correct with a reason →
 * the timeline shows it → release one → the in-care count drops → system check → sign out.
 * Each screen is also photographed in Vietnamese and English (tests/e2e/screenshots/).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SHOTS = join(import.meta.dirname, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

async function switchLanguage(page: Page, lang: 'vi' | 'en') {
  await page.getByTestId('language-switch').getByText(lang.toUpperCase(), { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

const VIEWPORT = { width: 1366, height: 800 };
test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });

/** Full-height picture of the screen (and of an open dialog), without transient notifications. */
async function shoot(page: Page, name: string) {
  const closers = page.locator('.mantine-Notification-closeButton');
  for (const closer of await closers.all()) await closer.click().catch(() => undefined);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  // This file is type-checked without the DOM library: describe the little of it used here.
  type Box = { scrollHeight: number };
  type Doc = { documentElement: Box; querySelectorAll(selector: string): ArrayLike<Box> };
  const height = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: Doc }).document;
    const dialogs = Array.from(doc.querySelectorAll('.mantine-Modal-content')).map((e) => e.scrollHeight + 160);
    return Math.max(doc.documentElement.scrollHeight, ...dialogs);
  });
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height) });
  await page.screenshot({ path: join(SHOTS, name), animations: 'disabled' });
  await page.setViewportSize(VIEWPORT);
}

/**
 * Photograph the current screen in both languages, ending in Vietnamese. For a dialog, `open`
 * and `close` re-open it after each switch (the header is behind the dialog's overlay).
 */
async function shootBoth(page: Page, screen: string, dialog?: { open: () => Promise<void>; close: () => Promise<void> }) {
  for (const lang of ['vi', 'en'] as const) {
    if (dialog) await dialog.close();
    await switchLanguage(page, lang);
    if (dialog) await dialog.open();
    await shoot(page, `${screen}-${lang}.png`);
  }
  if (dialog) await dialog.close();
  await switchLanguage(page, 'vi');
  if (dialog) await dialog.open();
}

interface Trainee {
  fileNumber: string;
  fullName: string;
  sex: 'Nam' | 'Nữ';
  dateOfBirth: string;
  idNumber: string;
  homeAddress: string;
  type: 'Bắt buộc' | 'Tự nguyện';
  decisionNumber: string;
  admissionDate: string;
  plannedReleaseDate: string;
  education: string;
  substances: string[];
  contact: [string, string, string];
}

const TRAINEES: Trainee[] = [
  {
    fileNumber: 'HS-2025-001',
    fullName: 'Nguyễn Thị Hoà',
    sex: 'Nữ',
    dateOfBirth: '05/03/1995',
    idNumber: '014195001234',
    homeAddress: 'Bản Mòng, xã Hua La, TP Sơn La',
    type: 'Bắt buộc',
    decisionNumber: '123/QĐ-TA',
    admissionDate: '01/06/2025',
    plannedReleaseDate: '01/06/2027',
    education: 'lower_secondary',
    substances: ['Heroin', 'Ma túy đá (methamphetamine)'],
    contact: ['Nguyễn Văn Tám', 'Bố', '0912 345 678'],
  },
  {
    fileNumber: 'HS-2025-002',
    fullName: 'Lò Văn Bình',
    sex: 'Nam',
    dateOfBirth: '20/11/1988',
    idNumber: '',
    homeAddress: 'Xã Chiềng Cơi, TP Sơn La',
    type: 'Tự nguyện',
    decisionNumber: '',
    admissionDate: '15/07/2025',
    plannedReleaseDate: '15/01/2026',
    education: 'primary',
    substances: ['Heroin'],
    contact: ['Lò Thị Xuân', 'Vợ', '0987 654 321'],
  },
  {
    fileNumber: 'HS-2025-003',
    fullName: 'Trần Văn Cường',
    sex: 'Nam',
    dateOfBirth: '02/09/1990',
    idNumber: '014090005678',
    homeAddress: 'Phường Tô Hiệu, TP Sơn La',
    type: 'Bắt buộc',
    decisionNumber: '45/QĐ-TA',
    admissionDate: '03/08/2025',
    plannedReleaseDate: '03/08/2027',
    education: 'upper_secondary',
    substances: ['Ma túy đá (methamphetamine)', 'Thuốc lắc (MDMA)'],
    contact: ['', '', ''],
  },
];

async function fillTrainee(form: Locator, t: Trainee) {
  await form.getByLabel('Số hồ sơ').fill(t.fileNumber);
  await form.getByLabel('Họ và tên').fill(t.fullName);
  await form.getByRole('radio', { name: t.sex, exact: true }).check();
  await form.getByLabel('Ngày sinh').fill(t.dateOfBirth);
  await form.getByLabel('Số CCCD').fill(t.idNumber);
  await form.getByLabel('Địa chỉ thường trú').fill(t.homeAddress);
  await form.getByTestId('admissionType').getByText(t.type, { exact: true }).click();
  await form.getByLabel('Số quyết định').fill(t.decisionNumber);
  await form.getByLabel('Ngày tiếp nhận').fill(t.admissionDate);
  await form.getByLabel('Ngày dự kiến ra').fill(t.plannedReleaseDate);
  await form.getByLabel('Trình độ học vấn').selectOption(t.education);
  for (const s of t.substances) await form.getByRole('checkbox', { name: s, exact: true }).check();
  await form.getByLabel('Họ tên người thân').fill(t.contact[0]);
  await form.getByLabel('Quan hệ').fill(t.contact[1]);
  await form.getByLabel('Số điện thoại').fill(t.contact[2]);
}

async function goToRoster(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Học viên', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Danh sách học viên' })).toBeVisible();
}

async function openTrainee(page: Page, search: string, fullName: string) {
  await goToRoster(page);
  await page.getByLabel('Tìm kiếm').fill(search);
  const row = page.getByTestId('roster-row').filter({ hasText: fullName });
  await expect(page.getByTestId('roster-row')).toHaveCount(1);
  await row.click();
  await expect(page.getByTestId('trainee-name')).toHaveText(fullName);
}

test('first-run setup, admissions, search, correction, release, sign-out', async ({ page, senUrl }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await page.goto(senUrl);

  // First-run set-up.
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
  await expect(page.getByLabel('Tên cơ sở')).toBeFocused();
  await shootBoth(page, 'setup');
  await page.getByLabel('Tên cơ sở').fill('Cơ sở cai nghiện ma túy tỉnh Sơn La');
  await page.getByLabel('Họ và tên người quản trị').fill('Trần Văn Quản');
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill('mat-khau-rat-dai');
  await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-rat-dai');
  await page.getByLabel('Nhập lại mật khẩu').press('Enter');

  // Sign in: a wrong password first, then the right one.
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByTestId('error-alert')).toContainText('Sai tên đăng nhập hoặc mật khẩu.');
  await shootBoth(page, 'signin');
  await page.getByLabel('Mật khẩu').fill('mat-khau-rat-dai');
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByTestId('header-user')).toHaveText('Trần Văn Quản');
  await expect(page.getByTestId('header-facility')).toHaveText('Cơ sở cai nghiện ma túy tỉnh Sơn La');

  // Admit three trainees.
  for (const [i, t] of TRAINEES.entries()) {
    await page.getByRole('button', { name: 'Tiếp nhận học viên' }).click();
    const form = page.getByTestId('admit-form');
    await expect(form.getByLabel('Số hồ sơ')).toBeFocused();
    await fillTrainee(form, t);
    if (i === 0) await shootBoth(page, 'admit');
    await form.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expect(page.getByTestId('trainee-name')).toHaveText(t.fullName);
    await goToRoster(page);
  }
  await expect(page.getByTestId('count-in-care-value')).toHaveText('3');
  await expect(page.getByTestId('count-compulsory-value')).toHaveText('2');
  await expect(page.getByTestId('count-voluntary-value')).toHaveText('1');
  await expect(page.getByTestId('roster-row')).toHaveCount(3);
  await shootBoth(page, 'roster');

  // Search ignores diacritics and case.
  await page.getByLabel('Tìm kiếm').fill('nguyen thi hoa');
  await expect(page.getByTestId('roster-row')).toHaveCount(1);
  await expect(page.getByTestId('roster-row')).toContainText('Nguyễn Thị Hoà');

  // Correct a field with a reason; the timeline shows it.
  await page.getByTestId('roster-row').click();
  await expect(page.getByTestId('trainee-name')).toHaveText('Nguyễn Thị Hoà');
  const newAddress = 'Tổ 5, phường Chiềng Lề, TP Sơn La';
  const correctDialog = {
    close: async () => {
      if (await page.getByTestId('correct-form').isVisible()) {
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('correct-form')).toHaveCount(0);
      }
    },
  };
  await shootBoth(page, 'correct', {
    open: async () => {
      await page.getByRole('button', { name: /Đính chính thông tin|Correct details/ }).click();
      await expect(page.getByTestId('correct-form')).toBeVisible();
      const dialog = page.getByTestId('correct-form');
      await dialog.getByRole('textbox', { name: /Địa chỉ thường trú|Permanent address/ }).fill(newAddress);
      await dialog.getByRole('textbox', { name: /Lý do đính chính|Reason for the correction/ }).fill('Chuyển hộ khẩu theo CCCD mới');
    },
    close: correctDialog.close,
  });
  const correctForm = page.getByTestId('correct-form');
  await expect(correctForm.getByLabel('Địa chỉ thường trú')).toHaveValue(newAddress);
  await correctForm.getByRole('button', { name: 'Lưu đính chính' }).click();
  await expect(page.getByTestId('correct-form')).toHaveCount(0);
  await expect(page.getByTestId('detail-homeAddress')).toHaveText(newAddress);
  const correction = page.locator('[data-event-type="TraineeDetailsCorrected"]');
  await expect(correction.getByTestId('timeline-change')).toHaveText(`Địa chỉ thường trú: Bản Mòng, xã Hua La, TP Sơn La → ${newAddress}`);
  await expect(correction.getByTestId('timeline-reason')).toHaveText('Lý do: Chuyển hộ khẩu theo CCCD mới');
  await expect(correction).toContainText('Trần Văn Quản');
  await expect(page.getByTestId('timeline-entry').first()).toHaveAttribute('data-event-type', 'TraineeDetailsCorrected');
  await shootBoth(page, 'trainee');

  // Release one trainee; the in-care count drops.
  await openTrainee(page, 'lo van binh', 'Lò Văn Bình');
  const releaseDialog = {
    open: async () => {
      await page.getByRole('button', { name: /Chấm dứt\/Ra cơ sở|Release/ }).click();
      await expect(page.getByTestId('release-form')).toBeVisible();
      await page.getByTestId('release-form').getByRole('textbox', { name: /Ghi chú|Note/ }).fill('Hết thời hạn cai nghiện tự nguyện');
    },
    close: async () => {
      if (await page.getByTestId('release-form').isVisible()) {
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('release-form')).toHaveCount(0);
      }
    },
  };
  await shootBoth(page, 'release', releaseDialog);
  const releaseForm = page.getByTestId('release-form');
  await releaseForm.getByLabel('Hình thức').selectOption('completed');
  await releaseForm.getByRole('button', { name: 'Xác nhận ra cơ sở' }).click();
  await expect(page.getByTestId('release-form')).toHaveCount(0);
  await expect(page.getByTestId('status-badge')).toHaveText('Đã ra cơ sở');
  const released = page.locator('[data-event-type="TraineeReleased"]');
  await expect(released).toContainText('Chấp hành xong');
  await expect(page.getByRole('button', { name: 'Đính chính thông tin', exact: true })).toHaveCount(0);

  await goToRoster(page);
  await page.getByLabel('Tìm kiếm').fill('');
  await expect(page.getByTestId('count-in-care-value')).toHaveText('2');
  await expect(page.getByTestId('count-released-value')).toHaveText('1');
  await expect(page.getByTestId('roster-row')).toHaveCount(2);

  // System page: statistics and a full chain verification.
  await page.getByRole('navigation').getByRole('button', { name: 'Hệ thống' }).click();
  await expect(page.getByTestId('events-by-type')).toContainText('Tiếp nhận học viên');
  await page.getByRole('button', { name: 'Kiểm tra chuỗi' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('Chuỗi dữ liệu toàn vẹn');
  await shootBoth(page, 'system');

  // Sign out.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
