import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../renderer/i18n';
import { ADMIN, FakeBridge, status } from './fakeBridge';
import { renderApp } from './render';

function signedOutBridge(): FakeBridge {
  return new FakeBridge().ok('system.status', status(null)).fail('auth.signIn', { code: 'WRONG_CREDENTIALS', message: 'Wrong username or password' });
}

describe('sign in', () => {
  it('shows a wrong password clearly in Vietnamese, then in English after switching', async () => {
    const bridge = signedOutBridge();
    const { user } = renderApp(bridge);

    const username = await screen.findByLabelText('Tên đăng nhập');
    expect(document.activeElement).toBe(username);
    await user.type(username, 'Admin');
    await user.type(screen.getByLabelText('Mật khẩu'), 'sai-mat-khau{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sai tên đăng nhập hoặc mật khẩu.');
    expect(bridge.callsTo('auth.signIn')).toEqual([{ username: 'admin', password: 'sai-mat-khau' }]);

    await user.click(screen.getByRole('radio', { name: 'EN' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong username or password.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('shows the error in English when English was chosen before', async () => {
    setLanguage('en');
    const bridge = signedOutBridge();
    const { user } = renderApp(bridge);
    await user.type(await screen.findByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'nope{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong username or password.');
  });

  it('does not call the bridge when fields are empty', async () => {
    const bridge = signedOutBridge();
    const { user } = renderApp(bridge);
    await user.click(await screen.findByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findAllByText('Bắt buộc nhập')).toHaveLength(2);
    expect(bridge.callsTo('auth.signIn')).toHaveLength(0);
  });

  it('enters the app after a successful sign-in', async () => {
    let signedIn = false;
    const bridge = new FakeBridge()
      .on('system.status', () => ({ ok: true, value: status(signedIn ? ADMIN : null) }))
      .on('auth.signIn', () => {
        signedIn = true;
        return { ok: true, value: ADMIN };
      })
      .ok('trainees.list', { items: [], counts: { shown: 0, inCare: 0, released: 0, compulsory: 0, voluntary: 0 }, truncated: false });
    const { user, store } = renderApp(bridge, { name: 'account' });
    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'admin');
    await user.type(screen.getByLabelText('Mật khẩu'), 'mat-khau-dung{Enter}');
    await waitFor(() => expect(screen.getByTestId('header-user').textContent).toContain(ADMIN.fullName));
    expect(screen.getByTestId('header-role').textContent).toContain('Quản trị');
    expect(store.getState().navigation.route).toEqual({ name: 'roster' });
  });

  it('starts each role on its own first screen: a medical officer on the medical dashboard, others on the roster', async () => {
    const NURSE = { ...ADMIN, id: '00000000-0000-4000-8000-000000000009', username: 'yte', fullName: 'Lê Thị Hạnh', roles: ['medical' as const] };
    let signedIn = false;
    const bridge = new FakeBridge()
      .on('system.status', () => ({ ok: true, value: status(signedIn ? NURSE : null) }))
      .on('auth.signIn', () => {
        signedIn = true;
        return { ok: true, value: NURSE };
      });
    const { user, store } = renderApp(bridge);
    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'yte');
    await user.type(screen.getByLabelText('Mật khẩu'), 'mat-khau-dung{Enter}');
    await waitFor(() => expect(store.getState().navigation.route).toEqual({ name: 'medical', tab: 'dashboard' }));
    expect(await screen.findByRole('heading', { name: 'Y tế' })).toBeTruthy();
  });

  it('starts a duty officer on the housing board', async () => {
    const DUTY = { ...ADMIN, id: '00000000-0000-4000-8000-000000000008', username: 'truc', fullName: 'Phạm Văn Trực', roles: ['duty' as const] };
    let signedIn = false;
    const bridge = new FakeBridge()
      .on('system.status', () => ({ ok: true, value: status(signedIn ? DUTY : null) }))
      .on('auth.signIn', () => {
        signedIn = true;
        return { ok: true, value: DUTY };
      });
    const { user, store } = renderApp(bridge);
    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'truc');
    await user.type(screen.getByLabelText('Mật khẩu'), 'mat-khau-dung{Enter}');
    await waitFor(() => expect(store.getState().navigation.route).toEqual({ name: 'duty', tab: 'board' }));
  });
});
