import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TraineeList } from '../../shared/admissions';
import type { Stats } from '../../shared/api';
import { ADMIN, signedInBridge } from './fakeBridge';
import { hoa, HOA_ID, roster } from './data';
import { renderApp } from './render';

const stats: Stats = { totalEvents: 7, eventsByType: { TraineeAdmitted: 3 }, traineesByStatus: { in_care: 2, released: 1 } };

describe('as of a date', () => {
  it('passes asOf to the roster query, shows the banner and hides admission; "Today" goes back', async () => {
    const bridge = signedInBridge(ADMIN).on('trainees.list', (input): { ok: true; value: TraineeList } => ({
      ok: true,
      value: input.asOf ? { ...roster, items: roster.items.slice(0, 1), counts: { ...roster.counts, shown: 1 } } : roster,
    }));
    const { user } = renderApp(bridge);
    expect(await screen.findAllByTestId('roster-row')).toHaveLength(2);
    expect(screen.queryByTestId('as-of-banner')).toBeNull();
    expect(screen.getByRole('button', { name: 'Tiếp nhận học viên' })).toBeTruthy();

    await user.type(screen.getByLabelText('Xem tính đến ngày'), '1/3/2025{Enter}');
    await waitFor(() => expect(bridge.callsTo('trainees.list').at(-1)).toEqual({ search: '', status: 'in_care', admissionType: 'all', asOf: '2025-03-01' }));
    expect((await screen.findByTestId('as-of-banner')).textContent).toContain('Đang xem dữ liệu tính đến hết ngày 01/03/2025');
    expect((screen.getByLabelText('Xem tính đến ngày') as HTMLInputElement).value).toBe('01/03/2025');
    expect(screen.queryByRole('button', { name: 'Tiếp nhận học viên' })).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId('roster-row')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Hôm nay' }));
    await waitFor(() => expect(screen.queryByTestId('as-of-banner')).toBeNull());
    // Back to today's roster (RTK Query still holds it).
    await waitFor(() => expect(screen.getAllByTestId('roster-row')).toHaveLength(2));
    expect(screen.getByRole('button', { name: 'Tiếp nhận học viên' })).toBeTruthy();
    expect((screen.getByLabelText('Xem tính đến ngày') as HTMLInputElement).value).toBe('');
  });

  it('says so in English too', async () => {
    const { user } = renderApp(signedInBridge(ADMIN).ok('trainees.list', roster));
    await screen.findAllByTestId('roster-row');
    await user.click(screen.getByRole('radio', { name: 'EN' }));
    await user.type(await screen.findByLabelText('Show as of'), '31/12/2024{Enter}');
    expect((await screen.findByTestId('as-of-banner')).textContent).toContain('Showing the records as they stood at the end of 31/12/2024');
    expect(screen.queryByRole('button', { name: 'Admit trainee' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'VI' }));
  });

  it('refuses a date that is not one, and treats today or later as now', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.list', roster);
    const { user } = renderApp(bridge);
    await screen.findAllByTestId('roster-row');
    const field = screen.getByLabelText('Xem tính đến ngày');
    await user.type(field, '31/02/2025{Enter}');
    expect(await screen.findByText('Ngày không hợp lệ (dd/mm/yyyy)')).toBeTruthy();
    expect(bridge.callsTo('trainees.list').some((c) => 'asOf' in c)).toBe(false);
    await user.clear(field);
    await user.type(field, '01/01/2199{Enter}');
    await waitFor(() => expect(screen.queryByText('Ngày không hợp lệ (dd/mm/yyyy)')).toBeNull());
    expect(screen.queryByTestId('as-of-banner')).toBeNull();
    expect(bridge.callsTo('trainees.list').some((c) => 'asOf' in c)).toBe(false);
  });

  it('opens a trainee from an as-of roster as of the same date, without the correct and release actions', async () => {
    const bridge = signedInBridge(ADMIN).ok('trainees.list', roster).ok('trainees.get', hoa).ok('trainees.timeline', []);
    const { user } = renderApp(bridge);
    await screen.findAllByTestId('roster-row');
    await user.type(screen.getByLabelText('Xem tính đến ngày'), '15/06/2024{Enter}');
    await screen.findByTestId('as-of-banner');
    await user.click(screen.getAllByTestId('roster-row')[0]!);
    expect((await screen.findByTestId('trainee-name')).textContent).toBe('Nguyễn Thị Hoà');
    expect(bridge.callsTo('trainees.get')).toEqual([{ traineeId: HOA_ID, asOf: '2024-06-15' }]);
    await waitFor(() => expect(bridge.callsTo('trainees.timeline')).toEqual([{ traineeId: HOA_ID, asOf: '2024-06-15' }]));
    expect(screen.getByTestId('as-of-banner').textContent).toContain('15/06/2024');
    expect(screen.queryByRole('button', { name: 'Đính chính thông tin' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Chấm dứt/Ra cơ sở' })).toBeNull();
    // Back on the roster, the date is still applied.
    await user.click(screen.getByRole('button', { name: /Về danh sách học viên/ }));
    await screen.findAllByTestId('roster-row');
    expect((screen.getByLabelText('Xem tính đến ngày') as HTMLInputElement).value).toBe('15/06/2024');
  });

  it('passes asOf to the statistics on the System page', async () => {
    const bridge = signedInBridge(ADMIN).ok('system.stats', stats);
    const { user } = renderApp(bridge, { name: 'system' });
    expect((await screen.findByTestId('total-events')).textContent).toBe('7');
    expect(bridge.callsTo('system.stats')).toEqual([{}]);
    await user.type(screen.getByLabelText('Xem tính đến ngày'), '02/01/2025{Enter}');
    await waitFor(() => expect(bridge.callsTo('system.stats').at(-1)).toEqual({ asOf: '2025-01-02' }));
    expect(within(await screen.findByTestId('as-of-banner')).getByText('Đang xem dữ liệu tính đến hết ngày 02/01/2025')).toBeTruthy();
  });
});
