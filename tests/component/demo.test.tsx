import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HandlerInput, HandlerName, HandlerOutput } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { setLanguage } from '../../renderer/i18n';
import { FakeBridge, status } from './fakeBridge';
import { renderApp } from './render';

const DEMO_RESULT: HandlerOutput<'system.demo'> = {
  facilityName: 'Cơ sở cai nghiện ma túy tỉnh Điện Biên (dữ liệu mẫu)',
  username: 'admin',
  password: 'demo-sen-2026',
  counts: {
    events: 700,
    admitted: 330,
    corrected: 20,
    released: 210,
    releasedByKind: { completed: 200, transferred: 6, other: 4 },
    inCare: 120,
    from: '2023-11-24',
    to: '2026-11-24',
  },
  ms: 2500,
};

/** A first-run bridge whose system.demo answers only when the test opens the gate. */
class DemoBridge extends FakeBridge {
  setUp = false;
  private openGate: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.openGate = resolve));

  constructor() {
    super();
    this.on('system.status', () => ({ ok: true, value: status(null, this.setUp) }));
    this.on('system.demo', () => {
      this.setUp = true;
      return { ok: true, value: DEMO_RESULT };
    });
  }

  finish(): void {
    this.openGate();
  }

  override invoke<N extends HandlerName>(name: N, input: HandlerInput<N>): Promise<Result<HandlerOutput<N>>> {
    if (name !== 'system.demo') return super.invoke(name, input);
    return this.gate.then(() => super.invoke(name, input));
  }
}

describe('open a demo facility', () => {
  it('explains the sample data, shows progress while it is generated, then the demo account on the sign-in screen', async () => {
    const bridge = new DemoBridge();
    const { user } = renderApp(bridge);

    const button = await screen.findByRole('button', { name: 'Mở cơ sở mẫu (dữ liệu thử)' });
    expect(screen.getByText(/không phải người thật/)).toBeTruthy();
    await user.click(button);

    const progress = await screen.findByTestId('demo-progress');
    expect(progress.textContent).toContain('Đang tạo 3 năm dữ liệu mẫu');
    expect(screen.getByRole('button', { name: 'Thiết lập' }).hasAttribute('disabled')).toBe(true);

    bridge.finish();
    bridge.emit(['system', 'trainees']);
    const credentials = await screen.findByTestId('demo-credentials');
    expect(credentials.textContent).toContain('Cơ sở mẫu đã sẵn sàng');
    expect(within(credentials).getByText('admin')).toBeTruthy();
    expect(within(credentials).getByText('demo-sen-2026')).toBeTruthy();
    expect((screen.getByLabelText('Tên đăng nhập') as HTMLInputElement).value).toBe('admin');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Mật khẩu')));
    expect(bridge.callsTo('system.demo')).toEqual([{}]);
  });

  it('is offered in English too', async () => {
    setLanguage('en');
    renderApp(new DemoBridge());
    expect(await screen.findByRole('button', { name: 'Open a demo facility (sample data)' })).toBeTruthy();
    expect(screen.getByText(/not real people/)).toBeTruthy();
  });

  it('shows a refusal in place and stays on the first-run screen', async () => {
    const bridge = new FakeBridge().ok('system.status', status(null, false)).fail('system.demo', { code: 'ALREADY_SET_UP', message: 'Sen is already set up.' });
    const { user } = renderApp(bridge);
    await user.click(await screen.findByRole('button', { name: 'Mở cơ sở mẫu (dữ liệu thử)' }));
    expect((await screen.findByTestId('demo-error')).textContent).toContain('Sen đã được thiết lập trước đó.');
    expect(screen.getByRole('button', { name: 'Thiết lập' })).toBeTruthy();
  });
});
