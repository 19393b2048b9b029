import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { ArvDashboard, ArvSummary } from '../../../shared/medical/arv';
import { formatDate, todayIso } from '../../../shared/dates';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { i18next } from '../../../renderer/i18n';
import { ArvCard } from '../../../renderer/features/medical/arv/ArvCard';
import { ArvSection } from '../../../renderer/features/medical/arv/ArvSection';
import { FakeBridge } from '../fakeBridge';

const T = '00000000-0000-4000-8000-0000000000e1';
const T2 = '00000000-0000-4000-8000-0000000000e2';
const TLD = '00000000-0000-4000-8000-0000000000a1';
const TLE = '00000000-0000-4000-8000-0000000000a2';
const LAB = '00000000-0000-4000-8000-0000000000c1';
const LAB2 = '00000000-0000-4000-8000-0000000000c2';

function renderWith(bridge: FakeBridge, ui: ReactNode) {
  window.sen = bridge;
  const store = makeStore();
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      {ui}
    </Providers>,
  );
  return { store, user };
}

const onArt: ArvSummary = {
  traineeId: T,
  admissionDate: '2026-09-01',
  startedDate: '2026-10-20',
  current: { itemId: TLE, name: 'TDF/3TC/EFV', strength: '300/300/400 mg', prescriptionId: '00000000-0000-4000-8000-0000000000b2', dose: '1 viên', slots: ['morning', 'evening'], since: '2026-10-25' },
  regimens: [
    { seq: 10, kind: 'start', date: '2026-10-20', stopped: null, started: { itemId: TLD, name: 'TDF/3TC/DTG', strength: '300/300/50 mg' }, reasonCode: null, reasonText: '' },
    {
      seq: 20,
      kind: 'change',
      date: '2026-10-25',
      stopped: { itemId: TLD, name: 'TDF/3TC/DTG', strength: '300/300/50 mg' },
      started: { itemId: TLE, name: 'TDF/3TC/EFV', strength: '300/300/400 mg' },
      reasonCode: 'toxicity',
      reasonText: 'Phát ban',
    },
  ],
  adherence: { from: '2026-10-01', to: '2026-10-30', due: 14, missed: 4, held: 2, percent: 71 },
  pillCounts: [{ seq: 30, date: '2026-10-29', expected: 30, counted: 27, percent: 90, note: '' }],
  counselling: [],
  labs: [
    { labId: LAB2, seq: 40, test: 'viral_load', requestedDate: '2026-10-28', receivedDate: null, value: null, undetectable: false, resultSeq: null, high: false },
    { labId: LAB, seq: 35, test: 'viral_load', requestedDate: '2026-09-20', receivedDate: '2026-09-28', value: 5000, undetectable: false, resultSeq: 36, high: true },
  ],
  regimenOptions: [
    { itemId: TLD, name: 'TDF/3TC/DTG', strength: '300/300/50 mg' },
    { itemId: TLE, name: 'TDF/3TC/EFV', strength: '300/300/400 mg' },
  ],
  nextSession: 1,
  viralLoadDue: '2026-11-27',
  adherenceThresholdPercent: 95,
};

const notOnArt: ArvSummary = {
  ...onArt,
  startedDate: null,
  current: null,
  regimens: [],
  adherence: { from: '2026-10-01', to: '2026-10-30', due: 0, missed: 0, held: 0, percent: null },
  pillCounts: [],
  labs: [],
  viralLoadDue: null,
};

describe('ArvSection', () => {
  it('shows the regimen in force, adherence below the threshold, the history with its reason and the labs', async () => {
    renderWith(new FakeBridge().ok('medical.arv.summary', onArt), <ArvSection traineeId={T} />);
    const current = await screen.findByTestId('arv-current');
    expect(current.textContent).toContain('TDF/3TC/EFV 300/300/400 mg · 1 viên · Sáng, Chiều · từ 25/10/2026');
    const adherence = screen.getByTestId('arv-adherence');
    expect(adherence.textContent).toContain('71%');
    expect(adherence.textContent).toContain('Bỏ 4/14 liều · hoãn 2 liều');
    expect(adherence.textContent).toContain('Dưới ngưỡng 95%');
    const history = within(screen.getByTestId('arv-history')).getAllByRole('row').map((r) => r.textContent);
    expect(history[2]).toBe('25/10/2026TDF/3TC/DTG 300/300/50 mg → TDF/3TC/EFV 300/300/400 mgĐộc tính/tác dụng phụ: Phát ban');
    const labs = screen.getAllByTestId('arv-lab-row');
    expect(labs[1]!.textContent).toContain('5.000 bản sao/mL');
    expect(labs[1]!.textContent).toContain('Cao');
    expect(within(labs[0]!).getByRole('button', { name: 'Nhập kết quả Tải lượng vi rút chỉ định ngày 28/10/2026' })).toBeTruthy();
    expect(screen.getByText('Xét nghiệm tải lượng vi rút tiếp theo: 27/11/2026')).toBeTruthy();
  });

  it('starts ART from the keyboard-first form: checked with the shared schema before anything is sent', async () => {
    const bridge = new FakeBridge().ok('medical.arv.summary', notOnArt).ok('medical.arv.start', { seq: 50, prescriptionId: '00000000-0000-4000-8000-0000000000b9' });
    const { user } = renderWith(bridge, <ArvSection traineeId={T} />);
    expect((await screen.findByTestId('arv-current')).textContent).toContain('Chưa điều trị ARV.');
    await user.click(screen.getByRole('button', { name: 'Bắt đầu điều trị ARV' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/Ngày bắt đầu/) as HTMLInputElement).value).toBe(formatDate(todayIso()));

    // No regimen chosen, no dose: refused on screen, nothing sent.
    await user.clear(within(dialog).getByLabelText(/Liều mỗi lần/));
    await user.click(within(dialog).getByRole('button', { name: 'Bắt đầu điều trị ARV' }));
    await waitFor(() => expect(within(dialog).getAllByText('Bắt buộc nhập')).toHaveLength(2));
    expect(bridge.callsTo('medical.arv.start')).toHaveLength(0);

    await user.selectOptions(within(dialog).getByLabelText(/^Phác đồ/), TLD);
    await user.type(within(dialog).getByLabelText(/Liều mỗi lần/), '1 viên');
    const date = within(dialog).getByLabelText(/Ngày bắt đầu/);
    await user.clear(date);
    await user.type(date, '20/10/2026');
    await user.click(within(dialog).getByLabelText('Tối'));
    await user.type(date, '{Enter}');
    await waitFor(() => expect(bridge.callsTo('medical.arv.start')).toHaveLength(1));
    expect(bridge.callsTo('medical.arv.start')[0]).toEqual({ traineeId: T, date: '2026-10-20', itemId: TLD, dose: '1 viên', slots: ['morning', 'night'] });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('changing the regimen needs a coded reason (and words for "other"); a core refusal lands on its field', async () => {
    const bridge = new FakeBridge()
      .ok('medical.arv.summary', onArt)
      .fail('medical.arv.changeRegimen', { code: 'VALIDATION', message: 'bad', issues: [{ path: 'date', code: 'beforeRegimenStart' }] });
    const { user } = renderWith(bridge, <ArvSection traineeId={T} />);
    await user.click(await screen.findByRole('button', { name: 'Đổi phác đồ' }));
    const dialog = await screen.findByRole('dialog');
    // The regimen in force is not offered.
    const options = within(within(dialog).getByLabelText(/Phác đồ mới/)).getAllByRole('option').map((o) => o.textContent);
    expect(options.slice(1)).toEqual(['TDF/3TC/DTG 300/300/50 mg']);
    await user.selectOptions(within(dialog).getByLabelText(/Phác đồ mới/), TLD);
    await user.selectOptions(within(dialog).getByLabelText(/Lý do đổi/), 'other');
    await user.click(within(dialog).getByRole('button', { name: 'Đổi phác đồ' }));
    await waitFor(() => expect(within(dialog).getByText('Bắt buộc nhập')).toBeTruthy());
    expect(bridge.callsTo('medical.arv.changeRegimen')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Ghi rõ lý do/), 'Tương tác với rifampicin');
    const date = within(dialog).getByLabelText(/Ngày đổi phác đồ/);
    await user.clear(date);
    await user.type(date, '24/10/2026');
    await user.click(within(dialog).getByRole('button', { name: 'Đổi phác đồ' }));
    await waitFor(() => expect(bridge.callsTo('medical.arv.changeRegimen')).toHaveLength(1));
    expect(bridge.callsTo('medical.arv.changeRegimen')[0]).toEqual({
      traineeId: T,
      date: '2026-10-24',
      itemId: TLD,
      dose: '1 viên',
      slots: ['morning', 'evening'],
      reasonCode: 'other',
      reasonText: 'Tương tác với rifampicin',
    });
    expect(await within(dialog).findByText('Ngày đổi không được trước ngày bắt đầu phác đồ hiện tại')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('records a viral load result for a pending request, as a number', async () => {
    const bridge = new FakeBridge().ok('medical.arv.summary', onArt).ok('medical.arv.recordLabResult', { seq: 60 });
    const { user } = renderWith(bridge, <ArvSection traineeId={T} />);
    await user.click(await screen.findByRole('button', { name: 'Nhập kết quả Tải lượng vi rút chỉ định ngày 28/10/2026' }));
    const dialog = await screen.findByRole('dialog');
    const value = within(dialog).getByLabelText(/Kết quả \(bản sao\/mL\)/);
    await user.type(value, 'nhiều');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(within(dialog).getByText('Giá trị không hợp lệ')).toBeTruthy());
    await user.clear(value);
    await user.type(value, '50');
    await user.click(within(dialog).getByLabelText('Dưới ngưỡng phát hiện'));
    const date = within(dialog).getByLabelText(/Ngày có kết quả/);
    await user.clear(date);
    await user.type(date, '30/10/2026{Enter}');
    await waitFor(() => expect(bridge.callsTo('medical.arv.recordLabResult')).toHaveLength(1));
    expect(bridge.callsTo('medical.arv.recordLabResult')[0]).toEqual({ traineeId: T, labId: LAB2, receivedDate: '2026-10-30', value: 50, undetectable: true });
  });

  it('speaks English too', async () => {
    await i18next.changeLanguage('en');
    renderWith(new FakeBridge().ok('medical.arv.summary', onArt), <ArvSection traineeId={T} />);
    expect((await screen.findByTestId('arv-current')).textContent).toContain('Morning, Evening · since 25/10/2026');
    expect(screen.getAllByTestId('arv-lab-row')[1]!.textContent).toContain('5,000 copies/mL');
    expect(screen.getByRole('button', { name: 'Change regimen' })).toBeTruthy();
  });
});

describe('ArvCard', () => {
  const dashboard: ArvDashboard = {
    onArt: 7,
    adherenceThresholdPercent: 95,
    rows: [
      {
        traineeId: T,
        fullName: 'Nguyễn Văn Bình',
        fileNumber: 'HS-2026-0001',
        adherence: { from: '2026-10-01', to: '2026-10-30', due: 14, missed: 4, held: 2, percent: 71 },
        lowAdherence: true,
        viralLoadDue: '2026-11-19',
        viralLoadOverdue: false,
        viralLoadPending: false,
        highViralLoad: null,
        counsellingDue: false,
      },
      {
        traineeId: T2,
        fullName: 'Trần Thị Hoà',
        fileNumber: 'HS-2026-0002',
        adherence: { from: '2026-10-01', to: '2026-10-30', due: 30, missed: 0, held: 0, percent: 100 },
        lowAdherence: false,
        viralLoadDue: '2026-10-20',
        viralLoadOverdue: true,
        viralLoadPending: false,
        highViralLoad: { value: 5000, receivedDate: '2026-09-28' },
        counsellingDue: true,
      },
    ],
  };

  it('lists who needs attention and why; a name opens the medical record', async () => {
    const { store, user } = renderWith(new FakeBridge().ok('medical.arv.dashboard', dashboard), <ArvCard />);
    const rows = await screen.findAllByTestId('arv-card-row');
    expect(screen.getByText('7 học viên đang điều trị ARV')).toBeTruthy();
    expect(rows[0]!.textContent).toContain('Tuân thủ 71% (bỏ 4/14 liều)');
    expect(rows[0]!.textContent).not.toContain('Tải lượng vi rút cao');
    expect(rows[1]!.textContent).toContain('Tải lượng vi rút cao: 5.000 bản sao/mL (28/09/2026)');
    expect(rows[1]!.textContent).toContain('Cần tư vấn tuân thủ');
    expect(rows[1]!.textContent).toContain('Đến hạn XN tải lượng vi rút (20/10/2026)');
    expect(rows[1]!.textContent).not.toContain('Tuân thủ 100%');
    await user.click(screen.getByRole('button', { name: 'Mở hồ sơ y tế của Trần Thị Hoà' }));
    expect(store.getState().navigation.route).toEqual({ name: 'medicalRecord', traineeId: T2 });
  });

  it('says so when nobody needs attention', async () => {
    renderWith(new FakeBridge().ok('medical.arv.dashboard', { onArt: 3, adherenceThresholdPercent: 95, rows: [] }), <ArvCard />);
    expect(await screen.findByText('Không có học viên nào cần chú ý.')).toBeTruthy();
  });
});
