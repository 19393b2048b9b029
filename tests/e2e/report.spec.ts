/**
 * Reports and printing end to end on a demo facility: the administrator's monthly report (a past
 * month, as the log stood at its end), its printable page, a trainee's summary and a release
 * summary; each printed with Chromium's page.pdf() (the same A4 pages Electron's printToPDF prints)
 * and rendered to PNG with pdftoppm (poppler-utils) to be looked at. Screens in vi and en.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { invokeOk, openDemoFacility, SHOTS, shootBoth, signIn, signOut, switchLanguage, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });

/** The page as PDF (print media, the page's own @page size and margin boxes), then each sheet as PNG. */
async function pdfPages(page: Page, name: string): Promise<string[]> {
  const pdf = join(SHOTS, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, join(SHOTS, `${name}-page`)]);
  const pngs = readdirSync(SHOTS).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.png'));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
  expect(pngs.length).toBeGreaterThan(0);
  return [text];
}

/** A month before this one, as typed (mm/yyyy) and as data (yyyy-MM). */
function lastMonth(): { typed: string; iso: string } {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  return { typed: `${mm}/${d.getFullYear()}`, iso: `${d.getFullYear()}-${mm}` };
}

/** Print → records the print; the browser's own dialog is stubbed (headless). */
async function printHere(page: Page) {
  await page.evaluate(() => {
    (globalThis as unknown as { print: () => void }).print = () => undefined;
  });
  await page.getByTestId('print-pdf').click();
}

test('monthly report: a past month on screen, printed to an A4 PDF with facility, date and log anchor on each page', async ({ page, senUrl }) => {
  test.setTimeout(600_000);
  await openDemoFacility(page, senUrl);
  await page.getByRole('button', { name: 'Báo cáo' }).click();
  await expect(page.getByTestId('report-section-census')).toBeVisible({ timeout: 30_000 });
  const month = lastMonth();
  await page.getByTestId('report-month').fill(month.typed);
  await page.getByTestId('report-month').press('Enter');
  // A past month is replayed from the log up to its end (the as-of view): give a loaded machine time.
  await expect(page.getByTestId('report-period')).toContainText(`01/${month.typed}`, { timeout: 60_000 });
  for (const id of ['census', 'movements', 'medical', 'conduct', 'literacy', 'labor', 'reintegration']) await expect(page.getByTestId(`report-section-${id}`)).toBeVisible();
  // The figures on screen are the core's.
  const report = await invokeOk<{ sections: { id: string; groups: { id: string; rows: { key: string; value: number | null }[] }[] }[]; anchor: { seq: number; hash: string } }>(page, 'reports.monthly', {
    month: month.iso,
  });
  const end = report.sections[0]!.groups[0]!.rows.find((r) => r.key === 'end')!.value;
  await expect(page.getByTestId('report-census-census-end')).toContainText(String(end));
  await expect(page.getByTestId('report-movements-movements-absconded')).toContainText('—');
  // The demo keeps labor sheets for the last 2 months: last month has hours by workshop, drawn as bars.
  await expect(page.getByRole('img', { name: 'Biểu đồ: Giờ lao động' })).toBeVisible();
  await shootBoth(page, 'report-month', { fullHeight: true });

  await page.getByTestId('report-print').click();
  await expect(page.getByTestId('print-title')).toHaveText(`BÁO CÁO THÁNG ${month.typed}`);
  await expect(page.getByTestId('print-anchor')).toContainText(report.anchor.hash);
  await shootBoth(page, 'report-print', { fullHeight: true });

  const [vi] = await pdfPages(page, 'report-monthly-vi');
  expect(vi).toContain('BÁO CÁO THÁNG');
  expect(vi).toContain('Quân số và biến động');
  expect(vi).toContain('Lao động trị liệu');
  expect(vi).toContain('Cơ sở cai nghiện ma túy tỉnh Điện Biên'); // the demo facility's name, in the page header
  expect(vi).toContain(report.anchor.hash);
  expect(vi).toMatch(/Trang 1\/\d/);
  await switchLanguage(page, 'en');
  const [en] = await pdfPages(page, 'report-monthly-en');
  expect(en).toContain('MONTHLY REPORT');
  expect(en).toMatch(/Page 1\/\d/);
  await switchLanguage(page, 'vi');

  await printHere(page);
  const log = await invokeOk<{ items: { kind: string; detail: string }[] }>(page, 'access.list', { kind: 'print' });
  expect(log.items[0]).toMatchObject({ kind: 'print', detail: `monthly_report ${month.iso}` });
  await page.getByTestId('print-back').click();
  await expect(page.getByTestId('report-section-census')).toBeVisible();
});

test("a trainee's summary and a release summary, printed", async ({ page, senUrl }) => {
  test.setTimeout(600_000);
  await openDemoFacility(page, senUrl);
  // A released trainee of the demo, found on the roster.
  const released = await invokeOk<{ items: { id: string; fullName: string }[] }>(page, 'trainees.list', { status: 'released', limit: 1 });
  const who = released.items[0]!;
  await page.getByTestId('status-filter').getByText('Đã ra cơ sở').click();
  await page.getByRole('searchbox').fill(who.fullName);
  await page.getByTestId('roster-row').filter({ hasText: who.fullName }).first().click();
  await expect(page.getByTestId('trainee-name')).toHaveText(who.fullName);

  await page.getByTestId('print-trainee-summary').click();
  await expect(page.getByTestId('print-title')).toHaveText('TÓM TẮT HỒ SƠ HỌC VIÊN');
  await expect(page.getByTestId('print-history')).toBeVisible();
  await shootBoth(page, 'print-trainee-summary', { fullHeight: true });
  const [summary] = await pdfPages(page, 'print-trainee-summary-vi');
  expect(summary).toContain(who.fullName);
  expect(summary).toContain('Ngày in');
  await page.getByTestId('print-back').click();

  await page.getByTestId('print-release-summary').click();
  await expect(page.getByTestId('print-title')).toHaveText('TÓM TẮT KHI RA CƠ SỞ');
  await expect(page.getByTestId('print-release')).toBeVisible();
  await shootBoth(page, 'print-release-summary', { fullHeight: true });
  const [release] = await pdfPages(page, 'print-release-summary-vi');
  expect(release).toContain('Thủ trưởng cơ sở');
  await printHere(page);
  const log = await invokeOk<{ items: { detail: string; trainee: { id: string } | null }[] }>(page, 'access.list', { kind: 'print' });
  expect(log.items[0]).toMatchObject({ detail: 'release_summary', trainee: { id: who.id } });
});

test('the attendance sheet (teacher) and the labor sheet (instructor) of today, printed to A4 PDFs', async ({ page, senUrl }) => {
  test.setTimeout(600_000);
  await openDemoFacility(page, senUrl);
  const today = new Date();
  const shown = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`;
  const sheets = [
    { user: 'giaovien', tab: 'Điểm danh hôm nay', title: 'BẢNG ĐIỂM DANH LỚP HỌC', en: 'CLASS ATTENDANCE SHEET', name: 'sheet-attendance' },
    { user: 'huongdan', tab: 'Bảng công hôm nay', title: 'BẢNG CHẤM CÔNG LAO ĐỘNG', en: 'LABOR SHEET', name: 'sheet-labor' },
  ];
  for (const s of sheets) {
    await signOut(page);
    await signIn(page, s.user, 'demo-sen-2026');
    await page.getByRole('tab', { name: s.tab, exact: true }).click();
    await page.getByTestId('print-sheet').click();
    await expect(page.getByTestId('print-title')).toHaveText(s.title);
    await expect(page.getByTestId('sheet-row').first()).toBeVisible({ timeout: 30_000 });
    await shootBoth(page, s.name, { fullHeight: true });
    const [vi] = await pdfPages(page, `${s.name}-vi`);
    expect(vi).toContain(s.title);
    expect(vi).toContain('Cơ sở cai nghiện ma túy tỉnh Điện Biên'); // the demo facility, in the page header
    expect(vi).toContain(`Ngày in ${shown}`);
    expect(vi).toContain(`Ngày: ${shown}`);
    expect(vi).toMatch(/Trang 1\/\d/);
    await switchLanguage(page, 'en');
    const [en] = await pdfPages(page, `${s.name}-en`);
    expect(en).toContain(s.en);
    await switchLanguage(page, 'vi');
    await page.getByTestId('print-back').click();
  }
});
