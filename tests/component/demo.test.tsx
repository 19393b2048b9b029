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
  staff: [
    { username: 'yte', fullName: 'Lê Thị Hạnh', roles: ['medical'] },
    { username: 'trucban', fullName: 'Phạm Văn Dũng', roles: ['duty'] },
    { username: 'giaovien', fullName: 'Nguyễn Thị Thu Hà', roles: ['teacher'] },
    { username: 'huongdan', fullName: 'Đinh Văn Hướng', roles: ['instructor'] },
  ],
  counts: {
    events: 700,
    admitted: 330,
    corrected: 20,
    released: 210,
    releasedByKind: { completed: 200, transferred: 6, other: 4 },
    inCare: 120,
    from: '2023-11-24',
    to: '2026-11-24',
    medical: {
      screenings: 2600,
      detoxEpisodes: 270,
      detoxAssessments: 5500,
      prescriptions: 980,
      doses: 1300,
      artStarted: 35,
      onArt: 14,
      labs: 100,
      referrals: 30,
      housingFlags: 70,
      workRestrictions: 25,
      phaseChanges: 1070,
    },
    classes: { classes: 16, enrolments: 190, withdrawals: 180, sessions: 260, attendance: 1800, absences: 95 },
    literacy: { sheets: 200, observations: 1200, completions: 40 },
    duty: {
      dorms: 5,
      rooms: 19,
      beds: 178,
      bedsAssigned: 313,
      moves: 250,
      vacated: 191,
      overrides: 0,
      keepApartRules: 12,
      headcounts: 183,
      mismatches: 36,
      incidents: 96,
      violations: 149,
      measures: 148,
      rewards: 925,
      ratings: 4465,
      shiftNotes: 634,
    },
    labor: { workshops: 4, assignments: 250, moves: 3, sheets: 400, entries: 7000, absences: 500, sheetsFrom: '2026-07-24' },
    reintegration: { sessions: 240, counselled: 95 },
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
    // The medical officer and the duty officer, with the same password, their roles named.
    const staff = within(credentials).getByTestId('demo-staff');
    expect(credentials.textContent).toContain('Cùng mật khẩu đó, đăng nhập với vai trò khác');
    expect(within(staff).getByText('yte')).toBeTruthy();
    expect(within(staff).getByText('trucban')).toBeTruthy();
    expect(staff.textContent).toContain('Lê Thị Hạnh (Y tế)');
    expect(staff.textContent).toContain('Phạm Văn Dũng (Trực ban)');
    expect(staff.textContent).toContain('Đinh Văn Hướng (Hướng dẫn lao động)');
    expect(staff.textContent).toContain('Nguyễn Thị Thu Hà (Giáo viên)');
    expect((screen.getByLabelText('Tên đăng nhập') as HTMLInputElement).value).toBe('admin');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Mật khẩu')));
    expect(bridge.callsTo('system.demo')).toEqual([{}]);
  });

  it('is offered in English too, with the staff accounts on the credentials card', async () => {
    setLanguage('en');
    const bridge = new DemoBridge();
    const { user } = renderApp(bridge);
    await user.click(await screen.findByRole('button', { name: 'Open a demo facility (sample data)' }));
    expect(screen.getByText(/not real people/)).toBeTruthy();
    bridge.finish();
    bridge.emit(['system', 'trainees']);
    const credentials = await screen.findByTestId('demo-credentials');
    expect(credentials.textContent).toContain('With the same password, sign in with another role');
    const staff = within(credentials).getByTestId('demo-staff');
    expect(staff.textContent).toContain('Lê Thị Hạnh (Medical)');
    expect(staff.textContent).toContain('Phạm Văn Dũng (Duty officer)');
    expect(staff.textContent).toContain('Nguyễn Thị Thu Hà (Teacher)');
  });

  it('shows a refusal in place and stays on the first-run screen', async () => {
    const bridge = new FakeBridge().ok('system.status', status(null, false)).fail('system.demo', { code: 'ALREADY_SET_UP', message: 'Sen is already set up.' });
    const { user } = renderApp(bridge);
    await user.click(await screen.findByRole('button', { name: 'Mở cơ sở mẫu (dữ liệu thử)' }));
    expect((await screen.findByTestId('demo-error')).textContent).toContain('Sen đã được thiết lập trước đó.');
    expect(screen.getByRole('button', { name: 'Thiết lập' })).toBeTruthy();
  });
});
