import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import { formatDate, todayIso } from '../../../shared/dates';
import type { DueList, DueTrainee, TraineeCounselling } from '../../../shared/training/reintegration';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { ReintegrationScreen } from '../../../renderer/features/training/reintegration/ReintegrationScreen';
import { ADMIN, signedInBridge, TEACHER, type FakeBridge } from '../fakeBridge';
import { BINH_ID, HOA_ID } from '../data';
import { captureDownloads, savedCsv } from '../downloads';

const PAO_ID = '33333333-3333-4333-8333-333333333333';
const TODAY = todayIso();
const NONE = { legal: 0, vocational: 0, job_referral: 0, family: 0, other: 0 };

const row = (traineeId: string, fullName: string, daysLeft: number, over: Partial<DueTrainee> = {}): DueTrainee => ({
  traineeId,
  fileNumber: `HS-${daysLeft}`,
  fullName,
  admissionDate: '2025-01-02',
  plannedReleaseDate: '2027-03-01',
  daysLeft,
  sessions: 0,
  byKind: NONE,
  last: null,
  followUp: null,
  ...over,
});

const due: DueList = {
  day: TODAY,
  dueWithinDays: 90,
  notCounselled: 2,
  followUpsOverdue: 1,
  rows: [
    row(PAO_ID, 'Lò Văn Páo', 12),
    row(BINH_ID, 'Nguyễn Văn Bình', 80),
    row(HOA_ID, 'Trần Thị Hoà', 5, {
      sessions: 2,
      byKind: { ...NONE, legal: 1, job_referral: 1 },
      last: { date: '2026-11-02', kind: 'job_referral', outcome: 'needs_follow_up', counsellorName: 'Lê Thị Giáo' },
      followUp: { date: '2026-11-09', state: 'overdue' },
    }),
  ],
};

const counselling = (traineeId: string): TraineeCounselling => ({
  traineeId,
  fileNumber: 'HS-80',
  fullName: 'Nguyễn Văn Bình',
  released: false,
  admissionDate: '2025-01-02',
  plannedReleaseDate: '2027-03-01',
  sessions: [],
});

function renderScreen(bridge: FakeBridge, who: SessionUser) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'reintegration' } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      <ReintegrationScreen user={who} />
    </Providers>,
  );
  return { user };
}

describe('the reintegration screen', () => {
  it('lists those due, not yet counselled highlighted; arrow + Enter opens the form; Ctrl+Enter records once', async () => {
    const bridge = signedInBridge(TEACHER)
      .ok('reintegration.due', due)
      .on('reintegration.forTrainee', (input) => ({ ok: true, value: counselling(input.traineeId) }))
      .ok('reintegration.record', { sessionId: '44444444-4444-4444-8444-444444444444', seq: 40 });
    const { user } = renderScreen(bridge, TEACHER);
    const rows = await screen.findAllByTestId('due-row');
    expect(screen.getByTestId('due-summary').textContent).toBe('3 học viên · 2 chưa được tư vấn · 1 quá hẹn tư vấn tiếp');
    expect(rows.map((r) => r.getAttribute('data-not-counselled'))).toEqual(['true', 'true', null]);
    expect(within(rows[0]!).getByText('Chưa tư vấn')).toBeTruthy();
    expect(rows[2]!.textContent).toContain('Pháp lý 1');
    expect(rows[2]!.textContent).toContain('Quá hẹn');

    rows[0]!.focus();
    await user.keyboard('{ArrowDown}{Enter}');
    const form = await screen.findByTestId('session-form');
    expect(bridge.callsTo('reintegration.forTrainee')).toEqual([{ traineeId: BINH_ID }]);
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText(/Nội dung tư vấn/)));
    expect(within(form).getByText('Người tư vấn: Lê Thị Giáo')).toBeTruthy();

    // Nothing typed yet: the screen refuses before the core is asked.
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await within(form).findByText('Bắt buộc nhập')).toBeTruthy();
    // A follow-up before the session: the shared schema's message, still nothing sent.
    await user.selectOptions(within(form).getByLabelText(/Nội dung tư vấn/), 'job_referral');
    await user.type(within(form).getByLabelText(/Vấn đề đã trao đổi/), 'Tìm việc tại địa phương');
    await user.selectOptions(within(form).getByLabelText(/Kết quả/), 'referred');
    await user.type(within(form).getByLabelText(/Giới thiệu đến/), 'HTX Chiềng Cơi');
    await user.type(within(form).getByLabelText(/Ngày hẹn tư vấn tiếp/), '01/01/2000');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await within(form).findByText('Ngày hẹn không được trước ngày tư vấn')).toBeTruthy();
    expect(bridge.callsTo('reintegration.record')).toEqual([]);

    await user.clear(within(form).getByLabelText(/Ngày hẹn tư vấn tiếp/));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(bridge.callsTo('reintegration.record')).toEqual([
        { traineeId: BINH_ID, kind: 'job_referral', date: TODAY, topics: 'Tìm việc tại địa phương', notes: '', outcome: 'referred', referralTo: 'HTX Chiềng Cơi', followUpDate: null },
      ]),
    );
    // The lists are asked again after the save.
    await waitFor(() => expect(bridge.callsTo('reintegration.due').length).toBeGreaterThan(1));
  });

  it('exports the due list as CSV as shown', async () => {
    const bridge = signedInBridge(TEACHER).ok('reintegration.due', due).ok('access.recordExport', { seq: 33 });
    const { user } = renderScreen(bridge, TEACHER);
    await screen.findAllByTestId('due-row');
    const saved = captureDownloads();
    await user.click(screen.getByTestId('csv-export'));
    await waitFor(() => expect(saved.blobs).toHaveLength(1));
    const { name, lines } = await savedCsv(saved);
    expect(name).toMatch(/^sap-ra-truong-can-tu-van-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines[0]).toBe('Số hồ sơ,Họ tên,Dự kiến ra,Còn (ngày),Đã tư vấn,Lần gần nhất,Hẹn tư vấn tiếp');
    expect(lines[3]).toBe('HS-5,Trần Thị Hoà,01/03/2027,5,"Pháp lý 1; Giới thiệu việc làm 1",02/11/2026 Giới thiệu việc làm (Lê Thị Giáo),09/11/2026 Quá hẹn');
    expect(lines).toHaveLength(5);
  });

  it("puts the core's refusal of the date on the date field", async () => {
    const bridge = signedInBridge(TEACHER)
      .ok('reintegration.due', due)
      .on('reintegration.forTrainee', (input) => ({ ok: true, value: counselling(input.traineeId) }))
      .fail('reintegration.record', { code: 'VALIDATION', message: 'date: beforeAdmission', issues: [{ path: 'date', code: 'beforeAdmission' }] });
    const { user } = renderScreen(bridge, TEACHER);
    await user.click((await screen.findAllByTestId('due-row'))[1]!);
    const form = await screen.findByTestId('session-form');
    const date = within(form).getByLabelText(/Ngày tư vấn/);
    expect((date as HTMLInputElement).value).toBe(formatDate(TODAY));
    await user.clear(date);
    await user.type(date, '01/01/2024');
    await user.type(within(form).getByLabelText(/Vấn đề đã trao đổi/), 'Pháp luật');
    await user.click(within(form).getByTestId('session-save'));
    expect(await within(form).findByText('Ngày không được trước ngày tiếp nhận')).toBeTruthy();
  });

  it('the admin reads the sessions without a form and sets N', async () => {
    const bridge = signedInBridge(ADMIN)
      .ok('reintegration.due', due)
      .on('reintegration.forTrainee', (input) => ({
        ok: true,
        value: {
          ...counselling(input.traineeId),
          sessions: [
            {
              sessionId: '55555555-5555-4555-8555-555555555555',
              seq: 9,
              kind: 'legal',
              date: '2026-11-02',
              counsellor: { id: 'x', fullName: 'Lê Thị Giáo' },
              topics: 'Thủ tục đăng ký cư trú',
              notes: '',
              outcome: 'completed',
              referralTo: '',
              followUpDate: null,
            },
          ],
        },
      }))
      .ok('reintegration.settings', { dueWithinDays: 90 })
      .ok('reintegration.setSettings', { seq: 50 });
    const { user } = renderScreen(bridge, ADMIN);
    const rows = await screen.findAllByTestId('due-row');
    rows[2]!.focus();
    await user.keyboard('{Enter}');
    const items = await screen.findAllByTestId('session-item');
    expect(items[0]!.textContent).toContain('Thủ tục đăng ký cư trú');
    expect(items[0]!.textContent).toContain('Người tư vấn: Lê Thị Giáo');
    expect(screen.queryByTestId('session-form')).toBeNull();

    const settings = await screen.findByTestId('reintegration-settings');
    const days = within(settings).getByLabelText('Số ngày trước ngày dự kiến ra');
    await user.clear(days);
    await user.click(within(settings).getByRole('button', { name: 'Lưu' }));
    expect(await within(settings).findByText('Bắt buộc nhập')).toBeTruthy();
    await user.type(days, '120');
    await user.click(within(settings).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(bridge.callsTo('reintegration.setSettings')).toEqual([{ dueWithinDays: 120 }]));
  });
});
