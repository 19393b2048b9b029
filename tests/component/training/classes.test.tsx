import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import { todayIso } from '../../../shared/dates';
import { isoWeekday, type AttendanceSheet, type ClassDetail, type ClassSummary } from '../../../shared/training/classes';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { LiteracyPage } from '../../../renderer/features/training/LiteracyPage';
import { signedInBridge, type FakeBridge } from '../fakeBridge';
import { BINH_ID, HOA_ID, roster } from '../data';
import { captureDownloads, savedCsv } from '../downloads';

const TEACHER: SessionUser = { id: '00000000-0000-4000-8000-000000000005', username: 'giaovien', fullName: 'Phạm Thị Giáo', roles: ['teacher'] };
const PAO_ID = '33333333-3333-4333-8333-333333333333';
const CLASS_ID = '44444444-4444-4444-8444-444444444444';
const TODAY = todayIso();

const summary: ClassSummary = {
  classId: CLASS_ID,
  name: 'Lớp xóa mù chữ A1',
  teacherId: TEACHER.id,
  teacherName: TEACHER.fullName,
  phase: 'phase1',
  weekdays: [isoWeekday(TODAY)],
  startTime: '08:00',
  endTime: '10:00',
  room: 'Phòng học 1',
  openedDate: '2026-01-05',
  closedDate: null,
  enrolled: 3,
  nextSession: TODAY,
  scheduledToday: true,
  takenToday: false,
  sessionsHeld: 4,
  attendanceRate: 0.75,
};

const row = (traineeId: string, fileNumber: string, fullName: string) => ({ traineeId, fileNumber, fullName, atHospital: false, present: null, reason: null, note: '', saved: false });
const sheet: AttendanceSheet = {
  summary,
  date: TODAY,
  taken: false,
  rows: [row(HOA_ID, 'HS-1', 'Trần Thị Hoà'), row(BINH_ID, 'HS-2', 'Nguyễn Văn Bình'), { ...row(PAO_ID, 'HS-3', 'Lò Văn Páo'), atHospital: true, present: false, reason: 'at_hospital' }],
};

function renderPage(bridge: FakeBridge, tab: 'classes' | 'attendance', classId?: string) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'literacy', tab, ...(classId ? { classId } : {}) } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      <LiteracyPage tab={tab} classId={classId} user={TEACHER} />
    </Providers>,
  );
  return { user };
}

const mark = (rows: HTMLElement[]) => rows.map((r) => r.getAttribute('data-mark'));

describe('the attendance sheet', () => {
  it('marks the whole class from the keyboard (C, V, 1–5, arrows) and saves once with Ctrl+Enter', async () => {
    const bridge = signedInBridge(TEACHER).ok('classes.list', [summary]).ok('classes.sheet', sheet).ok('classes.attendance.record', { seqs: [10, 11, 12], corrected: 0 });
    const { user } = renderPage(bridge, 'attendance');
    const rows = await screen.findAllByTestId('sheet-row');
    // The trainee at hospital comes pre-marked absent, at hospital.
    expect(mark(rows)).toEqual(['none', 'none', 'absent']);
    expect(within(rows[2]!).getByText('Đang ở bệnh viện')).toBeTruthy();
    expect(screen.getByTestId('sheet-save').textContent).toBe('Còn 2 học viên chưa được đánh dấu.');

    rows[0]!.focus();
    // "c": Hoà present, focus moves to Bình; "v" marks him absent and stays; "1" gives the reason (sick) and moves on.
    await user.keyboard('cv');
    expect(mark(rows)).toEqual(['present', 'absent', 'absent']);
    expect(document.activeElement).toBe(rows[1]);
    await user.keyboard('1');
    expect(document.activeElement).toBe(rows[2]);
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowDown}');
    expect(document.activeElement).toBe(rows[1]);
    expect(screen.getByTestId('sheet-progress').textContent).toBe('1 có mặt · 2 vắng · 0 chưa đánh dấu');

    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(bridge.callsTo('classes.attendance.record')).toEqual([
        {
          classId: CLASS_ID,
          date: TODAY,
          rows: [
            { traineeId: HOA_ID, present: true, reason: null, note: '' },
            { traineeId: BINH_ID, present: false, reason: 'sick', note: '' },
            { traineeId: PAO_ID, present: false, reason: 'at_hospital', note: '' },
          ],
        },
      ]),
    );
  });

  it('does not save while someone is unmarked; a refusal names the trainee of the row', async () => {
    const bridge = signedInBridge(TEACHER)
      .ok('classes.list', [summary])
      .ok('classes.sheet', sheet)
      .fail('classes.attendance.record', { code: 'VALIDATION', message: 'rows.1.note: noteRequiredForOther', issues: [{ path: 'rows.1.note', code: 'noteRequiredForOther' }] });
    const { user } = renderPage(bridge, 'attendance');
    const rows = await screen.findAllByTestId('sheet-row');
    rows[0]!.focus();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(bridge.callsTo('classes.attendance.record')).toEqual([]);
    await user.click(screen.getByTestId('sheet-all-present'));
    expect(mark(rows)).toEqual(['present', 'present', 'absent']);
    rows[1]!.focus();
    await user.keyboard('5');
    await user.click(screen.getByTestId('sheet-save'));
    expect((await screen.findByTestId('sheet-save-issue')).textContent).toBe('Nguyễn Văn Bình: Lý do "khác" cần ghi rõ');
    expect(bridge.callsTo('classes.attendance.record')).toHaveLength(1);
    // The marks stay on screen to be fixed.
    expect(mark(rows)).toEqual(['present', 'absent', 'absent']);
  });
});

describe('the classes screen', () => {
  it('lists my classes with today\'s sheet status and opens a class with its roster and rates', async () => {
    const detail: ClassDetail = {
      summary,
      roster: [{ traineeId: HOA_ID, fileNumber: 'HS-1', fullName: 'Trần Thị Hoà', enrolledDate: '2026-01-05', withdrawnDate: null, withdrawReason: null, withdrawNote: '', released: false, atHospital: false, present: 3, absent: 1, attendanceRate: 0.75 }],
      sessions: [{ date: '2026-01-07', present: 3, absent: 1 }],
    };
    const bridge = signedInBridge(TEACHER).ok('classes.list', [summary]).ok('classes.get', detail).ok('trainees.list', roster).ok('classes.enrol', { seqs: [20] });
    renderPage(bridge, 'classes');
    const [r] = await screen.findAllByTestId('class-row');
    expect(within(r!).getByText('Chưa điểm danh')).toBeTruthy();
    expect(bridge.callsTo('classes.list')[0]).toMatchObject({ teacherId: TEACHER.id });
    expect(within(r!).getByText('75%')).toBeTruthy();
  });

  it('a class page shows rates; the trainee picker finds names without diacritics and enrols in one call', async () => {
    const detail: ClassDetail = {
      summary,
      roster: [{ traineeId: HOA_ID, fileNumber: 'HS-1', fullName: 'Trần Thị Hoà', enrolledDate: '2026-01-05', withdrawnDate: null, withdrawReason: null, withdrawNote: '', released: false, atHospital: false, present: 3, absent: 1, attendanceRate: 0.75 }],
      sessions: [{ date: '2026-01-07', present: 3, absent: 1 }],
    };
    const bridge = signedInBridge(TEACHER).ok('classes.get', detail).ok('trainees.list', roster).ok('classes.enrol', { seqs: [20] });
    const { user } = renderPage(bridge, 'classes', CLASS_ID);
    expect((await screen.findByTestId('class-rate')).textContent).toBe('75%');
    expect(screen.getByTestId('roster-rate').textContent).toBe('75%');
    await user.type(screen.getByTestId('enrol-trainees'), 'lo van binh');
    await user.click(await screen.findByRole('option', { name: /Lò Văn Bình/ }));
    await user.click(screen.getByTestId('enrol-save'));
    await waitFor(() => expect(bridge.callsTo('classes.enrol')).toEqual([{ classId: CLASS_ID, traineeIds: [BINH_ID], date: TODAY }]));
  });

  it("exports the class's roster with attendance rates as CSV", async () => {
    const detail: ClassDetail = {
      summary,
      roster: [{ traineeId: HOA_ID, fileNumber: 'HS-1', fullName: 'Trần Thị Hoà', enrolledDate: '2026-01-05', withdrawnDate: '2026-02-01', withdrawReason: 'transferred', withdrawNote: '', released: false, atHospital: false, present: 3, absent: 1, attendanceRate: 0.75 }],
      sessions: [],
    };
    const bridge = signedInBridge(TEACHER).ok('classes.get', detail).ok('trainees.list', roster).ok('access.recordExport', { seq: 30 });
    const { user } = renderPage(bridge, 'classes', CLASS_ID);
    await screen.findByTestId('class-roster');
    const saved = captureDownloads();
    await user.click(screen.getByTestId('csv-export'));
    await waitFor(() => expect(saved.blobs).toHaveLength(1));
    const { name, lines } = await savedCsv(saved);
    expect(name).toMatch(/^danh-sach-lop-ty-le-chuyen-can-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines.slice(0, 2)).toEqual(['Số hồ sơ,Họ và tên,Vào lớp,Ngày rời lớp,Lý do,Có mặt,Vắng,Tỷ lệ chuyên cần', 'HS-1,Trần Thị Hoà,05/01/2026,01/02/2026,Chuyển lớp,3,1,75%']);
  });

  it('withdraws a trainee with a reason from the roster, in one call', async () => {
    const detail: ClassDetail = {
      summary,
      roster: [{ traineeId: HOA_ID, fileNumber: 'HS-1', fullName: 'Trần Thị Hoà', enrolledDate: '2026-01-05', withdrawnDate: null, withdrawReason: null, withdrawNote: '', released: false, atHospital: false, present: 3, absent: 1, attendanceRate: 0.75 }],
      sessions: [],
    };
    const bridge = signedInBridge(TEACHER).ok('classes.get', detail).ok('trainees.list', roster).ok('classes.withdraw', { seq: 30 });
    const { user } = renderPage(bridge, 'classes', CLASS_ID);
    await user.click(await screen.findByTestId('roster-withdraw'));
    const form = await screen.findByTestId('withdraw-form');
    await user.selectOptions(within(form).getByLabelText(/^Lý do/), 'Ra cơ sở');
    await user.click(within(form).getByRole('button', { name: 'Cho rời lớp' }));
    await waitFor(() => expect(bridge.callsTo('classes.withdraw')).toEqual([{ classId: CLASS_ID, traineeId: HOA_ID, reason: 'released', date: TODAY, note: '' }]));
  });
});
