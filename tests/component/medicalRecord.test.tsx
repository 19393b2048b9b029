import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/accounts';
import type { MedicalRecordHeader } from '../../shared/access';
import { formatDateTime } from '../../shared/dates';
import { navigate } from '../../renderer/app/navigation';
import { i18next } from '../../renderer/i18n';
import { ADMIN, signedInBridge, TEACHER } from './fakeBridge';
import { hoa, HOA_ID, hoaTimeline } from './data';
import { renderApp } from './render';

const MEDIC: SessionUser = { id: '00000000-0000-4000-8000-000000000003', username: 'bs.lan', fullName: 'Bác sĩ Phạm Thị Lan', roles: ['medical'] };

const header: MedicalRecordHeader = {
  traineeId: HOA_ID,
  fileNumber: hoa.fileNumber,
  fullName: hoa.fullName,
  sex: 'female',
  dateOfBirth: '1995-03-05',
  status: 'in_care',
  phase: 'detox',
  admissionDate: '2024-06-01',
  plannedReleaseDate: '2026-06-01',
  releaseDate: null,
  medicalEntries: 7,
  lastMedicalEntryAt: '2024-06-03T02:15:00.000Z',
  accessSeq: 42,
};

const route = { name: 'medicalRecord', traineeId: HOA_ID } as const;

describe('medical record page', () => {
  it('logs the opening once, then shows the header and the parts of the record', async () => {
    const bridge = signedInBridge(MEDIC).ok('medical.openRecord', header).ok('trainees.timeline', hoaTimeline);
    const { user } = renderApp(bridge, route);
    expect((await screen.findByTestId('record-name')).textContent).toBe('Nguyễn Thị Hoà');
    expect(bridge.callsTo('medical.openRecord')).toEqual([{ traineeId: HOA_ID }]);
    const top = within(screen.getByTestId('record-header'));
    expect(top.getByText('05/03/1995')).toBeTruthy();
    expect(top.getByText('01/06/2024')).toBeTruthy();
    expect(top.getByTestId('record-phase').textContent).toBe('Điều trị cắt cơn');
    expect(top.getByTestId('record-entries').textContent).toBe('7');
    expect(top.getByTestId('record-last-entry').textContent).toBe(formatDateTime(header.lastMedicalEntryAt!));
    expect(screen.getByTestId('record-logged').textContent).toBe('Lần mở hồ sơ này đã được ghi vào nhật ký truy cập.');

    const tabs = within(screen.getByRole('tablist', { name: 'Các phần của hồ sơ y tế' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Sàng lọc', 'Cắt cơn', 'Đơn thuốc', 'Điều trị ARV', 'Ở riêng, hạn chế, chuyển viện', 'Dòng thời gian']);
    await user.click(screen.getByRole('tab', { name: 'Dòng thời gian' }));
    expect(await screen.findAllByTestId('timeline-entry')).toHaveLength(hoaTimeline.length);
    // Alt+1 goes back to the first part without the mouse.
    await user.keyboard('{Alt>}1{/Alt}');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Sàng lọc' }).getAttribute('aria-selected')).toBe('true'));
    // Switching parts and refetching does not open (and log) the record again.
    expect(bridge.callsTo('medical.openRecord')).toHaveLength(1);
  });

  it('opening it again later is logged again; the back link leads to the trainee page', async () => {
    const bridge = signedInBridge(MEDIC).ok('medical.openRecord', header).ok('trainees.get', hoa).ok('trainees.timeline', hoaTimeline);
    const { user, store } = renderApp(bridge, route);
    await screen.findByTestId('record-name');
    await user.click(screen.getByRole('button', { name: /Trang học viên/ }));
    expect(store.getState().navigation.route).toEqual({ name: 'trainee', traineeId: HOA_ID });
    await user.click(await screen.findByRole('button', { name: 'Hồ sơ y tế' }));
    await screen.findByTestId('record-name');
    expect(bridge.callsTo('medical.openRecord')).toHaveLength(2);
  });

  it('shows nothing medical when the opening is refused (nothing is read that was not logged)', async () => {
    const bridge = signedInBridge(MEDIC).fail('medical.openRecord', { code: 'NOT_FOUND', message: 'No such trainee.' });
    renderApp(bridge, route);
    expect((await screen.findByRole('alert')).textContent).toContain('Không tìm thấy');
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(bridge.calls.map((c) => c.name).filter((n) => n !== 'system.status')).toEqual(['medical.openRecord']);
  });

  it('speaks English one click away', async () => {
    await i18next.changeLanguage('en');
    const bridge = signedInBridge(MEDIC).ok('medical.openRecord', header);
    renderApp(bridge, route);
    await screen.findByTestId('record-name');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Screening', 'Detox', 'Prescriptions', 'ARV treatment', 'Separate housing, restrictions, referrals', 'Timeline']);
    expect(screen.getByTestId('record-logged').textContent).toBe('This opening has been recorded in the access log.');
    expect(screen.getByTestId('record-phase').textContent).toBe('Detox treatment');
  });
});

describe('the trainee page and the medical record', () => {
  it('offers the medical record to medical officers only', async () => {
    for (const [who, shown] of [
      [MEDIC, true],
      [ADMIN, false],
      [TEACHER, false],
    ] as const) {
      const bridge = signedInBridge(who).ok('trainees.get', hoa).ok('trainees.timeline', hoaTimeline);
      const view = renderApp(bridge, { name: 'trainee', traineeId: HOA_ID });
      await screen.findByTestId('trainee-name');
      expect(screen.queryByTestId('open-medical-record') !== null).toBe(shown);
      view.unmount();
      view.disconnect();
    }
  });

  it('a non-medical user sent to the record route sees the roster, and nothing is opened', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.list', { items: [], counts: { shown: 0, inCare: 0, released: 0, compulsory: 0, voluntary: 0 }, truncated: false });
    const { store } = renderApp(bridge, { name: 'roster' });
    act(() => {
      store.dispatch(navigate(route));
    });
    await waitFor(() => expect(bridge.callsTo('trainees.list').length).toBeGreaterThan(0));
    expect(bridge.callsTo('medical.openRecord')).toHaveLength(0);
  });
});
