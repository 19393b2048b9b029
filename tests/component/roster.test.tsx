import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TraineeList } from '../../shared/admissions';
import { ADMIN, signedInBridge, status, TEACHER } from './fakeBridge';
import { hoa, HOA_ID, roster } from './data';
import { renderApp } from './render';

function value(testId: string): string {
  return screen.getByTestId(`${testId}-value`).textContent ?? '';
}

describe('roster', () => {
  it('shows counts and rows with translated labels and dd/MM/yyyy dates', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.list', roster);
    renderApp(bridge);
    const rows = await screen.findAllByTestId('roster-row');
    expect(rows).toHaveLength(2);
    expect(value('count-in-care')).toBe('2');
    expect(value('count-released')).toBe('1');
    expect(value('count-compulsory')).toBe('2');
    expect(value('count-voluntary')).toBe('1');
    expect(value('count-shown')).toBe('2');
    const first = within(rows[0]!);
    expect(first.getByText('Nguyễn Thị Hoà')).toBeTruthy();
    expect(first.getByText('Nữ')).toBeTruthy();
    expect(first.getByText('05/03/1995')).toBeTruthy();
    expect(first.getByText('Bắt buộc')).toBeTruthy();
    expect(first.getByText('Điều trị cắt cơn')).toBeTruthy();
    expect(bridge.callsTo('trainees.list')[0]).toEqual({ search: '', status: 'in_care', admissionType: 'all' });
  });

  it('passes the search text and filters to the core', async () => {
    const bridge = signedInBridge(ADMIN).on('trainees.list', (input): { ok: true; value: TraineeList } => ({
      ok: true,
      value: input.search ? { items: roster.items.slice(0, 1), counts: { ...roster.counts, shown: 1 }, truncated: false } : roster,
    }));
    const { user } = renderApp(bridge);
    const search = await screen.findByLabelText('Tìm kiếm');
    expect(document.activeElement).toBe(search);
    await user.type(search, 'nguyen thi hoa');
    await waitFor(() => expect(screen.getAllByTestId('roster-row')).toHaveLength(1));
    expect(bridge.callsTo('trainees.list').at(-1)).toEqual({ search: 'nguyen thi hoa', status: 'in_care', admissionType: 'all' });
    expect(value('count-shown')).toBe('1');

    await user.click(within(screen.getByTestId('type-filter')).getByRole('radio', { name: 'Tự nguyện' }));
    await user.click(within(screen.getByTestId('status-filter')).getByRole('radio', { name: 'Tất cả' }));
    await waitFor(() => expect(bridge.callsTo('trainees.list').at(-1)).toMatchObject({ status: 'all', admissionType: 'voluntary' }));
  });

  it('opens a trainee with Enter on a row', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.list', roster).ok('trainees.get', hoa).ok('trainees.timeline', []);
    const { user } = renderApp(bridge);
    const rows = await screen.findAllByTestId('roster-row');
    rows[0]!.focus();
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('trainee-name')).textContent).toBe('Nguyễn Thị Hoà');
    expect(bridge.callsTo('trainees.get')).toEqual([{ traineeId: HOA_ID }]);
  });

  it('offers admission only to roles with intake rights', async () => {
    renderApp(signedInBridge(ADMIN).ok('trainees.list', roster));
    expect(await screen.findByRole('button', { name: 'Tiếp nhận học viên' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hệ thống' })).toBeTruthy();
  });

  it('hides admission and the system page from a teacher', async () => {
    renderApp(signedInBridge(TEACHER).ok('trainees.list', roster));
    await screen.findAllByTestId('roster-row');
    expect(screen.queryByRole('button', { name: 'Tiếp nhận học viên' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Hệ thống' })).toBeNull();
  });

  it('asks to narrow the search when the core returns only part of the rows', async () => {
    renderApp(signedInBridge(ADMIN).ok('trainees.list', { ...roster, counts: { ...roster.counts, shown: 812 }, truncated: true }));
    expect((await screen.findByTestId('roster-truncated')).textContent).toBe('Chỉ hiển thị 2 trên 812 học viên phù hợp. Hãy thu hẹp tìm kiếm.');
  });

  it('shows a translated error when the list cannot be read', async () => {
    renderApp(signedInBridge(ADMIN).fail('trainees.list', { code: 'FORBIDDEN', message: 'no' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Bạn không có quyền thực hiện thao tác này.');
  });

  it('refetches when the core pushes a change to the trainees area', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.list', roster);
    renderApp(bridge);
    await screen.findAllByTestId('roster-row');
    const before = bridge.callsTo('trainees.list').length;
    bridge.ok('trainees.list', { ...roster, counts: { ...roster.counts, inCare: 3 } });
    bridge.emit(['trainees']);
    await waitFor(() => expect(value('count-in-care')).toBe('3'));
    expect(bridge.callsTo('trainees.list').length).toBe(before + 1);
  });
});

describe('roster keyboard', () => {
  it('moves from the search box into the table with ↓ and opens the only match with Enter', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.list', { ...roster, items: roster.items.slice(0, 1) }).ok('trainees.get', hoa).ok('trainees.timeline', []);
    const { user } = renderApp(bridge);
    const search = await screen.findByLabelText('Tìm kiếm');
    await screen.findAllByTestId('roster-row');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getAllByTestId('roster-row')[0]);
    search.focus();
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('trainee-name')).textContent).toBe('Nguyễn Thị Hoà');
  });

  it('goes back to sign-in when the session has ended', async () => {
    let signedIn = true;
    const bridge = signedInBridge(ADMIN)
      .on('system.status', () => ({ ok: true, value: status(signedIn ? ADMIN : null) }))
      .on('trainees.list', () => {
        signedIn = false;
        return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'signed out' } };
      });
    renderApp(bridge);
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeTruthy();
  });
});
