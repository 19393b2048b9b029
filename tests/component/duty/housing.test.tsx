import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import type { TimelineEntry } from '../../../shared/api';
import type { HousingBoardData, Layout } from '../../../shared/duty/housing';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { HousingBoard } from '../../../renderer/features/duty/housing/HousingBoard';
import { HousingTimelineBody } from '../../../renderer/features/duty/housing/HousingTimelineBody';
import { LayoutScreen } from '../../../renderer/features/duty/housing/LayoutScreen';
import { i18next } from '../../../renderer/i18n';
import { ADMIN, signedInBridge, type FakeBridge } from '../fakeBridge';

const DUTY: SessionUser = { id: '00000000-0000-4000-8000-000000000004', username: 'truc', fullName: 'Đỗ Văn Trực', roles: ['duty'] };
const DORM = '00000000-0000-4000-8000-0000000000d1';
const ROOM_A = '00000000-0000-4000-8000-0000000000a1';
const ROOM_B = '00000000-0000-4000-8000-0000000000b1';
const HOA = '00000000-0000-4000-8000-000000000101';
const BINH = '00000000-0000-4000-8000-000000000102';
const PAO = '00000000-0000-4000-8000-000000000103';

const board: HousingBoardData = {
  rooms: [
    {
      roomId: ROOM_A,
      dormId: DORM,
      dormName: 'Khu A',
      name: 'A1',
      capacity: 2,
      separateHousing: false,
      occupants: [{ traineeId: HOA, fullName: 'Nguyễn Thị Hoà', fileNumber: 'HS-1', separateHousing: true, bed: 1, since: '2026-11-10' }],
    },
    { roomId: ROOM_B, dormId: DORM, dormName: 'Khu A', name: 'A2', capacity: 1, separateHousing: true, occupants: [] },
  ],
  unassigned: [
    { traineeId: BINH, fullName: 'Trần Văn Bình', fileNumber: 'HS-2', separateHousing: false },
    { traineeId: PAO, fullName: 'Lò Văn Páo', fileNumber: 'HS-3', separateHousing: false },
  ],
};

/** The text input labelled so (a Mantine Select also labels its list of options). */
function input(label: RegExp): HTMLInputElement {
  return screen.getAllByLabelText(label).find((el) => el.tagName === 'INPUT') as HTMLInputElement;
}

function renderWith(bridge: FakeBridge, ui: ReactNode) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'duty', tab: 'board' } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      {ui}
    </Providers>,
  );
  return { user };
}

describe('the housing board', () => {
  it('shows rooms by dorm with beds, occupants, the separate-housing badge, headcount and the trainees without a bed', async () => {
    renderWith(signedInBridge(DUTY).ok('housing.board', board), <HousingBoard />);
    const a1 = await screen.findByTestId('room-A1');
    expect(within(a1).getByText('Nguyễn Thị Hoà')).toBeTruthy();
    expect(within(a1).getByText('HS-1 · từ 10/11/2026')).toBeTruthy();
    expect(within(a1).getByTestId('badge-separate-housing').textContent).toBe('Ở riêng');
    expect(within(a1).getByTestId('headcount').textContent).toBe('1/2 người');
    expect(within(screen.getByTestId('room-A2')).getByText('Phòng ở riêng')).toBeTruthy();
    expect(screen.getByText('Học viên chưa có giường (2)')).toBeTruthy();
    await i18next.changeLanguage('en');
    await waitFor(() => expect(within(a1).getByTestId('headcount').textContent).toBe('1/2 people'));
    await i18next.changeLanguage('vi');
  });

  it('warns before recording; "record anyway" needs a reason, which is sent with the placement', async () => {
    const bridge = signedInBridge(DUTY)
      .ok('housing.board', board)
      .ok('housing.check', { warnings: [{ code: 'flaggedSharedRoom', otherTraineeId: HOA, otherName: 'Nguyễn Thị Hoà' }, { code: 'keepApart', otherTraineeId: HOA, otherName: 'Nguyễn Thị Hoà', level: 'dorm' }] })
      .ok('housing.assign', { seq: 42 });
    const { user } = renderWith(bridge, <HousingBoard />);
    await user.click(await screen.findByRole('button', { name: /Trần Văn Bình — HS-2/ }));
    // The free bed 2 of A1, chosen from the room card.
    await user.click(within(screen.getByTestId('room-A1')).getByRole('button', { name: 'Trống' }));
    await user.click(screen.getByRole('button', { name: 'Kiểm tra và ghi nhận' }));

    const alert = await screen.findByTestId('housing-warnings');
    expect(alert.textContent).toContain('Nguyễn Thị Hoà cần ở riêng');
    expect(alert.textContent).toContain('Có quy định không ở chung với Nguyễn Thị Hoà: người này đang ở cùng khu nhà.');
    expect(bridge.callsTo('housing.check')).toEqual([{ traineeId: BINH, roomId: ROOM_A, bed: 2 }]);
    expect(bridge.callsTo('housing.assign')).toEqual([]);

    // Without a reason: the message, and nothing sent.
    await user.click(within(alert).getByRole('button', { name: 'Vẫn ghi nhận' }));
    expect(await within(alert).findByText('Bắt buộc nhập')).toBeTruthy();
    expect(bridge.callsTo('housing.assign')).toEqual([]);

    await user.type(within(alert).getByLabelText(/Lý do vẫn ghi nhận/), 'Phòng riêng đang sửa');
    await user.click(within(alert).getByRole('button', { name: 'Vẫn ghi nhận' }));
    await waitFor(() => expect(bridge.callsTo('housing.assign')).toHaveLength(1));
    expect(bridge.callsTo('housing.assign')[0]).toMatchObject({ traineeId: BINH, roomId: ROOM_A, bed: 2, override: { reason: 'Phòng riêng đang sửa' } });
  });

  it('drag and drop: a trainee dropped on a free bed is checked first; warnings, then "record anyway" with a reason', async () => {
    const bridge = signedInBridge(DUTY)
      .ok('housing.board', board)
      .ok('housing.check', { warnings: [{ code: 'flaggedSharedRoom', otherTraineeId: HOA, otherName: 'Nguyễn Thị Hoà' }] })
      .ok('housing.assign', { seq: 44 });
    const { user } = renderWith(bridge, <HousingBoard />);
    // What the browser's drag carries between the two elements.
    const carried = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => carried.set(type, value),
      getData: (type: string) => carried.get(type) ?? '',
      get types() {
        return [...carried.keys()];
      },
      effectAllowed: 'all',
    };
    fireEvent.dragStart(await screen.findByRole('button', { name: /Trần Văn Bình — HS-2/ }), { dataTransfer });
    const freeBed = within(within(screen.getByTestId('room-A1')).getByTestId('bed-2')).getByRole('button', { name: 'Trống' });
    // The bed accepts the drag (dragover prevented), and the drop asks the core before recording.
    expect(fireEvent.dragOver(freeBed, { dataTransfer })).toBe(false);
    fireEvent.drop(freeBed, { dataTransfer });
    const alert = await screen.findByTestId('housing-warnings');
    expect(alert.textContent).toContain('Nguyễn Thị Hoà cần ở riêng');
    expect(bridge.callsTo('housing.check')).toEqual([{ traineeId: BINH, roomId: ROOM_A, bed: 2 }]);
    expect(bridge.callsTo('housing.assign')).toEqual([]);
    // The form shows what was dropped, as if chosen from the keyboard.
    expect(input(/^Học viên$/).value).toBe('Trần Văn Bình — HS-2');
    await user.type(within(alert).getByLabelText(/Lý do vẫn ghi nhận/), 'Phòng riêng đang sửa');
    await user.click(within(alert).getByRole('button', { name: 'Vẫn ghi nhận' }));
    await waitFor(() => expect(bridge.callsTo('housing.assign')).toHaveLength(1));
    expect(bridge.callsTo('housing.assign')[0]).toMatchObject({ traineeId: BINH, roomId: ROOM_A, bed: 2, override: { reason: 'Phòng riêng đang sửa' } });

    // An occupant dragged to another bed is a move: nothing is checked until the reason is typed.
    fireEvent.dragStart(within(screen.getByTestId('room-A1')).getByTestId('bed-1'), { dataTransfer });
    fireEvent.drop(within(within(screen.getByTestId('room-A2')).getByTestId('bed-1')).getByRole('button', { name: 'Trống' }), { dataTransfer });
    await waitFor(() => expect(document.activeElement).toBe(input(/^Lý do chuyển/)));
    // (The earlier check may be asked again when the board changes; none is about Hoà's move.)
    expect(bridge.callsTo('housing.check').filter((c) => c.traineeId === HOA)).toEqual([]);
    expect(input(/^Giường trống$/).value).toBe('Khu A · A2 · giường 1');
  });

  it('keyboard: pick a trainee and a bed by typing, Enter records at once when there is no warning; a bad date is refused on screen', async () => {
    const bridge = signedInBridge(DUTY).ok('housing.board', board).ok('housing.check', { warnings: [] }).ok('housing.assign', { seq: 43 });
    const { user } = renderWith(bridge, <HousingBoard />);
    await screen.findByTestId('room-A1');
    const trainee = input(/^Học viên$/);
    await user.click(trainee);
    await user.type(trainee, 'Páo');
    await user.click(await screen.findByRole('option', { name: /Lò Văn Páo/ }));
    const bed = input(/^Giường trống$/);
    await user.click(bed);
    await user.type(bed, 'A2');
    await user.click(await screen.findByRole('option', { name: /A2 · giường 1/ }));
    const date = input(/^Ngày$/);
    await user.clear(date);
    await user.type(date, '31/02/2026{Enter}');
    expect(await screen.findByText('Ngày không hợp lệ (dd/mm/yyyy)')).toBeTruthy();
    expect(bridge.callsTo('housing.check')).toEqual([]);
    await user.clear(date);
    await user.type(date, '19/11/2026{Enter}');
    await waitFor(() => expect(bridge.callsTo('housing.assign')).toHaveLength(1));
    expect(bridge.callsTo('housing.assign')[0]).toEqual({ traineeId: PAO, roomId: ROOM_B, bed: 1, date: '2026-11-19', override: null });
  });

  it('vacating asks for a reason', async () => {
    const bridge = signedInBridge(DUTY).ok('housing.board', board).ok('housing.vacate', { seq: 44 });
    const { user } = renderWith(bridge, <HousingBoard />);
    await user.click(within(await screen.findByTestId('room-A1')).getByRole('button', { name: 'Trả giường' }));
    const form = await screen.findByTestId('vacate-form');
    await user.click(within(form).getByRole('button', { name: 'Trả giường' }));
    expect(await within(form).findByText('Bắt buộc nhập')).toBeTruthy();
    expect(bridge.callsTo('housing.vacate')).toEqual([]);
    await user.type(within(form).getByLabelText(/Lý do/), 'Chuyển cơ sở');
    await user.click(within(form).getByRole('button', { name: 'Trả giường' }));
    await waitFor(() => expect(bridge.callsTo('housing.vacate')).toHaveLength(1));
    expect(bridge.callsTo('housing.vacate')[0]).toMatchObject({ traineeId: HOA, reason: 'Chuyển cơ sở' });
  });
});

describe('the facility layout', () => {
  it('adds a room to a dorm and closes an empty room', async () => {
    const layout: Layout = {
      dorms: [
        {
          dormId: DORM,
          name: 'Khu A',
          rooms: [{ roomId: ROOM_B, dormId: DORM, name: 'A2', capacity: 1, separateHousing: true, closedDate: null, occupied: 0 }],
        },
      ],
    };
    const bridge = signedInBridge(ADMIN).ok('housing.layout', layout).ok('housing.addRoom', { roomId: ROOM_A }).ok('housing.closeRoom', { seq: 9 });
    const { user } = renderWith(bridge, <LayoutScreen />);
    const form = await screen.findByTestId('add-room');
    await user.click(within(form).getByRole('button', { name: 'Thêm phòng' }));
    expect(await within(form).findByText('Bắt buộc nhập')).toBeTruthy();
    await user.type(within(form).getByLabelText(/Tên phòng/), 'A3');
    await user.click(within(form).getByLabelText('Phòng ở riêng'));
    await user.click(within(form).getByRole('button', { name: 'Thêm phòng' }));
    await waitFor(() => expect(bridge.callsTo('housing.addRoom')).toEqual([{ dormId: DORM, name: 'A3', capacity: 8, separateHousing: true }]));
    await user.click(within(screen.getByTestId('layout-room-A2')).getByRole('button', { name: 'Đóng phòng' }));
    await waitFor(() => expect(bridge.callsTo('housing.closeRoom')).toHaveLength(1));
  });
});

describe('beds in the trainee timeline', () => {
  it('names the rooms from the layout and shows a placement recorded despite warnings with its reason', async () => {
    const layout: Layout = {
      dorms: [
        {
          dormId: DORM,
          name: 'Khu A',
          rooms: [
            { roomId: ROOM_A, dormId: DORM, name: 'A1', capacity: 2, separateHousing: false, closedDate: null, occupied: 1 },
            { roomId: ROOM_B, dormId: DORM, name: 'A2', capacity: 1, separateHousing: true, closedDate: null, occupied: 0 },
          ],
        },
      ],
    };
    const entry = (type: TimelineEntry['type'], data: Record<string, unknown>): TimelineEntry => ({
      seq: 7,
      type,
      occurredAt: '2026-11-19',
      recordedAt: '2026-11-19T03:00:00.000Z',
      actor: { id: DUTY.id, fullName: DUTY.fullName },
      meta: {} as TimelineEntry['meta'],
      data,
      voided: null,
    });
    renderWith(
      signedInBridge(DUTY).ok('housing.layout', layout),
      <>
        <HousingTimelineBody entry={entry('BedAssigned', { traineeId: BINH, roomId: ROOM_A, bed: 2, date: '2026-11-19', override: { reason: 'Phòng riêng đang sửa', warnings: ['flaggedSharedRoom'] } })} />
        <HousingTimelineBody entry={entry('BedMoved', { traineeId: BINH, from: { roomId: ROOM_A, bed: 2 }, to: { roomId: ROOM_B, bed: 1 }, date: '2026-11-20', reason: 'Đổi phòng', override: null })} />
      </>,
    );
    expect(await screen.findByText('Giường 2, phòng A1 (Khu A)')).toBeTruthy();
    expect(screen.getByText('Ghi nhận dù có cảnh báo (người cần ở riêng ở chung phòng): Phòng riêng đang sửa')).toBeTruthy();
    expect(screen.getByText('Từ giường 2 phòng A1 (Khu A) sang giường 1 phòng A2 (Khu A)')).toBeTruthy();
    expect(screen.getByText('Lý do: Đổi phòng')).toBeTruthy();
  });
});
