import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import type { Eligibility, RatingSheet } from '../../../shared/duty/recognition';
import { todayIso } from '../../../shared/dates';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { RecognitionScreen } from '../../../renderer/features/duty/recognition/RecognitionScreen';
import { i18next } from '../../../renderer/i18n';
import { signedInBridge, type FakeBridge } from '../fakeBridge';
import { renderApp } from '../render';
import { BINH_ID, hoa, HOA_ID, roster } from '../data';

const DUTY: SessionUser = { id: '00000000-0000-4000-8000-000000000004', username: 'truc', fullName: 'Đỗ Văn Trực', roles: ['duty'] };
const PAO_ID = '33333333-3333-4333-8333-333333333333';
const MONTH = todayIso().slice(0, 7);

const sheet: RatingSheet = {
  month: MONTH,
  rows: [
    { traineeId: HOA_ID, fileNumber: 'HS-1', fullName: 'Trần Thị Hoà', rating: 'fair', previous: 'fair' },
    { traineeId: BINH_ID, fileNumber: 'HS-2', fullName: 'Nguyễn Văn Bình', rating: null, previous: null },
    { traineeId: PAO_ID, fileNumber: 'HS-3', fullName: 'Lò Văn Páo', rating: null, previous: 'poor' },
  ],
};

function renderScreen(bridge: FakeBridge) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'duty', tab: 'recognition' } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      <RecognitionScreen />
    </Providers>,
  );
  return { user };
}

const pressed = (row: HTMLElement) =>
  within(row)
    .getAllByRole('button')
    .filter((b) => b.getAttribute('aria-pressed') === 'true')
    .map((b) => b.textContent);

describe('the monthly rating sheet', () => {
  it('rates from the keyboard (1–4, T/K/B/Y, arrows) and saves only the changes, once', async () => {
    const bridge = signedInBridge(DUTY).ok('duty.recognition.sheet', sheet).ok('duty.recognition.rate', { recorded: 2, unchanged: 0 });
    const { user } = renderScreen(bridge);
    const rows = await screen.findAllByTestId('sheet-row');
    expect(rows.map((r) => pressed(r))).toEqual([['Khá'], [], []]);
    expect(screen.getByTestId('sheet-progress').textContent).toBe('Đã xếp loại 1/3');
    expect((screen.getByTestId('sheet-save') as HTMLButtonElement).disabled).toBe(true);

    rows[0]!.focus();
    // "k" keeps Hoà at khá (no change) and moves on; "1" rates Bình tốt; "y" rates Páo yếu.
    await user.keyboard('k1y');
    expect(rows.map((r) => pressed(r))).toEqual([['Khá'], ['Tốt'], ['Yếu']]);
    expect(document.activeElement).toBe(rows[2]);
    // Up to Bình, then "3": trung bình instead; the focus moves on to Páo.
    await user.keyboard('{ArrowUp}3');
    expect(pressed(rows[1]!)).toEqual(['Trung bình']);
    expect(document.activeElement).toBe(rows[2]);
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(rows[0]);
    expect(screen.getByTestId('sheet-progress').textContent).toBe('Đã xếp loại 3/3');

    await user.click(screen.getByTestId('sheet-save'));
    await waitFor(() =>
      expect(bridge.callsTo('duty.recognition.rate')).toEqual([
        {
          month: MONTH,
          ratings: [
            { traineeId: BINH_ID, rating: 'average' },
            { traineeId: PAO_ID, rating: 'poor' },
          ],
        },
      ]),
    );
  });

  it("shows the core's refusal in the user's language", async () => {
    const bridge = signedInBridge(DUTY)
      .ok('duty.recognition.sheet', sheet)
      .fail('duty.recognition.rate', { code: 'ALREADY_RELEASED', message: 'released' });
    const { user } = renderScreen(bridge);
    const rows = await screen.findAllByTestId('sheet-row');
    rows[1]!.focus();
    await user.keyboard('2');
    await user.click(screen.getByTestId('sheet-save'));
    expect((await screen.findByTestId('sheet-save-error')).textContent).toContain('Học viên đã ra cơ sở.');
  });

  it('names the field-level reason the core gives (a month not begun)', async () => {
    const bridge = signedInBridge(DUTY)
      .ok('duty.recognition.sheet', sheet)
      .fail('duty.recognition.rate', { code: 'VALIDATION', message: 'month: monthNotBegun', issues: [{ path: 'month', code: 'monthNotBegun' }] });
    const { user } = renderScreen(bridge);
    const rows = await screen.findAllByTestId('sheet-row');
    rows[2]!.focus();
    await user.keyboard('t');
    await user.click(screen.getByTestId('sheet-save'));
    expect((await screen.findByTestId('sheet-save-issue')).textContent).toBe('Tháng này chưa bắt đầu');
  });
});

describe('rewards for a list and eligibility', () => {
  it('adds trainees with Enter, refuses an empty reason on screen, then records once for the list', async () => {
    const bridge = signedInBridge(DUTY)
      .ok('duty.recognition.sheet', sheet)
      .on('trainees.list', (input) => ({ ok: true, value: { ...roster, items: roster.items.filter((r) => r.fullName.toLowerCase().includes((input.search ?? '').toLowerCase())) } }))
      .ok('duty.recognition.reward', { batchId: '44444444-4444-4444-8444-444444444444', seqs: [10, 11] });
    const { user } = renderScreen(bridge);
    await user.click(await screen.findByRole('tab', { name: 'Khen thưởng' }));
    const search = await screen.findByTestId('reward-search');
    for (const name of [roster.items[0]!.fullName, roster.items[1]!.fullName]) {
      await user.type(search, name.split(' ').at(-1)!);
      await screen.findAllByTestId('reward-match');
      await user.keyboard('{Enter}');
    }
    const chosen = screen.getByTestId('reward-chosen').textContent ?? '';
    expect(chosen).toContain(roster.items[0]!.fullName);
    expect(chosen).toContain(roster.items[1]!.fullName);

    await user.click(screen.getByTestId('reward-save'));
    expect(await screen.findByText('Bắt buộc nhập')).toBeTruthy();
    expect(bridge.callsTo('duty.recognition.reward')).toEqual([]);

    await user.selectOptions(screen.getByTestId('reward-kind'), 'extra_visit');
    await user.type(screen.getByTestId('reward-reason'), 'Lao động tích cực');
    await user.click(screen.getByTestId('reward-save'));
    await waitFor(() =>
      expect(bridge.callsTo('duty.recognition.reward')).toEqual([{ traineeIds: [roster.items[0]!.id, roster.items[1]!.id], kind: 'extra_visit', reason: 'Lao động tích cực', date: todayIso() }]),
    );
  });

  it("puts the core's refusal of the date on the date field", async () => {
    const bridge = signedInBridge(DUTY)
      .ok('duty.recognition.sheet', sheet)
      .ok('trainees.list', roster)
      .fail('duty.recognition.reward', { code: 'VALIDATION', message: 'date: beforeAdmission', issues: [{ path: 'date', code: 'beforeAdmission' }] });
    const { user } = renderScreen(bridge);
    await user.click(await screen.findByRole('tab', { name: 'Khen thưởng' }));
    await user.type(await screen.findByTestId('reward-search'), 'a');
    await screen.findAllByTestId('reward-match');
    await user.keyboard('{Enter}');
    await user.clear(screen.getByTestId('reward-date'));
    await user.type(screen.getByTestId('reward-date'), '01/01/2020');
    await user.type(screen.getByTestId('reward-reason'), 'Tích cực');
    await user.click(screen.getByTestId('reward-save'));
    expect(await screen.findByText('Ngày không được trước ngày tiếp nhận')).toBeTruthy();
    expect(bridge.callsTo('duty.recognition.reward')).toEqual([{ traineeIds: [roster.items[0]!.id], kind: 'commendation', reason: 'Tích cực', date: '2020-01-01' }]);
  });

  it('lists who is eligible, in Vietnamese and English', async () => {
    const e: Eligibility = {
      month: '2026-09',
      rules: { commendationMinRating: 'fair', commendationGoodMonths: 1, termSharePercent: 50, termMonths: 3, termMinRating: 'fair' },
      quarter: ['2026-07', '2026-08', '2026-09'],
      commendation: [{ traineeId: HOA_ID, fileNumber: 'HS-1', fullName: 'Trần Thị Hoà', months: [{ month: '2026-07', rating: 'good' }, { month: '2026-08', rating: 'fair' }, { month: '2026-09', rating: 'fair' }], servedPercent: null }],
      termReduction: [],
    };
    const bridge = signedInBridge(DUTY).ok('duty.recognition.sheet', sheet).ok('duty.recognition.eligibility', e);
    const { user } = renderScreen(bridge);
    await user.click(await screen.findByRole('tab', { name: 'Đủ điều kiện' }));
    const list = await screen.findByTestId('eligible-commendation');
    await waitFor(() => expect(list.textContent).toContain('07/2026: Tốt · 08/2026: Khá · 09/2026: Khá'));
    expect(list.textContent).toContain('Đủ điều kiện khen (quý 07/2026 – 09/2026)');
    expect(screen.getByTestId('eligible-term').textContent).toContain('Chưa có học viên nào đủ điều kiện');
    // Duty is not the admin: no thresholds editor.
    expect(screen.queryByTestId('eligibility-rules')).toBeNull();
    await i18next.changeLanguage('en');
    await waitFor(() => expect(list.textContent).toContain('07/2026: Good · 08/2026: Fair · 09/2026: Fair'));
    await i18next.changeLanguage('vi');
  });
});

describe('the trainee timeline', () => {
  it('shows a reward with its reason and a re-rating naming the entry it replaces', async () => {
    const entry = (seq: number, type: 'RewardGranted' | 'MonthlyRated', data: Record<string, unknown>) => ({
      seq,
      type,
      occurredAt: '2026-11-05',
      recordedAt: '2026-11-05T03:00:00.000Z',
      actor: { id: DUTY.id, fullName: DUTY.fullName },
      meta: { actor: DUTY.id, actorRoles: ['duty' as const] },
      data,
      voided: null,
    });
    const bridge = signedInBridge(DUTY)
      .ok('trainees.get', hoa)
      .ok('trainees.restrictions', { traineeId: HOA_ID, separateHousing: null, workRestrictions: [], atHospitalSince: null })
      .ok('trainees.timeline', [
        entry(30, 'RewardGranted', { traineeId: HOA_ID, rewardId: PAO_ID, batchId: PAO_ID, kind: 'extra_visit', reason: 'Lao động tích cực', date: '2026-11-05' }),
        entry(31, 'MonthlyRated', { traineeId: HOA_ID, month: '2026-10', rating: 'fair', replacesSeq: null }),
        entry(32, 'MonthlyRated', { traineeId: HOA_ID, month: '2026-10', rating: 'good', replacesSeq: 31 }),
      ]);
    renderApp(bridge, { name: 'trainee', traineeId: HOA_ID });
    expect((await screen.findByTestId('timeline-reward')).textContent).toBe('Thêm lần thăm gặp gia đình ngày 05/11/2026');
    expect(screen.getByText('Lao động tích cực')).toBeTruthy();
    expect(screen.getAllByTestId('timeline-rating').map((e) => e.textContent)).toEqual(expect.arrayContaining(['Tháng 10/2026: Tốt', 'Tháng 10/2026: Khá']));
    expect(screen.getByText('Xếp loại lại, thay cho lần ghi trước (#31)')).toBeTruthy();
    expect(screen.getAllByText('Xếp loại tháng').length).toBeGreaterThanOrEqual(2);
  });
});
