import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import { formatDate, todayIso } from '../../../shared/dates';
import type { DutyLogDay, DutyLogLine, Handover } from '../../../shared/duty/dutyLog';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { DutyLogScreen } from '../../../renderer/features/duty/dutyLog/DutyLogScreen';
import { i18next } from '../../../renderer/i18n';
import { ADMIN, signedInBridge, type FakeBridge } from '../fakeBridge';

const DUTY: SessionUser = { id: '00000000-0000-4000-8000-000000000004', username: 'truc', fullName: 'Đỗ Văn Trực', roles: ['duty'] };
const TRAINEE = '00000000-0000-4000-8000-0000000000a1';
const NOTE = '00000000-0000-4000-8000-0000000000b1';
const TODAY = todayIso();

/** The day before `iso`, as the screen's "previous day" computes it. */
function yesterday(iso: string): string {
  const d = new Date(`${iso}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const at = (hh: string) => new Date(`${TODAY}T${hh}:00`).toISOString();

const page = (date: string): DutyLogDay =>
  date === TODAY
    ? {
        date,
        lines: [
          { seq: 10, at: at('07:05'), officer: 'Đỗ Văn Trực', type: 'TraineeAdmitted', voidedType: null, traineeId: TRAINEE, traineeName: 'Lò Văn Páo', fileNumber: 'HS-2026-0042', details: {} },
          { seq: 11, at: at('08:30'), officer: 'Đỗ Văn Trực', type: 'EventVoided', voidedType: 'TraineePhaseAdvanced', traineeId: TRAINEE, traineeName: 'Lò Văn Páo', fileNumber: 'HS-2026-0042', details: {} },
        ],
        notes: [{ seq: 12, noteId: NOTE, date, shift: 'day', text: 'Phòng 3 mất điện, đã báo.', officerId: DUTY.id, officer: 'Đỗ Văn Trực', at: at('09:00') }],
      }
    : { date, lines: [], notes: [] };

const handover: Handover = {
  shift: { date: TODAY, shift: 'day' },
  notes: page(TODAY).notes,
  counts: { inCare: 312, withoutBed: 4, atHospital: 2, separateHousing: 5, activeKeepApart: 3, openMismatches: 1, recordedToday: 2 },
};

function renderScreen(bridge: FakeBridge) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'duty', tab: 'log' } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      <DutyLogScreen />
    </Providers>,
  );
  return { user };
}

const bridge = (user: SessionUser = DUTY) =>
  signedInBridge(user)
    .on('dutyLog.day', (input) => ({ ok: true, value: page(input.date) }))
    .ok('dutyLog.handover', handover);

describe('the duty log screen', () => {
  it("shows today's lines with time, officer, what and whom, the notes and the handover; a day back asks for yesterday", async () => {
    const b = bridge();
    const { user } = renderScreen(b);
    const rows = await screen.findAllByTestId('duty-log-line');
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['07:05', 'Đỗ Văn Trực', 'Tiếp nhận học viên', 'HS-2026-0042 · Lò Văn Páo'],
      ['08:30', 'Đỗ Văn Trực', 'Hủy: Chuyển giai đoạn điều trị', 'HS-2026-0042 · Lò Văn Páo'],
    ]);
    expect(within(screen.getByTestId('duty-log-notes')).getByText('Phòng 3 mất điện, đã báo.')).toBeTruthy();
    const ho = within(screen.getByTestId('duty-handover'));
    expect(ho.getByTestId('handover-inCare').textContent).toBe('312');
    expect(ho.getByTestId('handover-atHospital').textContent).toBe('2');
    expect(ho.getByTestId('handover-openMismatches').textContent).toBe('1');
    expect(ho.getByText('Điểm danh lệch chưa xử lý')).toBeTruthy();
    expect(ho.getByText(`Ca ngày ngày ${formatDate(TODAY)}`)).toBeTruthy();
    expect(b.callsTo('dutyLog.day')).toEqual([{ date: TODAY }]);

    await user.click(screen.getByTestId('duty-log-prev'));
    await screen.findByText('Không có việc nào được ghi trong ngày này.');
    expect(b.callsTo('dutyLog.day').at(-1)).toEqual({ date: yesterday(TODAY) });
    expect((screen.getByTestId('duty-log-date') as HTMLInputElement).value).toBe(formatDate(yesterday(TODAY)));

    // A typed date, confirmed with Enter; a wrong one says so and asks nothing.
    const input = screen.getByTestId('duty-log-date');
    await user.clear(input);
    await user.type(input, '31/02/2026{Enter}');
    expect(await screen.findByText('Ngày không hợp lệ (dd/mm/yyyy)')).toBeTruthy();
    await user.clear(input);
    await user.type(input, `${formatDate(TODAY)}{Enter}`);
    // Back on today (answered from the cache: no second call).
    expect(await screen.findAllByTestId('duty-log-line')).toHaveLength(2);

    await i18next.changeLanguage('en');
    expect(await screen.findByText('Handover')).toBeTruthy();
    expect(screen.getByText('Day shift of ' + formatDate(TODAY))).toBeTruthy();
  });

  it('each line says what happened with its key details, in Vietnamese and in English', async () => {
    const line = (seq: number, type: string, details: DutyLogLine['details']): DutyLogLine => ({ seq, at: at('10:00'), officer: 'Đỗ Văn Trực', type, voidedType: null, traineeId: TRAINEE, traineeName: 'Lò Văn Páo', fileNumber: 'HS-2026-0042', details });
    const lines = [
      line(20, 'BedAssigned', { room: 'A3 (Nhà A)', bed: 4 }),
      line(21, 'BedMoved', { room: 'A1 (Nhà A)', bed: 2, toRoom: 'B2 (Nhà B)', toBed: 1, reason: 'Đổi chỗ', overrideReason: 'Phòng khác đã kín' }),
      line(22, 'ViolationRecorded', { violationType: 'mobile_phone', place: 'nhà ăn' }),
      line(23, 'MeasureImposed', { kind: 'discipline_room', start: '2026-12-05', end: '2026-12-07' }),
      line(24, 'RewardGranted', { kind: 'commendation', reason: 'Lao động tốt' }),
      line(25, 'KeepApartSet', { pair: ['Nguyễn Văn A', 'Trần Văn B'], level: 'room' }),
      line(26, 'HeadcountRecorded', { rooms: [{ room: 'A1 (Nhà A)', counted: 10, expected: 11 }, { room: 'A2 (Nhà A)', counted: 8, expected: 8 }] }),
      line(27, 'MonthlyRated', { month: '2026-11', rating: 'fair' }),
    ];
    const b = signedInBridge(DUTY)
      .on('dutyLog.day', (input) => ({ ok: true, value: { date: input.date, lines, notes: [] } }))
      .ok('dutyLog.handover', handover);
    renderScreen(b);
    const what = async () => (await screen.findAllByTestId('duty-log-line')).map((r) => within(r).getAllByRole('cell')[2]!.textContent);
    expect(await what()).toEqual([
      'Xếp giường: phòng A3 (Nhà A), giường 4',
      'Chuyển giường: phòng A1 (Nhà A), giường 2 → phòng B2 (Nhà B), giường 1 (ghi nhận dù có cảnh báo: Phòng khác đã kín) — lý do: Đổi chỗ',
      'Vi phạm: Sử dụng điện thoại di động — tại nhà ăn',
      'Biện pháp kỷ luật: Phòng kỷ luật (3 ngày, 05/12/2026–07/12/2026)',
      'Khen thưởng: Biểu dương, khen — lý do: Lao động tốt',
      'Quy định không ở chung: Nguyễn Văn A ↔ Trần Văn B (khác phòng)',
      'Điểm danh: phòng A1 (Nhà A) 10/11, lệch 1; phòng A2 (Nhà A) 8/8',
      'Xếp loại tháng: 11/2026 — Khá',
    ]);
    await i18next.changeLanguage('en');
    await waitFor(async () => expect((await what())[0]).toBe('Bed assigned: room A3 (Nhà A), bed 4'));
    expect((await what()).slice(1)).toEqual([
      'Bed moved: room A1 (Nhà A), bed 2 → room B2 (Nhà B), bed 1 (recorded despite warnings: Phòng khác đã kín) — reason: Đổi chỗ',
      'Violation: Mobile phone — at nhà ăn',
      'Disciplinary measure: Discipline room (3 days, 05/12/2026–07/12/2026)',
      'Reward: Commendation — reason: Lao động tốt',
      'Keep-apart rule: Nguyễn Văn A ↔ Trần Văn B (different rooms)',
      'Headcount: room A1 (Nhà A) 10/11, off by 1; room A2 (Nhà A) 8/8',
      'Monthly rating: 11/2026 — Fair',
    ]);
  });

  it('records a shift note from the keyboard (ISO date to the core), refuses an empty one, and shows the core refusal on its field', async () => {
    const b = bridge().on('dutyLog.recordNote', (input) =>
      input.date < TODAY
        ? { ok: false, error: { code: 'VALIDATION', message: 'date: shiftNoteTooOld', issues: [{ path: 'date', code: 'shiftNoteTooOld' }] } }
        : { ok: true, value: { noteId: NOTE, seq: 13 } },
    );
    const { user } = renderScreen(b);
    const form = within(await screen.findByTestId('shift-note-form'));
    await user.click(form.getByRole('button', { name: 'Ghi chú' }));
    expect(await form.findByText('Bắt buộc nhập')).toBeTruthy();
    expect(b.callsTo('dutyLog.recordNote')).toEqual([]);

    await user.selectOptions(form.getByLabelText(/^Ca/), 'night');
    await user.type(form.getByLabelText(/^Nội dung/), 'Đêm yên tĩnh, 2 học viên ốm.{Control>}{Enter}{/Control}');
    await waitFor(() => expect(b.callsTo('dutyLog.recordNote')).toEqual([{ date: TODAY, shift: 'night', text: 'Đêm yên tĩnh, 2 học viên ốm.' }]));
    await waitFor(() => expect((form.getByLabelText(/^Nội dung/) as HTMLTextAreaElement).value).toBe(''));

    const date = form.getByLabelText(/^Ngày của ca/);
    await user.clear(date);
    await user.type(date, '01/01/2026');
    await user.type(form.getByLabelText(/^Nội dung/), 'Ghi muộn');
    await user.click(form.getByRole('button', { name: 'Ghi chú' }));
    expect(await form.findByText('Chỉ ghi chú cho ca hôm nay hoặc ca đêm hôm qua')).toBeTruthy();
    expect(b.callsTo('dutyLog.recordNote').at(-1)).toEqual({ date: '2026-01-01', shift: 'night', text: 'Ghi muộn' });
  });

  it('the author voids a note with a reason', async () => {
    const b = bridge().ok('events.void', { seq: 20 });
    const { user } = renderScreen(b);
    const notes = within(await screen.findByTestId('duty-log-notes'));
    await user.click(notes.getByRole('button', { name: 'Hủy ghi chú' }));
    const dialog = within(await screen.findByTestId('void-form'));
    expect(dialog.getByText(/Ghi chú ca trực/)).toBeTruthy();
    await user.type(dialog.getByLabelText(/^Lý do hủy/), 'Ghi nhầm ca');
    await user.click(dialog.getByRole('button', { name: 'Hủy bản ghi này' }));
    await waitFor(() => expect(b.callsTo('events.void')).toEqual([{ seq: 12, reason: 'Ghi nhầm ca' }]));
  });

  it('an administrator reads the log: no note form, and may void any note', async () => {
    const b = bridge(ADMIN);
    renderScreen(b);
    await screen.findAllByTestId('duty-log-line');
    expect(screen.queryByTestId('shift-note-form')).toBeNull();
    expect(within(screen.getByTestId('duty-log-notes')).getByTestId('void-note')).toBeTruthy();
  });

  it('another duty officer sees the note without a void button', async () => {
    const b = bridge({ ...DUTY, id: '00000000-0000-4000-8000-000000000009', fullName: 'Vũ Thị Khác' });
    renderScreen(b);
    const notes = within(await screen.findByTestId('duty-log-notes'));
    expect(notes.getByText('Phòng 3 mất điện, đã báo.')).toBeTruthy();
    expect(notes.queryByTestId('void-note')).toBeNull();
    expect(screen.getByTestId('shift-note-form')).toBeTruthy();
  });
});
