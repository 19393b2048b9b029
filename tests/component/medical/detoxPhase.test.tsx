import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/api';
import { ADMIN, signedInBridge, TEACHER } from '../fakeBridge';
import { hoa, HOA_ID } from '../data';
import { renderApp } from '../render';

const route = { name: 'trainee', traineeId: HOA_ID } as const;

const phaseEntry: TimelineEntry = {
  seq: 7,
  type: 'TraineePhaseAdvanced',
  occurredAt: '2024-06-03',
  recordedAt: '2024-06-03T02:00:00.000Z',
  actor: { id: ADMIN.id, fullName: ADMIN.fullName },
  meta: { actor: ADMIN.id },
  data: { traineeId: HOA_ID, from: 'intake', to: 'detox', date: '2024-06-03', note: 'Bắt đầu cắt cơn' },
  voided: null,
};

describe('moving a trainee to the next stage of treatment', () => {
  it('offers only later stages, sends the stage it saw as `from`, and the timeline shows the change', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.get', hoa).ok('trainees.timeline', [phaseEntry]).ok('trainees.advancePhase', { seq: 8 });
    const { user } = renderApp(bridge, route);
    const entry = within((await screen.findAllByTestId('timeline-entry'))[0]!);
    expect(entry.getByText('Chuyển giai đoạn điều trị')).toBeTruthy();
    expect(entry.getByTestId('timeline-phase').textContent).toBe('Giai đoạn: Tiếp nhận, phân loại → Điều trị cắt cơn (03/06/2024)');

    await user.click(screen.getByRole('button', { name: 'Chuyển giai đoạn tiếp theo' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByTestId('current-phase').textContent).toBe('Điều trị cắt cơn');
    const to = dialog.getByLabelText(/Chuyển sang giai đoạn/) as HTMLSelectElement;
    expect([...to.options].map((o) => o.value)).toEqual(['education', 'labor', 'reintegration']);
    const date = dialog.getByLabelText(/Ngày chuyển/);
    await user.clear(date);
    await user.type(date, '31/02/2026');
    await user.click(dialog.getByRole('button', { name: 'Chuyển giai đoạn' }));
    expect(await dialog.findByText('Ngày không hợp lệ (dd/mm/yyyy)')).toBeTruthy();
    expect(bridge.callsTo('trainees.advancePhase')).toHaveLength(0);

    await user.clear(date);
    await user.type(date, '01/09/2024');
    await user.type(dialog.getByLabelText(/Ghi chú/), 'Hết hội chứng cai');
    await user.click(dialog.getByRole('button', { name: 'Chuyển giai đoạn' }));
    await waitFor(() => expect(bridge.callsTo('trainees.advancePhase')).toHaveLength(1));
    expect(bridge.callsTo('trainees.advancePhase')[0]).toEqual({ traineeId: HOA_ID, from: 'detox', to: 'education', date: '2024-09-01', note: 'Hết hội chứng cai' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows a core refusal on its field', async () => {
    const bridge = signedInBridge(ADMIN)
      .ok('trainees.get', hoa)
      .ok('trainees.timeline', [])
      .fail('trainees.advancePhase', { code: 'VALIDATION', message: 'bad', issues: [{ path: 'date', code: 'beforeLastPhaseChange' }] });
    const { user } = renderApp(bridge, route);
    await user.click(await screen.findByRole('button', { name: 'Chuyển giai đoạn tiếp theo' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Chuyển giai đoạn' }));
    expect(await dialog.findByText('Không được trước lần chuyển giai đoạn gần nhất')).toBeTruthy();
  });

  it('is not offered to a teacher', async () => {
    renderApp(signedInBridge(TEACHER).ok('trainees.get', hoa).ok('trainees.timeline', []), route);
    await screen.findByTestId('trainee-name');
    expect(screen.queryByRole('button', { name: 'Chuyển giai đoạn tiếp theo' })).toBeNull();
  });

  it('is not offered in the last stage', async () => {
    renderApp(signedInBridge(ADMIN).ok('trainees.get', { ...hoa, phase: 'reintegration' }).ok('trainees.timeline', []), route);
    await screen.findByTestId('trainee-name');
    expect(screen.getByRole('button', { name: 'Đính chính thông tin' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Chuyển giai đoạn tiếp theo' })).toBeNull();
  });
});
