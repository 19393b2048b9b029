import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import type { TimelineEntry } from '../../../shared/api';
import { DEFAULT_VIOLATION_TYPES, type ConductOverview, type Violation, type ViolationType } from '../../../shared/duty/conduct';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { ConductScreen } from '../../../renderer/features/duty/conduct/ConductScreen';
import { ConductTimelineBody } from '../../../renderer/features/duty/conduct/ConductTimelineBody';
import { i18next } from '../../../renderer/i18n';
import { BINH_ID, HOA_ID, roster } from '../data';
import { ADMIN, signedInBridge, type FakeBridge } from '../fakeBridge';

const DUTY: SessionUser = { id: '00000000-0000-4000-8000-000000000004', username: 'truc', fullName: 'Đỗ Văn Trực', roles: ['duty'] };
const VIOLATION = '00000000-0000-4000-8000-0000000000a1';
const INCIDENT = '00000000-0000-4000-8000-0000000000a2';

const types: ViolationType[] = DEFAULT_VIOLATION_TYPES.map((typeId) => ({ typeId, name: '', builtIn: true, active: true }));

const violation: Violation = {
  violationId: VIOLATION,
  incidentId: INCIDENT,
  traineeId: HOA_ID,
  fileNumber: 'HS-2024-001',
  fullName: 'Nguyễn Thị Hoà',
  typeId: 'fighting',
  date: '2026-11-19',
  time: '21:30',
  place: 'Nhà ăn',
  description: 'Xô xát khi chia cơm',
  witnesses: '',
  recordedBy: 'Đỗ Văn Trực',
  selfCriticismDate: null,
  measures: [],
};

function field(scope: { getByLabelText: (m: RegExp) => HTMLElement }, label: string): HTMLInputElement {
  return scope.getByLabelText(new RegExp(`^${label}\\s*\\*?$`)) as HTMLInputElement;
}

function renderWith(bridge: FakeBridge, ui: ReactNode) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'duty', tab: 'conduct' } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      {ui}
    </Providers>,
  );
  return { user };
}

function dutyBridge(overview: ConductOverview = { violations: [], measuresInForce: [] }) {
  return signedInBridge(DUTY)
    .ok('trainees.list', roster)
    .ok('conduct.types.list', types)
    .ok('conduct.overview', overview)
    .ok('conduct.violations.record', { incidentId: INCIDENT, violationIds: [VIOLATION], seqs: [10, 11] })
    .ok('conduct.measures.impose', { measureId: '00000000-0000-4000-8000-0000000000a3', seq: 12 });
}

describe('ConductScreen', () => {
  it('records one incident for two trainees chosen from the keyboard', async () => {
    const bridge = dutyBridge();
    const { user } = renderWith(bridge, <ConductScreen />);
    const form = within(await screen.findByTestId('incident-form'));
    const people = form.getByPlaceholderText('Gõ tên hoặc số hồ sơ');
    await user.click(people);
    await user.type(people, 'Hoà');
    await user.keyboard('{ArrowDown}{Enter}');
    await user.type(people, 'HS-2024-002');
    await user.keyboard('{ArrowDown}{Enter}');
    await user.selectOptions(field(form, 'Loại vi phạm'), 'fighting');
    await user.clear(field(form, 'Ngày'));
    await user.type(field(form, 'Ngày'), '19/11/2026');
    await user.type(field(form, 'Giờ \\(hh:mm\\)'), '21:30');
    await user.type(field(form, 'Diễn biến sự việc'), 'Xô xát khi chia cơm');
    await user.click(form.getByRole('button', { name: 'Ghi nhận' }));
    await waitFor(() => expect(bridge.callsTo('conduct.violations.record')).toHaveLength(1));
    expect(bridge.callsTo('conduct.violations.record')[0]).toEqual({
      traineeIds: [HOA_ID, BINH_ID],
      typeId: 'fighting',
      date: '2026-11-19',
      time: '21:30',
      place: '',
      description: 'Xô xát khi chia cơm',
      witnesses: '',
    });
  });

  it('bad input is refused on screen with clear messages and nothing is sent', async () => {
    const bridge = dutyBridge();
    const { user } = renderWith(bridge, <ConductScreen />);
    const form = within(await screen.findByTestId('incident-form'));
    await user.type(field(form, 'Giờ \\(hh:mm\\)'), '25:00');
    await user.click(form.getByRole('button', { name: 'Ghi nhận' }));
    expect(await form.findByText('Chọn ít nhất một học viên')).toBeTruthy();
    expect(form.getByText('Giờ không hợp lệ (hh:mm)')).toBeTruthy();
    expect(bridge.callsTo('conduct.violations.record')).toEqual([]);
  });

  it('lists open violations; a discipline room longer than 5 days is refused, then imposed', async () => {
    const bridge = dutyBridge({ violations: [violation], measuresInForce: [] });
    const { user } = renderWith(bridge, <ConductScreen />);
    const row = within(await screen.findByTestId('violation-row'));
    expect(row.getByText('Đánh nhau')).toBeTruthy();
    expect(row.getByText('Người ghi: Đỗ Văn Trực')).toBeTruthy();
    await user.click(row.getByRole('button', { name: 'Xử lý kỷ luật' }));
    const dialog = within(await screen.findByTestId('impose-form'));
    await user.selectOptions(field(dialog, 'Biện pháp'), 'discipline_room');
    await user.clear(field(dialog, 'Từ ngày'));
    await user.type(field(dialog, 'Từ ngày'), '19/11/2026');
    await user.type(field(dialog, 'Đến ngày'), '24/11/2026');
    await user.click(dialog.getByRole('button', { name: 'Lưu' }));
    expect(await dialog.findByText('Mỗi quyết định cho vào phòng kỷ luật không quá 5 ngày')).toBeTruthy();
    expect(bridge.callsTo('conduct.measures.impose')).toEqual([]);
    await user.clear(field(dialog, 'Đến ngày'));
    await user.type(field(dialog, 'Đến ngày'), '23/11/2026');
    await user.click(dialog.getByRole('button', { name: 'Lưu' }));
    await waitFor(() =>
      expect(bridge.callsTo('conduct.measures.impose')).toEqual([{ traineeId: HOA_ID, violationId: VIOLATION, kind: 'discipline_room', start: '2026-11-19', end: '2026-11-23', note: '' }]),
    );
  });

  it('in English; the admin sees the catalog and no recording form', async () => {
    await i18next.changeLanguage('en');
    try {
      const bridge = signedInBridge(ADMIN).ok('conduct.types.list', types).ok('conduct.overview', { violations: [violation], measuresInForce: [] });
      renderWith(bridge, <ConductScreen />);
      const catalog = within(await screen.findByTestId('violation-catalog'));
      expect(catalog.getByDisplayValue('Mobile phone')).toBeTruthy();
      expect(screen.queryByTestId('incident-form')).toBeNull();
      const row = within(await screen.findByTestId('violation-row'));
      expect(row.getByText('Fighting')).toBeTruthy();
      expect(row.queryByRole('button', { name: 'Impose a measure' })).toBeNull();
    } finally {
      await i18next.changeLanguage('vi');
    }
  });
});

describe('ConductTimelineBody', () => {
  const entry = (type: string, data: Record<string, unknown>): TimelineEntry =>
    ({ seq: 1, type, data, occurredAt: '2026-11-19', recordedAt: '2026-11-19T14:00:00.000Z', meta: { actor: null }, actor: null }) as unknown as TimelineEntry;

  it('shows the violation with its type, and a measure with its dates', async () => {
    const bridge = signedInBridge(DUTY).ok('conduct.types.list', types);
    renderWith(
      bridge,
      <>
        <ConductTimelineBody entry={entry('ViolationRecorded', { typeId: 'alcohol', date: '2026-11-19', time: '', place: 'Buồng 3', description: 'Giấu rượu', witnesses: '' })} />
        <ConductTimelineBody entry={entry('MeasureImposed', { kind: 'discipline_room', start: '2026-11-19', end: '2026-11-21', note: '' })} />
      </>,
    );
    expect(await screen.findByText('Uống rượu, bia ngày 19/11/2026')).toBeTruthy();
    expect(screen.getByText('Giấu rượu')).toBeTruthy();
    expect(screen.getByText('Phòng kỷ luật từ 19/11/2026 đến 21/11/2026')).toBeTruthy();
  });
});
