/**
 * Reintegration counselling end to end, against a fresh preview host: the admin creates a teacher
 * and admits three trainees — 20 days from planned release, exactly 90 days (the default N) and 91
 * days. The teacher signs in for the first time, opens Tái hòa nhập: the two due trainees are
 * listed, not yet counselled; with the keyboard she opens the nearest one, records a session with
 * a follow-up (a follow-up before the session is refused on screen first), and the list updates.
 * Screens are photographed in Vietnamese and English (tests/e2e/screenshots/reintegration-*).
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { day, dismissNotifications, HOST_TIME_ZONE, invokeOk, setUpAndSignInAdmin, shootBoth, SHOTS, switchLanguage, signInFirstTime, signOut, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: HOST_TIME_ZONE, actionTimeout: 15_000 });

const TEACHER = { username: 'giaovien', fullName: 'Nguyễn Thị Thu Trang', temporary: 'tam-thoi-gv-2026', chosen: 'mat-khau-cua-giao-vien' };

const TRAINEES = {
  near: { fullName: 'Lò Văn Thoan', fileNumber: 'HS-2025-301', release: 20 },
  edge: { fullName: 'Đặng Văn Chiến', fileNumber: 'HS-2025-302', release: 90 },
  beyond: { fullName: 'Cầm Ngọc Inh', fileNumber: 'HS-2025-303', release: 91 },
} as const;

function admission(t: { fullName: string; fileNumber: string; release: number }) {
  return {
    fullName: t.fullName,
    fileNumber: t.fileNumber,
    sex: 'male',
    dateOfBirth: '1991-07-02',
    substances: ['methamphetamine'],
    idNumber: '',
    homeAddress: 'Xã Chiềng Cơi, TP Sơn La',
    admissionType: 'compulsory',
    decisionNumber: '12/2025/QĐ-TA',
    admissionDate: day(-300).iso,
    plannedReleaseDate: day(t.release).iso,
    educationLevel: 'primary',
    familyContact: { name: 'Lò Thị Xuân', relationship: 'Vợ', phone: '0912 111 222' },
  };
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

test('a teacher sees who is near release, records a counselling session from the keyboard, and the list updates', async ({ page, senUrl }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await setUpAndSignInAdmin(page, senUrl);
  await invokeOk(page, 'accounts.create', { fullName: TEACHER.fullName, username: TEACHER.username, roles: ['teacher'], password: TEACHER.temporary, passwordConfirm: TEACHER.temporary });
  for (const t of Object.values(TRAINEES)) await invokeOk(page, 'trainees.admit', admission(t));

  // The admin reads the list and may change N; records nothing.
  await nav(page, 'Tái hòa nhập').click();
  await expect(page.getByTestId('due-row')).toHaveCount(2);
  await expect(page.getByTestId('reintegration-settings')).toBeVisible();
  // The admin's header holds every section (eight with Reports) and the controls at 1366×768, in both languages.
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const lang of ['vi', 'en'] as const) {
    await switchLanguage(page, lang);
    await expect(page.getByRole('navigation').getByRole('button')).toHaveCount(8);
    const signOutBox = await page.getByRole('button', { name: lang === 'vi' ? 'Đăng xuất' : 'Sign out' }).boundingBox();
    expect(signOutBox!.x + signOutBox!.width).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: join(SHOTS, `header-admin-${lang}.png`), clip: { x: 0, y: 0, width: 1366, height: 120 } });
  }
  await switchLanguage(page, 'vi');
  await page.setViewportSize(VIEWPORT);
  await signOut(page);

  await signInFirstTime(page, TEACHER.username, TEACHER.temporary, TEACHER.chosen);
  await expect(page.getByTestId('header-user')).toHaveText(TEACHER.fullName);
  await nav(page, 'Tái hòa nhập').click();
  await expect(page.getByRole('heading', { name: 'Học viên cần tư vấn' })).toBeVisible();
  const rows = page.getByTestId('due-row');
  // Exactly 90 days is due, 91 is not; nearest release first; both not yet counselled.
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(TRAINEES.near.fullName);
  await expect(rows.nth(1)).toContainText(TRAINEES.edge.fullName);
  await expect(rows.nth(1)).toContainText('90');
  await expect(page.getByText(TRAINEES.beyond.fullName)).toHaveCount(0);
  await expect(page.getByTestId('due-summary')).toHaveText('2 học viên · 2 chưa được tư vấn · 0 quá hẹn tư vấn tiếp');
  await shootBoth(page, 'reintegration-due');

  // Arrow down and back up, Enter: the form, its first field focused.
  await rows.nth(0).focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  const form = page.getByTestId('session-form');
  await expect(form.getByLabel('Nội dung tư vấn')).toBeFocused();
  await form.getByLabel('Nội dung tư vấn').selectOption('job_referral');
  await form.getByLabel('Vấn đề đã trao đổi').fill('Việc làm tại hợp tác xã mây tre đan sau khi ra');
  await form.getByLabel('Ghi chú').fill('Học viên muốn làm nghề đan lát đã học tại xưởng');
  await form.getByLabel('Kết quả').selectOption('needs_follow_up');
  await form.getByLabel(/Giới thiệu đến/).fill('Hợp tác xã mây tre đan Chiềng Cơi');
  // A follow-up before the session: refused on screen, nothing recorded.
  await form.getByLabel('Ngày hẹn tư vấn tiếp').fill(day(-1).shown);
  await form.getByLabel('Ngày hẹn tư vấn tiếp').press('Control+Enter');
  await expect(form.getByText('Ngày hẹn không được trước ngày tư vấn')).toBeVisible();
  await expect(page.getByTestId('session-list')).toHaveCount(0);

  await form.getByLabel('Ngày hẹn tư vấn tiếp').fill(day(14).shown);
  await form.getByLabel('Ngày hẹn tư vấn tiếp').press('Control+Enter');
  await expect(page.getByText(`Đã ghi buổi tư vấn cho ${TRAINEES.near.fullName}`)).toBeVisible();

  // The list updates: the one still not counselled comes first; the session is listed.
  await expect(page.getByTestId('due-summary')).toHaveText('2 học viên · 1 chưa được tư vấn · 0 quá hẹn tư vấn tiếp');
  await expect(rows.nth(0)).toContainText(TRAINEES.edge.fullName);
  await expect(rows.nth(1)).toContainText('Giới thiệu việc làm 1');
  await expect(rows.nth(1)).toContainText(day(14).shown);
  await expect(rows.nth(1)).toContainText('Đã hẹn');
  const item = page.getByTestId('session-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Giới thiệu đến: Hợp tác xã mây tre đan Chiềng Cơi');
  await expect(item).toContainText(`Người tư vấn: ${TEACHER.fullName}`);
  await dismissNotifications(page);
  await shootBoth(page, 'reintegration-session', { fullHeight: true });

  // The session is in the trainee's timeline.
  await nav(page, 'Học viên').click();
  await page.getByRole('row', { name: new RegExp(TRAINEES.near.fullName) }).click();
  await expect(page.getByTestId('timeline-counselling')).toContainText('Tư vấn giới thiệu việc làm ngày');
  expect(pageErrors).toEqual([]);
});
