import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import { todayIso } from '../../../shared/dates';
import type { LaborCandidate, LaborSheet, LaborTotals, WorkshopSummary } from '../../../shared/training/labor';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore, useAppSelector } from '../../../renderer/app/store';
import { LaborPage } from '../../../renderer/features/training/LaborPage';
import { LaborTimelineBody } from '../../../renderer/features/training/labor/LaborTimelineBody';
import type { LaborTab } from '../../../renderer/app/navigation';
import { i18next } from '../../../renderer/i18n';
import { signedInBridge, type FakeBridge } from '../fakeBridge';
import { captureDownloads, savedCsv } from '../downloads';

const INSTRUCTOR: SessionUser = { id: '00000000-0000-4000-8000-000000000005', username: 'huongdan', fullName: 'Đinh Văn Hướng', roles: ['instructor'] };
const W = '00000000-0000-4000-8000-0000000000aa';
const [A, B, C] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
const TODAY = todayIso();

const workshop: WorkshopSummary = {
  workshopId: W,
  name: 'Xưởng dệt chiếu',
  product: 'Chiếu cói',
  unit: 'chiếc chiếu',
  usesBlades: true,
  instructorId: INSTRUCTOR.id,
  instructorName: INSTRUCTOR.fullName,
  closedOn: null,
  roster: [
    { traineeId: A, fileNumber: 'HS-1', fullName: 'Nguyễn Văn Bình', since: '2026-09-01', noSharpTools: false },
    { traineeId: B, fileNumber: 'HS-2', fullName: 'Trần Thị Hoà', since: '2026-09-01', noSharpTools: false },
  ],
  recordedToday: 0,
  outputWeek: 12,
  outputMonth: 40.5,
};

const sheet: LaborSheet = {
  workshop,
  date: TODAY,
  rows: [
    { traineeId: A, fileNumber: 'HS-1', fullName: 'Nguyễn Văn Bình', entry: null, otherHours: 0 },
    { traineeId: B, fileNumber: 'HS-2', fullName: 'Trần Thị Hoà', entry: null, otherHours: 0 },
    { traineeId: C, fileNumber: 'HS-3', fullName: 'Lò Văn Páo', entry: { present: true, hours: 4, output: 2, quality: 'Đều', absence: null, absenceNote: '' }, otherHours: 0 },
  ],
};

/** The labor page as the shell shows it: tab and workshop from the route in the store. */
function Routed({ user }: { user: SessionUser }) {
  const route = useAppSelector((s) => s.navigation.route);
  return route.name === 'labor' ? <LaborPage tab={route.tab} user={user} workshopId={route.workshopId} /> : null;
}

function renderPage(bridge: FakeBridge, tab: LaborTab, user = INSTRUCTOR) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'labor', tab } } });
  connectBridge(store, bridge);
  render(
    <Providers store={store} env="test">
      <Routed user={user} />
    </Providers>,
  );
  return { user: userEvent.setup() };
}

describe('the daily labor sheet', () => {
  it('marks from the keyboard and saves the open rows once, in one call', async () => {
    const bridge = signedInBridge(INSTRUCTOR).ok('labor.workshops.list', [workshop]).ok('labor.sheet', sheet).ok('labor.sheet.record', { seqs: [10, 11] });
    const { user } = renderPage(bridge, 'sheet');
    const rows = await screen.findAllByTestId('sheet-row');
    // The recorded row is read-only; the two open ones start present with the default 6 hours.
    expect(within(rows[2]!).getByTestId('sheet-status').textContent).toBe('Có mặt');
    expect((within(rows[2]!).getByTestId('sheet-hours') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByTestId('sheet-save').textContent).toBe('Lưu bảng công (2)');

    // Output for Bình, then down the column to Hoà's output: arrows keep the column.
    await user.click(within(rows[0]!).getByTestId('sheet-output'));
    await user.keyboard('3');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(rows[1]!).getByTestId('sheet-output'));
    // Hoà is sick: from Bình's status, down the status column, then the key on her row and a note.
    within(rows[0]!).getByTestId('sheet-status-button').focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(rows[1]!).getByTestId('sheet-status-button'));
    expect(screen.queryByRole('menu')).toBeNull();
    await user.keyboard('o');
    expect(within(rows[1]!).getByTestId('sheet-status').textContent).toBe('Vắng: Ốm');
    expect((within(rows[1]!).getByTestId('sheet-hours') as HTMLInputElement).disabled).toBe(true);
    await user.type(within(rows[1]!).getByTestId('sheet-note'), 'Sốt');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() =>
      expect(bridge.callsTo('labor.sheet.record')).toEqual([
        {
          workshopId: W,
          date: TODAY,
          rows: [
            { traineeId: A, present: true, hours: 6, output: 3, quality: '', absence: null, absenceNote: '' },
            { traineeId: B, present: false, hours: 0, output: 0, quality: '', absence: 'sick', absenceNote: 'Sốt' },
          ],
        },
      ]),
    );
  });

  it('names the row of each refusal in the user’s language, and sends what was typed for the core to judge', async () => {
    const bridge = signedInBridge(INSTRUCTOR)
      .ok('labor.workshops.list', [workshop])
      .ok('labor.sheet', sheet)
      .fail('labor.sheet.record', {
        code: 'VALIDATION',
        message: 'rows.1.output: notANumber; rows.0.hours: hoursOverDay',
        issues: [
          { path: 'rows.1.output', code: 'notANumber' },
          { path: 'rows.0.hours', code: 'hoursOverDay' },
        ],
      });
    const { user } = renderPage(bridge, 'sheet');
    const rows = await screen.findAllByTestId('sheet-row');
    const hours = within(rows[0]!).getByTestId('sheet-hours');
    await user.clear(hours);
    await user.type(hours, '13');
    await user.type(within(rows[1]!).getByTestId('sheet-output'), 'ba');
    await user.click(screen.getByTestId('sheet-save'));
    const issues = await screen.findAllByTestId('sheet-issue');
    expect(issues.map((i) => i.textContent)).toEqual(['Dòng 2 – Trần Thị Hoà: Phải là một số', 'Dòng 1 – Nguyễn Văn Bình: Quá 12 giờ lao động trong một ngày']);
    expect(bridge.callsTo('labor.sheet.record')[0]!.rows.map((r) => [r.hours, r.output])).toEqual([
      [13, 0],
      [6, 'ba'],
    ]);
    await i18next.changeLanguage('en');
    expect((await screen.findAllByTestId('sheet-issue'))[0]!.textContent).toBe('Row 2 – Trần Thị Hoà: Must be a number');
    await i18next.changeLanguage('vi');
  });
});

describe('totals and chart', () => {
  const amounts = (output: number) => ({ output, hours: 6, daysPresent: 1, daysAbsent: 0 });
  const totals: LaborTotals = {
    workshop,
    from: '2026-09-01',
    to: '2026-10-31',
    total: { output: 17.5, hours: 36, daysPresent: 6, daysAbsent: 1 },
    trainees: [{ traineeId: A, fileNumber: 'HS-1', fullName: 'Nguyễn Văn Bình', output: 17.5, hours: 36, daysPresent: 6, daysAbsent: 1 }],
    weeks: [{ week: '2026-W40', start: '2026-09-28', output: 17.5, hours: 36, daysPresent: 6, daysAbsent: 1 }],
    months: [
      { month: '2026-09', output: 9.5, hours: 18, daysPresent: 3, daysAbsent: 0 },
      { month: '2026-10', output: 8, hours: 18, daysPresent: 3, daysAbsent: 1 },
    ],
    days: ['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02', '2026-10-03'].map((date, i) => ({ date, ...amounts([3, 4, 2.5, 5, 1, 2][i]!) })),
    workshops: [{ workshopId: W, name: 'Xưởng dệt chiếu', unit: 'chiếc chiếu', output: 17.5, hours: 36, daysPresent: 6, daysAbsent: 1 }],
  };

  it('shows the total, weeks across two months, months, trainees and a bar per week or day', async () => {
    const bridge = signedInBridge(INSTRUCTOR).ok('labor.workshops.list', [workshop]).ok('labor.totals', totals);
    const { user } = renderPage(bridge, 'output');
    expect((await screen.findByTestId('output-total')).textContent).toContain('Tổng cộng: 17,5 chiếc chiếu');
    const weekRows = within(screen.getByTestId('output-weeks')).getAllByRole('row');
    expect(weekRows[1]!.textContent).toBe('Tuần 40 (28/09/2026 – 04/10/2026)17,53661');
    const months = within(screen.getByTestId('output-months')).getAllByRole('row').slice(1);
    expect(months.map((r) => r.firstChild!.textContent + ' ' + r.childNodes[1]!.textContent)).toEqual(['Tháng 09/2026 9,5', 'Tháng 10/2026 8']);
    expect(screen.getAllByTestId('output-bar')).toHaveLength(1);
    await user.click(screen.getByText('Theo ngày'));
    expect(screen.getAllByTestId('output-bar')).toHaveLength(6);
    expect(screen.getAllByTestId('output-bar')[3]!.querySelector('title')!.textContent).toBe('01/10/2026: 5');
    expect(bridge.callsTo('labor.totals')[0]).toMatchObject({ workshopId: W, to: TODAY });
  });

  it('exports the per-trainee and per-workshop totals as CSV, numbers unformatted', async () => {
    const bridge = signedInBridge(INSTRUCTOR).ok('labor.workshops.list', [workshop]).ok('labor.totals', totals).ok('access.recordExport', { seq: 32 });
    const { user } = renderPage(bridge, 'output');
    await screen.findByTestId('output-trainees');
    const saved = captureDownloads();
    await user.click(screen.getByTestId('output-trainees-csv'));
    await waitFor(() => expect(saved.blobs).toHaveLength(1));
    const perTrainee = await savedCsv(saved);
    expect(perTrainee.name).toMatch(/^san-luong-theo-hoc-vien-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(perTrainee.lines.slice(0, 2)).toEqual(['Theo học viên,Sản lượng,Số giờ,Ngày có mặt,Ngày vắng', 'HS-1 – Nguyễn Văn Bình,17.5,36,6,1']);
    await user.click(screen.getByTestId('output-workshops-csv'));
    await waitFor(() => expect(saved.blobs).toHaveLength(2));
    const text = await saved.blobs[1]!.text();
    expect(text.split('\r\n').slice(1, 2)).toEqual(['Xưởng dệt chiếu,17.5,chiếc chiếu,36,6,1']);
  });
});

describe('the workshops screen', () => {
  it('lists my workshops with the roster, today’s sheet and the output; a restricted trainee cannot be picked for blades', async () => {
    const candidates: LaborCandidate[] = [
      { traineeId: C, fileNumber: 'HS-3', fullName: 'Lò Văn Páo', phase: 'labor', workshopId: null, noSharpTools: true },
      { traineeId: '44444444-4444-4444-8444-444444444444', fileNumber: 'HS-4', fullName: 'Hoàng Đức Thắng', phase: 'labor', workshopId: null, noSharpTools: false },
    ];
    const bridge = signedInBridge(INSTRUCTOR)
      .ok('labor.workshops.list', [workshop])
      .ok('labor.workshop', { ...workshop, roster: [...workshop.roster, { traineeId: C, fileNumber: 'HS-3', fullName: 'Lò Văn Páo', since: '2026-10-01', noSharpTools: true }] })
      .ok('labor.candidates', candidates)
      .ok('labor.assign', { seqs: [9], moved: false });
    const { user } = renderPage(bridge, 'workshops');
    const card = await screen.findByTestId('workshop-card');
    expect(within(card).getByTestId('workshop-output-week').textContent).toBe('Tuần này: 12 chiếc chiếu');
    expect(within(card).getByTestId('workshop-output-month').textContent).toBe('Tháng này: 40,5 chiếc chiếu');
    expect(within(card).getByTestId('workshop-sheet-status').textContent).toBe('Bảng công hôm nay: Chưa ghi');
    expect(card.textContent).toContain('Nguyễn Văn Bình, Trần Thị Hoà');

    await user.click(within(card).getByTestId('workshop-details'));
    const roster = await screen.findByTestId('workshop-roster');
    expect(within(roster).getAllByTestId('no-sharp-tools')).toHaveLength(1);
    // Diacritics-blind search; Páo (restricted) is shown but cannot be chosen for a blade workshop.
    await user.type(screen.getByTestId('assign-trainee'), 'hoang duc');
    const option = await screen.findByRole('option', { name: /Hoàng Đức Thắng/ });
    await user.click(option);
    await user.click(screen.getByTestId('assign-submit'));
    await waitFor(() => expect(bridge.callsTo('labor.assign')).toEqual([{ workshopId: W, traineeId: '44444444-4444-4444-8444-444444444444', date: TODAY }]));
    await user.clear(screen.getByTestId('assign-trainee'));
    await user.type(screen.getByTestId('assign-trainee'), 'lo van pao');
    const restricted = await screen.findByRole('option', { name: /Lò Văn Páo.*không làm việc với dụng cụ sắc/ });
    expect(restricted.getAttribute('data-combobox-disabled')).toBe('true');
  });

  it('shows the core’s sharp-tools refusal on the picker, without any reason', async () => {
    const bridge = signedInBridge(INSTRUCTOR)
      .ok('labor.workshops.list', [workshop])
      .ok('labor.workshop', workshop)
      .ok('labor.candidates', [{ traineeId: C, fileNumber: 'HS-3', fullName: 'Lò Văn Páo', phase: 'labor', workshopId: null, noSharpTools: false }])
      .fail('labor.assign', { code: 'VALIDATION', message: 'This trainee may not do work with sharp tools.', issues: [{ path: 'traineeId', code: 'noSharpTools' }] });
    const { user } = renderPage(bridge, 'workshops');
    await user.click(await screen.findByTestId('workshop-details'));
    await user.type(await screen.findByTestId('assign-trainee'), 'pao');
    await user.click(await screen.findByRole('option', { name: /Lò Văn Páo/ }));
    await user.click(screen.getByTestId('assign-submit'));
    expect(await screen.findByText('Học viên này không được làm công việc có dùng dụng cụ sắc')).toBeTruthy();
  });
});

describe('LaborTimelineBody', () => {
  const entry = (type: string, data: Record<string, unknown>) =>
    ({ seq: 50, type, occurredAt: '2026-11-10', recordedAt: '2026-11-10T03:00:00.000Z', actor: null, meta: { actor: null, roles: [], reason: null }, data, voided: null }) as never;

  it('names the workshop of an assignment, a move and a day of work or absence', async () => {
    const bridge = signedInBridge(INSTRUCTOR).ok('labor.workshops.list', [workshop]);
    window.sen = bridge;
    const store = makeStore({ navigation: { route: { name: 'trainee', traineeId: A } } });
    connectBridge(store, bridge);
    render(
      <Providers store={store} env="test">
        <LaborTimelineBody entry={entry('TraineeAssignedToWorkshop', { traineeId: A, workshopId: W, date: '2026-11-02' })} />
        <LaborTimelineBody entry={entry('TraineeUnassignedFromWorkshop', { traineeId: A, workshopId: W, date: '2026-11-09', cause: 'moved', note: '' })} />
        <LaborTimelineBody entry={entry('LaborRecorded', { traineeId: A, workshopId: W, date: '2026-11-05', present: true, hours: 5.5, output: 2, quality: 'Mép chiếu gọn', absence: null, absenceNote: '' })} />
        <LaborTimelineBody entry={entry('LaborRecorded', { traineeId: A, workshopId: W, date: '2026-11-06', present: false, hours: 0, output: 0, quality: '', absence: 'at_hospital', absenceNote: '' })} />
      </Providers>,
    );
    await waitFor(() => expect(screen.getAllByTestId('timeline-labor')[0]!.textContent).toBe('Vào Xưởng dệt chiếu từ 02/11/2026'));
    expect(screen.getAllByTestId('timeline-labor').map((b) => b.textContent)).toEqual([
      'Vào Xưởng dệt chiếu từ 02/11/2026',
      'Rời Xưởng dệt chiếu từ 09/11/2026 – chuyển sang xưởng khác',
      '05/11/2026 · Xưởng dệt chiếu: 5,5 giờ, sản lượng 2 chiếc chiếuNhận xét: Mép chiếu gọn',
      '06/11/2026 · Xưởng dệt chiếu: vắng – Ở bệnh viện',
    ]);
  });
});
