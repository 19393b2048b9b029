import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import type { FormularyItem, Prescription, TraineePrescriptions } from '../../../shared/medical/prescriptions';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { FormularyScreen } from '../../../renderer/features/medical/prescriptions/FormularyScreen';
import { PrescriptionsSection } from '../../../renderer/features/medical/prescriptions/PrescriptionsSection';
import { signedInBridge, type FakeBridge } from '../fakeBridge';
import { HOA_ID } from '../data';

const MEDICAL: SessionUser = { id: '00000000-0000-4000-8000-000000000003', username: 'yte', fullName: 'Phạm Thị Y', roles: ['medical'] };
const PARA = '00000000-0000-4000-8000-0000000000a1';
const TLD = '00000000-0000-4000-8000-0000000000a2';
const P1 = '00000000-0000-4000-8000-0000000000b1';
const P2 = '00000000-0000-4000-8000-0000000000b2';

function renderWith(bridge: FakeBridge, ui: ReactNode) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'medicalRecord', traineeId: HOA_ID } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      {ui}
    </Providers>,
  );
  return { user };
}

const formulary: FormularyItem[] = [
  { id: PARA, name: 'Paracetamol', form: 'tablet', strength: '500 mg', arv: false, active: true },
  { id: TLD, name: 'TDF/3TC/DTG', form: 'tablet', strength: '300/300/50 mg', arv: true, active: true },
];

const base: Omit<Prescription, 'id'> = {
  traineeId: HOA_ID,
  itemId: PARA,
  itemName: 'Paracetamol',
  form: 'tablet',
  strength: '500 mg',
  arv: false,
  dose: '1 viên',
  slots: ['morning', 'evening'],
  startDate: '2026-11-01',
  // Ends after any day the suite runs on: a revision starts today and may not end before it starts.
  endDate: '2099-11-30',
  indication: 'Đau đầu',
  previousId: null,
  status: 'active',
  stoppedDate: null,
  kind: 'written',
  reason: '',
  recordedAt: '2026-11-01T02:00:00.000Z',
  recordedBy: 'Phạm Thị Y',
  stop: null,
  seq: 10,
};

const record: TraineePrescriptions = {
  traineeId: HOA_ID,
  prescriptions: [
    { ...base, id: P2, dose: '2 viên', previousId: P1, kind: 'revised', reason: 'Còn đau', startDate: '2026-11-05', seq: 12 },
    { ...base, id: P1, status: 'replaced', stoppedDate: '2026-11-05' },
  ],
  administration: [
    { date: '2026-11-24', slot: 'evening', prescriptionId: P2, itemName: 'Paracetamol', dose: '2 viên', status: null, missed: true, note: '' },
    { date: '2026-11-24', slot: 'morning', prescriptionId: P2, itemName: 'Paracetamol', dose: '2 viên', status: 'refused', missed: false, note: 'Buồn nôn' },
  ],
  from: '2026-10-26',
  to: '2026-11-24',
};

describe('prescriptions on the medical record', () => {
  it('shows the active prescription, the chain with who and why, and the administration record', async () => {
    renderWith(signedInBridge(MEDICAL).ok('medical.prescriptions.get', record).ok('medical.formulary.list', formulary), <PrescriptionsSection traineeId={HOA_ID} />);
    const active = await screen.findAllByTestId('prescription-active-row');
    expect(active).toHaveLength(1);
    expect(active[0]!.textContent).toContain('2 viên');
    expect(active[0]!.textContent).toContain('Sáng, Chiều');
    expect(active[0]!.textContent).toContain('05/11/2026 – 30/11/2099');
    const history = screen.getAllByTestId('prescription-history-row');
    expect(history[0]!.textContent).toContain('Điều chỉnh');
    expect(history[0]!.textContent).toContain('Lý do: Còn đau');
    expect(history[0]!.textContent).toContain('Thay cho đơn bắt đầu 01/11/2026');
    expect(history[1]!.textContent).toContain('Đã thay');
    const doses = screen.getAllByTestId('administration-row');
    expect(doses[0]!.textContent).toContain('Bỏ lỡ');
    expect(doses[1]!.textContent).toContain('Từ chối');
    expect(doses[1]!.textContent).toContain('Buồn nôn');
  });

  it('prescribes with dd/mm/yyyy dates sent as ISO; a revision needs a reason; discontinuing sends date and reason', async () => {
    const bridge = signedInBridge(MEDICAL)
      .ok('medical.prescriptions.get', record)
      .ok('medical.formulary.list', formulary)
      .ok('medical.prescriptions.write', { prescriptionId: P1, seq: 20 })
      .ok('medical.prescriptions.revise', { prescriptionId: P1, seq: 21 })
      .ok('medical.prescriptions.discontinue', { seq: 22 });
    const { user } = renderWith(bridge, <PrescriptionsSection traineeId={HOA_ID} />);
    await user.click(await screen.findByTestId('prescribe'));
    let dialog = within(await screen.findByRole('dialog'));
    // The ARV regimen is not offered here (it is started from the ARV section).
    await waitFor(() => expect(dialog.getAllByRole('option').map((o) => o.textContent)).toEqual(['—', 'Paracetamol 500 mg']));
    await user.selectOptions(dialog.getByLabelText(/^Thuốc/), PARA);
    await user.type(dialog.getByLabelText(/^Liều mỗi lần/), '1 viên');
    await user.click(dialog.getByLabelText('Tối'));
    const start = dialog.getByLabelText(/^Ngày bắt đầu/);
    await user.clear(start);
    await user.type(start, '20/11/2026');
    await user.type(dialog.getByLabelText(/^Chỉ định/), 'Đau răng');
    await user.click(dialog.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(bridge.callsTo('medical.prescriptions.write')).toHaveLength(1));
    expect(bridge.callsTo('medical.prescriptions.write')[0]).toEqual({
      traineeId: HOA_ID, itemId: PARA, dose: '1 viên', slots: ['night'], startDate: '2026-11-20', endDate: null, indication: 'Đau răng',
    });

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Điều chỉnh' }));
    dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Lưu' }));
    expect(await dialog.findByText('Bắt buộc nhập')).toBeTruthy();
    expect(bridge.callsTo('medical.prescriptions.revise')).toHaveLength(0);
    await user.type(dialog.getByLabelText(/^Lý do/), 'Đổi giờ uống');
    await user.click(dialog.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(bridge.callsTo('medical.prescriptions.revise')).toHaveLength(1));
    expect(bridge.callsTo('medical.prescriptions.revise')[0]).toMatchObject({ previousId: P2, itemId: PARA, dose: '2 viên', slots: ['morning', 'evening'], endDate: '2099-11-30', reason: 'Đổi giờ uống' });

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Ngừng thuốc' }));
    dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByLabelText(/^Lý do/), 'Hết đau');
    await user.click(dialog.getByRole('button', { name: 'Ngừng thuốc' }));
    await waitFor(() => expect(bridge.callsTo('medical.prescriptions.discontinue')).toHaveLength(1));
    expect(bridge.callsTo('medical.prescriptions.discontinue')[0]).toMatchObject({ traineeId: HOA_ID, prescriptionId: P2, reason: 'Hết đau' });
  });
});

describe('formulary screen', () => {
  it('adds the starter list in one click and shows a duplicate name on its field', async () => {
    const bridge = signedInBridge(MEDICAL)
      .ok('medical.formulary.list', formulary)
      .ok('medical.formulary.addStarter', { added: 5 })
      .fail('medical.formulary.add', { code: 'VALIDATION', message: 'dup', issues: [{ path: 'name', code: 'duplicateDrugName' }] });
    const { user } = renderWith(bridge, <FormularyScreen />);
    const rows = await screen.findAllByTestId('formulary-row');
    expect(rows[1]!.textContent).toContain('ARV');
    await user.click(screen.getByTestId('formulary-starter'));
    expect(await screen.findByText('Đã thêm 5 thuốc vào danh mục.')).toBeTruthy();
    await user.click(screen.getByTestId('formulary-add'));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByLabelText(/^Tên thuốc hoặc phác đồ/), 'Paracetamol');
    await user.type(dialog.getByLabelText(/^Hàm lượng/), '500 mg');
    await user.click(dialog.getByRole('button', { name: 'Thêm' }));
    expect(await dialog.findByText('Danh mục đã có thuốc cùng tên và hàm lượng đang dùng')).toBeTruthy();
    expect(bridge.callsTo('medical.formulary.add')).toEqual([{ name: 'Paracetamol', form: 'tablet', strength: '500 mg', arv: false }]);
  });
});
