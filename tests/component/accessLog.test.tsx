import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../shared/accounts';
import type { AccessList } from '../../shared/access';
import type { HandlerInput } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { i18next } from '../../renderer/i18n';
import { ADMIN, signedInBridge } from './fakeBridge';
import { HOA_ID } from './data';
import { renderApp } from './render';

const LAN = '00000000-0000-4000-8000-000000000003';

const accounts = [
  { id: ADMIN.id, username: 'admin', fullName: ADMIN.fullName, roles: ['admin'], active: true, mustChangePassword: false, lastSignInAt: null, lockedUntil: null },
  { id: LAN, username: 'bs.lan', fullName: 'Bác sĩ Phạm Thị Lan', roles: ['medical'], active: true, mustChangePassword: false, lastSignInAt: null, lockedUntil: null },
] as unknown as AccountSummary[];

const log: AccessList = {
  items: [
    { seq: 30, recordedAt: '2026-09-12T03:05:00.000Z', kind: 'backup', detail: 'E:\\sen-2026-09-12.senbak', actor: { id: ADMIN.id, fullName: ADMIN.fullName }, trainee: null },
    { seq: 21, recordedAt: '2026-09-10T16:45:00.000Z', kind: 'medical_record', detail: '', actor: { id: LAN, fullName: 'Bác sĩ Phạm Thị Lan' }, trainee: { id: HOA_ID, fileNumber: 'HS-2024-001', fullName: 'Nguyễn Thị Hoà' } },
    { seq: 9, recordedAt: '2026-09-01T01:00:00.000Z', kind: 'medical_record', detail: '', actor: { id: LAN, fullName: 'Bác sĩ Phạm Thị Lan' }, trainee: { id: '33333333-3333-4333-8333-333333333333', fileNumber: null, fullName: null } },
  ],
  truncated: false,
};

function bridge(answer: (input: HandlerInput<'access.list'>) => AccessList = () => log) {
  return signedInBridge(ADMIN)
    .ok('accounts.list', accounts)
    .on('access.list', (input) => ({ ok: true, value: answer(input) }));
}

const lastList = (b: ReturnType<typeof bridge>) => b.callsTo('access.list').at(-1);

describe('access log page', () => {
  it('lists who accessed whose data and when, newest first, in dd/MM/yyyy HH:mm', async () => {
    renderApp(bridge(), { name: 'accessLog' });
    const rows = await screen.findAllByTestId('access-row');
    expect(rows).toHaveLength(3);
    const cells = rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(cells[0]).toEqual([formatDateTime(log.items[0]!.recordedAt), ADMIN.fullName, 'Sao lưu', 'Toàn cơ sở', 'E:\\sen-2026-09-12.senbak']);
    expect(cells[1]).toEqual([formatDateTime(log.items[1]!.recordedAt), 'Bác sĩ Phạm Thị Lan', 'Mở hồ sơ y tế', 'HS-2024-001 Nguyễn Thị Hoà', '']);
    expect(cells[2]![3]).toBe('Hồ sơ học viên đã bị huỷ');
    expect(cells[0]![0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });

  it('filters by person, kind, trainee name and a range of days typed dd/mm/yyyy', async () => {
    // The fake core answers one row to any filtered list, every row to the unfiltered one.
    const b = bridge((input) => (Object.keys(input).length > 1 || input.search ? { items: [log.items[1]!], truncated: false } : log));
    const { user } = renderApp(b, { name: 'accessLog' });
    await screen.findAllByTestId('access-row');
    expect(lastList(b)).toEqual({ search: '' });

    await user.selectOptions(screen.getByLabelText('Người truy cập'), 'Bác sĩ Phạm Thị Lan');
    await waitFor(() => expect(lastList(b)).toEqual({ userId: LAN, search: '' }));
    await user.selectOptions(screen.getByLabelText('Loại truy cập'), 'Mở hồ sơ y tế');
    await waitFor(() => expect(lastList(b)).toEqual({ userId: LAN, kind: 'medical_record', search: '' }));
    await user.type(screen.getByLabelText('Học viên'), 'nguyen thi hoa');
    await waitFor(() => expect(lastList(b)).toMatchObject({ search: 'nguyen thi hoa' }));
    await user.type(screen.getByLabelText('Từ ngày'), '01/09/2026{Enter}');
    await user.type(screen.getByLabelText('Đến ngày'), '10/9/2026{Enter}');
    await waitFor(() => expect(lastList(b)).toEqual({ from: '2026-09-01', to: '2026-09-10', userId: LAN, kind: 'medical_record', search: 'nguyen thi hoa' }));

    await waitFor(() => expect(screen.getAllByTestId('access-row')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Xoá bộ lọc' }));
    await waitFor(() => expect(screen.getAllByTestId('access-row')).toHaveLength(3));
    expect((screen.getByLabelText('Từ ngày') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Học viên') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Người truy cập') as HTMLSelectElement).value).toBe('');
  });

  it('says so when a date is wrong or the range is reversed, and does not ask the core', async () => {
    const b = bridge();
    const { user } = renderApp(b, { name: 'accessLog' });
    await screen.findAllByTestId('access-row');
    await user.type(screen.getByLabelText('Từ ngày'), '31/02/2026{Enter}');
    expect(await screen.findByText('Ngày không hợp lệ (dd/mm/yyyy)')).toBeTruthy();
    expect(b.callsTo('access.list').some((i) => 'from' in i)).toBe(false);

    await user.clear(screen.getByLabelText('Từ ngày'));
    await user.type(screen.getByLabelText('Từ ngày'), '12/09/2026{Enter}');
    await user.type(screen.getByLabelText('Đến ngày'), '10/09/2026{Enter}');
    expect(await screen.findByText('Ngày kết thúc không được trước ngày bắt đầu')).toBeTruthy();
    expect(screen.queryAllByTestId('access-row')).toHaveLength(0);
    expect(b.callsTo('access.list').some((i) => i.from === '2026-09-12' && i.to === '2026-09-10')).toBe(false);
  });

  it('asks to narrow the filters when the list is cut, and says when nothing matches', async () => {
    const b = bridge((input) => (input.kind === 'print' ? { items: [], truncated: false } : { ...log, truncated: true }));
    const { user } = renderApp(b, { name: 'accessLog' });
    expect((await screen.findByTestId('access-truncated')).textContent).toContain('Chỉ hiện 3 lượt mới nhất');
    await user.selectOptions(screen.getByLabelText('Loại truy cập'), 'In');
    expect((await screen.findByTestId('access-empty')).textContent).toBe('Không có lượt truy cập nào khớp bộ lọc.');
  });

  it('speaks English', async () => {
    await i18next.changeLanguage('en');
    renderApp(bridge(), { name: 'accessLog' });
    const rows = await screen.findAllByTestId('access-row');
    expect(within(rows[0]!).getByText('Backup')).toBeTruthy();
    expect(within(rows[0]!).getByText('Whole facility')).toBeTruthy();
    expect(within(rows[1]!).getByText('Medical record opened')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Access log' })).toBeTruthy();
  });

  it('is reached from the accounts screen', async () => {
    const b = bridge();
    const { user, store } = renderApp(b, { name: 'accounts' });
    await user.click(await screen.findByTestId('open-access-log'));
    expect(store.getState().navigation.route).toEqual({ name: 'accessLog' });
    expect(await screen.findAllByTestId('access-row')).toHaveLength(3);
  });
});
