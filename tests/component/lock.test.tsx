import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, FakeBridge, status } from './fakeBridge';
import { roster } from './data';
import { renderApp } from './render';

afterEach(() => {
  vi.useRealTimers();
});

describe('screen lock', () => {
  it('locks after the facility’s idle minutes without input, and not before', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const bridge = new FakeBridge().ok('system.status', { ...status(ADMIN), idleLockMinutes: 2 }).ok('trainees.list', roster).ok('auth.lock', null);
    renderApp(bridge);
    await screen.findByText('Danh sách học viên');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(90_000);
    });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(90_000);
    });
    expect(bridge.callsTo('auth.lock')).toHaveLength(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(40_000);
    });
    expect(bridge.callsTo('auth.lock')).toHaveLength(1);
  });

  it('the lock screen resumes the same person with the password, or lets someone else sign in', async () => {
    const bridge = new FakeBridge().ok('system.status', status({ ...ADMIN, locked: true })).ok('auth.signIn', ADMIN);
    const { user } = renderApp(bridge);
    expect(await screen.findByText('Màn hình đã khóa')).toBeTruthy();
    expect(screen.getByTestId('lock-text').textContent).toContain(ADMIN.fullName);
    const username = screen.getByLabelText('Tên đăng nhập') as HTMLInputElement;
    expect(username.value).toBe('admin');
    expect(username.readOnly).toBe(true);
    await user.type(screen.getByLabelText('Mật khẩu'), 'mật khẩu đủ dài{Enter}');
    await waitFor(() => expect(bridge.callsTo('auth.signIn')).toEqual([{ username: 'admin', password: 'mật khẩu đủ dài' }]));

    await user.click(screen.getByRole('button', { name: /Người khác đăng nhập/ }));
    expect(screen.getByText('Đăng nhập', { selector: 'h2' })).toBeTruthy();
    expect((screen.getByLabelText('Tên đăng nhập') as HTMLInputElement).value).toBe('');
  });
});
