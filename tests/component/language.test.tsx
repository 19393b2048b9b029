import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../renderer/i18n';
import { ADMIN, signedInBridge, status } from './fakeBridge';
import { roster } from './data';
import { renderApp } from './render';

describe('language switch', () => {
  it('switches the visible text between Vietnamese and English and remembers the choice', async () => {
    const { user } = renderApp(signedInBridge(ADMIN).ok('trainees.list', roster));
    expect(await screen.findByRole('heading', { name: 'Danh sách học viên' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đăng xuất' })).toBeTruthy();
    expect((await screen.findAllByText('Nữ')).length).toBeGreaterThan(0);
    expect(document.documentElement.lang).toBe('vi');

    await user.click(screen.getByRole('radio', { name: 'EN' }));
    expect(await screen.findByRole('heading', { name: 'Trainee roster' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Admit trainee' })).toBeTruthy();
    expect(screen.getAllByText('Female').length).toBeGreaterThan(0);
    expect(screen.getByTestId('header-role').textContent).toBe('Administrator');
    expect(screen.queryByText('Danh sách học viên')).toBeNull();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    await user.click(screen.getByRole('radio', { name: 'VI' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Danh sách học viên' })).toBeTruthy());
    expect(document.documentElement.lang).toBe('vi');
  });

  it('signs out and returns to the sign-in screen', async () => {
    let signedIn = true;
    const bridge = signedInBridge(ADMIN)
      .on('system.status', () => ({ ok: true, value: status(signedIn ? ADMIN : null) }))
      .on('auth.signOut', () => {
        signedIn = false;
        return { ok: true, value: null };
      })
      .ok('trainees.list', roster);
    const { user } = renderApp(bridge);
    await user.click(await screen.findByRole('button', { name: 'Đăng xuất' }));
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeTruthy();
    expect(bridge.callsTo('auth.signOut')).toHaveLength(1);
  });
});
