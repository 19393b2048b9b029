import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import type { HandlerInput } from '../../../shared/api';
import type { Round, RoundRow } from '../../../shared/medical/prescriptions';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { RoundScreen } from '../../../renderer/features/medical/prescriptions/RoundScreen';
import { signedInBridge, type FakeBridge } from '../fakeBridge';

const MEDICAL: SessionUser = { id: '00000000-0000-4000-8000-000000000003', username: 'yte', fullName: 'Phạm Thị Y', roles: ['medical'] };

function renderWith(bridge: FakeBridge, ui: ReactNode) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'medical', tab: 'round' } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      {ui}
    </Providers>,
  );
  return { store, user };
}

const pid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function row(n: number, over: Partial<RoundRow> = {}): RoundRow {
  return {
    prescriptionId: pid(n),
    traineeId: pid(1000 + n),
    traineeName: `Học viên ${n}`,
    fileNumber: `HS-${n}`,
    room: null,
    itemName: 'Paracetamol',
    strength: '500 mg',
    arv: false,
    dose: '1 viên',
    indication: '',
    recorded: null,
    missed: false,
    ...over,
  };
}

/** Answers for whatever day and slot the screen asks (it starts on today and the current slot). */
function roundBridge(rows: RoundRow[], slotEnded = false) {
  return signedInBridge(MEDICAL).on('medical.round.get', (input) => ({ ok: true, value: { date: input.date, slot: input.slot, slotEnded, rows } satisfies Round }));
}

const summary = (s: string) => screen.getByTestId(`summary-${s}`).textContent ?? '';

describe('the medication round screen', () => {
  it('marks doses from the keyboard and saves the whole round in one call', async () => {
    const rows = [row(1), row(2, { recorded: { status: 'given', note: '', seq: 40 } }), row(3, { arv: true, itemName: 'TDF/3TC/DTG' }), row(4, { missed: true })];
    const bridge = roundBridge(rows).ok('medical.round.record', { recorded: 3, firstSeq: 41, lastSeq: 43 });
    const { user } = renderWith(bridge, <RoundScreen />);
    const sheet = await screen.findByTestId('round-sheet');
    expect(screen.getAllByTestId('round-row')).toHaveLength(4);
    expect(screen.getByTestId('round-room').textContent).toBe('Chưa xếp phòng (4)');
    expect(summary('total')).toBe('Tổng số liều: 4');
    expect(summary('recorded')).toBe('Đã ghi trước: 1');
    expect(summary('remaining')).toBe('Chưa đánh dấu: 3');
    expect(within(screen.getAllByTestId('round-row')[3]!).getByText('Quá giờ, chưa ghi')).toBeTruthy();

    sheet.focus();
    // G marks row 1 and moves on; M on the recorded row 2 changes nothing; 2 = refused on row 3.
    await user.keyboard('g');
    await user.keyboard('m');
    await user.keyboard('2');
    // Back up with k, down again with the arrow, then a note and H (held) on row 4.
    await user.keyboard('k');
    expect(screen.getAllByTestId('round-row')[2]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    await user.keyboard('n');
    expect(document.activeElement).toBe(within(screen.getAllByTestId('round-row')[3]!).getByRole('textbox'));
    await user.keyboard('Huyết áp thấp{Enter}');
    expect(document.activeElement).toBe(sheet);
    await user.keyboard('h');

    const pressed = (i: number) => within(screen.getAllByTestId('round-row')[i]!).queryByRole('button', { pressed: true })?.textContent;
    expect([pressed(0), pressed(2), pressed(3)]).toEqual(['Đã uống', 'Từ chối', 'Hoãn liều']);
    expect(within(screen.getAllByTestId('round-row')[1]!).getByTestId('row-recorded').textContent).toBe('Đã uống');
    expect([summary('given'), summary('refused'), summary('held'), summary('missed'), summary('remaining')]).toEqual([
      'Đã uống: 1',
      'Từ chối: 1',
      'Hoãn liều: 1',
      'Bỏ lỡ: 0',
      'Chưa đánh dấu: 0',
    ]);

    await user.click(screen.getByTestId('round-save'));
    await waitFor(() => expect(bridge.callsTo('medical.round.record')).toHaveLength(1));
    const sent = bridge.callsTo('medical.round.record')[0]!;
    expect(sent.doses).toEqual([
      { prescriptionId: pid(1), status: 'given', note: '' },
      { prescriptionId: pid(3), status: 'refused', note: '' },
      { prescriptionId: pid(4), status: 'held', note: 'Huyết áp thấp' },
    ]);
    expect(sent.slot).toMatch(/^(morning|noon|evening|night)$/);
    expect(await screen.findByText('Đã ghi nhận 3 liều thuốc.')).toBeTruthy();
  });

  it('marks the rest given with one button, saves 101 rows in one call, and shows a refused row by name', async () => {
    const rows = Array.from({ length: 101 }, (_, i) => row(i + 1));
    const bridge = roundBridge(rows).on('medical.round.record', (_input: HandlerInput<'medical.round.record'>) => ({
      ok: false,
      error: { code: 'VALIDATION', message: 'Nothing recorded: row 6', issues: [{ path: 'doses.5', code: 'prescriptionNotActive', params: { row: 6 } }] },
    }));
    const { user } = renderWith(bridge, <RoundScreen />);
    const sheet = await screen.findByTestId('round-sheet');
    sheet.focus();
    await user.keyboard('r');
    await user.click(screen.getByTestId('round-mark-rest'));
    expect(summary('given')).toBe('Đã uống: 100');
    expect(summary('refused')).toBe('Từ chối: 1');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(bridge.callsTo('medical.round.record')).toHaveLength(1));
    expect(bridge.callsTo('medical.round.record')[0]!.doses).toHaveLength(101);
    const alert = await screen.findByTestId('round-row-errors');
    expect(alert.textContent).toContain('Chưa lưu gì');
    expect(alert.textContent).toContain('Dòng 6 (Học viên 6, Paracetamol): Đơn thuốc đã ngừng hoặc đã được thay');
    // The marks stay, so the officer fixes the row and saves again.
    expect(summary('given')).toBe('Đã uống: 100');
  });

  it('voids a dose recorded by mistake, with a reason, so it can be recorded again', async () => {
    const bridge = roundBridge([row(1, { recorded: { status: 'refused', note: '', seq: 40 } })]).ok('events.void', { seq: 41 });
    const { user } = renderWith(bridge, <RoundScreen />);
    await user.click(await screen.findByRole('button', { name: 'Hủy liều đã ghi của Học viên 1' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Học viên 1 · Paracetamol 500 mg · Từ chối')).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Hủy bản ghi này' }));
    expect(dialog.getByText('Bắt buộc nhập')).toBeTruthy();
    await user.type(dialog.getByLabelText(/^Lý do hủy/), 'Ghi nhầm người');
    await user.click(dialog.getByRole('button', { name: 'Hủy bản ghi này' }));
    await waitFor(() => expect(bridge.callsTo('events.void')).toEqual([{ seq: 40, reason: 'Ghi nhầm người' }]));
  });

  it('says when nothing is marked and calls nothing; an empty slot says so', async () => {
    const bridge = roundBridge([row(1)], true);
    const { user } = renderWith(bridge, <RoundScreen />);
    expect((await screen.findByTestId('round-ended')).textContent).toContain('Buổi này đã kết thúc');
    await user.click(screen.getByTestId('round-save'));
    expect(screen.getByTestId('round-nothing').textContent).toBe('Chưa đánh dấu liều nào.');
    expect(bridge.callsTo('medical.round.record')).toHaveLength(0);

    const emptyBridge = roundBridge([]);
    renderWith(emptyBridge, <RoundScreen />);
    expect((await screen.findByTestId('round-empty')).textContent).toBe('Không có liều thuốc nào trong buổi này.');
  });
});
