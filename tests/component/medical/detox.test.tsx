import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import type { DetoxDashboardRow, DetoxEpisodeView } from '../../../shared/medical/detox';
import { AWQ, BUILT_IN_SCALES, COWS } from '../../../shared/medical/scales';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { DetoxCard } from '../../../renderer/features/medical/detox/DetoxCard';
import { DetoxSection } from '../../../renderer/features/medical/detox/DetoxSection';
import { i18next } from '../../../renderer/i18n';
import type { TimelineEntry } from '../../../shared/api';
import { signedInBridge, type FakeBridge } from '../fakeBridge';
import { hoa } from '../data';
import { renderApp } from '../render';

const MEDICAL: SessionUser = { id: '00000000-0000-4000-8000-000000000003', username: 'yte', fullName: 'Phạm Thị Y', roles: ['medical'] };
const TRAINEE = hoa.id;
const EPISODE = '00000000-0000-4000-8000-0000000000e1';

function renderWith(bridge: FakeBridge, ui: ReactNode) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'medical', tab: 'dashboard' } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      {ui}
    </Providers>,
  );
  return { store, user };
}

const activeCows: DetoxEpisodeView = {
  episodeId: EPISODE,
  traineeId: TRAINEE,
  substance: 'heroin',
  scaleId: 'cows',
  startedAt: '2026-11-24T01:00:00.000Z',
  closedAt: null,
  outcome: null,
  note: '',
  assessments: [],
};

function sectionBridge(episodes: DetoxEpisodeView[]) {
  return signedInBridge(MEDICAL).ok('medical.detox.scales', [...BUILT_IN_SCALES]).ok('medical.detox.episodes', episodes).ok('trainees.get', hoa);
}

describe('detox assessment grid', () => {
  it('is filled from the keyboard (points pick the option and move on); total and band show only when complete', async () => {
    const bridge = sectionBridge([activeCows]).ok('medical.detox.assess', { seq: 51, total: 26 });
    const { user } = renderWith(bridge, <DetoxSection traineeId={TRAINEE} />);
    await user.click(await screen.findByRole('button', { name: 'Đánh giá' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Đánh giá theo thang COWS')).toBeTruthy();
    const groups = dialog.getAllByRole('radiogroup');
    expect(groups).toHaveLength(11);
    expect(dialog.getByTestId('assessment-summary').textContent).toContain('Đã chấm 0/11 mục');

    // Start on the first item and type the points of each, as an officer reads the form.
    within(groups[0]!).getByLabelText('0 · ≤ 80').focus();
    await user.keyboard('2');
    expect((within(groups[0]!).getByLabelText('2 · 101–120') as HTMLInputElement).checked).toBe(true);
    // Restlessness is 0/1/3/5: "2" is not an option there, so nothing is picked and focus stays.
    await user.keyboard('3');
    await user.keyboard('2');
    expect(within(groups[2]!).queryAllByRole('radio', { checked: true })).toHaveLength(0);
    await user.keyboard('3');
    for (const key of ['2', '2', '2', '3', '2', '2', '2']) await user.keyboard(key);
    expect(dialog.getByTestId('assessment-summary').textContent).toContain('Đã chấm 10/11 mục');
    expect(dialog.getByTestId('assessment-summary').textContent).toContain('Chưa chấm đủ các mục');
    expect(dialog.queryByTestId('assessment-total')).toBeNull();

    await user.keyboard('3');
    expect(dialog.getByTestId('assessment-total').textContent).toBe('Tổng điểm: 26');
    expect(dialog.getByTestId('assessment-band').textContent).toBe('Khá nặng');
    // Delete takes the last item back: no total again.
    await user.keyboard('{Delete}');
    expect(dialog.queryByTestId('assessment-total')).toBeNull();
    await user.click(within(groups[10]!).getByLabelText('3 · Sờ thấy nổi da gà, dựng lông'));

    await user.click(dialog.getByRole('button', { name: 'Lưu đánh giá' }));
    await waitFor(() => expect(bridge.callsTo('medical.detox.assess')).toHaveLength(1));
    const sent = bridge.callsTo('medical.detox.assess')[0]!;
    expect(sent).toMatchObject({ traineeId: TRAINEE, episodeId: EPISODE });
    expect(sent.answers).toEqual({ pulse: 2, sweating: 3, restlessness: 3, pupils: 2, aches: 2, rhinorrhea: 2, gi: 3, tremor: 2, yawning: 2, anxiety: 2, gooseflesh: 3 });
    expect(Number.isNaN(Date.parse(sent.assessedAt))).toBe(false);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('sends an incomplete assessment as it is, refuses an empty one, and shows a core refusal on its item', async () => {
    const bridge = sectionBridge([activeCows]).fail('medical.detox.assess', {
      code: 'VALIDATION',
      message: 'bad',
      issues: [{ path: 'answers.pulse', code: 'notAnOption' }],
    });
    const { user } = renderWith(bridge, <DetoxSection traineeId={TRAINEE} />);
    await user.click(await screen.findByRole('button', { name: 'Đánh giá' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Lưu đánh giá' }));
    expect((await dialog.findByText('Hãy chấm ít nhất một mục')).textContent).toBeTruthy();
    expect(bridge.callsTo('medical.detox.assess')).toHaveLength(0);

    await user.click(dialog.getByLabelText('1 · 81–100'));
    await user.click(dialog.getByRole('button', { name: 'Lưu đánh giá' }));
    await waitFor(() => expect(bridge.callsTo('medical.detox.assess')).toHaveLength(1));
    expect(bridge.callsTo('medical.detox.assess')[0]!.answers).toMatchObject({ pulse: 1, sweating: null, gooseflesh: null });
    expect(await dialog.findByText('Điểm này không có trong các lựa chọn của mục')).toBeTruthy();
  });

  it('starts an episode with the scale that fits the substance, and lists assessments with band and trend', async () => {
    const closedAwq: DetoxEpisodeView = {
      ...activeCows,
      episodeId: '00000000-0000-4000-8000-0000000000e0',
      substance: 'methamphetamine',
      scaleId: 'awq',
      closedAt: '2026-10-01T01:00:00.000Z',
      outcome: 'completed',
      assessments: [
        { seq: 10, assessedAt: '2026-09-30T01:00:00.000Z', answers: Object.fromEntries(AWQ.items.map((i) => [i.id, 3])), total: 30, actor: 'Phạm Thị Y' },
        { seq: 11, assessedAt: '2026-09-30T09:00:00.000Z', answers: Object.fromEntries(AWQ.items.map((i) => [i.id, 2])), total: 20, actor: 'Phạm Thị Y' },
      ],
    };
    const bridge = sectionBridge([closedAwq]).ok('medical.detox.start', { episodeId: EPISODE, seq: 60 });
    const { user } = renderWith(bridge, <DetoxSection traineeId={TRAINEE} />);
    const rows = await screen.findAllByTestId('detox-assessment-row');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('↓ Giảm'), expect.not.stringContaining('Giảm')]);
    expect(screen.getByText('Hoàn thành cắt cơn', { exact: false })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Bắt đầu đợt cắt cơn' }));
    const dialog = within(await screen.findByRole('dialog'));
    // Admitted for heroin first: COWS is proposed; alcohol proposes CIWA-Ar.
    await waitFor(() => expect((dialog.getByLabelText(/Thang điểm/) as HTMLSelectElement).value).toBe('cows'));
    await user.selectOptions(dialog.getByLabelText(/Chất gây nghiện/), 'Rượu');
    expect((dialog.getByLabelText(/Thang điểm/) as HTMLSelectElement).value).toBe('ciwa-ar');
    const time = dialog.getByLabelText(/Giờ/);
    await user.clear(time);
    await user.type(time, '25:00');
    await user.click(dialog.getByRole('button', { name: 'Bắt đầu' }));
    expect(await dialog.findByText('Giờ không hợp lệ (hh:mm)')).toBeTruthy();
    const date = dialog.getByLabelText(/Ngày/);
    await user.clear(date);
    await user.type(date, '24/11/2026');
    await user.clear(time);
    await user.type(time, '07:30{Enter}');
    await waitFor(() => expect(bridge.callsTo('medical.detox.start')).toHaveLength(1));
    expect(bridge.callsTo('medical.detox.start')[0]).toEqual({
      traineeId: TRAINEE,
      substance: 'alcohol',
      scaleId: 'ciwa-ar',
      startedAt: new Date(2026, 10, 24, 7, 30).toISOString(),
    });
  });
});

describe('detox dashboard card', () => {
  const rows: DetoxDashboardRow[] = [
    {
      episodeId: EPISODE,
      traineeId: TRAINEE,
      fullName: 'Nguyễn Thị Hoà',
      fileNumber: 'HS-2024-001',
      substance: 'heroin',
      scaleId: 'cows',
      scaleName: COWS.name,
      startedAt: '2026-11-24T01:00:00.000Z',
      lastAssessedAt: '2026-11-24T02:00:00.000Z',
      lastTotal: 26,
      band: COWS.bands[3]!,
      trend: null,
      nextDueAt: '2026-11-24T10:00:00.000Z',
      overdue: true,
    },
    {
      episodeId: '00000000-0000-4000-8000-0000000000e2',
      traineeId: '00000000-0000-4000-8000-0000000000b2',
      fullName: 'Lò Văn Páo',
      fileNumber: 'HS-2024-002',
      substance: 'methamphetamine',
      scaleId: 'awq',
      scaleName: AWQ.name,
      startedAt: '2026-11-24T03:00:00.000Z',
      lastAssessedAt: '2026-11-24T09:00:00.000Z',
      lastTotal: 18,
      band: null,
      trend: 'down',
      nextDueAt: '2026-11-24T17:00:00.000Z',
      overdue: false,
    },
  ];

  it('lists active episodes with last score, band or trend, next due and overdue; a name opens the medical record', async () => {
    const bridge = signedInBridge(MEDICAL).ok('medical.detox.dashboard', { rows, intervalHours: 8 });
    const { user, store } = renderWith(bridge, <DetoxCard />);
    const [first, second] = (await screen.findAllByTestId('detox-card-row')) as [HTMLElement, HTMLElement];
    expect(first.getAttribute('data-overdue')).toBe('true');
    expect(within(first).getByText('Khá nặng')).toBeTruthy();
    expect(within(first).getByTestId('detox-overdue').textContent).toBe('Quá hạn');
    expect(first.textContent).toContain('26');
    expect(second.getAttribute('data-overdue')).toBeNull();
    expect(within(second).getByTestId('detox-trend').textContent).toBe('↓ Giảm');
    expect(within(second).queryByTestId('detox-overdue')).toBeNull();
    expect(screen.getByText('Đánh giá mỗi 8 giờ (cài đặt y tế).')).toBeTruthy();

    await user.click(within(second).getByRole('button', { name: 'Mở hồ sơ y tế của Lò Văn Páo' }));
    expect(store.getState().navigation.route).toEqual({ name: 'medicalRecord', traineeId: rows[1]!.traineeId });
  });

  it('speaks English one click away, and says so when nobody is in detox', async () => {
    await i18next.changeLanguage('en');
    const bridge = signedInBridge(MEDICAL).ok('medical.detox.dashboard', { rows: [rows[0]!], intervalHours: 6 });
    renderWith(bridge, <DetoxCard />);
    const row = await screen.findByTestId('detox-card-row');
    expect(within(row).getByText('Moderately severe')).toBeTruthy();
    expect(within(row).getByTestId('detox-overdue').textContent).toBe('Overdue');
  });

  it('shows the empty state', async () => {
    renderWith(signedInBridge(MEDICAL).ok('medical.detox.dashboard', { rows: [], intervalHours: 8 }), <DetoxCard />);
    expect(await screen.findByText('Không có học viên nào đang cắt cơn.')).toBeTruthy();
  });
});

describe('detox events in the timeline (medical viewers)', () => {
  it('say what was assessed and how it ended', async () => {
    const at = (seq: number, type: TimelineEntry['type'], data: Record<string, unknown>): TimelineEntry => ({
      seq,
      type,
      occurredAt: '2026-11-24T02:00:00.000Z',
      recordedAt: '2026-11-24T02:00:00.000Z',
      actor: { id: MEDICAL.id, fullName: MEDICAL.fullName },
      meta: { actor: MEDICAL.id },
      data: { traineeId: TRAINEE, episodeId: EPISODE, ...data },
      voided: null,
    });
    const timeline = [
      at(3, 'DetoxEpisodeClosed', { closedAt: '2026-11-25T02:00:00.000Z', outcome: 'referred', note: 'Sốt cao' }),
      at(2, 'DetoxAssessed', { assessedAt: '2026-11-24T02:00:00.000Z', answers: {}, total: 26 }),
      at(1, 'DetoxEpisodeStarted', { substance: 'heroin', scaleId: 'cows', startedAt: '2026-11-24T01:00:00.000Z' }),
    ];
    renderApp(signedInBridge(MEDICAL).ok('trainees.get', hoa).ok('trainees.timeline', timeline), { name: 'trainee', traineeId: TRAINEE });
    const entries = await screen.findAllByTestId('timeline-entry');
    expect(entries.map((e) => within(e).getByTestId('timeline-detox').textContent)).toEqual([
      'Chuyển viện · Sốt cao',
      expect.stringContaining('Tổng điểm: 26'),
      expect.stringContaining('COWS · Heroin ·'),
    ]);
    expect(within(entries[0]!).getByText('Kết thúc đợt cắt cơn')).toBeTruthy();
  });
});

describe('withdrawal scales from the card', () => {
  const form = {
    id: 'tt18-kich-thich',
    name: { vi: 'Mẫu TT18', en: 'Circular 18 form' },
    description: { vi: 'Theo dõi cai chất kích thích', en: 'Stimulant withdrawal' },
    items: [
      { id: 'sleep', label: { vi: 'Mất ngủ', en: 'Insomnia' }, options: [{ points: 0, label: { vi: 'Không', en: 'No' } }, { points: 2, label: { vi: 'Có', en: 'Yes' } }] },
    ],
    bands: [],
  };

  it('lists the scales and adds a facility form checked by the shared schema before sending', async () => {
    const bridge = signedInBridge(MEDICAL)
      .ok('medical.detox.dashboard', { rows: [], intervalHours: 8 })
      .ok('medical.detox.scales', [...BUILT_IN_SCALES])
      .ok('medical.detox.defineScale', { seq: 70 });
    const { user } = renderWith(bridge, <DetoxCard />);
    await user.click(await screen.findByRole('button', { name: 'Thang điểm' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect((await dialog.findAllByTestId('scale-summary')).map((e) => e.getAttribute('data-scale'))).toEqual(['cows', 'ciwa-ar', 'awq']);
    expect(dialog.getByText('11 mục, tổng tối đa 48')).toBeTruthy();
    expect(dialog.getByText('37–48: Nặng')).toBeTruthy();

    await user.click(dialog.getByRole('button', { name: 'Thêm mẫu của cơ sở' }));
    const box = dialog.getByLabelText(/Định nghĩa thang điểm/);
    await user.click(box);
    await user.paste('{ không phải json');
    await user.click(dialog.getByRole('button', { name: 'Lưu thang điểm' }));
    expect(await dialog.findByText('Không đọc được: nội dung không phải JSON hợp lệ.')).toBeTruthy();

    await user.clear(box);
    await user.paste(JSON.stringify({ ...form, items: [form.items[0], form.items[0]] }));
    await user.click(dialog.getByRole('button', { name: 'Lưu thang điểm' }));
    expect(await dialog.findByText('items.1.id: Hai mục trùng mã')).toBeTruthy();
    expect(bridge.callsTo('medical.detox.defineScale')).toHaveLength(0);

    await user.clear(box);
    await user.paste(JSON.stringify(form));
    await user.click(dialog.getByRole('button', { name: 'Lưu thang điểm' }));
    await waitFor(() => expect(bridge.callsTo('medical.detox.defineScale')).toEqual([{ definition: form }]));
  });
});
