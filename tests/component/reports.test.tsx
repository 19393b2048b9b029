import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { todayIso } from '../../shared/dates';
import type { MonthlyReport } from '../../shared/reports';
import { i18next } from '../../renderer/i18n';
import { ADMIN, signedInBridge, TEACHER } from './fakeBridge';
import { renderApp } from './render';
import { captureDownloads, savedCsv } from './downloads';
import { hoa, HOA_ID, hoaTimeline } from './data';

const MONTH = todayIso().slice(0, 7);

/** The facility's workshops: rows keyed by id, labelled with the name as typed (output rows: with the unit). */
const workshops = (values: number[], withUnit = false) =>
  [
    { key: 'w-1', label: 'Xưởng may', unit: 'chiếc' },
    { key: 'w-2', label: 'Rau sạch', unit: 'kg' },
  ].map((w, i) => ({ key: w.key, label: withUnit ? `${w.label} (${w.unit})` : w.label, value: values[i]! }));

/** A report with every group and row key the core produces, and a custom violation type. */
function report(month = MONTH): MonthlyReport {
  const rows = (keys: string[], value = 3) => keys.map((key, i) => ({ key, value: value + i }));
  return {
    month,
    from: `${month}-01`,
    to: `${month}-28`,
    facilityName: 'Cơ sở cai nghiện ma túy tỉnh Điện Biên',
    anchor: { seq: 1234, hash: 'ab'.repeat(32) },
    generatedAt: '2026-11-28T03:00:00.000Z',
    sections: [
      {
        id: 'census',
        groups: [
          { id: 'census', rows: rows(['start', 'admitted', 'released', 'end']) },
          { id: 'admissionsByType', rows: rows(['compulsory', 'voluntary']), chart: true },
          { id: 'releasesByKind', rows: rows(['completed', 'transferred', 'other']), chart: true },
        ],
      },
      { id: 'movements', groups: [{ id: 'movements', rows: [...rows(['transferredOut', 'hospitalSent', 'hospitalReturned', 'hospitalAtEnd']), { key: 'absconded', value: null }] }] },
      {
        id: 'medical',
        groups: [
          { id: 'screening', rows: [{ key: 'sessions', value: 12 }, { key: 'admittedScreened', value: 6, of: 8 }, { key: 'inCareScreened', value: 119, of: 120 }] },
          { id: 'detox', rows: rows(['started', 'closed_completed', 'closed_referred', 'closed_stopped', 'closed_other', 'activeAtEnd']) },
          { id: 'art', rows: [{ key: 'onArtAtEnd', value: 15 }, { key: 'started', value: 1 }, { key: 'pillCounts', value: 16 }, { key: 'pillsTaken', value: 479, of: 491 }] },
        ],
      },
      {
        id: 'conduct',
        groups: [
          { id: 'violationsByType', rows: [...rows(['mobile_phone', 'fighting']), { key: 'vt-1', label: 'Đánh bạc', value: 2 }], chart: true },
          { id: 'measuresByKind', rows: rows(['criticism', 'warning', 'discipline_room', 'other']) },
          { id: 'rewardsByKind', rows: rows(['commendation', 'gift', 'extra_visit', 'term_reduction_proposal', 'other']) },
          { id: 'ratings', rows: rows(['good', 'fair', 'average', 'poor']), chart: true },
        ],
      },
      {
        id: 'literacy',
        groups: [
          { id: 'literacy', rows: [...rows(['classesOpen', 'enrolledStart', 'enrolled', 'withdrawn', 'enrolledEnd', 'sessions']), { key: 'present', value: 76, of: 84 }] },
          { id: 'literacyCompleted', rows: rows(['level1', 'level2']) },
        ],
      },
      {
        id: 'labor',
        groups: [
          ...['laborAssigned', 'laborDays', 'laborAbsences'].map((id) => ({ id, rows: workshops([10, 7]) })),
          { id: 'laborHours', rows: workshops([1063, 718.5]), chart: true },
          { id: 'laborOutput', rows: workshops([317, 3826.8], true) },
          { id: 'laborTotals', rows: rows(['assigned', 'days', 'hours', 'absences']) },
        ],
      },
      {
        id: 'reintegration',
        groups: [
          { id: 'counsellingByKind', rows: rows(['legal', 'vocational', 'job_referral', 'family', 'other']), chart: true },
          { id: 'reintegration', rows: [{ key: 'counselled', value: 12 }, { key: 'dueAtEnd', value: 14 }, { key: 'dueNotCounselled', value: 1, of: 14 }] },
        ],
      },
    ],
  };
}

describe('the monthly report screen', () => {
  it('labels every section, group and row in Vietnamese, with shares, "not recorded" and bar charts', async () => {
    const bridge = signedInBridge(ADMIN).ok('reports.monthly', report());
    const { user } = renderApp(bridge);
    await user.click(await screen.findByRole('button', { name: 'Báo cáo' }));
    const census = await screen.findByTestId('report-section-census');
    expect(within(census).getByText('Quân số và biến động')).toBeTruthy();
    expect(screen.getByTestId('report-census-census-start').textContent).toBe('Đầu tháng3');
    expect(screen.getByTestId('report-census-admissionsByType-compulsory').textContent).toContain('Bắt buộc');
    expect(screen.getByTestId('report-medical-screening-inCareScreened').textContent).toBe('Học viên hiện có đã được sàng lọc119 / 12099,2 %');
    expect(screen.getByTestId('report-movements-movements-absconded').textContent).toBe('Bỏ trốn—');
    expect(screen.getByTestId('report-conduct-violationsByType-vt-1').textContent).toBe('Đánh bạc2');
    expect(screen.getByTestId('report-conduct-ratings-average').textContent).toBe('Trung bình5');
    expect(screen.getByRole('img', { name: 'Biểu đồ: Xếp loại tháng' })).toBeTruthy();
    expect(screen.getByTestId('report-literacy-literacy-present').textContent).toBe('Chuyên cần (lượt có mặt / lượt điểm danh)76 / 8490,5 %');
    expect(screen.getByTestId('report-literacy-literacyCompleted-level2').textContent).toBe('Đạt mức 24');
    // Workshops by name as typed, sums in Vietnamese notation, output in each workshop's unit.
    expect(screen.getByTestId('report-labor-laborHours-w-1').textContent).toBe('Xưởng may1.063');
    expect(screen.getByTestId('report-labor-laborHours-w-2').textContent).toBe('Rau sạch718,5');
    expect(screen.getByTestId('report-labor-laborOutput-w-2').textContent).toBe('Rau sạch (kg)3.826,8');
    expect(screen.getByRole('img', { name: 'Biểu đồ: Giờ lao động' })).toBeTruthy();
    expect(screen.getByTestId('report-reintegration-counsellingByKind-job_referral').textContent).toBe('Giới thiệu việc làm5');
    expect(screen.getByTestId('report-reintegration-reintegration-dueNotCounselled').textContent).toBe('Trong đó chưa được tư vấn1 / 147,1 %');
    expect(screen.getAllByRole('img')).toHaveLength(6);
    // No key without a label: i18next would show the key itself.
    expect(document.body.textContent).not.toMatch(/reports\.|conduct\.|recognition\.|reintegration\.|enums\./);
    expect(bridge.callsTo('reports.monthly')).toEqual([{ month: MONTH }]);
  });

  it('speaks English: the literacy, labor and counselling sections in English notation', async () => {
    await i18next.changeLanguage('en');
    const { user } = renderApp(signedInBridge(ADMIN).ok('reports.monthly', report()));
    await user.click(await screen.findByRole('button', { name: 'Reports' }));
    expect(within(await screen.findByTestId('report-section-labor')).getByText('Labor therapy')).toBeTruthy();
    expect(screen.getByTestId('report-literacy-literacy-classesOpen').textContent).toBe('Classes open at month end3');
    expect(screen.getByTestId('report-labor-laborHours-w-1').textContent).toBe('Xưởng may1,063');
    expect(screen.getByTestId('report-labor-laborTotals-hours').textContent).toBe('Hours worked5');
    expect(screen.getByTestId('report-reintegration-counsellingByKind-family').textContent).toBe('Family6');
    expect(screen.getByTestId('report-reintegration-reintegration-dueAtEnd').textContent).toBe('Due for counselling (near release) at month end14');
    expect(document.body.textContent).not.toMatch(/reports\.|conduct\.|recognition\.|reintegration\.|enums\./);
  });

  it('reads another month typed mm/yyyy, and says why a month is refused', async () => {
    const bridge = signedInBridge(ADMIN).on('reports.monthly', (input) =>
      input.month === '2031-01'
        ? { ok: false, error: { code: 'VALIDATION', message: 'month: monthInFuture', issues: [{ path: 'month', code: 'monthInFuture' }] } }
        : { ok: true, value: report(input.month) },
    );
    const { user } = renderApp(bridge, { name: 'reports' });
    const field = await screen.findByTestId('report-month');
    await user.clear(field);
    await user.type(field, '9/2025{Enter}');
    await waitFor(() => expect(screen.getByTestId('report-period').textContent).toBe('Từ 01/09/2025 đến 28/09/2025'));
    await user.clear(screen.getByTestId('report-month'));
    await user.type(screen.getByTestId('report-month'), '01/2031{Enter}');
    expect((await screen.findByTestId('report-error')).textContent).toContain('Tháng này chưa bắt đầu');
    expect(screen.queryByTestId('report-period')).toBeNull();
    expect(bridge.callsTo('reports.monthly').map((c) => c.month)).toEqual([MONTH, '2025-09', '2031-01']);
  });

  it('prints: the A4 page alone, then the PDF through the bridge with the month and a file name; Back returns', async () => {
    const bridge = signedInBridge(ADMIN).ok('reports.monthly', report());
    const printToPdf = vi.fn(async () => ({ ok: true as const, value: { path: '/home/gd/bao-cao.pdf' } }));
    Object.assign(bridge, { printToPdf });
    const { user } = renderApp(bridge, { name: 'reports' });
    await user.click(await screen.findByTestId('report-print'));
    expect((await screen.findByTestId('print-title')).textContent).toBe(`BÁO CÁO THÁNG ${MONTH.slice(5)}/${MONTH.slice(0, 4)}`);
    expect(screen.getByTestId('print-anchor').textContent).toBe(`Neo sổ ghi: #1234 ${'ab'.repeat(32)}`);
    // The @page rules carry the facility's name and the print date into every page's margins.
    const css = document.querySelector('[data-testid="print-page"] style')!.textContent!;
    expect(css).toContain('size: A4');
    expect(css).toContain('@top-left { content: "Cơ sở cai nghiện ma túy tỉnh Điện Biên"');
    expect(css).toContain('counter(pages)');
    expect(screen.queryByRole('button', { name: 'Học viên' })).toBeNull();
    await user.click(screen.getByTestId('print-pdf'));
    expect(printToPdf).toHaveBeenCalledWith({ target: { document: 'monthly_report', month: MONTH }, fileName: `bao-cao-thang-${MONTH}.pdf` });
    expect(await screen.findByText('Đã lưu /home/gd/bao-cao.pdf')).toBeTruthy();
    await user.click(screen.getByTestId('print-back'));
    expect(await screen.findByTestId('report-section-census')).toBeTruthy();
  });

  it('exports every table of the report as one CSV (counts only: no access-log record)', async () => {
    const bridge = signedInBridge(ADMIN).ok('reports.monthly', report());
    const { user } = renderApp(bridge, { name: 'reports' });
    await screen.findByTestId('report-section-census');
    const saved = captureDownloads();
    await user.click(screen.getByTestId('report-csv'));
    await waitFor(() => expect(saved.blobs).toHaveLength(1));
    const { name, lines } = await savedCsv(saved);
    expect(name).toMatch(new RegExp(`^bao-cao-thang-${MONTH}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(lines.slice(0, 2)).toEqual(['Phần,Mục,Chỉ tiêu,Số liệu,Trên tổng số', 'Quân số và biến động,Quân số,Đầu tháng,3,']);
    expect(bridge.callsTo('access.recordExport')).toEqual([]);
  });

  it('is not offered to other roles', async () => {
    const bridge = signedInBridge(TEACHER).ok('trainees.list', { items: [], counts: { shown: 0, inCare: 0, released: 0, compulsory: 0, voluntary: 0 }, truncated: false });
    renderApp(bridge);
    await screen.findByRole('button', { name: 'Học viên' });
    expect(screen.queryByRole('button', { name: 'Báo cáo' })).toBeNull();
  });
});

describe("a trainee's printable summary", () => {
  it('holds exactly what the core returned to this person (oldest first), and prints through the bridge', async () => {
    const DUTY = { id: '00000000-0000-4000-8000-000000000004', username: 'truc', fullName: 'Đỗ Văn Trực', roles: ['duty' as const] };
    const bridge = signedInBridge(DUTY)
      .ok('trainees.get', hoa)
      .ok('trainees.timeline', [...hoaTimeline].reverse());
    const printToPdf = vi.fn(async () => ({ ok: true as const, value: null }));
    Object.assign(bridge, { printToPdf });
    const { user } = renderApp(bridge, { name: 'print', target: { document: 'trainee_summary', traineeId: HOA_ID }, back: { name: 'roster' } });
    expect((await screen.findByTestId('print-title')).textContent).toBe('TÓM TẮT HỒ SƠ HỌC VIÊN');
    const history = await screen.findByTestId('print-history');
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([`01/06/2024Tiếp nhận học viên${ADMIN.fullName}`, `03/06/2024Đính chính thông tin${ADMIN.fullName}`]);
    expect(within(screen.getByTestId('print-details')).getByText(hoa.fullName)).toBeTruthy();
    // The release summary is for released trainees: this one is in care.
    expect(screen.queryByTestId('print-release')).toBeNull();
    await user.click(screen.getByTestId('print-pdf'));
    expect(printToPdf).toHaveBeenCalledWith({ target: { document: 'trainee_summary', traineeId: HOA_ID }, fileName: 'ho-so-nguyen-thi-hoa.pdf' });
    expect(bridge.calls.map((c) => c.name)).not.toContain('reports.recordPrint');
  });
});
