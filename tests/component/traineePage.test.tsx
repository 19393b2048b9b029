import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN, signedInBridge, TEACHER } from './fakeBridge';
import { hoa, HOA_ID, hoaTimeline } from './data';
import { renderApp } from './render';

const route = { name: 'trainee', traineeId: HOA_ID } as const;

describe('trainee page', () => {
  it('shows details with translated labels and dd/MM/yyyy dates', async () => {
    renderApp(signedInBridge(ADMIN).ok('trainees.get', hoa).ok('trainees.timeline', hoaTimeline), route);
    expect((await screen.findByTestId('trainee-name')).textContent).toBe('Nguyễn Thị Hoà');
    expect(screen.getByTestId('status-badge').textContent).toBe('Đang cai nghiện');
    // Within the details: the timeline (which may render first or later) shows the same date in a correction.
    const details = within(screen.getByTestId('trainee-details'));
    expect(details.getByText('05/03/1995')).toBeTruthy();
    expect(details.getByText('Heroin, Ma túy đá (methamphetamine)')).toBeTruthy();
    expect(details.getByText('Trung học cơ sở')).toBeTruthy();
  });

  it('renders a correction in the timeline, newest first, with from → to and the reason', async () => {
    renderApp(signedInBridge(ADMIN).ok('trainees.get', hoa).ok('trainees.timeline', hoaTimeline), route);
    const entries = await screen.findAllByTestId('timeline-entry');
    expect(entries.map((e) => e.getAttribute('data-event-type'))).toEqual(['TraineeDetailsCorrected', 'TraineeAdmitted']);
    const correction = within(entries[0]!);
    expect(correction.getByText('Đính chính thông tin')).toBeTruthy();
    const changes = correction.getAllByTestId('timeline-change').map((c) => c.textContent);
    expect(changes).toEqual(['Họ và tên: Nguyễn Thị Hoa → Nguyễn Thị Hoà', 'Ngày sinh: 03/05/1995 → 05/03/1995']);
    expect(correction.getByTestId('timeline-reason').textContent).toBe('Lý do: Sai chính tả theo CCCD');
    expect(entries[0]!.textContent).toContain(ADMIN.fullName);
    expect(entries[0]!.textContent).toContain('03/06/2024');
  });

  it('sends only the changed fields and the reason when correcting', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.get', hoa).ok('trainees.timeline', hoaTimeline).ok('trainees.correct', { seq: 12 });
    const { user } = renderApp(bridge, route);
    await user.click(await screen.findByRole('button', { name: 'Đính chính thông tin' }));
    const dialog = await screen.findByRole('dialog');
    const address = within(dialog).getByLabelText(/Địa chỉ thường trú/);
    expect((address as HTMLInputElement).value).toBe(hoa.homeAddress);
    expect((within(dialog).getByLabelText(/Ngày sinh/) as HTMLInputElement).value).toBe('05/03/1995');

    // A reason is required.
    await user.clear(address);
    await user.type(address, 'Tổ 5, phường Chiềng Lề, TP Sơn La');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu đính chính' }));
    await waitFor(() => expect(within(dialog).getByText('Bắt buộc nhập')).toBeTruthy());
    expect(bridge.callsTo('trainees.correct')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Lý do đính chính/), 'Chuyển hộ khẩu{Enter}');
    await waitFor(() => expect(bridge.callsTo('trainees.correct')).toHaveLength(1));
    expect(bridge.callsTo('trainees.correct')[0]).toEqual({
      traineeId: HOA_ID,
      changes: { homeAddress: 'Tổ 5, phường Chiềng Lề, TP Sơn La' },
      reason: 'Chuyển hộ khẩu',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('does not send a correction that changes nothing', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.get', hoa).ok('trainees.timeline', []);
    const { user } = renderApp(bridge, route);
    await user.click(await screen.findByRole('button', { name: 'Đính chính thông tin' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Lý do đính chính/), 'Kiểm tra');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu đính chính' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Không có thông tin nào thay đổi.');
    expect(bridge.callsTo('trainees.correct')).toHaveLength(0);
  });

  it('releases with date, kind and note, and shows a core refusal in place', async () => {
    const bridge = signedInBridge(ADMIN)
      .ok('trainees.get', hoa)
      .ok('trainees.timeline', [])
      .fail('trainees.release', { code: 'VALIDATION', message: 'bad', issues: [{ path: 'releaseDate', code: 'releaseBeforeAdmission' }] });
    const { user } = renderApp(bridge, route);
    await user.click(await screen.findByRole('button', { name: 'Chấm dứt/Ra cơ sở' }));
    const dialog = await screen.findByRole('dialog');
    const date = within(dialog).getByLabelText(/Ngày ra cơ sở/);
    // Keyboard first: the dialog opens on its first field, not on its close button.
    await waitFor(() => expect(document.activeElement).toBe(date));
    await user.clear(date);
    await user.type(date, '01/01/2024');
    await user.selectOptions(within(dialog).getByLabelText(/Hình thức/), 'transferred');
    await user.click(within(dialog).getByRole('button', { name: 'Xác nhận ra cơ sở' }));
    await waitFor(() => expect(within(dialog).getByText('Ngày ra cơ sở không được trước ngày tiếp nhận')).toBeTruthy());
    expect(bridge.callsTo('trainees.release')).toEqual([{ traineeId: HOA_ID, releaseDate: '2024-01-01', kind: 'transferred', note: '' }]);
  });

  it('shows a release in the timeline and hides actions once released', async () => {
    const released = { ...hoa, status: 'released' as const, releaseDate: '2025-01-10', releaseKind: 'completed' as const };
    const timeline = [
      ...hoaTimeline,
      {
        seq: 14,
        type: 'TraineeReleased' as const,
        occurredAt: '2025-01-10',
        recordedAt: '2025-01-10T03:00:00.000Z',
        actor: { id: ADMIN.id, fullName: ADMIN.fullName },
        meta: { actor: ADMIN.id },
        data: { traineeId: HOA_ID, releaseDate: '2025-01-10', kind: 'completed', note: '' },
        voided: null,
      },
    ];
    renderApp(signedInBridge(ADMIN).ok('trainees.get', released).ok('trainees.timeline', timeline), route);
    const entries = await screen.findAllByTestId('timeline-entry');
    expect(entries[0]!.textContent).toContain('Ngày ra cơ sở: 10/01/2025');
    expect(entries[0]!.textContent).toContain('Chấp hành xong');
    expect(screen.getByTestId('status-badge').textContent).toBe('Đã ra cơ sở');
    expect(screen.queryByRole('button', { name: 'Đính chính thông tin' })).toBeNull();
  });

  it('offers no corrections to a role without intake rights', async () => {
    renderApp(signedInBridge(TEACHER).ok('trainees.get', hoa).ok('trainees.timeline', hoaTimeline), route);
    await screen.findByTestId('trainee-name');
    expect(screen.queryByRole('button', { name: 'Đính chính thông tin' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Chấm dứt/Ra cơ sở' })).toBeNull();
  });

  it('says so when the trainee does not exist', async () => {
    renderApp(signedInBridge(ADMIN).fail('trainees.get', { code: 'NOT_FOUND', message: 'no' }).ok('trainees.timeline', []), route);
    expect((await screen.findByRole('alert')).textContent).toContain('Không tìm thấy hồ sơ.');
  });
});

describe('a voided admission', () => {
  it('says the file is no longer in force and still shows its history, without actions', async () => {
    const voided = [{ ...hoaTimeline[0]!, voided: { bySeq: 12, reason: 'Tiếp nhận trùng', actor: null, recordedAt: '2024-06-04T02:00:00.000Z' } }];
    renderApp(signedInBridge(ADMIN).fail('trainees.get', { code: 'NOT_FOUND', message: 'no' }).ok('trainees.timeline', voided), route);
    expect((await screen.findByTestId('trainee-gone')).textContent).toContain('việc tiếp nhận đã bị hủy');
    expect(await screen.findByTestId('timeline-voided')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Đính chính thông tin' })).toBeNull();
  });
});
