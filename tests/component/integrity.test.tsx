import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IntegrityStatus } from '../../shared/api';
import { ADMIN, FakeBridge, status, TEACHER } from './fakeBridge';
import { hoa, HOA_ID, hoaTimeline, roster } from './data';
import { renderApp } from './render';

const BROKEN: IntegrityStatus = {
  state: 'broken',
  breaks: [{ seq: 42, kind: 'edited', problem: 'its content does not match its hash: the event was edited' }],
  checkedAt: '2026-11-25T01:00:00.000Z',
  verification: null,
};

describe('broken chain', () => {
  it('shows an unmissable warning naming the event; an admin acknowledges it with a note', async () => {
    let integrity = BROKEN;
    const bridge = new FakeBridge()
      .on('system.status', () => ({ ok: true, value: status(ADMIN, true, integrity) }))
      .ok('trainees.list', roster)
      .on('system.acknowledgeChainBreak', () => {
        integrity = { ...BROKEN, state: 'acknowledged' };
        return { ok: true, value: { seq: 43 } };
      });
    const { user } = renderApp(bridge);
    const banner = await screen.findByTestId('integrity-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(within(banner).getByTestId('chain-break').textContent).toBe('Sự kiện số 42: nội dung bị sửa');

    await user.click(within(banner).getByRole('button', { name: 'Xác nhận đã biết…' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Ghi chú/), 'Đã báo giám đốc');
    await user.click(within(dialog).getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(bridge.callsTo('system.acknowledgeChainBreak')).toEqual([{ note: 'Đã báo giám đốc' }]));
    await waitFor(() => expect(screen.queryByTestId('integrity-banner')).toBeNull());
  });

  it('tells a non-admin to call an administrator, without an acknowledge button', async () => {
    const bridge = new FakeBridge().ok('system.status', status(TEACHER, true, BROKEN)).ok('trainees.list', roster);
    renderApp(bridge);
    const banner = await screen.findByTestId('integrity-banner');
    expect(within(banner).queryByRole('button')).toBeNull();
    expect(banner.textContent).toContain('Hãy báo ngay cho quản trị viên.');
  });

  it('shows the start-up rebuild progress instead of the app while projections are replayed', async () => {
    const bridge = new FakeBridge().ok('system.status', { ...status(null), startup: { done: 250_000, total: 1_000_000 } });
    renderApp(bridge);
    const progress = await screen.findByTestId('startup-progress');
    expect(progress.textContent).toContain('Sen đang chuẩn bị dữ liệu');
    expect(within(progress).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
  });
});

describe('voiding from the timeline', () => {
  it('an admin voids a correction with a reason; a voided entry is shown struck with who and why', async () => {
    const bridge = new FakeBridge()
      .ok('system.status', status(ADMIN))
      .ok('trainees.get', hoa)
      .ok('trainees.timeline', hoaTimeline)
      .ok('events.void', { seq: 20 });
    const { user } = renderApp(bridge, { name: 'trainee', traineeId: HOA_ID });
    await user.click(await screen.findByRole('button', { name: 'Hủy bản ghi số 9' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Hủy bản ghi này' }));
    expect(await within(dialog).findByText('Bắt buộc nhập')).toBeTruthy();
    expect(bridge.callsTo('events.void')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText(/Lý do hủy/), 'Đính chính nhầm hồ sơ');
    await user.click(within(dialog).getByRole('button', { name: 'Hủy bản ghi này' }));
    await waitFor(() => expect(bridge.callsTo('events.void')).toEqual([{ seq: 9, reason: 'Đính chính nhầm hồ sơ' }]));
  });

  it('renders a voided entry and the void itself; nothing left to void there', async () => {
    const voidedTimeline = [
      { ...hoaTimeline[1]!, voided: { bySeq: 12, reason: 'Nhầm hồ sơ', actor: { id: ADMIN.id, fullName: ADMIN.fullName }, recordedAt: '2024-06-04T02:00:00.000Z' } },
      { ...hoaTimeline[0]! },
      {
        seq: 12,
        type: 'EventVoided' as const,
        occurredAt: '2024-06-04T02:00:00.000Z',
        recordedAt: '2024-06-04T02:00:00.000Z',
        actor: { id: ADMIN.id, fullName: ADMIN.fullName },
        meta: { actor: ADMIN.id, reason: 'Nhầm hồ sơ' },
        data: { seq: 9, voidedType: 'TraineeDetailsCorrected', reason: 'Nhầm hồ sơ' },
        voided: null,
      },
    ];
    const bridge = new FakeBridge().ok('system.status', status(ADMIN)).ok('trainees.get', hoa).ok('trainees.timeline', voidedTimeline);
    renderApp(bridge, { name: 'trainee', traineeId: HOA_ID });
    const entries = await screen.findAllByTestId('timeline-entry');
    expect(entries.map((e) => [e.getAttribute('data-event-type'), e.getAttribute('data-voided')])).toEqual([
      ['EventVoided', null],
      ['TraineeDetailsCorrected', 'true'],
      ['TraineeAdmitted', null],
    ]);
    expect(within(entries[1]!).getByTestId('timeline-voided').textContent).toMatch(/^Đã hủy bởi Trần Văn Quản lúc 04\/06\/2024 \d\d:00\. Lý do: Nhầm hồ sơ$/);
    expect(entries[0]!.textContent).toContain('Hủy bản ghi số 9 (Đính chính thông tin)');
    expect(screen.queryByRole('button', { name: 'Hủy bản ghi số 9' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Hủy bản ghi số 5' })).toBeTruthy();
  });

  it('a teacher cannot void what someone else recorded', async () => {
    const bridge = new FakeBridge().ok('system.status', status(TEACHER)).ok('trainees.get', hoa).ok('trainees.timeline', hoaTimeline);
    renderApp(bridge, { name: 'trainee', traineeId: HOA_ID });
    await screen.findAllByTestId('timeline-entry');
    expect(screen.queryByRole('button', { name: /Hủy bản ghi số/ })).toBeNull();
  });
});
