import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../../shared/dates';
import { SKILLS, type ProgressMatrix as Matrix, type ProgressRow, type Skill, type SkillLevel } from '../../../shared/training/literacy';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { ObservationSheet } from '../../../renderer/features/training/literacy/ObservationSheet';
import { ProgressMatrix } from '../../../renderer/features/training/literacy/ProgressMatrix';
import { ProgressScreen } from '../../../renderer/features/training/literacy/ProgressScreen';
import type { ClassSummary } from '../../../shared/training/classes';
import { LiteracyTimelineBody } from '../../../renderer/features/training/literacy/LiteracyTimelineBody';
import { i18next } from '../../../renderer/i18n';
import { signedInBridge, TEACHER, type FakeBridge } from '../fakeBridge';
import { BINH_ID, HOA_ID } from '../data';
import { captureDownloads, savedCsv } from '../downloads';

const PAO_ID = '33333333-3333-4333-8333-333333333333';
const CLASS = '44444444-4444-4444-8444-444444444444';
const TODAY = todayIso();

function skills(level: SkillLevel | null, baseline: SkillLevel | null = level): Record<Skill, ProgressRow['skills'][Skill]> {
  return Object.fromEntries(SKILLS.map((s) => [s, { level, date: level ? '2026-10-05' : null, baseline }])) as Record<Skill, ProgressRow['skills'][Skill]>;
}

const row = (traineeId: string, fullName: string, fileNumber: string, extra: Partial<ProgressRow> = {}): ProgressRow => ({
  traineeId,
  fullName,
  fileNumber,
  enrolledOn: '2026-01-05',
  leftOn: null,
  released: false,
  skills: skills('pre_literate'),
  status: 'none',
  completed: { level1: null, level2: null },
  ...extra,
});

const matrix: Matrix = {
  classId: CLASS,
  className: 'Lớp A1',
  day: TODAY,
  rows: [
    row(HOA_ID, 'Trần Thị Hoà', 'HS-1', { skills: skills('phase1', 'pre_literate'), status: 'level1', completed: { level1: '2026-11-02', level2: null } }),
    row(BINH_ID, 'Nguyễn Văn Bình', 'HS-2', { skills: { ...skills('pre_literate'), numbers: { level: 'phase2', date: '2026-11-01', baseline: 'pre_literate' } } }),
    row(PAO_ID, 'Lò Văn Páo', 'HS-3', { skills: skills(null, null) }),
  ],
};

function mount(bridge: FakeBridge, ui: ReactNode) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'literacy', tab: 'progress' } } });
  connectBridge(store, bridge);
  const user = userEvent.setup();
  render(
    <Providers store={store} env="test">
      {ui}
    </Providers>,
  );
  return { user, store };
}

describe('the observation sheet', () => {
  it('picks levels from the keyboard for the chosen skills and saves the sheet once with Ctrl+Enter', async () => {
    const bridge = signedInBridge(TEACHER).ok('literacy.observe', { batchId: CLASS, seqs: [10, 11] });
    const { user } = mount(bridge, <ObservationSheet classId={CLASS} rows={matrix.rows} />);
    // Only two skills on the sheet: reading aloud and numbers.
    for (const s of SKILLS.filter((x) => x !== 'reading_aloud' && x !== 'numbers')) await user.click(screen.getByLabelText(i18next.t(`literacy.skills.${s}`)));
    const cells = await screen.findAllByTestId('obs-cell');
    expect(cells).toHaveLength(6);
    // The current level shows as a hint until a level is picked.
    expect(cells[0]!.textContent).toBe('GĐ 1');
    cells[0]!.focus();
    // Hoà: reading aloud phase 2; the focus moves down to Bình, who gets phase 1.
    await user.keyboard('21');
    expect(document.activeElement).toBe(cells[4]);
    // Up to Bình's row, right to numbers: pre-literate (the focus moves down to Páo's numbers).
    await user.keyboard('{ArrowUp}{ArrowRight}0');
    expect(cells.map((c) => c.getAttribute('data-picked'))).toEqual(['phase2', '', 'phase1', 'pre_literate', '', '']);
    // Back to Hoà's reading aloud: Delete clears it, 2 picks it again.
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowLeft}{Delete}');
    expect(cells[0]!.getAttribute('data-picked')).toBe('');
    await user.keyboard('2');
    expect(screen.getByTestId('obs-progress').textContent).toBe('Đã chọn 3 ô cho 2 học viên');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(bridge.callsTo('literacy.observe')).toEqual([
        {
          classId: CLASS,
          date: TODAY,
          rows: [
            { traineeId: HOA_ID, skills: [{ skill: 'reading_aloud', level: 'phase2' }] },
            { traineeId: BINH_ID, skills: [{ skill: 'reading_aloud', level: 'phase1' }, { skill: 'numbers', level: 'pre_literate' }] },
          ],
        },
      ]),
    );
  });

  it("names the trainee of the row the core refuses, in the user's language", async () => {
    const bridge = signedInBridge(TEACHER).fail('literacy.observe', {
      code: 'VALIDATION',
      message: 'rows.1.traineeId: beforeEnrolment',
      issues: [{ path: 'rows.1.traineeId', code: 'beforeEnrolment' }],
    });
    const { user } = mount(bridge, <ObservationSheet classId={CLASS} rows={matrix.rows} />);
    const cells = await screen.findAllByTestId('obs-cell');
    cells[0]!.focus();
    await user.keyboard('1');
    await user.click(cells[SKILLS.length * 2]!);
    await user.click(screen.getByTestId('obs-save'));
    expect((await screen.findByTestId('obs-save-issue')).textContent).toBe('Lò Văn Páo: Ngày không được trước ngày vào lớp');
  });

  it('lists only the trainees enrolled on the chosen day', async () => {
    const rows = [matrix.rows[0]!, { ...matrix.rows[1]!, enrolledOn: TODAY }, { ...matrix.rows[2]!, released: true }];
    mount(signedInBridge(TEACHER), <ObservationSheet classId={CLASS} rows={rows} />);
    expect((await screen.findAllByTestId('obs-row')).map((r) => r.textContent)).toEqual([expect.stringContaining('Trần Thị Hoà'), expect.stringContaining('Nguyễn Văn Bình')]);
  });
});

describe('the progress matrix', () => {
  it('shows levels, the change since enrolment, the derived status and completions', async () => {
    mount(signedInBridge(TEACHER), <ProgressMatrix matrix={matrix} canComplete />);
    const rows = await screen.findAllByTestId('matrix-row');
    expect(rows.map((r) => within(r).getByTestId('matrix-status').textContent)).toEqual(['Mức độ 1', 'Chưa đạt', 'Chưa đạt']);
    expect(within(rows[0]!).getAllByTestId('matrix-change').map((c) => c.textContent)).toEqual(Array(8).fill('↑1'));
    expect(within(rows[1]!).getAllByTestId('matrix-change').map((c) => c.textContent)).toEqual(['↑2']);
    expect(within(rows[2]!).queryAllByTestId('matrix-cell')).toHaveLength(0);
    expect(within(rows[0]!).getByTestId('matrix-certificate').textContent).toBe('Mức độ 1 (02/11/2026)');
  });

  it('exports the matrix as CSV: each skill\'s level, the status and completion dates', async () => {
    const bridge = signedInBridge(TEACHER).ok('access.recordExport', { seq: 31 });
    const { user } = mount(bridge, <ProgressMatrix matrix={matrix} canComplete />);
    await screen.findAllByTestId('matrix-row');
    const saved = captureDownloads();
    await user.click(screen.getByTestId('csv-export'));
    await waitFor(() => expect(saved.blobs).toHaveLength(1));
    const { name, lines } = await savedCsv(saved);
    expect(name).toMatch(/^tien-do-xoa-mu-chu-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines[0]).toBe('Số hồ sơ,Họ tên,"Nhận biết chữ cái, âm, vần",Đọc thành tiếng,Đọc hiểu,"Nghe viết, chính tả","Viết câu, đoạn văn",Nhận biết số,Bốn phép tính,"Tiền, đo lường",Xếp mức,Hoàn thành: Mức độ 1,Hoàn thành: Mức độ 2');
    expect(lines[1]).toBe(['HS-1', 'Trần Thị Hoà', ...Array<string>(SKILLS.length).fill('Giai đoạn 1'), 'Mức độ 1', '02/11/2026', ''].join(','));
    expect(lines).toHaveLength(5);
  });

  it('records a completion the status does not support only with a reason', async () => {
    const bridge = signedInBridge(TEACHER).ok('literacy.complete', { seq: 12 }).ok('literacy.progress', matrix);
    const { user } = mount(bridge, <ProgressMatrix matrix={matrix} canComplete />);
    const rows = await screen.findAllByTestId('matrix-row');
    await user.click(within(rows[1]!).getByTestId('matrix-complete'));
    expect((await screen.findByTestId('complete-derived')).textContent).toContain('chưa đạt mức này');
    const save = screen.getByTestId('complete-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await user.type(screen.getByTestId('complete-reason'), 'Kiểm tra cuối khóa đạt');
    await user.click(save);
    await waitFor(() => expect(bridge.callsTo('literacy.complete')).toEqual([{ traineeId: BINH_ID, classId: CLASS, level: 'level1', date: TODAY, overrideReason: 'Kiểm tra cuối khóa đạt' }]));
  });

  it('offers Level 2 to a trainee who completed Level 1, and shows the core refusal on its field', async () => {
    const bridge = signedInBridge(TEACHER).fail('literacy.complete', { code: 'VALIDATION', message: 'level: alreadyCompleted', issues: [{ path: 'level', code: 'alreadyCompleted' }] });
    const { user } = mount(bridge, <ProgressMatrix matrix={matrix} canComplete />);
    const rows = await screen.findAllByTestId('matrix-row');
    await user.click(within(rows[0]!).getByTestId('matrix-complete'));
    const level = (await screen.findByTestId('complete-level')) as HTMLSelectElement;
    expect([...level.options].map((o) => o.value)).toEqual(['level2']);
    await user.type(screen.getByTestId('complete-reason'), 'x');
    await user.click(screen.getByTestId('complete-save'));
    expect(await screen.findByText('Học viên đã được ghi nhận hoàn thành mức độ này')).toBeTruthy();
  });

  it('speaks English', async () => {
    await i18next.changeLanguage('en');
    try {
      mount(signedInBridge(TEACHER), <ProgressMatrix matrix={matrix} canComplete={false} />);
      const rows = await screen.findAllByTestId('matrix-row');
      expect(within(rows[0]!).getByTestId('matrix-status').textContent).toBe('Level 1');
      expect(screen.queryAllByTestId('matrix-complete')).toHaveLength(0);
      expect(screen.getByText('Letters')).toBeTruthy();
    } finally {
      await i18next.changeLanguage('vi');
    }
  });
});

describe('the progress tab', () => {
  const summary = (classId: string, name: string, closedDate: string | null): ClassSummary => ({
    classId,
    name,
    teacherId: TEACHER.id,
    teacherName: TEACHER.fullName,
    phase: 'phase1',
    weekdays: [1, 3, 5],
    startTime: '08:00',
    endTime: '10:00',
    room: '',
    openedDate: '2026-01-05',
    closedDate,
    enrolled: 3,
    nextSession: null,
    scheduledToday: false,
    takenToday: false,
    sessionsHeld: 0,
    attendanceRate: null,
  });
  const OTHER = '55555555-5555-4555-8555-555555555555';

  it("opens on the teacher's open class, switches to the observation sheet and to another class", async () => {
    const bridge = signedInBridge(TEACHER)
      .ok('classes.list', [summary(OTHER, 'Khóa 1 (đã đóng)', '2026-06-01'), summary(CLASS, 'Khóa 2', null)])
      .on('literacy.progress', (input) => ({ ok: true, value: input.classId === CLASS ? matrix : { ...matrix, classId: OTHER, rows: [matrix.rows[0]!] } }));
    const { user } = mount(bridge, <ProgressScreen user={TEACHER} />);
    expect(await screen.findAllByTestId('matrix-row')).toHaveLength(3);
    expect(bridge.callsTo('classes.list')).toEqual([{ teacherId: TEACHER.id, includeClosed: true }]);
    expect(bridge.callsTo('literacy.progress')).toEqual([{ classId: CLASS }]);
    await user.click(screen.getByText('Ghi nhận kỹ năng'));
    expect(await screen.findAllByTestId('obs-row')).toHaveLength(3);
    await user.click(screen.getByText('Bảng tiến bộ'));
    await user.selectOptions(screen.getByTestId('progress-class'), OTHER);
    await waitFor(() => expect(screen.getAllByTestId('matrix-row')).toHaveLength(1));
  });
});

describe('the timeline', () => {
  it('names the skills observed and a completion recorded with a reason', async () => {
    const entry = (type: 'SkillsObserved' | 'LiteracyCompleted', data: Record<string, unknown>) => ({
      seq: 1,
      type,
      occurredAt: '2026-11-02',
      recordedAt: '2026-11-02T03:00:00.000Z',
      actor: null,
      meta: { actor: null },
      data,
      voided: null,
    });
    mount(
      signedInBridge(TEACHER),
      <>
        <LiteracyTimelineBody entry={entry('SkillsObserved', { date: '2026-11-02', skills: [{ skill: 'numbers', level: 'phase1' }, { skill: 'dictation', level: 'phase2' }] })} />
        <LiteracyTimelineBody entry={entry('LiteracyCompleted', { date: '2026-11-02', level: 'level1', status: 'none', overrideReason: 'Kiểm tra đạt' })} />
      </>,
    );
    expect((await screen.findByTestId('timeline-observed')).textContent).toBe('Ngày 02/11/2026:Nhận biết số: Giai đoạn 1; Nghe viết, chính tả: Giai đoạn 2');
    expect(screen.getByTestId('timeline-completed').textContent).toBe('Hoàn thành Mức độ 1 ngày 02/11/2026');
    expect(screen.getByText('Ghi nhận khi kết quả chưa đạt (Chưa đạt), lý do: Kiểm tra đạt')).toBeTruthy();
  });
});
