import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../shared/accounts';
import { todayIso } from '../../shared/dates';
import type { AttendanceSheet, ClassSummary } from '../../shared/training/classes';
import type { LaborSheet, WorkshopSummary } from '../../shared/training/labor';
import { signedInBridge, TEACHER } from './fakeBridge';
import { renderApp } from './render';
import { BINH_ID, HOA_ID } from './data';

const INSTRUCTOR: SessionUser = { id: '00000000-0000-4000-8000-000000000006', username: 'huongdan', fullName: 'Đinh Văn Hướng', roles: ['instructor'] };
const CLASS_ID = '44444444-4444-4444-8444-444444444444';
const W = '55555555-5555-4555-8555-555555555555';
const TODAY = todayIso();
const shown = TODAY.split('-').reverse().join('/');

const summary: ClassSummary = {
  classId: CLASS_ID,
  name: 'Lớp xóa mù chữ A1',
  teacherId: TEACHER.id,
  teacherName: TEACHER.fullName,
  phase: 'phase1',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  startTime: '08:00',
  endTime: '10:00',
  room: '',
  openedDate: '2026-01-05',
  closedDate: null,
  enrolled: 2,
  nextSession: TODAY,
  scheduledToday: true,
  takenToday: true,
  sessionsHeld: 4,
  attendanceRate: 0.75,
};

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

describe('the printable attendance sheet', () => {
  it('opens from the attendance tab, shows the day as recorded, and prints through the bridge', async () => {
    const sheet: AttendanceSheet = {
      summary,
      date: TODAY,
      taken: true,
      rows: [
        { traineeId: HOA_ID, fileNumber: 'HS-1', fullName: 'Trần Thị Hoà', atHospital: false, present: true, reason: null, note: '', saved: true },
        { traineeId: BINH_ID, fileNumber: 'HS-2', fullName: 'Nguyễn Văn Bình', atHospital: false, present: false, reason: 'sick', note: 'Sốt', saved: true },
      ],
    };
    const bridge = signedInBridge(TEACHER).ok('classes.list', [summary]).ok('classes.sheet', sheet);
    const printToPdf = vi.fn(async () => ({ ok: true as const, value: null }));
    Object.assign(bridge, { printToPdf });
    const { user } = renderApp(bridge, { name: 'literacy', tab: 'attendance', classId: CLASS_ID });
    await user.click(await screen.findByTestId('print-sheet'));
    expect((await screen.findByTestId('print-title')).textContent).toBe('BẢNG ĐIỂM DANH LỚP HỌC');
    expect(screen.getByText(`Lớp: Lớp xóa mù chữ A1 · Giáo viên: ${TEACHER.fullName} · Ngày: ${shown}`)).toBeTruthy();
    const rows = await screen.findAllByTestId('sheet-row');
    expect(rows.map(cells)).toEqual([
      ['1', 'HS-1', 'Trần Thị Hoà', '✓', '', ''],
      ['2', 'HS-2', 'Nguyễn Văn Bình', '', '✓', 'Ốm – Sốt'],
    ]);
    expect(screen.getByTestId('sheet-source').textContent).toBe('Theo số liệu đã ghi trong Sen.');
    await user.click(screen.getByTestId('print-pdf'));
    expect(printToPdf).toHaveBeenCalledWith({ target: { document: 'attendance_sheet', classId: CLASS_ID, date: TODAY }, fileName: `diem-danh-lop-${TODAY}.pdf` });
    await user.click(screen.getByTestId('print-back'));
    await waitFor(() => expect(screen.getByTestId('sheet-class')).toBeTruthy());
  });
});

describe('the printable labor sheet', () => {
  it('is a blank sheet to fill in by hand when nothing is recorded for the day', async () => {
    const workshop: WorkshopSummary = {
      workshopId: W,
      name: 'Xưởng dệt chiếu',
      product: 'Chiếu cói',
      unit: 'chiếc chiếu',
      usesBlades: false,
      instructorId: INSTRUCTOR.id,
      instructorName: INSTRUCTOR.fullName,
      closedOn: null,
      roster: [],
      recordedToday: 0,
      outputWeek: 0,
      outputMonth: 0,
    };
    const sheet: LaborSheet = { workshop, date: TODAY, rows: [{ traineeId: HOA_ID, fileNumber: 'HS-1', fullName: 'Trần Thị Hoà', entry: null, otherHours: 0 }] };
    const bridge = signedInBridge(INSTRUCTOR).ok('labor.sheet', sheet);
    renderApp(bridge, { name: 'print', target: { document: 'labor_sheet', workshopId: W, date: TODAY }, back: { name: 'labor', tab: 'sheet' } });
    expect((await screen.findByTestId('print-title')).textContent).toBe('BẢNG CHẤM CÔNG LAO ĐỘNG');
    const table = await screen.findByTestId('sheet-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['STT', 'Số hồ sơ', 'Họ và tên', 'Có mặt', 'Vắng', 'Số giờ', 'Sản lượng (chiếc chiếu)', 'Ghi chú']);
    expect(screen.getAllByTestId('sheet-row').map(cells)).toEqual([['1', 'HS-1', 'Trần Thị Hoà', '', '', '', '', '']]);
    expect(screen.getByTestId('sheet-source').textContent).toBe('Chưa ghi trong Sen: điền tay rồi nhập vào Sen.');
    expect(bridge.callsTo('labor.sheet')).toEqual([{ workshopId: W, date: TODAY }]);
  });
});
