import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signedInBridge } from './fakeBridge';
import { hoa, HOA_ID } from './data';
import { renderApp } from './render';

/** The error text Mantine shows for a field (linked via aria-describedby). */
function fieldError(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

async function fillValidForm(user: UserEvent) {
  await user.type(screen.getByLabelText(/Số hồ sơ/), 'HS-2024-001');
  await user.type(screen.getByLabelText(/Họ và tên/), 'Nguyễn Thị Hoà');
  await user.click(screen.getByRole('radio', { name: 'Nữ' }));
  await user.type(screen.getByLabelText(/Ngày sinh/), '05/03/1995');
  await user.type(screen.getByLabelText(/Số CCCD/), '012345678901');
  await user.type(screen.getByLabelText(/Địa chỉ thường trú/), 'Bản Mòng, xã Hua La');
  await user.type(screen.getByLabelText(/Số quyết định/), '123/QĐ-TA');
  await user.type(screen.getByLabelText(/Ngày tiếp nhận/), '1/6/2024');
  await user.type(screen.getByLabelText(/Ngày dự kiến ra/), '01/06/2026');
  await user.selectOptions(screen.getByLabelText(/Trình độ học vấn/), 'lower_secondary');
  await user.click(screen.getByRole('checkbox', { name: 'Heroin' }));
  await user.type(screen.getByLabelText(/Họ tên người thân/), 'Nguyễn Văn Tám');
  await user.type(screen.getByLabelText(/Số điện thoại/), '0912 345 678');
}

describe('admission form', () => {
  it('marks empty required fields and an invalid date without calling the bridge', async () => {
    const bridge = signedInBridge();
    const { user } = renderApp(bridge, { name: 'admit' });

    const fileNumber = await screen.findByLabelText(/Số hồ sơ/);
    expect(document.activeElement).toBe(fileNumber);
    await user.type(screen.getByLabelText(/Ngày sinh/), '31/02/1995');
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận' }));

    await waitFor(() => expect(fieldError(fileNumber)).toContain('Bắt buộc nhập'));
    expect(fieldError(screen.getByLabelText(/Họ và tên/))).toContain('Bắt buộc nhập');
    expect(fieldError(screen.getByLabelText(/Địa chỉ thường trú/))).toContain('Bắt buộc nhập');
    expect(fieldError(screen.getByLabelText(/Ngày sinh/))).toContain('Ngày không hợp lệ');
    expect(fieldError(screen.getByLabelText(/Ngày tiếp nhận/))).toContain('Bắt buộc nhập');
    expect(fileNumber.getAttribute('aria-invalid')).toBe('true');
    expect(bridge.callsTo('trainees.admit')).toHaveLength(0);
  });

  it('applies the cross-field rules of the shared schema before sending', async () => {
    const bridge = signedInBridge();
    const { user } = renderApp(bridge, { name: 'admit' });
    await screen.findByLabelText(/Số hồ sơ/);
    await fillValidForm(user);
    const planned = screen.getByLabelText(/Ngày dự kiến ra/);
    await user.clear(planned);
    await user.type(planned, '01/01/2024');
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận' }));
    await waitFor(() => expect(fieldError(planned)).toContain('Ngày dự kiến ra phải sau ngày tiếp nhận'));
    expect(bridge.callsTo('trainees.admit')).toHaveLength(0);
  });

  it('shows a field issue from the core on the matching field', async () => {
    const bridge = signedInBridge().fail('trainees.admit', {
      code: 'VALIDATION',
      message: 'invalid',
      issues: [
        { path: 'dateOfBirth', code: 'dateInFuture' },
        { path: 'familyContact.phone', code: 'invalidPhone' },
      ],
    });
    const { user } = renderApp(bridge, { name: 'admit' });
    await screen.findByLabelText(/Số hồ sơ/);
    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận' }));

    await waitFor(() => expect(fieldError(screen.getByLabelText(/Ngày sinh/))).toContain('Ngày không được ở tương lai'));
    expect(fieldError(screen.getByLabelText(/Số điện thoại/))).toContain('Số điện thoại không hợp lệ');
    expect(within(screen.getByTestId('admit-form')).getByRole('alert').textContent).toContain('Thông tin chưa hợp lệ');
    // What was sent: ISO dates, the contract's shape.
    const sent = bridge.callsTo('trainees.admit')[0];
    expect(sent).toMatchObject({
      fileNumber: 'HS-2024-001',
      fullName: 'Nguyễn Thị Hoà',
      sex: 'female',
      dateOfBirth: '1995-03-05',
      admissionDate: '2024-06-01',
      plannedReleaseDate: '2026-06-01',
      admissionType: 'compulsory',
      educationLevel: 'lower_secondary',
      substances: ['heroin'],
      familyContact: { name: 'Nguyễn Văn Tám', relationship: '', phone: '0912 345 678' },
    });
    expect(sent).not.toHaveProperty('reason');
  });

  it('opens the new trainee after a successful admission', async () => {
    const bridge = signedInBridge()
      .ok('trainees.admit', { traineeId: HOA_ID, seq: 5 })
      .ok('trainees.get', hoa)
      .ok('trainees.timeline', []);
    const { user } = renderApp(bridge, { name: 'admit' });
    await screen.findByLabelText(/Số hồ sơ/);
    await fillValidForm(user);
    await user.type(screen.getByLabelText(/Số điện thoại/), '{Enter}');
    expect((await screen.findByTestId('trainee-name')).textContent).toBe('Nguyễn Thị Hoà');
    expect(bridge.callsTo('trainees.get')).toEqual([{ traineeId: HOA_ID }]);
  });
});
