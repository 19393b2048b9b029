import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import { formatDate, todayIso } from '../../../shared/dates';
import { DEFAULT_MEDICAL_SETTINGS } from '../../../shared/medical/common';
import type { ScreeningDue, TraineeScreenings } from '../../../shared/medical/screening';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { MedicalSettingsForm } from '../../../renderer/features/medical/screening/MedicalSettingsForm';
import { ScreeningDueCard } from '../../../renderer/features/medical/screening/ScreeningDueCard';
import { ScreeningSection } from '../../../renderer/features/medical/screening/ScreeningSection';
import { i18next } from '../../../renderer/i18n';
import { signedInBridge, type FakeBridge } from '../fakeBridge';

const MEDICAL: SessionUser = { id: '00000000-0000-4000-8000-000000000003', username: 'yte', fullName: 'Phạm Thị Y', roles: ['medical'] };
const TRAINEE = '00000000-0000-4000-8000-0000000000b1';
const OTHER = '00000000-0000-4000-8000-0000000000b2';

function renderWith(bridge: FakeBridge, ui: ReactNode) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'medical', tab: 'dashboard' } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      {ui}
    </Providers>,
  );
  return { store, user };
}

const empty: TraineeScreenings = { latest: [], missing: ['hiv', 'hbv', 'hcv', 'syphilis', 'tb', 'urine', 'vitals'], dueDates: {}, sessions: [] };

describe('screening form', () => {
  it('sends only the tests filled in, with ISO dates, numbers from a decimal comma and the TB screen', async () => {
    const bridge = signedInBridge(MEDICAL).ok('medical.screening.list', empty).ok('medical.screening.record', { sessionId: OTHER, seq: 40 });
    const { user } = renderWith(bridge, <ScreeningSection traineeId={TRAINEE} />);
    await user.click(await screen.findByTestId('record-screening'));
    const dialog = within(await screen.findByRole('dialog'));
    const date = dialog.getByLabelText(/Ngày sàng lọc/) as HTMLInputElement;
    expect(date.value).toBe(formatDate(todayIso()));
    await user.clear(date);
    await user.type(date, '02/09/2026');
    await user.selectOptions(dialog.getByLabelText('HIV'), 'Âm tính');
    await user.selectOptions(dialog.getByLabelText(/MET – Methamphetamin/), 'Dương tính');
    // Cut-offs as hints: AMP and MET share theirs.
    expect(dialog.getAllByText('Ngưỡng 500/1000 ng/mL')).toHaveLength(2);
    expect(dialog.getByText('Ngưỡng 10 ng/mL')).toBeTruthy();
    await user.click(dialog.getByLabelText('Ra mồ hôi đêm'));
    expect(dialog.getByTestId('tb-screen').textContent).toContain('Sàng lọc lao dương tính');
    await user.type(dialog.getByLabelText(/Nhiệt độ/), '36,8');
    await user.type(dialog.getByLabelText(/Huyết áp tâm thu/), '120');
    await user.type(dialog.getByLabelText(/Huyết áp tâm trương/), '80');
    await user.click(dialog.getByRole('button', { name: 'Lưu kết quả' }));

    await waitFor(() => expect(bridge.callsTo('medical.screening.record')).toHaveLength(1));
    expect(bridge.callsTo('medical.screening.record')[0]).toEqual({
      traineeId: TRAINEE,
      date: '2026-09-02',
      results: {
        hiv: 'negative',
        tb: { cough2Weeks: false, fever: false, weightLoss: false, nightSweats: true, tbContact: false },
        urine: { MET: 'positive' },
        vitals: { pulse: null, systolic: 120, diastolic: 80, temperature: 36.8, respiratoryRate: null, weightKg: null },
      },
      note: '',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('refuses an empty session and bad values before calling, and shows the core refusal on the date', async () => {
    const bridge = signedInBridge(MEDICAL)
      .ok('medical.screening.list', empty)
      .fail('medical.screening.record', { code: 'VALIDATION', message: 'date: screeningBeforeAdmission', issues: [{ path: 'date', code: 'screeningBeforeAdmission' }] });
    const { user } = renderWith(bridge, <ScreeningSection traineeId={TRAINEE} />);
    await user.click(await screen.findByTestId('record-screening'));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Lưu kết quả' }));
    expect((await dialog.findByTestId('screening-nothing')).textContent).toBe('Hãy ghi ít nhất một kết quả');

    await user.type(dialog.getByLabelText(/Nhiệt độ/), '370');
    await user.type(dialog.getByLabelText(/Huyết áp tâm thu/), '120');
    await user.click(dialog.getByRole('button', { name: 'Lưu kết quả' }));
    expect(await dialog.findByText('Ngoài khoảng cho phép')).toBeTruthy();
    expect(dialog.getByText('Cần ghi cả huyết áp tâm thu và tâm trương')).toBeTruthy();
    expect(bridge.callsTo('medical.screening.record')).toHaveLength(0);

    await user.clear(dialog.getByLabelText(/Nhiệt độ/));
    await user.clear(dialog.getByLabelText(/Huyết áp tâm thu/));
    await user.selectOptions(dialog.getByLabelText('Giang mai'), 'Âm tính');
    await user.click(dialog.getByRole('button', { name: 'Lưu kết quả' }));
    expect(await dialog.findByText('Ngày sàng lọc không được trước ngày tiếp nhận')).toBeTruthy();
    expect(bridge.callsTo('medical.screening.record')).toHaveLength(1);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('shows the latest result per test, the next due date, the tests missing and the history', async () => {
    const results = { hiv: 'negative', urine: { MET: 'positive', THC: 'negative' } } as const;
    const data: TraineeScreenings = {
      latest: [
        { test: 'hiv', date: '2026-09-02', seq: 30, positive: false },
        { test: 'urine', date: '2026-09-02', seq: 30, positive: true },
      ],
      missing: ['hbv', 'hcv', 'syphilis', 'tb', 'vitals'],
      dueDates: { hiv: '2027-03-01', urine: null },
      sessions: [{ seq: 30, sessionId: OTHER, date: '2026-09-02', results, note: 'Đầu vào', recordedBy: 'Phạm Thị Y', recordedAt: '2026-09-02T03:00:00.000Z' }],
    };
    renderWith(signedInBridge(MEDICAL).ok('medical.screening.list', data), <ScreeningSection traineeId={TRAINEE} />);
    const latest = within(await screen.findByTestId('screening-latest'));
    const rows = latest.getAllByRole('row').map((r) => r.textContent);
    expect(rows[1]).toBe('HIV02/09/2026Âm tính01/03/2027');
    expect(rows[2]).toBe('Xét nghiệm nước tiểu tìm chất ma túy02/09/2026Dương tính: MET · Âm tính: THC—');
    expect(screen.getByTestId('screening-missing').textContent).toBe('Chưa sàng lọc: Viêm gan B (HBsAg), Viêm gan C (anti-HCV), Giang mai, Sàng lọc triệu chứng lao, Dấu hiệu sinh tồn và cân nặng');
    expect(screen.getByTestId('screening-session').textContent).toContain('Đầu vào');
  });
});

describe('screening due card', () => {
  const due: ScreeningDue = {
    today: '2026-10-05',
    intakeIncomplete: [{ traineeId: TRAINEE, fullName: 'Trần Thị Hoà', fileNumber: 'HS-2026-0002', admissionDate: '2026-09-01', missing: ['hbv', 'vitals'] }],
    rescreening: [{ traineeId: OTHER, fullName: 'Lò Văn Páo', fileNumber: 'HS-2026-0003', admissionDate: '2026-09-01', test: 'urine', lastDate: '2026-09-02', dueDate: '2026-10-02' }],
  };

  it('lists incomplete intakes and re-screenings due, and opens the medical record from a name', async () => {
    const { store, user } = renderWith(signedInBridge(MEDICAL).ok('medical.screening.due', due), <ScreeningDueCard />);
    const intake = within(await screen.findByTestId('screening-intake'));
    expect(intake.getAllByRole('row')[1]!.textContent).toBe('Trần Thị HoàHS-2026-0002 · Tiếp nhận 01/09/2026Viêm gan B (HBsAg), Dấu hiệu sinh tồn và cân nặng');
    const rescreen = within(screen.getByTestId('screening-rescreen'));
    expect(rescreen.getAllByRole('row')[1]!.textContent).toBe('Lò Văn PáoXét nghiệm nước tiểu tìm chất ma túy02/09/202602/10/2026');
    await user.click(screen.getByRole('button', { name: 'Mở hồ sơ y tế của Lò Văn Páo' }));
    expect(store.getState().navigation.route).toEqual({ name: 'medicalRecord', traineeId: OTHER });
  });

  it('says when nothing is due, in English too', async () => {
    await i18next.changeLanguage('en');
    renderWith(signedInBridge(MEDICAL).ok('medical.screening.due', { today: '2026-10-05', intakeIncomplete: [], rescreening: [] }), <ScreeningDueCard />);
    expect(await screen.findByText('Every trainee has a complete intake screening.')).toBeTruthy();
    expect(screen.getByText('No periodic re-screening is due.')).toBeTruthy();
  });
});

describe('medical settings form', () => {
  it('saves the changed settings and refuses an empty or out-of-range value', async () => {
    const bridge = signedInBridge(MEDICAL).ok('medical.settings.get', DEFAULT_MEDICAL_SETTINGS).ok('medical.settings.set', { seq: 50 });
    const { user } = renderWith(bridge, <MedicalSettingsForm />);
    const urine = (await screen.findByLabelText(/Xét nghiệm nước tiểu/)) as HTMLInputElement;
    expect(urine.value).toBe('30 ngày');
    await user.clear(urine);
    await user.type(urine, '14');
    const threshold = screen.getByLabelText(/Ngưỡng tuân thủ điều trị ARV/);
    await user.clear(threshold);
    await user.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(await screen.findByText('Bắt buộc nhập')).toBeTruthy();
    await user.type(threshold, '40');
    await user.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(await screen.findByText('Ngoài khoảng cho phép')).toBeTruthy();
    expect(bridge.callsTo('medical.settings.set')).toHaveLength(0);
    await user.clear(threshold);
    await user.type(threshold, '90');
    await user.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    await waitFor(() => expect(bridge.callsTo('medical.settings.set')).toHaveLength(1));
    expect(bridge.callsTo('medical.settings.set')[0]).toEqual({
      ...DEFAULT_MEDICAL_SETTINGS,
      rescreenDays: { ...DEFAULT_MEDICAL_SETTINGS.rescreenDays, urine: 14 },
      adherenceThresholdPercent: 90,
    });
  });
});
