import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import { formatDate, todayIso } from '../../../shared/dates';
import type { TraineeFlags } from '../../../shared/medical/flags';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { FlagsCard } from '../../../renderer/features/medical/flags/FlagsCard';
import { FlagsSection } from '../../../renderer/features/medical/flags/FlagsSection';
import { i18next } from '../../../renderer/i18n';
import { signedInBridge, TEACHER, type FakeBridge } from '../fakeBridge';
import { hoa, HOA_ID, roster } from '../data';
import { renderApp } from '../render';

const MEDICAL: SessionUser = { id: '00000000-0000-4000-8000-000000000003', username: 'yte', fullName: 'Phạm Thị Y', roles: ['medical'] };
const DUTY: SessionUser = { id: '00000000-0000-4000-8000-000000000004', username: 'truc', fullName: 'Đỗ Văn Trực', roles: ['duty'] };
const FLAG = '00000000-0000-4000-8000-0000000000f1';
const REFERRAL = '00000000-0000-4000-8000-0000000000f2';

/** A form field by its label, with or without the required asterisk. */
function field(scope: { getByLabelText: (m: RegExp) => HTMLElement }, label: string): HTMLInputElement {
  return scope.getByLabelText(new RegExp(`^${label}\\s*\\*?$`)) as HTMLInputElement;
}

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

const nothing: TraineeFlags = { traineeId: HOA_ID, housing: [], restrictions: [], referrals: [] };

const flaggedRoster = {
  ...roster,
  items: [{ ...roster.items[0]!, separateHousing: true, atHospital: true, workRestrictions: ['no_sharp_tools' as const, 'no_heavy_labor' as const] }, roster.items[1]!],
};

describe('flags on non-medical screens', () => {
  it('the roster shows separate housing, at hospital and the restrictions as badges, without reasons', async () => {
    renderApp(signedInBridge(DUTY).ok('trainees.list', flaggedRoster));
    const rows = await screen.findAllByTestId('roster-row');
    const first = within(rows[0]!);
    expect(first.getByTestId('badge-separate-housing').textContent).toBe('Ở riêng');
    expect(first.getByTestId('badge-at-hospital').textContent).toBe('Ở bệnh viện');
    const restrictions = first.getByTestId('badge-work-restrictions');
    expect(restrictions.textContent).toBe('Hạn chế lao động (2)');
    expect(restrictions.getAttribute('title')).toBe('Không làm việc với dụng cụ sắc nhọn; Không lao động nặng');
    expect(within(rows[1]!).queryByTestId('roster-flags')).toBeNull();

    await i18next.changeLanguage('en');
    await waitFor(() => expect(first.getByTestId('badge-separate-housing').textContent).toBe('Separate housing'));
  });

  it('the trainee page shows the facts with their dates to duty', async () => {
    const duty = signedInBridge(DUTY)
      .ok('trainees.get', hoa)
      .ok('trainees.timeline', [])
      .ok('trainees.restrictions', { traineeId: HOA_ID, separateHousing: { since: '2026-11-10', reviewDate: '2026-12-10' }, workRestrictions: [{ restriction: 'no_work', since: '2026-11-11', until: null }], atHospitalSince: null });
    renderApp(duty, { name: 'trainee', traineeId: HOA_ID });
    const badges = within(await screen.findByTestId('trainee-flags'));
    expect(badges.getByTestId('badge-separate-housing').textContent).toBe('Ở riêng từ 10/11/2026');
    expect(badges.getByTestId('badge-work-restriction').textContent).toBe('Không lao động');
    expect(badges.queryByTestId('badge-at-hospital')).toBeNull();
    expect(duty.callsTo('trainees.restrictions')).toEqual([{ traineeId: HOA_ID }]);
  });

  it('a teacher, who may not know restrictions, is not shown any and the core is not asked', async () => {
    const teacher = signedInBridge(TEACHER).ok('trainees.get', hoa).ok('trainees.timeline', []);
    renderApp(teacher, { name: 'trainee', traineeId: HOA_ID });
    await screen.findByTestId('trainee-name');
    expect(screen.queryByTestId('trainee-flags')).toBeNull();
    expect(teacher.callsTo('trainees.restrictions')).toEqual([]);
  });
});

describe('FlagsSection', () => {
  it('sets a separate-housing flag from the keyboard: reason from the catalog (no HIV), dates typed dd/mm/yyyy', async () => {
    const bridge = signedInBridge(MEDICAL).ok('medical.flags.forTrainee', nothing).ok('medical.flags.setHousing', { flagId: FLAG, seq: 40 });
    const { user } = renderWith(bridge, <FlagsSection traineeId={HOA_ID} />);
    expect((await screen.findByTestId('flags-housing')).textContent).toContain('Không có yêu cầu ở riêng.');
    await user.click(screen.getByRole('button', { name: 'Đặt yêu cầu ở riêng' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Không bao giờ cho ở riêng vì nhiễm HIV (Nghị định 63/2021/NĐ-CP).')).toBeTruthy();
    const reason = field(dialog, 'Lý do') as unknown as HTMLSelectElement;
    expect([...reason.options].map((o) => o.value)).toEqual(['', 'infectious_isolation', 'detox_observation', 'protection', 'other_medical']);
    expect(field(dialog, 'Từ ngày').value).toBe(formatDate(todayIso()));

    // Nothing chosen, no review date: refused on screen, nothing sent.
    await user.click(dialog.getByRole('button', { name: 'Đặt yêu cầu ở riêng' }));
    expect(await dialog.findByText('Bắt buộc nhập')).toBeTruthy();
    expect(bridge.callsTo('medical.flags.setHousing')).toEqual([]);

    await user.selectOptions(reason, 'infectious_isolation');
    await user.clear(field(dialog, 'Từ ngày'));
    await user.type(field(dialog, 'Từ ngày'), '10/11/2026');
    await user.type(field(dialog, 'Ngày xem xét lại'), '01/11/2026');
    await user.type(field(dialog, 'Ghi chú'), 'Lao phổi AFB+');
    await user.keyboard('{Enter}');
    // Review before the start: the shared schema's rule, in Vietnamese, on the field.
    expect(await dialog.findByText('Ngày xem xét lại không được trước ngày bắt đầu')).toBeTruthy();
    expect(bridge.callsTo('medical.flags.setHousing')).toEqual([]);

    await user.clear(field(dialog, 'Ngày xem xét lại'));
    await user.type(field(dialog, 'Ngày xem xét lại'), '10/12/2026');
    await user.click(dialog.getByRole('button', { name: 'Đặt yêu cầu ở riêng' }));
    await waitFor(() =>
      expect(bridge.callsTo('medical.flags.setHousing')).toEqual([{ traineeId: HOA_ID, reason: 'infectious_isolation', since: '2026-11-10', reviewDate: '2026-12-10', note: 'Lao phổi AFB+' }]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('adds a work restriction: an empty end date means until lifted (null); the reason is required', async () => {
    const bridge = signedInBridge(MEDICAL).ok('medical.flags.forTrainee', nothing).ok('medical.flags.setRestriction', { restrictionId: FLAG, seq: 42 });
    const { user } = renderWith(bridge, <FlagsSection traineeId={HOA_ID} />);
    await user.click(await screen.findByRole('button', { name: 'Thêm hạn chế lao động' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.selectOptions(field(dialog, 'Hạn chế'), 'no_sharp_tools');
    await user.clear(field(dialog, 'Từ ngày'));
    await user.type(field(dialog, 'Từ ngày'), '1/11/2026');
    await user.click(dialog.getByRole('button', { name: 'Thêm hạn chế lao động' }));
    expect(await dialog.findByText('Bắt buộc nhập')).toBeTruthy();
    expect(bridge.callsTo('medical.flags.setRestriction')).toEqual([]);
    await user.type(field(dialog, 'Lý do'), 'Vết thương bàn tay');
    await user.click(dialog.getByRole('button', { name: 'Thêm hạn chế lao động' }));
    await waitFor(() =>
      expect(bridge.callsTo('medical.flags.setRestriction')).toEqual([{ traineeId: HOA_ID, restriction: 'no_sharp_tools', reason: 'Vết thương bàn tay', since: '2026-11-01', until: null }]),
    );
  });

  it('puts the core’s refusal on the field, in the user’s language', async () => {
    const bridge = signedInBridge(MEDICAL)
      .ok('medical.flags.forTrainee', nothing)
      .fail('medical.flags.refer', { code: 'VALIDATION', message: 'date: beforeAdmission', issues: [{ path: 'date', code: 'beforeAdmission' }] });
    const { user } = renderWith(bridge, <FlagsSection traineeId={HOA_ID} />);
    await user.click(await screen.findByRole('button', { name: 'Chuyển viện' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.clear(field(dialog, 'Ngày'));
    await user.type(field(dialog, 'Ngày'), '01/01/2020');
    await user.type(field(dialog, 'Bệnh viện'), 'Bệnh viện Phổi tỉnh');
    await user.type(field(dialog, 'Lý do chuyển viện'), 'Ho ra máu');
    await user.click(dialog.getByRole('button', { name: 'Chuyển viện' }));
    expect(await dialog.findByText('Ngày không được trước ngày tiếp nhận')).toBeTruthy();
    expect(bridge.callsTo('medical.flags.refer')).toEqual([{ traineeId: HOA_ID, date: '2020-01-01', hospital: 'Bệnh viện Phổi tỉnh', reason: 'Ho ra máu' }]);
  });

  it('shows the active flag with its reason, the restriction and the open referral, and records the return', async () => {
    const flags: TraineeFlags = {
      traineeId: HOA_ID,
      housing: [{ flagId: FLAG, reason: 'detox_observation', note: 'Theo dõi 7 ngày', since: '2026-11-10', reviewDate: '2026-11-17', clearedDate: null, clearNote: '', active: true }],
      restrictions: [{ restrictionId: '00000000-0000-4000-8000-0000000000f3', restriction: 'no_heavy_labor', reason: 'Sau mổ', since: '2026-11-01', until: '2026-11-30', clearedDate: null, active: true }],
      referrals: [{ referralId: REFERRAL, date: '2026-11-18', hospital: 'Bệnh viện đa khoa tỉnh', reason: 'Đau bụng cấp', returnedDate: null, returnNote: '', open: true }],
    };
    const bridge = signedInBridge(MEDICAL).ok('medical.flags.forTrainee', flags).ok('medical.flags.returnFromReferral', { seq: 41 });
    const { user } = renderWith(bridge, <FlagsSection traineeId={HOA_ID} />);
    const housing = within(await screen.findByTestId('flags-housing-active'));
    expect(housing.getByText('Theo dõi cắt cơn')).toBeTruthy();
    expect(housing.getByText('Ở riêng từ 10/11/2026, xem xét lại ngày 17/11/2026')).toBeTruthy();
    expect(within(screen.getByTestId('flags-restriction')).getByText('Từ 01/11/2026 đến 30/11/2026 · Sau mổ')).toBeTruthy();
    expect(within(screen.getByTestId('flags-referral-open')).getByText('Đang ở Bệnh viện đa khoa tỉnh từ 18/11/2026')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Ghi nhận trở về' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.clear(field(dialog, 'Ngày trở về'));
    await user.type(field(dialog, 'Ngày trở về'), '20/11/2026');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(bridge.callsTo('medical.flags.returnFromReferral')).toEqual([{ traineeId: HOA_ID, referralId: REFERRAL, date: '2026-11-20', note: '' }]));
  });
});

describe('FlagsCard', () => {
  it('lists flagged trainees with review due first, and who is at hospital', async () => {
    const bridge = signedInBridge(MEDICAL).ok('medical.flags.dashboard', {
      housing: [
        { traineeId: HOA_ID, fileNumber: 'HS-2024-001', fullName: 'Nguyễn Thị Hoà', flagId: FLAG, reason: 'infectious_isolation', since: '2026-11-01', reviewDate: '2026-11-15', reviewDue: true },
      ],
      atHospital: [{ traineeId: HOA_ID, fileNumber: 'HS-2024-001', fullName: 'Nguyễn Thị Hoà', referralId: REFERRAL, date: '2026-11-18', hospital: 'Bệnh viện Phổi tỉnh' }],
    });
    const { store, user } = renderWith(bridge, <FlagsCard />);
    const row = within(await screen.findByTestId('flags-card-housing'));
    expect(row.getByText('Đến hạn xem xét')).toBeTruthy();
    expect(row.getByText('Bệnh truyền nhiễm phải cách ly (vd. lao tiến triển) · từ 01/11/2026')).toBeTruthy();
    expect(within(screen.getByTestId('flags-card-hospital')).getByText('Bệnh viện Phổi tỉnh · từ 18/11/2026')).toBeTruthy();
    await user.click(row.getByRole('button', { name: 'Nguyễn Thị Hoà · HS-2024-001' }));
    expect(store.getState().navigation.route).toEqual({ name: 'medicalRecord', traineeId: HOA_ID });
  });
});
