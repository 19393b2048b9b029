/**
 * The duty officers' workflows end to end, against a fresh preview host: the admin lays out two
 * dorms with rooms through the Layout tab and creates a duty officer; four trainees are admitted
 * through the bridge. The duty officer signs in for the first time (forced password change), opens
 * Trực ban and, through the screens: assigns beds on the board → sets a keep-apart rule → tries to
 * put the pair in the same room and sees the warning before anything is recorded → records a
 * violation for two trainees and imposes a measure → a commendation for a list → last month's
 * rating sheet from the keyboard → the eligibility lists → the duty log lists the day's entries.
 * Screens are photographed in Vietnamese and English (tests/e2e/screenshots/duty-*).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { day, dismissNotifications, HOST_TIME_ZONE, invokeOk, setUpAndSignInAdmin, shootBoth, signInFirstTime, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: HOST_TIME_ZONE, actionTimeout: 15_000 });

const DUTY = { username: 'trucban', fullName: 'Phạm Văn Trực', temporary: 'tam-thoi-truc-2026', chosen: 'mat-khau-cua-truc-ban' };

const TRAINEES = {
  hai: { fullName: 'Hoàng Văn Hải', fileNumber: 'HS-2026-201' },
  tuan: { fullName: 'Đỗ Minh Tuấn', fileNumber: 'HS-2026-202' },
  son: { fullName: 'Lò Văn Sơn', fileNumber: 'HS-2026-203' },
  long: { fullName: 'Vi Văn Long', fileNumber: 'HS-2026-204' },
} as const;

function admission(t: { fullName: string; fileNumber: string }) {
  return {
    ...t,
    sex: 'male',
    dateOfBirth: '1990-03-12',
    substances: ['heroin'],
    idNumber: '',
    homeAddress: 'Xã Chiềng Cơi, TP Sơn La',
    admissionType: 'compulsory',
    decisionNumber: '31/2026/QĐ-TA',
    admissionDate: day(-60).iso,
    plannedReleaseDate: day(660).iso,
    educationLevel: 'lower_secondary',
    familyContact: { name: 'Hoàng Thị Lan', relationship: 'Mẹ', phone: '0912 345 678' },
  };
}

/** Last month, as the month fields take it: mm/yyyy. */
function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

async function dutyTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

async function addRoom(page: Page, dorm: string, name: string, capacity: number) {
  const form = page.getByTestId('add-room');
  await form.getByLabel('Khu nhà').selectOption({ label: dorm });
  await form.getByLabel('Tên phòng').fill(name);
  await form.getByLabel('Số giường').fill(String(capacity));
  await form.getByRole('button', { name: 'Thêm phòng' }).click();
  await expect(page.getByTestId(`layout-room-${name}`)).toBeVisible();
}

/** Pick a trainee and a free bed on the board's placing form, from the keyboard, then check (a move says why). */
async function place(page: Page, trainee: string, bedLabel: string, moveReason?: string) {
  const form = page.getByTestId('place-form');
  const who = form.getByRole('combobox', { name: 'Học viên' });
  // Still chosen (after cancelling a warning): picking the chosen option again would deselect it.
  if (!(await who.inputValue()).startsWith(trainee)) {
    await who.fill(trainee);
    await page.getByRole('option', { name: new RegExp(`^${trainee}`) }).click();
  }
  await form.getByRole('combobox', { name: 'Giường trống' }).fill(bedLabel);
  await page.getByRole('option', { name: bedLabel, exact: true }).click();
  if (moveReason) await form.getByLabel(/^Lý do chuyển/).fill(moveReason);
  await form.getByRole('button', { name: 'Kiểm tra và ghi nhận' }).click();
}

async function shoot(page: Page, screen: string, options?: { fullHeight?: boolean }) {
  await dismissNotifications(page);
  await shootBoth(page, screen, options);
}

test('a duty officer houses, keeps apart, records conduct, rewards and rates, and keeps the duty log', async ({ page, senUrl }) => {
  test.setTimeout(150_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await setUpAndSignInAdmin(page, senUrl);
  await invokeOk(page, 'accounts.create', { fullName: DUTY.fullName, username: DUTY.username, roles: ['duty'], password: DUTY.temporary, passwordConfirm: DUTY.temporary });
  for (const t of Object.values(TRAINEES)) await invokeOk(page, 'trainees.admit', admission(t));

  // The layout, through the admin's Layout tab: two dorms, three rooms.
  await nav(page, 'Trực ban').click();
  await dutyTab(page, 'Sơ đồ cơ sở');
  for (const dorm of ['Nhà A', 'Nhà B']) {
    await page.getByTestId('add-dorm').getByLabel('Tên khu nhà').fill(dorm);
    await page.getByTestId('add-dorm').getByRole('button', { name: 'Thêm khu nhà' }).click();
    await expect(page.getByRole('heading', { name: dorm, exact: true })).toBeVisible();
  }
  await addRoom(page, 'Nhà A', 'A101', 4);
  await addRoom(page, 'Nhà A', 'A102', 4);
  await addRoom(page, 'Nhà B', 'B201', 6);
  // Since the training and report areas joined the admin's header, it is wider than the 1366-px
  // window and "Đăng xuất" sits past its right edge (reported): click it where it is.
  await page.getByRole('button', { name: 'Đăng xuất' }).dispatchEvent('click');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();

  // The duty officer's first sign-in.
  await signInFirstTime(page, DUTY.username, DUTY.temporary, DUTY.chosen);
  await expect(page.getByTestId('header-user')).toHaveText(DUTY.fullName);
  await nav(page, 'Trực ban').click();
  await expect(page.getByRole('heading', { name: 'Trực ban', exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Sơ đồ cơ sở' })).toHaveCount(0);

  // Beds through the board.
  await dutyTab(page, 'Buồng, giường');
  await place(page, TRAINEES.hai.fullName, 'Nhà A · A101 · giường 1');
  await expect(page.getByTestId('room-A101')).toContainText(TRAINEES.hai.fullName);
  await place(page, TRAINEES.son.fullName, 'Nhà B · B201 · giường 1');
  await expect(page.getByTestId('room-B201')).toContainText(TRAINEES.son.fullName);
  await place(page, TRAINEES.long.fullName, 'Nhà B · B201 · giường 2');
  await expect(page.getByTestId('room-B201')).toContainText(TRAINEES.long.fullName);

  // Keep Hải and Tuấn apart (room level).
  await dutyTab(page, 'Không ở chung');
  await page.getByTestId('keep-apart-add').click();
  const rule = page.getByTestId('keep-apart-form');
  await rule.getByLabel(/^Học viên thứ nhất/).selectOption({ label: `${TRAINEES.hai.fullName} (${TRAINEES.hai.fileNumber})` });
  await rule.getByLabel('Vai trò của học viên thứ nhất').selectOption({ label: 'Người bị hại' });
  await rule.getByLabel(/^Học viên thứ hai/).selectOption({ label: `${TRAINEES.tuan.fullName} (${TRAINEES.tuan.fileNumber})` });
  await rule.getByLabel('Vai trò của học viên thứ hai').selectOption({ label: 'Người gây ra' });
  await rule.getByLabel(/^Mức tách/).selectOption({ label: 'Khác phòng' });
  await rule.getByLabel(/^Lý do/).selectOption({ label: 'Bạo lực' });
  await rule.getByLabel(/^Ngày xem xét lại/).fill(day(30).shown);
  await rule.getByLabel(/^Ghi chú/).fill('Đánh nhau ở nhà ăn ngày 20/11');
  await rule.getByRole('button', { name: 'Lưu' }).click();
  await expect(rule).toHaveCount(0);
  await expect(page.getByTestId('keep-apart-rule')).toHaveCount(1);
  await expect(page.getByTestId('keep-apart-rule')).toContainText(`${TRAINEES.hai.fullName} (Người bị hại) ↔ ${TRAINEES.tuan.fullName} (Người gây ra)`);
  await shoot(page, 'duty-keep-apart');

  // Tuấn into Hải's room: the warning comes before anything is recorded.
  await dutyTab(page, 'Buồng, giường');
  await place(page, TRAINEES.tuan.fullName, 'Nhà A · A101 · giường 2');
  const warnings = page.getByTestId('housing-warnings');
  await expect(warnings).toContainText('Cảnh báo trước khi ghi nhận');
  await expect(warnings).toContainText(`Có quy định không ở chung với ${TRAINEES.hai.fullName}: người này đang ở phòng này.`);
  await expect(page.getByTestId('room-A101')).not.toContainText(TRAINEES.tuan.fullName);
  await shoot(page, 'duty-board-warning', { fullHeight: true });
  await warnings.getByRole('button', { name: 'Huỷ' }).click();
  await place(page, TRAINEES.tuan.fullName, 'Nhà A · A102 · giường 1');
  await expect(page.getByTestId('room-A102')).toContainText(TRAINEES.tuan.fullName);

  // Later the officer moves Tuấn in with Hải anyway: warned again, recorded only with a reason.
  const anyway = 'A102 bị dột, không còn phòng trống; cán bộ trực theo dõi đêm nay';
  await place(page, TRAINEES.tuan.fullName, 'Nhà A · A101 · giường 2', 'Phòng A102 bị dột');
  await expect(warnings).toContainText(`Có quy định không ở chung với ${TRAINEES.hai.fullName}`);
  await warnings.getByRole('button', { name: 'Vẫn ghi nhận' }).click();
  await expect(warnings.getByText('Bắt buộc nhập')).toBeVisible();
  await expect(page.getByTestId('room-A101')).not.toContainText(TRAINEES.tuan.fullName);
  await warnings.getByLabel(/^Lý do vẫn ghi nhận/).fill(anyway);
  await shoot(page, 'duty-board-record-anyway');
  await warnings.getByRole('button', { name: 'Vẫn ghi nhận' }).click();
  await expect(page.getByTestId('room-A101')).toContainText(TRAINEES.tuan.fullName);
  await expect(page.getByTestId('room-A102')).not.toContainText(TRAINEES.tuan.fullName);
  await expect(warnings).toHaveCount(0);

  // The evening headcount: A101 is one short; the difference stays listed until resolved.
  await dutyTab(page, 'Điểm danh');
  const counted = { 'Nhà A · A101': ['1', 'Thiếu 1, đang xác minh'], 'Nhà A · A102': ['0', ''], 'Nhà B · B201': ['2', ''] } as const;
  for (const [room, [n, note]] of Object.entries(counted)) {
    await page.getByLabel(`Có mặt: ${room}`).fill(n);
    if (note) await page.getByLabel(`Ghi chú: ${room}`).fill(note);
  }
  await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
  await expect(page.getByText('Đã lưu điểm danh: 1 phòng có chênh lệch.')).toBeVisible();
  const mismatch = page.getByTestId('headcount-mismatch');
  await expect(mismatch).toHaveCount(1);
  await expect(mismatch).toContainText('Nhà A · A101');
  await expect(mismatch).toContainText('Vắng 1');
  await expect(mismatch).toContainText('Thiếu 1, đang xác minh');
  await shoot(page, 'duty-headcount', { fullHeight: true });
  await mismatch.getByRole('button', { name: 'Xử lý' }).click();
  const resolve = page.getByTestId('resolve-mismatch-form');
  await resolve.getByLabel(/^Đã xác minh thế nào/).fill('Hải ở phòng y tế theo dõi qua đêm, đã đối chiếu');
  await resolve.getByRole('button', { name: 'Xử lý' }).click();
  await expect(page.getByText('Không có chênh lệch nào chưa xử lý.')).toBeVisible();
  await expect(mismatch).toHaveCount(0);

  // A violation for Sơn and Long, then a measure for one of them.
  await dutyTab(page, 'Vi phạm, kỷ luật');
  const incident = page.getByTestId('incident-form');
  const who = incident.getByRole('combobox', { name: 'Học viên' });
  for (const t of [TRAINEES.son, TRAINEES.long]) {
    await who.fill(t.fileNumber);
    await who.press('ArrowDown');
    await who.press('Enter');
  }
  await incident.getByLabel(/^Loại vi phạm/).selectOption({ label: 'Đánh nhau' });
  await incident.getByLabel('Giờ (hh:mm)').fill('21:30');
  await incident.getByLabel('Địa điểm').fill('Phòng B201');
  await incident.getByLabel('Diễn biến sự việc').fill('Cãi nhau, xô đẩy sau giờ tắt đèn.');
  await incident.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(page.getByTestId('violation-row')).toHaveCount(2);
  await page.getByTestId('violation-row').filter({ hasText: TRAINEES.long.fullName }).getByRole('button', { name: 'Xử lý kỷ luật' }).click();
  const impose = page.getByRole('dialog');
  await impose.getByLabel('Biện pháp').selectOption({ label: 'Phê bình' });
  await impose.getByLabel('Từ ngày').fill(day(0).shown);
  await impose.getByRole('button', { name: 'Lưu' }).click();
  await expect(impose).toHaveCount(0);
  await expect(page.getByTestId('measures-in-force')).toContainText(`${TRAINEES.long.fullName} (${TRAINEES.long.fileNumber})`);
  await expect(page.getByTestId('measures-in-force')).toContainText(`Phê bình từ ${day(0).shown}`);
  // The list shows open violations by default: show all, so the dealt-with one is photographed too.
  await page.getByText('Tất cả', { exact: true }).click();
  await expect(page.getByTestId('violation-row')).toHaveCount(2);
  await shoot(page, 'duty-conduct', { fullHeight: true });

  // A commendation for a list of two, typed from the keyboard (Enter adds the first match).
  await dutyTab(page, 'Khen thưởng, xếp loại');
  await page.getByRole('tab', { name: 'Khen thưởng', exact: true }).click();
  const search = page.getByTestId('reward-search');
  for (const t of [TRAINEES.hai, TRAINEES.tuan]) {
    await search.fill(t.fileNumber);
    await expect(page.getByTestId('reward-match')).toHaveCount(1);
    await search.press('Enter');
    await expect(page.getByTestId('reward-chosen')).toContainText(`${t.fullName} (${t.fileNumber})`);
  }
  await page.getByTestId('reward-kind').selectOption({ label: 'Biểu dương, khen' });
  await page.getByTestId('reward-reason').fill('Tích cực lao động trị liệu, giữ vệ sinh phòng ở.');
  await page.getByTestId('reward-save').click();
  await expect(page.getByText('Đã ghi khen thưởng cho 2 học viên')).toBeVisible();
  await expect(page.getByTestId('reward-chosen')).toContainText('Chưa chọn học viên nào');

  // Last month's rating sheet, from the keyboard: 1–4 or T/K/B/Y rate the focused row, focus moves on.
  await page.getByRole('tab', { name: 'Xếp loại tháng', exact: true }).click();
  const month = page.getByTestId('sheet-month');
  await month.fill(lastMonth());
  await month.press('Enter');
  const rows = page.getByTestId('sheet-row');
  await expect(rows).toHaveCount(4);
  await rows.first().focus();
  for (const key of ['1', 't', '2', '3']) await page.keyboard.press(key);
  await expect(page.getByTestId('sheet-progress')).toHaveText('Đã xếp loại 4/4');
  await expect(rows.nth(2).getByTestId('rate-fair')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('sheet-save').click();
  await expect(page.getByText('Đã lưu: 4 thay đổi, 0 giữ nguyên')).toBeVisible();
  await expect(page.getByTestId('sheet-save')).toHaveText('Không có thay đổi để lưu');
  await shoot(page, 'duty-recognition-sheet', { fullHeight: true });

  // The eligibility lists render (nobody has a full quarter of ratings yet).
  await page.getByRole('tab', { name: 'Đủ điều kiện', exact: true }).click();
  await expect(page.getByTestId('eligible-commendation')).toBeVisible();
  await expect(page.getByTestId('eligible-term')).toBeVisible();
  await shoot(page, 'duty-eligibility', { fullHeight: true });

  // The duty log lists the day's entries: the beds, the rule, the violation, the measure, the rewards, the ratings.
  await dutyTab(page, 'Sổ trực ban');
  const lines = page.getByTestId('duty-log-line');
  for (const what of ['Xếp giường', 'Quy định không ở chung', 'Vi phạm', 'Biện pháp kỷ luật', 'Khen thưởng', 'Xếp loại tháng']) {
    await expect(lines.filter({ hasText: what }).first()).toBeVisible();
  }
  await expect(lines.filter({ hasText: 'Xếp giường' })).toHaveCount(4);
  await expect(lines.filter({ hasText: 'Xếp giường' }).filter({ hasText: TRAINEES.tuan.fullName })).toHaveCount(1);
  // Each line says what happened: the rule names both trainees, the move its rooms and why it was recorded despite the warning.
  await expect(lines.filter({ hasText: 'Quy định không ở chung' })).toContainText(`${TRAINEES.hai.fullName} ↔ ${TRAINEES.tuan.fullName} (`);
  await expect(lines.filter({ hasText: 'Chuyển giường' })).toContainText('phòng A102 (Nhà A), giường 1 → phòng A101 (Nhà A), giường 2 (ghi nhận dù có cảnh báo: A102 bị dột, không còn phòng trống');
  await shoot(page, 'duty-log', { fullHeight: true });

  // Tuấn's timeline shows the move recorded despite the warning, with its reason.
  await nav(page, 'Học viên').click();
  await page.getByTestId('roster-row').filter({ hasText: TRAINEES.tuan.fullName }).click();
  await expect(page.getByTestId('trainee-name')).toHaveText(TRAINEES.tuan.fullName);
  const moved = page.getByTestId('timeline-entry').filter({ hasText: 'Ghi nhận dù có cảnh báo' });
  await expect(moved).toHaveCount(1);
  await expect(moved).toContainText(`Ghi nhận dù có cảnh báo (quy định không ở chung): ${anyway}`);
  await shoot(page, 'duty-timeline-override', { fullHeight: true });

  expect(pageErrors).toEqual([]);
});
