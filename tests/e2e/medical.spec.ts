/**
 * The medical workflows end to end, against a fresh preview host: the admin sets up the facility
 * through its screens, then (through the bridge, as the signed-in admin: their screens are tested
 * elsewhere) creates a medical officer and a duty officer and admits three trainees. The medical
 * officer signs in for the first time (forced password change), lands on the medical dashboard and,
 * through the screens only: intake screening → a COWS detox episode with two assessments → the
 * starter formulary → ART (TDF/3TC/DTG) for one trainee and ordinary drugs for two others → the
 * morning round marked from the keyboard and saved once → separate housing for TB with a note.
 * The duty officer then sees the separate-housing fact and its date (roster, trainee page,
 * timeline) but never the reason nor the note, and has no medical screen.
 * Screens are photographed in Vietnamese and English (tests/e2e/screenshots/medical-*).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { day, HOST_TIME_ZONE, invokeOk, minutesFromNow, setUpAndSignInAdmin, shootBoth, signInFirstTime, signOut, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: HOST_TIME_ZONE, actionTimeout: 15_000 });

const MEDICAL = { username: 'yte', fullName: 'Lê Thị Thu Hà', temporary: 'tam-thoi-y-te-2026', chosen: 'mat-khau-y-te-cua-ha' };
const DUTY = { username: 'trucban', fullName: 'Phạm Văn Trực', temporary: 'tam-thoi-truc-2026', chosen: 'mat-khau-cua-truc-ban' };

/** The note and the reason of the separate-housing flag: medical data the duty officer must never see. */
const HOUSING_NOTE = 'Lao phổi AFB dương tính, chờ chuyển điều trị lao';
const HOUSING_REASON_VI = 'Bệnh truyền nhiễm phải cách ly';
const HOUSING_REASON_EN = 'Infectious disease requiring isolation';

const TRAINEES = {
  hai: { fullName: 'Hoàng Văn Hải', fileNumber: 'HS-2026-101', sex: 'male', dateOfBirth: '1989-02-14', substances: ['heroin'] },
  mai: { fullName: 'Nguyễn Thị Mai', fileNumber: 'HS-2026-102', sex: 'female', dateOfBirth: '1996-07-30', substances: ['methamphetamine'] },
  son: { fullName: 'Lò Văn Sơn', fileNumber: 'HS-2026-103', sex: 'male', dateOfBirth: '1993-11-05', substances: ['heroin', 'methamphetamine'] },
} as const;

function admission(t: (typeof TRAINEES)[keyof typeof TRAINEES]) {
  return {
    ...t,
    substances: [...t.substances],
    idNumber: '',
    homeAddress: 'Xã Chiềng Cơi, TP Sơn La',
    admissionType: 'compulsory',
    decisionNumber: '21/2026/QĐ-TA',
    admissionDate: day(-10).iso,
    plannedReleaseDate: day(720).iso,
    educationLevel: 'lower_secondary',
    familyContact: { name: 'Hoàng Thị Lan', relationship: 'Mẹ', phone: '0912 345 678' },
  };
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

async function openMedicalRecord(page: Page, fullName: string) {
  await nav(page, 'Học viên').click();
  await expect(page.getByRole('heading', { name: 'Danh sách học viên' })).toBeVisible();
  await page.getByTestId('roster-row').filter({ hasText: fullName }).click();
  await expect(page.getByTestId('trainee-name')).toHaveText(fullName);
  await page.getByTestId('open-medical-record').click();
  await expect(page.getByTestId('record-name')).toHaveText(fullName);
}

async function recordTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

async function medicalTab(page: Page, name: string) {
  await nav(page, 'Y tế').click();
  await recordTab(page, name);
}

/** Score every item of the open assessment grid from the keyboard: one digit per item, focus moves on. */
async function scoreFromKeyboard(grid: Locator, points: number[]) {
  const items = grid.getByTestId('assessment-item');
  await expect(items).toHaveCount(points.length);
  await items.first().locator('input[type=radio]').first().focus();
  for (const [i, p] of points.entries()) {
    await expect(items.nth(i).locator('input[type=radio]:focus')).toHaveCount(1);
    await grid.page().keyboard.press(String(p));
    await expect(items.nth(i).locator(`input[type=radio][value="${p}"]`)).toBeChecked();
  }
}

test('a medical officer screens, detoxes, prescribes, runs the round and flags; the duty officer sees the fact, not the reason', async ({ page, senUrl }) => {
  test.setTimeout(150_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await setUpAndSignInAdmin(page, senUrl);
  for (const [who, roles] of [
    [MEDICAL, ['medical']],
    [DUTY, ['duty']],
  ] as const) {
    await invokeOk(page, 'accounts.create', { fullName: who.fullName, username: who.username, roles, password: who.temporary, passwordConfirm: who.temporary });
  }
  for (const t of Object.values(TRAINEES)) await invokeOk(page, 'trainees.admit', admission(t));
  await signOut(page);

  // The medical officer's first sign-in: a new password, then the medical dashboard.
  await signInFirstTime(page, MEDICAL.username, MEDICAL.temporary, MEDICAL.chosen);
  await expect(page.getByTestId('header-user')).toHaveText(MEDICAL.fullName);
  await expect(page.getByRole('heading', { name: 'Y tế', exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Việc cần làm' })).toHaveAttribute('aria-selected', 'true');
  await expect(nav(page, 'Y tế')).toHaveAttribute('aria-current', 'page');

  // Intake screening of Hải: HIV positive, TB symptoms, opiates in the urine, vital signs.
  await openMedicalRecord(page, TRAINEES.hai.fullName);
  await expect(page.getByRole('tab', { name: 'Sàng lọc', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('record-screening').click();
  const screening = page.getByTestId('screening-form');
  await expect(screening.getByLabel('Ngày sàng lọc')).toBeFocused();
  await expect(screening.getByLabel('Ngày sàng lọc')).toHaveValue(day(0).shown);
  await screening.getByLabel('HIV', { exact: true }).selectOption('positive');
  await screening.getByLabel('Viêm gan B (HBsAg)').selectOption('negative');
  await screening.getByLabel('Viêm gan C (anti-HCV)').selectOption('negative');
  await screening.getByLabel('Giang mai').selectOption('negative');
  await screening.getByLabel('Ho từ 2 tuần trở lên').check();
  await screening.getByLabel('Sốt', { exact: true }).check();
  await screening.getByLabel('Sụt cân').check();
  await expect(screening.getByTestId('tb-screen')).toHaveText('Sàng lọc lao dương tính: cần khám và chụp X-quang phổi');
  await screening.getByLabel('MOP – Morphin/Heroin').selectOption('positive');
  await screening.getByLabel('MET – Methamphetamin').selectOption('negative');
  await screening.getByLabel('Mạch (lần/phút)').fill('96');
  await screening.getByLabel('Huyết áp tâm thu (mmHg)').fill('130');
  await screening.getByLabel('Huyết áp tâm trương (mmHg)').fill('85');
  await screening.getByLabel('Nhiệt độ (°C)').fill('37,8');
  await screening.getByLabel('Nhịp thở (lần/phút)').fill('20');
  await screening.getByLabel('Cân nặng (kg)').fill('52,5');
  await screening.getByLabel('Ghi chú').fill('Ho khạc đờm 3 tuần, gầy sút; chuyển chụp X-quang phổi.');
  await screening.getByRole('button', { name: 'Lưu kết quả' }).click();
  await expect(screening).toHaveCount(0);
  const latest = page.getByTestId('screening-latest');
  await expect(latest.getByRole('row').filter({ hasText: 'HIV' })).toContainText('Dương tính');
  await expect(latest.getByRole('row').filter({ hasText: 'Sàng lọc triệu chứng lao' })).toContainText(day(0).shown);
  await expect(page.getByTestId('screening-session')).toHaveCount(1);
  await expect(page.getByTestId('screening-session')).toContainText(`Người ghi: ${MEDICAL.fullName}`);
  await shootBoth(page, 'medical-record-screening', { fullHeight: true });

  // Detox: an episode on COWS (heroin → COWS by default), two assessments scored from the keyboard.
  await recordTab(page, 'Cắt cơn');
  const detox = page.getByTestId('detox-section');
  await expect(detox).toContainText('Chưa có đợt cắt cơn nào.');
  await detox.getByRole('button', { name: 'Bắt đầu đợt cắt cơn' }).click();
  const start = page.getByTestId('detox-start-form');
  await expect(start.getByLabel('Chất gây nghiện')).toHaveValue('heroin');
  await expect(start.getByLabel('Thang điểm')).toHaveValue('cows');
  // Started three hours ago; assessed two hours ago, then now (the time fields default to now).
  const started = minutesFromNow(-180);
  await start.getByRole('textbox', { name: /^Ngày/ }).fill(started.date);
  await start.getByRole('textbox', { name: /^Giờ/ }).fill(started.time);
  await start.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
  await expect(start).toHaveCount(0);
  await expect(detox.getByTestId('detox-episode')).toContainText('Đang cắt cơn');
  const firstAt = minutesFromNow(-120);
  for (const [points, total, band, when] of [
    [[2, 1, 3, 2, 2, 2, 2, 1, 1, 2, 3], 21, 'Trung bình', firstAt],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0], 10, 'Nhẹ', null],
  ] as const) {
    await detox.getByRole('button', { name: 'Đánh giá', exact: true }).click();
    const assess = page.getByTestId('detox-assess-form');
    if (when) {
      await assess.getByRole('textbox', { name: /^Ngày/ }).fill(when.date);
      await assess.getByRole('textbox', { name: /^Giờ/ }).fill(when.time);
    }
    await expect(assess.getByTestId('assessment-total')).toHaveCount(0);
    await scoreFromKeyboard(assess.getByTestId('assessment-grid'), [...points]);
    await expect(assess.getByTestId('assessment-total')).toHaveText(`Tổng điểm: ${total}`);
    await expect(assess.getByTestId('assessment-band')).toHaveText(band);
    await assess.getByRole('button', { name: 'Lưu đánh giá' }).click();
    await expect(assess).toHaveCount(0);
  }
  const assessments = detox.getByTestId('detox-assessment-row');
  await expect(assessments).toHaveCount(2);
  // Newest first: the second assessment, milder.
  await expect(assessments.nth(0)).toContainText('10');
  await expect(assessments.nth(0)).toContainText('Nhẹ');
  await expect(assessments.nth(1)).toContainText('21');
  await expect(assessments.nth(1)).toContainText('Trung bình');
  await expect(assessments.nth(1)).toContainText(`${firstAt.date} ${firstAt.time}`);
  await expect(assessments.nth(0)).toContainText(MEDICAL.fullName);
  await shootBoth(page, 'medical-record-detox', { fullHeight: true });

  // The formulary: empty, then the starter list.
  await medicalTab(page, 'Danh mục thuốc');
  const formulary = page.getByTestId('formulary-screen');
  await expect(formulary).toContainText('Danh mục chưa có thuốc nào.');
  await formulary.getByTestId('formulary-starter').click();
  await expect(formulary.getByTestId('formulary-row')).toHaveCount(7);
  await expect(formulary.getByTestId('formulary-row').filter({ hasText: 'TDF/3TC/DTG' })).toContainText('300/300/50 mg');
  await shootBoth(page, 'medical-formulary');

  // ART for Hải: TDF/3TC/DTG, one tablet each morning from today.
  await openMedicalRecord(page, TRAINEES.hai.fullName);
  await recordTab(page, 'Điều trị ARV');
  const arv = page.getByTestId('arv-section');
  await expect(arv).toContainText('Chưa điều trị ARV.');
  await arv.getByRole('button', { name: 'Bắt đầu điều trị ARV' }).click();
  const startArt = page.getByTestId('arv-start-form');
  await startArt.getByLabel('Phác đồ').selectOption({ label: 'TDF/3TC/DTG 300/300/50 mg' });
  await expect(startArt.getByLabel('Ngày bắt đầu')).toHaveValue(day(0).shown);
  await expect(startArt.getByLabel('Liều mỗi lần')).toHaveValue('1 viên');
  await expect(startArt.getByRole('checkbox', { name: 'Sáng' })).toBeChecked();
  await startArt.getByRole('button', { name: 'Bắt đầu điều trị ARV' }).click();
  await expect(startArt).toHaveCount(0);
  await expect(arv.getByTestId('arv-current')).toContainText('TDF/3TC/DTG');
  await expect(arv.getByTestId('arv-history')).toContainText('Bắt đầu TDF/3TC/DTG');
  await shootBoth(page, 'medical-record-arv', { fullHeight: true });
  // The regimen is a prescription too, shown (not editable there) with the others.
  await recordTab(page, 'Đơn thuốc');
  await expect(page.getByTestId('prescription-active-row')).toContainText('TDF/3TC/DTG');

  // Ordinary prescriptions for Mai (paracetamol, morning and evening) and Sơn (vitamin B1, morning).
  for (const [who, drug, slots, indication, end] of [
    [TRAINEES.mai, 'Paracetamol 500 mg', ['Sáng', 'Chiều'], 'Đau đầu, đau cơ khi cắt cơn', day(4)],
    [TRAINEES.son, 'Vitamin B1 100 mg', ['Sáng'], 'Bổ sung vitamin, suy dinh dưỡng nhẹ', day(29)],
  ] as const) {
    await openMedicalRecord(page, who.fullName);
    await recordTab(page, 'Đơn thuốc');
    const section = page.getByTestId('prescriptions-section');
    await expect(section).toContainText('Không có đơn thuốc nào đang dùng.');
    await section.getByTestId('prescribe').click();
    const form = page.getByTestId('prescription-form');
    // ARV regimens are not offered here: they start from the ARV section.
    const drugs = form.getByRole('combobox', { name: /^Thuốc/ });
    await expect(drugs).toBeFocused();
    await expect(drugs.locator('option', { hasText: 'Paracetamol' })).toHaveCount(1);
    await expect(drugs.locator('option', { hasText: 'TDF/3TC/DTG' })).toHaveCount(0);
    await drugs.selectOption({ label: drug });
    await form.getByLabel('Liều mỗi lần').fill('1 viên');
    for (const s of slots) await form.getByRole('checkbox', { name: s, exact: true }).check();
    await form.getByLabel('Ngày kết thúc').fill(end.shown);
    await form.getByLabel('Chỉ định (chẩn đoán, lý do dùng)').fill(indication);
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(form).toHaveCount(0);
    await expect(section.getByTestId('prescription-active-row')).toContainText(drug);
    await expect(section.getByTestId('prescription-active-row')).toContainText(`${day(0).shown} – ${end.shown}`);
    await expect(section.getByTestId('prescription-history-row')).toContainText(`${MEDICAL.fullName} ghi lúc`);
  }
  await shootBoth(page, 'medical-record-prescriptions', { fullHeight: true });

  // The morning round: three doses, marked from the keyboard, saved once.
  await medicalTab(page, 'Phát thuốc');
  await page.getByTestId('round-slot').getByText('Sáng', { exact: true }).click();
  const rows = page.getByTestId('round-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('summary-total')).toHaveText('Tổng số liều: 3');
  const hai = rows.filter({ hasText: TRAINEES.hai.fullName });
  const son = rows.filter({ hasText: TRAINEES.son.fullName });
  await expect(hai).toContainText('TDF/3TC/DTG');
  await page.getByTestId('round-sheet').focus();
  // Row by row, from the first: G for given; Sơn refuses, with a note typed after N (Enter returns to the sheet).
  const sonIndex = Number(await son.getAttribute('data-index'));
  for (let i = 0; i < 3; i++) {
    if (i !== sonIndex) {
      await page.keyboard.press('g');
      continue;
    }
    await page.keyboard.press('n');
    await expect(son.getByRole('textbox')).toBeFocused();
    await page.keyboard.type('Buồn nôn, hẹn uống sau bữa trưa');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('round-sheet')).toBeFocused();
    await page.keyboard.press('2');
  }
  await expect(page.getByTestId('summary-given')).toHaveText('Đã uống: 2');
  await expect(page.getByTestId('summary-refused')).toHaveText('Từ chối: 1');
  await expect(page.getByTestId('summary-remaining')).toHaveText('Chưa đánh dấu: 0');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('row-recorded')).toHaveCount(3);
  await expect(page.getByTestId('summary-recorded')).toHaveText('Đã ghi trước: 3');
  await expect(hai.getByTestId('row-recorded')).toHaveText('Đã uống');
  await expect(son.getByTestId('row-recorded')).toHaveText('Từ chối');
  await expect(son).toContainText('Buồn nôn, hẹn uống sau bữa trưa');
  await expect(page.getByTestId('round-save')).toBeDisabled();
  await shootBoth(page, 'medical-round');

  // Separate housing for Hải: active pulmonary TB (never for HIV), with a review date and a note.
  await openMedicalRecord(page, TRAINEES.hai.fullName);
  await recordTab(page, 'Ở riêng, hạn chế, chuyển viện');
  const flags = page.getByTestId('flags-section');
  await expect(flags.getByTestId('flags-housing')).toContainText('Không có yêu cầu ở riêng.');
  await flags.getByRole('button', { name: 'Đặt yêu cầu ở riêng' }).click();
  const housing = page.getByTestId('set-housing-form');
  await expect(housing).toContainText('Không bao giờ cho ở riêng vì nhiễm HIV');
  await housing.getByLabel('Lý do').selectOption('infectious_isolation');
  await expect(housing.getByLabel('Từ ngày')).toHaveValue(day(0).shown);
  await housing.getByLabel('Ngày xem xét lại').fill(day(14).shown);
  await housing.getByLabel('Ghi chú').fill(HOUSING_NOTE);
  await housing.getByRole('button', { name: 'Đặt yêu cầu ở riêng' }).click();
  await expect(housing).toHaveCount(0);
  const activeFlag = flags.getByTestId('flags-housing-active');
  await expect(activeFlag).toContainText(HOUSING_REASON_VI);
  await expect(activeFlag).toContainText(`Ở riêng từ ${day(0).shown}, xem xét lại ngày ${day(14).shown}`);
  await expect(activeFlag).toContainText(HOUSING_NOTE);
  await shootBoth(page, 'medical-record-flags', { fullHeight: true });

  // The medical timeline shows all of it, reasons included, to the medical officer.
  await recordTab(page, 'Dòng thời gian');
  const flagEntry = page.locator('[data-event-type="HousingFlagSet"]');
  await expect(flagEntry).toBeVisible();

  // The dashboard, now with work on it; the settings the dashboards use.
  await medicalTab(page, 'Việc cần làm');
  await expect(page.getByTestId('flags-card')).toContainText(TRAINEES.hai.fullName);
  await expect(page.getByTestId('detox-card-row')).toContainText(TRAINEES.hai.fullName);
  await expect(page.getByTestId('detox-card-row')).toContainText('Nhẹ');
  await expect(page.getByText('1 học viên đang điều trị ARV')).toBeVisible();
  await shootBoth(page, 'medical-dashboard', { fullHeight: true });
  await medicalTab(page, 'Cài đặt');
  await expect(page.getByTestId('medical-settings')).toBeVisible();
  await shootBoth(page, 'medical-settings', { fullHeight: true });
  await signOut(page);

  // The duty officer: the fact and its date, never the reason nor the note; no medical screens.
  await signInFirstTime(page, DUTY.username, DUTY.temporary, DUTY.chosen);
  await expect(page.getByTestId('header-user')).toHaveText(DUTY.fullName);
  await expect(page.getByRole('heading', { name: 'Trực ban', exact: true })).toBeVisible();
  await nav(page, 'Học viên').click();
  await expect(page.getByRole('heading', { name: 'Danh sách học viên' })).toBeVisible();
  await expect(nav(page, 'Y tế')).toHaveCount(0);
  const haiRow = page.getByTestId('roster-row').filter({ hasText: TRAINEES.hai.fullName });
  await expect(haiRow.getByTestId('badge-separate-housing')).toHaveText('Ở riêng');
  await expect(page.getByTestId('roster-row').filter({ hasText: TRAINEES.mai.fullName }).getByTestId('badge-separate-housing')).toHaveCount(0);
  await haiRow.click();
  await expect(page.getByTestId('trainee-name')).toHaveText(TRAINEES.hai.fullName);
  await expect(page.getByTestId('trainee-flags').getByTestId('badge-separate-housing')).toHaveText(`Ở riêng từ ${day(0).shown}`);
  await expect(page.getByTestId('open-medical-record')).toHaveCount(0);
  const dutyFlagEntry = page.locator('[data-event-type="HousingFlagSet"]');
  await expect(dutyFlagEntry).toBeVisible();
  await expect(dutyFlagEntry).toContainText('Cần ở riêng');
  const body = page.locator('body');
  await expect(body).not.toContainText(HOUSING_NOTE);
  await expect(body).not.toContainText(HOUSING_REASON_VI);
  await expect(body).not.toContainText('AFB');
  await shootBoth(page, 'medical-duty-trainee', { fullHeight: true });
  await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
  await expect(page.getByTestId('trainee-flags').getByTestId('badge-separate-housing')).toHaveText(`Separate housing since ${day(0).shown}`);
  await expect(body).not.toContainText(HOUSING_REASON_EN);
  await expect(body).not.toContainText(HOUSING_NOTE);
  await page.getByTestId('language-switch').getByText('VI', { exact: true }).click();
  expect(pageErrors).toEqual([]);
});
