/**
 * Corrections and integrity end to end: void a record from a trainee's timeline; then someone
 * edits the database file behind Sen's back; a full verification from the System page finds it,
 * Sen turns read-only with an unmissable warning, and the admin's acknowledgement lifts it.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openDemoFacility, shootBoth, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
test.setTimeout(240_000);

test('void from the timeline; a tampered log is found, blocks writing, and is acknowledged', async ({ page, senHost }) => {
  await openDemoFacility(page, senHost.url);

  // Void the newest voidable record of the first trainee, with a reason.
  await page.locator('tbody tr').first().click();
  await expect(page.getByTestId('trainee-name')).toBeVisible();
  await page.getByRole('button', { name: /^Hủy bản ghi số \d+$/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Lý do hủy/).fill('Nhập nhầm hồ sơ khi kiểm tra e2e');
  await dialog.getByRole('button', { name: 'Hủy bản ghi này' }).click();
  await expect(page.getByTestId('timeline-voided').first()).toContainText('Lý do: Nhập nhầm hồ sơ khi kiểm tra e2e');
  await expect(page.locator('[data-event-type="EventVoided"]').first()).toBeVisible();
  await shootBoth(page, 'trainee-voided');

  // Someone with the file edits an admission, after dropping the triggers that forbid it.
  const db = new Database(join(senHost.dataDir, 'sen.db'));
  db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
  const target = db.prepare<[], { seq: number }>("SELECT seq FROM events WHERE type = 'TraineeAdmitted' ORDER BY seq LIMIT 1 OFFSET 10").get()!;
  db.prepare("UPDATE events SET data = replace(data, '\"sex\":\"male\"', '\"sex\":\"female\"') WHERE seq = ?").run(target.seq);
  db.close();

  await page.getByRole('button', { name: 'Hệ thống' }).click();
  await page.getByRole('button', { name: 'Kiểm tra chuỗi' }).click();
  const banner = page.getByTestId('integrity-banner');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner.getByTestId('chain-break').first()).toHaveText(`Sự kiện số ${target.seq}: nội dung bị sửa`);
  await expect(page.getByTestId('verify-result')).toContainText(String(target.seq));
  await shootBoth(page, 'system-broken');

  // Read-only: recording anything is refused with a clear message.
  await page.getByRole('button', { name: 'Học viên' }).click();
  await page.locator('tbody tr').nth(1).click();
  await page.getByRole('button', { name: /^Hủy bản ghi số \d+$/ }).first().click();
  await dialog.getByLabel(/Lý do hủy/).fill('Thử khi chuỗi hỏng');
  await dialog.getByRole('button', { name: 'Hủy bản ghi này' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Sen chỉ cho xem, không cho ghi');
  await dialog.getByRole('button', { name: 'Không hủy' }).click();

  await banner.getByRole('button', { name: 'Xác nhận đã biết…' }).click();
  const ack = page.getByRole('dialog');
  await ack.getByLabel(/Ghi chú/).fill('Đã báo giám đốc, đối chiếu hồ sơ giấy');
  await ack.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(banner).toHaveCount(0);
  await page.getByRole('button', { name: 'Hệ thống' }).click();
  await expect(page.getByTestId('integrity-state')).toContainText('Có chỗ hỏng đã được xác nhận');
  await shootBoth(page, 'system-acknowledged');
});
