/**
 * CSV end to end, against a fresh preview host: the administrator imports a 50-row roster saved
 * from Excel (3 rows wrong: the screen names each, and nothing is imported until they are left
 * out), then exports the roster and gets a UTF-8 CSV with a byte-order mark that Excel reads with
 * its Vietnamese intact; the export is in the access log. Screens are photographed in Vietnamese
 * and English (tests/e2e/screenshots/csv-*).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { shootBoth, VIEWPORT } from './helpers';
import { records, rosterCsv, spoil } from '../support/roster';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });

const PASSWORD = 'mat-khau-rat-dai';

test('imports a roster through the screen (3 bad rows shown, left out, 47 admitted) and downloads the roster as CSV', async ({ page, senUrl }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(senUrl);
  await page.getByLabel('Tên cơ sở').fill('Cơ sở cai nghiện ma túy tỉnh Phú Thọ');
  await page.getByLabel('Họ và tên người quản trị').fill('Trần Văn Quản');
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu').press('Enter');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByTestId('header-user')).toHaveText('Trần Văn Quản');

  // The roster's "Import from CSV": choose the file; the columns are matched from their names.
  await page.getByRole('button', { name: 'Nhập từ CSV' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập danh sách học viên từ tệp CSV' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({ name: 'danh-sach-hoc-vien.csv', mimeType: 'text/csv', buffer: Buffer.from(rosterCsv(spoil(records(50))), 'utf8') });
  await expect(page.getByTestId('import-file-summary')).toHaveText('danh-sach-hoc-vien.csv: 50 dòng dữ liệu, 15 cột, phân cách bằng “,”');
  await expect(page.getByRole('combobox', { name: 'Ngày sinh' })).toHaveValue('Ngày sinh');
  await expect(page.getByTestId('import-summary')).toContainText('50 dòng được chọn: 47 hợp lệ, 3 dòng có lỗi');
  await shootBoth(page, 'csv-import-mapping');

  // Each bad row says which column and what is wrong; the import stays closed.
  const row = (n: number) => page.locator(`[data-testid="import-row"][data-row="${n}"]`);
  await expect(row(6).getByTestId('row-errors')).toHaveText('Ngày sinh: Ngày không hợp lệ (dd/mm/yyyy)');
  await expect(row(21).getByTestId('row-errors')).toHaveText('Số CCCD: Số CCCD gồm 12 chữ số (hoặc CMND 9 chữ số)');
  await expect(row(38).getByTestId('row-errors')).toHaveText('Số hồ sơ: Số hồ sơ lặp lại trong tệp (trùng với dòng 12)');
  await expect(page.getByTestId('import-submit')).toBeDisabled();
  await page.getByRole('switch', { name: 'Chỉ hiện dòng có lỗi' }).check({ force: true });
  await expect(page.getByTestId('import-row')).toHaveCount(3);
  await page.getByTestId('import-blocked').scrollIntoViewIfNeeded();
  await shootBoth(page, 'csv-import-errors', { fullHeight: true });
  await expect(page.getByTestId('import-row').first().getByTestId('row-errors')).toHaveText('Ngày sinh: Ngày không hợp lệ (dd/mm/yyyy)');

  // Left out: checked again, then 47 admitted at once.
  await page.getByTestId('exclude-bad').click();
  await expect(page.getByTestId('import-summary')).toContainText('47 dòng được chọn: 47 hợp lệ, 0 dòng có lỗi. 3 dòng đã bỏ qua.');
  await page.getByRole('button', { name: 'Nhập 47 học viên' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Đã nhập 47 học viên từ danh-sach-hoc-vien.csv.');
  await page.getByRole('button', { name: 'Xem danh sách học viên' }).click();
  await expect(page.getByTestId('count-in-care-value')).toHaveText('47');
  await expect(page.getByTestId('roster-row')).toHaveCount(47);

  // Export the roster: a download with the mark, CRLF, the headers and names in Vietnamese, dates dd/MM/yyyy.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^danh-sach-hoc-vien-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('Số hồ sơ,Họ và tên,Giới tính,Ngày sinh,Loại tiếp nhận,Ngày tiếp nhận,Ngày dự kiến ra,Giai đoạn,Tình trạng,Ngày ra cơ sở,Ở bệnh viện,Ở riêng,Hạn chế lao động');
  expect(lines).toHaveLength(49); // header, 47 rows, and the empty string after the last CRLF
  expect(lines.at(-1)).toBe('');
  expect(lines).toContain('NK-0001,Nguyễn Văn Bình,Nam,01/01/1980,Tự nguyện,01/03/2026,01/03/2028,"Tiếp nhận, phân loại",Đang cai nghiện,,Không,Không,');
  expect(text).not.toContain('NK-0005,'); // row 6 was left out

  // The export is in the access log, by whom and what.
  await page.getByRole('button', { name: 'Tài khoản', exact: true }).click();
  await page.getByTestId('open-access-log').click();
  const entry = page.getByTestId('access-row').first();
  await expect(entry).toContainText('Xuất dữ liệu');
  await expect(entry).toContainText('Trần Văn Quản');
  await expect(entry).toContainText(`${download.suggestedFilename()}: 47`);
  expect(pageErrors).toEqual([]);
});
