import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import type { HeadcountMismatch, HeadcountSheetRoom, KeepApartRule } from '../../../shared/duty/keepApart';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { HeadcountScreen } from '../../../renderer/features/duty/keepApart/HeadcountScreen';
import { KeepApartScreen } from '../../../renderer/features/duty/keepApart/KeepApartScreen';
import { KeepApartTimelineBody } from '../../../renderer/features/duty/keepApart/KeepApartTimelineBody';
import { i18next } from '../../../renderer/i18n';
import { ADMIN, signedInBridge, type FakeBridge } from '../fakeBridge';
import { BINH_ID, HOA_ID, roster } from '../data';

const DUTY: SessionUser = { id: '00000000-0000-4000-8000-000000000004', username: 'truc', fullName: 'Đỗ Văn Trực', roles: ['duty'] };
const RULE = '00000000-0000-4000-8000-0000000000a1';
const COUNT = '00000000-0000-4000-8000-0000000000c1';
const ROOM_1 = '00000000-0000-4000-8000-0000000000e1';
const ROOM_2 = '00000000-0000-4000-8000-0000000000e2';

function field(scope: { getByLabelText: (m: RegExp) => HTMLElement }, label: string): HTMLInputElement {
  return scope.getByLabelText(new RegExp(`^${label}\\s*\\*?$`)) as HTMLInputElement;
}

function renderWith(bridge: FakeBridge, ui: ReactNode) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'duty', tab: 'keepApart' } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      {ui}
    </Providers>,
  );
  return { store, user };
}

const activeRule: KeepApartRule = {
  ruleId: RULE,
  a: { traineeId: HOA_ID, fileNumber: 'HS-2024-001', fullName: 'Nguyễn Thị Hoà', role: 'victim' },
  b: { traineeId: BINH_ID, fileNumber: 'HS-2024-002', fullName: 'Trần Văn Bình', role: 'perpetrator' },
  level: 'dorm',
  reason: 'bullying',
  note: 'Ép làm việc vặt',
  reviewDate: '2026-11-15',
  endedDate: null,
  reviewDue: true,
};

describe('KeepApartScreen', () => {
  it('lists active rules with roles, level, reason and review due; ends one with a typed date', async () => {
    const bridge = signedInBridge(DUTY).ok('duty.keepApart.list', [activeRule]).ok('duty.keepApart.end', { seq: 77 });
    const { user } = renderWith(bridge, <KeepApartScreen />);
    const row = within(await screen.findByTestId('keep-apart-rule'));
    expect(row.getByText('Nguyễn Thị Hoà (Người bị hại) ↔ Trần Văn Bình (Người gây ra)')).toBeTruthy();
    expect(row.getByText('Khác nhà')).toBeTruthy();
    expect(row.getByText('Bắt nạt')).toBeTruthy();
    expect(row.getByText('15/11/2026')).toBeTruthy();
    expect(row.getByTestId('review-due').textContent).toBe('Đến hạn xem xét');

    await user.click(row.getByRole('button', { name: 'Kết thúc' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(field(dialog, 'Ghi chú'), 'Đã chuyển khu');
    await user.clear(field(dialog, 'Ngày kết thúc'));
    await user.type(field(dialog, 'Ngày kết thúc'), '20/11/2026');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(bridge.callsTo('duty.keepApart.end')).toEqual([{ ruleId: RULE, date: '2026-11-20', note: 'Đã chuyển khu' }]));

    await i18next.changeLanguage('en');
    await waitFor(() => expect(row.getByText('Nguyễn Thị Hoà (Victim) ↔ Trần Văn Bình (Perpetrator)')).toBeTruthy());
    await i18next.changeLanguage('vi');
  });

  it('sets a rule with two trainee pickers; the same person twice is refused on screen, nothing sent', async () => {
    const bridge = signedInBridge(DUTY).ok('duty.keepApart.list', []).ok('trainees.list', roster).ok('duty.keepApart.set', { ruleId: RULE, seq: 70 });
    const { user } = renderWith(bridge, <KeepApartScreen />);
    expect(await screen.findByText('Không có quy định nào đang hiệu lực.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Thêm quy định' }));
    const dialog = within(await screen.findByRole('dialog'));
    const a = field(dialog, 'Học viên thứ nhất') as unknown as HTMLSelectElement;
    await waitFor(() => expect(a.options.length).toBe(1 + roster.items.length));
    await user.selectOptions(a, HOA_ID);
    await user.selectOptions(field(dialog, 'Học viên thứ hai'), HOA_ID);
    await user.selectOptions(field(dialog, 'Lý do'), 'threat');
    await user.type(field(dialog, 'Ngày xem xét lại'), '20/12/2026');
    await user.click(dialog.getByRole('button', { name: 'Lưu' }));
    expect(await dialog.findByText('Chọn hai học viên khác nhau')).toBeTruthy();
    expect(bridge.callsTo('duty.keepApart.set')).toEqual([]);

    await user.selectOptions(field(dialog, 'Học viên thứ hai'), BINH_ID);
    await user.selectOptions(field(dialog, 'Vai trò của học viên thứ hai'), 'perpetrator');
    await user.selectOptions(field(dialog, 'Mức tách'), 'area');
    await user.click(dialog.getByRole('button', { name: 'Lưu' }));
    await waitFor(() =>
      expect(bridge.callsTo('duty.keepApart.set')).toEqual([
        { traineeA: HOA_ID, traineeB: BINH_ID, level: 'area', reason: 'threat', note: '', roleA: 'unknown', roleB: 'perpetrator', reviewDate: '2026-12-20' },
      ]),
    );
  });

  it('shows the core’s refusal of a duplicate rule in the user’s language', async () => {
    const bridge = signedInBridge(DUTY)
      .ok('duty.keepApart.list', [])
      .ok('trainees.list', roster)
      .fail('duty.keepApart.set', { code: 'KEEP_APART_ACTIVE', message: 'These two trainees already have an active keep-apart rule.' });
    const { user } = renderWith(bridge, <KeepApartScreen />);
    await user.click(await screen.findByRole('button', { name: 'Thêm quy định' }));
    const dialog = within(await screen.findByRole('dialog'));
    await waitFor(() => expect((field(dialog, 'Học viên thứ nhất') as unknown as HTMLSelectElement).options.length).toBe(1 + roster.items.length));
    await user.selectOptions(field(dialog, 'Học viên thứ nhất'), HOA_ID);
    await user.selectOptions(field(dialog, 'Học viên thứ hai'), BINH_ID);
    await user.selectOptions(field(dialog, 'Lý do'), 'gang');
    await user.type(field(dialog, 'Ngày xem xét lại'), '20/12/2026');
    await user.click(dialog.getByRole('button', { name: 'Lưu' }));
    expect(await dialog.findByText('Hai học viên này đã có quy định không ở chung đang hiệu lực.')).toBeTruthy();
  });
});

const sheet: HeadcountSheetRoom[] = [
  {
    roomId: ROOM_1,
    name: 'Khu A · A1',
    occupants: [
      { traineeId: HOA_ID, fileNumber: 'HS-2024-001', fullName: 'Nguyễn Thị Hoà', atHospital: false },
      { traineeId: BINH_ID, fileNumber: 'HS-2024-002', fullName: 'Trần Văn Bình', atHospital: true },
    ],
    expectedPresent: 1,
  },
  { roomId: ROOM_2, name: 'Khu A · A2', occupants: [], expectedPresent: 0 },
];

const mismatch: HeadcountMismatch = { countId: COUNT, at: '2026-11-20T04:30:00.000Z', roomId: ROOM_1, roomName: 'Khu A · A1', expected: 2, atHospital: 1, counted: 0, absent: 1, unexpected: 0, note: '' };

describe('HeadcountScreen', () => {
  it('one sheet: expected present per room, type the counts with the keyboard, save once (rooms left empty are not counted)', async () => {
    const bridge = signedInBridge(DUTY).ok('duty.headcount.sheet', sheet).ok('duty.headcount.mismatches', []).ok('duty.headcount.record', { countId: COUNT, seq: 90, mismatches: 1 });
    const { user } = renderWith(bridge, <HeadcountScreen />);
    const rows = await screen.findAllByTestId('headcount-room');
    expect(rows.map((r) => within(r).getByTestId('expected-present').textContent)).toEqual(['1', '0']);
    expect(screen.getByText('Không có chênh lệch nào chưa xử lý.')).toBeTruthy();

    // The sheet opens on the first room's count.
    const first = screen.getByLabelText('Có mặt: Khu A · A1');
    expect(document.activeElement).toBe(first);

    // Nothing typed: said on screen, nothing sent.
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Nhập số có mặt của ít nhất một phòng.')).toBeTruthy();
    expect(bridge.callsTo('duty.headcount.record')).toEqual([]);

    await user.type(first, '0');
    await user.tab();
    await user.keyboard('Đi lao động');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(bridge.callsTo('duty.headcount.record')).toHaveLength(1));
    const [sent] = bridge.callsTo('duty.headcount.record');
    expect(sent!.rooms).toEqual([{ roomId: ROOM_1, counted: 0, note: 'Đi lao động' }]);
    expect(Number.isNaN(Date.parse(sent!.at))).toBe(false);
  });

  it('lists open differences (absent, at hospital) and resolves one with a note', async () => {
    const bridge = signedInBridge(DUTY).ok('duty.headcount.sheet', sheet).ok('duty.headcount.mismatches', [mismatch]).ok('duty.headcount.resolve', { seq: 91 });
    const { user } = renderWith(bridge, <HeadcountScreen />);
    const row = within(await screen.findByTestId('headcount-mismatch'));
    expect(row.getByText('Khu A · A1')).toBeTruthy();
    expect(row.getByText('Vắng 1')).toBeTruthy();
    expect(row.getByText('Ở bệnh viện: 1')).toBeTruthy();

    await user.click(row.getByRole('button', { name: 'Xử lý' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Xử lý' }));
    expect(await dialog.findByText('Bắt buộc nhập')).toBeTruthy();
    expect(bridge.callsTo('duty.headcount.resolve')).toEqual([]);
    await user.type(field(dialog, 'Đã xác minh thế nào'), 'Ở phòng y tế');
    await user.click(dialog.getByRole('button', { name: 'Xử lý' }));
    await waitFor(() => expect(bridge.callsTo('duty.headcount.resolve')).toEqual([{ countId: COUNT, roomId: ROOM_1, note: 'Ở phòng y tế' }]));
  });
});

describe('KeepApartTimelineBody', () => {
  it('names both trainees with their roles, the level, the reason and the review date', async () => {
    const bridge = signedInBridge(DUTY).ok('duty.keepApart.list', [activeRule]);
    const entry = {
      seq: 50,
      type: 'KeepApartSet',
      occurredAt: '2026-11-10',
      recordedAt: '2026-11-10T03:00:00.000Z',
      actor: null,
      meta: { actor: null, roles: [], reason: null },
      data: { ruleId: RULE, traineeA: HOA_ID, traineeB: BINH_ID, level: 'dorm', reason: 'bullying', note: 'Ép làm việc vặt', roleA: 'victim', roleB: 'perpetrator', reviewDate: '2026-11-15' },
      voided: null,
    } as const;
    renderWith(bridge, <KeepApartTimelineBody entry={entry as never} />);
    const body = within(await screen.findByTestId('timeline-keep-apart'));
    expect(await body.findByText('Nguyễn Thị Hoà (Người bị hại) ↔ Trần Văn Bình (Người gây ra)')).toBeTruthy();
    expect(body.getByText('Khác nhà · Bắt nạt · Ngày xem xét lại: 15/11/2026')).toBeTruthy();
    expect(body.getByText('Ép làm việc vặt')).toBeTruthy();
  });
});

describe('an admin (duty.read without duty.write)', () => {
  it('reads the rules, the count sheet and the differences, with no button to set, end, count or resolve', async () => {
    const bridge = signedInBridge(ADMIN).ok('duty.keepApart.list', [activeRule]).ok('duty.headcount.sheet', sheet).ok('duty.headcount.mismatches', [mismatch]);
    renderWith(
      bridge,
      <>
        <KeepApartScreen />
        <HeadcountScreen />
      </>,
    );
    const rule = within(await screen.findByTestId('keep-apart-rule'));
    expect(rule.getByText('Nguyễn Thị Hoà (Người bị hại) ↔ Trần Văn Bình (Người gây ra)')).toBeTruthy();
    expect(await screen.findAllByTestId('headcount-room')).toHaveLength(2);
    expect(within(await screen.findByTestId('headcount-mismatch')).getByText('Vắng 1')).toBeTruthy();
    // Nothing an admin may not do is offered: the core would refuse it.
    for (const name of ['Thêm quy định', 'Kết thúc', 'Lưu điểm danh', 'Xử lý']) expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.queryByLabelText('Có mặt: Khu A · A1')).toBeNull();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
  });
});
