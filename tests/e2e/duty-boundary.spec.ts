/**
 * The duty officer's boundary, end to end against a fresh preview host: medical data (screening
 * results, the reasons and notes of flags and restrictions) never reaches a duty officer, neither
 * through the screens (no Medical item; the medical routes, forced into the store, show the
 * roster) nor through direct calls of the page's bridge (FORBIDDEN, nothing logged as opened),
 * while the facts they need (separate housing since a date, a work restriction) do. Then the
 * administrator reads the access log from Accounts: the medical officer's opening is there, and
 * only that one. Screens are photographed in Vietnamese and English (duty-boundary-*, access-log-*).
 */
import { expect, test } from './fixtures';
import { day, dispatchToStore, HOST_TIME_ZONE, invoke, invokeOk, setUpAndSignInAdmin, shootBoth, signIn, signInFirstTime, signOut, ADMIN, VIEWPORT } from './helpers';

test.use({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: HOST_TIME_ZONE, actionTimeout: 15_000 });

const MEDICAL = { username: 'yte', fullName: 'Lê Thị Thu Hà', temporary: 'tam-thoi-y-te-2026', chosen: 'mat-khau-y-te-cua-ha' };
const DUTY = { username: 'trucban', fullName: 'Phạm Văn Trực', temporary: 'tam-thoi-truc-2026', chosen: 'mat-khau-cua-truc-ban' };

/** Medical data written by the medical officer: none of these strings may reach the duty officer. */
const HOUSING_NOTE = 'Lao phổi AFB dương tính, chờ chuyển điều trị lao';
const RESTRICTION_REASON = 'Đang điều trị lao, thể trạng yếu';
const SCREENING_NOTE = 'HIV dương tính lần đầu, tư vấn sau xét nghiệm';
const SECRETS = [HOUSING_NOTE, RESTRICTION_REASON, SCREENING_NOTE, 'infectious_isolation', '"hiv"', 'AFB'];

const TRAINEE = {
  fileNumber: 'HS-2026-201',
  fullName: 'Hoàng Văn Hải',
  sex: 'male',
  dateOfBirth: '1989-02-14',
  idNumber: '',
  homeAddress: 'Xã Chiềng Cơi, TP Sơn La',
  admissionType: 'compulsory',
  decisionNumber: '22/2026/QĐ-TA',
  admissionDate: day(-10).iso,
  plannedReleaseDate: day(720).iso,
  educationLevel: 'primary',
  substances: ['heroin'],
  familyContact: { name: 'Hoàng Thị Lan', relationship: 'Mẹ', phone: '0912 345 678' },
};

test('a duty officer reaches no medical screen or data; the admin sees the medical officer’s opening in the access log', async ({ page, senUrl }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // The admin sets up (screens), creates both accounts and admits the trainee (bridge).
  await setUpAndSignInAdmin(page, senUrl);
  for (const [who, roles] of [
    [MEDICAL, ['medical']],
    [DUTY, ['duty']],
  ] as const) {
    await invokeOk(page, 'accounts.create', { fullName: who.fullName, username: who.username, roles, password: who.temporary, passwordConfirm: who.temporary });
  }
  const { traineeId } = await invokeOk<{ traineeId: string }>(page, 'trainees.admit', TRAINEE);

  // The medical officer (bridge, as the screens would): screening, separate housing, a restriction; opens the record once.
  await invokeOk(page, 'auth.signOut', {});
  await invokeOk(page, 'auth.signIn', { username: MEDICAL.username, password: MEDICAL.temporary });
  await invokeOk(page, 'auth.changePassword', { currentPassword: MEDICAL.temporary, newPassword: MEDICAL.chosen, newPasswordConfirm: MEDICAL.chosen });
  await invokeOk(page, 'medical.screening.record', { traineeId, date: day(0).iso, results: { hiv: 'positive' }, note: SCREENING_NOTE });
  await invokeOk(page, 'medical.flags.setHousing', { traineeId, reason: 'infectious_isolation', since: day(0).iso, reviewDate: day(14).iso, note: HOUSING_NOTE });
  await invokeOk(page, 'medical.flags.setRestriction', { traineeId, restriction: 'no_heavy_labor', reason: RESTRICTION_REASON, since: day(0).iso, until: null });
  await invokeOk(page, 'medical.openRecord', { traineeId });
  await invokeOk(page, 'auth.signOut', {});
  await page.reload();

  // The duty officer signs in: the duty page, the roster, and no Medical item.
  await signInFirstTime(page, DUTY.username, DUTY.temporary, DUTY.chosen);
  await expect(page.getByTestId('header-user')).toHaveText(DUTY.fullName);
  const roster = page.getByRole('heading', { name: 'Danh sách học viên' });
  const nav = page.getByRole('navigation');
  // A duty officer starts on the duty page; the roster is one click away.
  await expect(page.getByRole('heading', { name: 'Trực ban', exact: true })).toBeVisible();
  await nav.getByRole('button', { name: 'Học viên', exact: true }).click();
  await expect(roster).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Học viên', exact: true })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Y tế', exact: true })).toHaveCount(0);
  const row = page.getByTestId('roster-row').filter({ hasText: TRAINEE.fullName });
  await expect(row.getByTestId('badge-separate-housing')).toHaveText('Ở riêng');
  await expect(row.getByTestId('badge-work-restrictions')).toHaveText('Hạn chế lao động (1)');
  await shootBoth(page, 'duty-boundary-roster');

  // The medical routes, forced into the store, show the roster (and open nothing).
  await row.click();
  await expect(page.getByTestId('trainee-name')).toHaveText(TRAINEE.fullName);
  await expect(page.getByTestId('trainee-flags')).toContainText(`Ở riêng từ ${day(0).shown}`);
  await expect(page.getByTestId('trainee-flags')).toContainText('Không lao động nặng');
  await expect(page.getByTestId('open-medical-record')).toHaveCount(0);
  for (const route of [
    { name: 'medical', tab: 'dashboard' },
    { name: 'medicalRecord', traineeId },
  ]) {
    // From the trainee page, so that landing on the roster is a change of screen.
    if (await roster.isVisible()) await row.click();
    await expect(page.getByTestId('trainee-name')).toHaveText(TRAINEE.fullName);
    expect(await dispatchToStore(page, { type: 'navigation/navigate', payload: route })).toBe(true);
    await expect(roster).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Y tế', exact: true })).toHaveCount(0);
    await expect(page.getByTestId('record-header')).toHaveCount(0);
  }

  // Direct calls of the bridge from the page: every medical handler is refused.
  const forbidden: [string, unknown][] = [
    ['medical.openRecord', { traineeId }],
    ['medical.flags.forTrainee', { traineeId }],
    ['medical.flags.dashboard', {}],
    ['medical.screening.list', { traineeId }],
    ['medical.screening.due', {}],
    ['medical.arv.summary', { traineeId }],
    ['medical.detox.episodes', { traineeId }],
    ['medical.prescriptions.get', { traineeId }],
    ['medical.round.get', { date: day(0).iso, slot: 'morning' }],
    ['medical.flags.clearHousing', { traineeId, flagId: traineeId, date: day(0).iso, note: '' }],
  ];
  for (const [name, input] of forbidden) {
    const result = await invoke(page, name, input);
    expect({ name, result: result.ok ? result : { ok: false, error: { code: result.error.code } } }).toEqual({ name, result: { ok: false, error: { code: 'FORBIDDEN' } } });
  }

  // What the duty officer may read says the facts and dates, never why.
  const timeline = await invokeOk<{ type: string; data: Record<string, unknown> }[]>(page, 'trainees.timeline', { traineeId });
  expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['TraineeAdmitted', 'HousingFlagSet', 'WorkRestrictionSet']));
  expect(timeline.map((e) => e.type)).not.toContain('ScreeningRecorded');
  expect(timeline.find((e) => e.type === 'HousingFlagSet')?.data).toMatchObject({ since: day(0).iso });
  const restrictions = await invokeOk(page, 'trainees.restrictions', { traineeId });
  expect(restrictions).toMatchObject({ separateHousing: { since: day(0).iso } });
  const list = await invokeOk(page, 'trainees.list', {});
  for (const [what, value] of [
    ['trainees.timeline', timeline],
    ['trainees.restrictions', restrictions],
    ['trainees.list', list],
  ] as const) {
    const json = JSON.stringify(value);
    for (const secret of SECRETS) expect(json.includes(secret), `${what} contains ${secret}`).toBe(false);
  }
  // …and the page shows none of it either.
  const body = page.locator('body');
  for (const secret of [HOUSING_NOTE, RESTRICTION_REASON, SCREENING_NOTE, 'Bệnh truyền nhiễm phải cách ly']) await expect(body).not.toContainText(secret);
  await signOut(page);

  // The administrator: Accounts → access log, the medical officer's opening, and nothing else.
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('header-user')).toHaveText(ADMIN.fullName);
  await page.getByRole('navigation').getByRole('button', { name: 'Tài khoản', exact: true }).click();
  await page.getByTestId('open-access-log').click();
  await expect(page.getByRole('heading', { name: 'Nhật ký truy cập' })).toBeVisible();
  const entries = page.getByTestId('access-row');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(MEDICAL.fullName);
  await expect(entries.first()).toContainText('Mở hồ sơ y tế');
  await expect(entries.first()).toContainText(`${TRAINEE.fileNumber} ${TRAINEE.fullName}`);
  await expect(entries.first()).toContainText(day(0).shown);
  await page.getByTestId('access-person').selectOption({ label: DUTY.fullName });
  await expect(page.getByTestId('access-empty')).toBeVisible();
  await page.getByTestId('access-person').selectOption({ label: MEDICAL.fullName });
  await expect(entries).toHaveCount(1);
  await shootBoth(page, 'access-log');
  expect(pageErrors).toEqual([]);
});
