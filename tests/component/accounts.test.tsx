import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccountSummary, SessionUser } from '../../shared/accounts';
import { setLanguage } from '../../renderer/i18n';
import { ADMIN, FakeBridge, signedInBridge, status, TEACHER } from './fakeBridge';
import { roster } from './data';
import { renderApp } from './render';

const OFFICER: AccountSummary = {
  id: '00000000-0000-4000-8000-000000000003',
  username: 'truc',
  fullName: 'Phạm Văn Trực',
  roles: ['duty'],
  active: true,
  mustChangePassword: true,
  createdAt: '2026-11-25T01:00:00.000Z',
  lastSignInAt: null,
  lockedUntil: null,
};
const ADMIN_ROW: AccountSummary = { ...ADMIN, active: true, mustChangePassword: false, createdAt: '2026-11-01T01:00:00.000Z', lastSignInAt: '2026-11-25T01:00:00.000Z', lockedUntil: null };

function accountsBridge(accounts: AccountSummary[] = [ADMIN_ROW, OFFICER]): FakeBridge {
  return signedInBridge(ADMIN).ok('accounts.list', accounts).ok('trainees.list', roster);
}

describe('accounts screen (admin)', () => {
  it('lists accounts with role badges and state, reachable from the header', async () => {
    const bridge = accountsBridge([ADMIN_ROW, { ...OFFICER, lockedUntil: '2099-01-01T00:00:00.000Z' }, { ...OFFICER, id: '00000000-0000-4000-8000-000000000004', username: 'cu', active: false, mustChangePassword: false }]);
    const { user } = renderApp(bridge);
    await user.click(await screen.findByRole('button', { name: 'Tài khoản' }));
    const table = await screen.findByTestId('accounts-table');
    const truc = within(table).getByTestId('account-truc');
    expect(truc.textContent).toContain('Trực ban');
    expect(truc.textContent).toContain('Chờ đổi mật khẩu');
    expect(truc.textContent).toContain('Bị khóa đến');
    expect(truc.textContent).toContain('Chưa đăng nhập');
    expect(within(table).getByTestId('account-cu').textContent).toContain('Đã vô hiệu hóa');
    expect(within(table).getByTestId('account-cu').textContent).toContain('Kích hoạt lại');
    expect(within(table).getByTestId('account-admin').textContent).toContain('(bạn)');
  });

  it('creates an account with several roles and an initial password, from the keyboard', async () => {
    const bridge = accountsBridge().ok('accounts.create', { userId: OFFICER.id });
    const { user } = renderApp(bridge, { name: 'accounts' });
    await user.click(await screen.findByRole('button', { name: 'Tạo tài khoản' }));
    const dialog = await screen.findByRole('dialog');
    // Nothing chosen: the form says what is missing and calls nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Tạo tài khoản' }));
    expect(await within(dialog).findByText('Chọn ít nhất một vai trò')).toBeTruthy();
    expect(bridge.callsTo('accounts.create')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Họ tên/), 'Phạm Văn Trực');
    await user.type(within(dialog).getByLabelText(/Tên đăng nhập/), 'truc');
    await user.click(within(dialog).getByLabelText('Trực ban'));
    await user.click(within(dialog).getByLabelText('Giáo viên'));
    await user.type(within(dialog).getByLabelText(/Mật khẩu ban đầu/), 'tạm-thời-123');
    await user.type(within(dialog).getByLabelText(/Nhập lại mật khẩu/), 'tạm-thời-123{Enter}');
    await waitFor(() =>
      expect(bridge.callsTo('accounts.create')).toEqual([
        { fullName: 'Phạm Văn Trực', username: 'truc', roles: ['duty', 'teacher'], password: 'tạm-thời-123', passwordConfirm: 'tạm-thời-123' },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows a duplicate username on its field', async () => {
    const bridge = accountsBridge().fail('accounts.create', { code: 'DUPLICATE_USERNAME', message: 'taken', issues: [{ path: 'username', code: 'duplicateUsername' }] });
    const { user } = renderApp(bridge, { name: 'accounts' });
    await user.click(await screen.findByRole('button', { name: 'Tạo tài khoản' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Họ tên/), 'Người khác');
    await user.type(within(dialog).getByLabelText(/Tên đăng nhập/), 'truc');
    await user.click(within(dialog).getByLabelText('Y tế'));
    await user.type(within(dialog).getByLabelText(/Mật khẩu ban đầu/), 'tạm-thời-123');
    await user.type(within(dialog).getByLabelText(/Nhập lại mật khẩu/), 'tạm-thời-123{Enter}');
    expect(await within(dialog).findByText('Tên đăng nhập này đã có người dùng')).toBeTruthy();
  });

  it('edits roles; refusing the last admin shows a clear message in vi and en', async () => {
    const bridge = accountsBridge().fail('accounts.setRoles', { code: 'LAST_ADMIN', message: 'last admin' });
    const { user } = renderApp(bridge, { name: 'accounts' });
    await user.click(await screen.findByRole('button', { name: 'Sửa vai trò: admin' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('Quản trị'));
    await user.click(within(dialog).getByLabelText('Y tế'));
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(bridge.callsTo('accounts.setRoles')).toEqual([{ userId: ADMIN.id, roles: ['medical'] }]));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('quản trị viên cuối cùng');
    setLanguage('en');
    await waitFor(() => expect(within(screen.getByRole('dialog')).getByRole('alert').textContent).toContain('last active administrator'));
  });

  it('deactivates after a confirmation, and resets a password', async () => {
    const bridge = accountsBridge().ok('accounts.deactivate', { seq: 9 }).ok('accounts.resetPassword', { seq: 10 });
    const { user } = renderApp(bridge, { name: 'accounts' });
    await user.click(await screen.findByRole('button', { name: 'Vô hiệu hóa: truc' }));
    const confirm = await screen.findByRole('dialog');
    await user.click(within(confirm).getByRole('button', { name: 'Vô hiệu hóa' }));
    await waitFor(() => expect(bridge.callsTo('accounts.deactivate')).toEqual([{ userId: OFFICER.id }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Đặt lại mật khẩu: truc' }));
    const reset = await screen.findByRole('dialog');
    await user.type(within(reset).getByLabelText(/Mật khẩu tạm/), 'mật-khẩu-tạm-2');
    await user.type(within(reset).getByLabelText(/Nhập lại mật khẩu/), 'mật-khẩu-tạm-2{Enter}');
    await waitFor(() => expect(bridge.callsTo('accounts.resetPassword')).toEqual([{ userId: OFFICER.id, password: 'mật-khẩu-tạm-2', passwordConfirm: 'mật-khẩu-tạm-2' }]));
  });

  it('is not offered to a non-admin', async () => {
    const bridge = signedInBridge(TEACHER).ok('trainees.list', roster);
    renderApp(bridge, { name: 'accounts' });
    await screen.findByTestId('header-user');
    expect(screen.queryByRole('button', { name: 'Tài khoản' })).toBeNull();
    expect(screen.queryByTestId('accounts-table')).toBeNull();
    expect(bridge.callsTo('accounts.list')).toHaveLength(0);
  });
});

describe('own password', () => {
  it('forced change right after sign-in: nothing else is shown until a new password is chosen', async () => {
    let me: SessionUser = { id: OFFICER.id, username: 'truc', fullName: OFFICER.fullName, roles: ['duty'], mustChangePassword: true };
    const bridge = new FakeBridge()
      .on('system.status', () => ({ ok: true, value: status(me) }))
      .on('auth.changePassword', (input) => {
        if (input.currentPassword !== 'tạm-thời-123') return { ok: false, error: { code: 'VALIDATION', message: 'x', issues: [{ path: 'currentPassword', code: 'wrongPassword' }] } };
        me = { ...me, mustChangePassword: false };
        return { ok: true, value: null };
      })
      .ok('trainees.list', roster);
    const { user } = renderApp(bridge);
    const screenBox = await screen.findByTestId('forced-password-change');
    expect(screenBox.textContent).toContain('Chọn mật khẩu mới');
    expect(screen.queryByTestId('header-user')).toBeNull();
    const current = within(screenBox).getByLabelText(/Mật khẩu hiện tại/);
    expect(document.activeElement).toBe(current);
    await user.type(current, 'sai');
    await user.type(within(screenBox).getByLabelText(/^Mật khẩu mới/), 'ngắn');
    await user.type(within(screenBox).getByLabelText(/Nhập lại mật khẩu mới/), 'khác{Enter}');
    expect(await within(screenBox).findByText('Mật khẩu phải có ít nhất 10 ký tự')).toBeTruthy();
    expect(within(screenBox).getByText('Hai mật khẩu không khớp')).toBeTruthy();
    expect(bridge.callsTo('auth.changePassword')).toHaveLength(0);

    await user.clear(within(screenBox).getByLabelText(/^Mật khẩu mới/));
    await user.type(within(screenBox).getByLabelText(/^Mật khẩu mới/), 'mật khẩu mới của tôi');
    await user.clear(within(screenBox).getByLabelText(/Nhập lại mật khẩu mới/));
    await user.type(within(screenBox).getByLabelText(/Nhập lại mật khẩu mới/), 'mật khẩu mới của tôi{Enter}');
    expect(await within(screenBox).findByText('Mật khẩu hiện tại không đúng')).toBeTruthy();

    await user.clear(within(screenBox).getByLabelText(/Mật khẩu hiện tại/));
    await user.type(within(screenBox).getByLabelText(/Mật khẩu hiện tại/), 'tạm-thời-123{Enter}');
    await waitFor(() => expect(screen.getByTestId('header-user').textContent).toContain(OFFICER.fullName));
    expect(screen.queryByTestId('forced-password-change')).toBeNull();
  });

  it('"My account" is in the header for everyone and changes the password', async () => {
    const bridge = signedInBridge(TEACHER).ok('trainees.list', roster).ok('auth.changePassword', null);
    const { user } = renderApp(bridge);
    await user.click(await screen.findByRole('button', { name: 'Tài khoản của tôi' }));
    const form = await screen.findByTestId('change-password-form');
    await user.type(within(form).getByLabelText(/Mật khẩu hiện tại/), 'mật khẩu cũ 123');
    await user.type(within(form).getByLabelText(/^Mật khẩu mới/), 'mật khẩu mới 456');
    await user.type(within(form).getByLabelText(/Nhập lại mật khẩu mới/), 'mật khẩu mới 456{Enter}');
    await waitFor(() =>
      expect(bridge.callsTo('auth.changePassword')).toEqual([{ currentPassword: 'mật khẩu cũ 123', newPassword: 'mật khẩu mới 456', newPasswordConfirm: 'mật khẩu mới 456' }]),
    );
  });

  it('a locked account is told when it opens again', async () => {
    const bridge = new FakeBridge()
      .ok('system.status', status(null))
      .fail('auth.signIn', { code: 'ACCOUNT_LOCKED', message: 'locked', params: { until: '2026-11-25T08:05:00.000Z' } });
    const { user } = renderApp(bridge);
    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'truc');
    await user.type(screen.getByLabelText('Mật khẩu'), 'sai-mat-khau{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Tài khoản bị khóa tạm thời');
    expect(alert.textContent).toMatch(/25\/11\/2026 \d\d:05/);
  });
});
