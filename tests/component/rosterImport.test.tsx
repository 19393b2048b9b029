import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HandlerInput } from '../../shared/api';
import type { RosterCheck, RosterRowIssue } from '../../shared/rosterImport';
import { signedInBridge, type FakeBridge } from './fakeBridge';
import { renderApp } from './render';
import { records, rosterCsv, ROSTER_HEADERS, spoil } from '../support/roster';

/** The core's answer for the spoiled file: the three bad rows, when they are among those sent. */
const BAD: RosterRowIssue[] = [
  { row: 6, field: 'dateOfBirth', code: 'invalidDate' },
  { row: 21, field: 'idNumber', code: 'invalidIdNumber' },
  { row: 38, field: 'fileNumber', code: 'duplicateInFile', otherRow: 12 },
];
function fakeCheck(bad: RosterRowIssue[]) {
  return (input: HandlerInput<'trainees.importCheck'>): { ok: true; value: RosterCheck } => {
    const sent = new Set(input.rows.map((r) => r.row));
    const issues = bad.filter((i) => sent.has(i.row));
    return { ok: true, value: { rows: sent.size, valid: sent.size - issues.length, issues } };
  };
}

function bridgeFor(bad: RosterRowIssue[]): FakeBridge {
  return signedInBridge()
    .on('trainees.importCheck', fakeCheck(bad))
    .on('trainees.import', (input) => ({ ok: true, value: { imported: input.rows.length, firstSeq: 10, lastSeq: 9 + input.rows.length } }));
}

const csvFile = (text: string, name = 'danh-sach.csv') => new File([text], name, { type: 'text/csv' });
async function fileInput(): Promise<HTMLInputElement> {
  await screen.findByRole('heading', { name: 'Nhập danh sách học viên từ tệp CSV' });
  return document.querySelector<HTMLInputElement>('input[type="file"]')!;
}
const rowErrors = (row: number) => within(document.querySelector<HTMLElement>(`[data-testid="import-row"][data-row="${row}"]`)!).getByTestId('row-errors').textContent;

describe('roster import screen', () => {
  it('guesses the columns, shows the 3 bad rows of 50 and imports nothing until they are left out', async () => {
    const bridge = bridgeFor(BAD);
    const { user } = renderApp(bridge, { name: 'importRoster' });
    await user.upload(await fileInput(), csvFile(rosterCsv(spoil(records(50)))));

    expect((await screen.findByTestId('import-file-summary')).textContent).toBe('danh-sach.csv: 50 dòng dữ liệu, 15 cột, phân cách bằng “,”');
    const mapped = (field: string) => screen.getByTestId(`map-${field}`).querySelector('input')!.value;
    expect(mapped('dateOfBirth')).toBe('Ngày sinh');
    expect(mapped('substances')).toBe('Chất gây nghiện');
    expect(mapped('familyContactName')).toBe('Người thân');

    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toContain('50 dòng được chọn: 47 hợp lệ, 3 dòng có lỗi'));
    expect(rowErrors(6)).toBe('Ngày sinh: Ngày không hợp lệ (dd/mm/yyyy)');
    expect(rowErrors(21)).toBe('Số CCCD: Số CCCD gồm 12 chữ số (hoặc CMND 9 chữ số)');
    expect(rowErrors(38)).toBe('Số hồ sơ: Số hồ sơ lặp lại trong tệp (trùng với dòng 12)');
    expect(rowErrors(7)).toBe('');
    expect(screen.getByTestId('import-blocked')).toBeTruthy();
    const submit = screen.getByTestId('import-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await user.click(submit);
    expect(bridge.callsTo('trainees.import')).toEqual([]);
    // The check sent every row, as a spreadsheet numbers them, with the cells by field.
    const first = bridge.callsTo('trainees.importCheck')[0]!;
    expect(first.rows).toHaveLength(50);
    expect(first.rows[4]).toMatchObject({ row: 6, values: { dateOfBirth: '1990-13-45', fullName: 'Hoàng Minh Đức' } });

    // One left out by hand, the other two with the button: checked again, then the import opens.
    await user.click(screen.getByRole('checkbox', { name: 'Nhập Dòng 6' }));
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toContain('49 dòng được chọn: 47 hợp lệ, 2 dòng có lỗi. 1 dòng đã bỏ qua.'));
    await user.click(screen.getByTestId('exclude-bad'));
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toContain('47 dòng được chọn: 47 hợp lệ, 0 dòng có lỗi. 3 dòng đã bỏ qua.'));
    expect(submit.textContent).toBe('Nhập 47 học viên');
    await waitFor(() => expect(submit.disabled).toBe(false));
    await user.click(submit);
    expect((await screen.findByTestId('import-done')).textContent).toContain('Đã nhập 47 học viên từ danh-sach.csv.');
    const [sent] = bridge.callsTo('trainees.import');
    expect(sent!.fileName).toBe('danh-sach.csv');
    expect(sent!.rows.map((r) => r.row)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2).filter((r) => ![6, 21, 38].includes(r)));
  });

  it('a fixed file chosen again imports whole; a file without a needed column is not checked', async () => {
    const bridge = bridgeFor([]);
    const { user } = renderApp(bridge, { name: 'importRoster' });
    const noBirth = rosterCsv(records(5).map((r) => r.filter((_, i) => i !== 3))).replace(`${ROSTER_HEADERS[3]},`, '');
    await user.upload(await fileInput(), csvFile(noBirth, 'thieu-cot.csv'));
    expect((await screen.findByTestId('import-missing')).textContent).toBe('Chưa chọn cột cho: Ngày sinh');
    expect(bridge.callsTo('trainees.importCheck')).toEqual([]);

    await user.upload(await fileInput(), csvFile(rosterCsv(records(50)).slice(1).replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';'), 'da-sua.csv'));
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toContain('50 dòng được chọn: 50 hợp lệ, 0 dòng có lỗi'));
    expect(screen.getByTestId('import-file-summary').textContent).toContain('phân cách bằng “;”');
    await user.click(screen.getByRole('button', { name: 'Nhập 50 học viên' }));
    expect(await screen.findByTestId('import-done')).toBeTruthy();
    expect(bridge.callsTo('trainees.import')[0]!.rows).toHaveLength(50);
  });
});
