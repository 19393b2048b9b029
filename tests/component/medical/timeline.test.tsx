import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/accounts';
import type { TimelineEntry } from '../../../shared/api';
import { streams, type StoredEvent } from '../../../shared/events';
import { isAllowed } from '../../../shared/roles';
import { MEDICAL_EVENTS } from '../../../shared/medical/index';
import type { FormularyItem } from '../../../shared/medical/prescriptions';
import { redactMedicalEvents } from '../../../electron/core/medical/redaction';
import { Providers } from '../../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../../renderer/app/store';
import { TraineeTimeline } from '../../../renderer/features/trainees/TraineeTimeline';
import { i18next } from '../../../renderer/i18n';
import { ADMIN, signedInBridge, TEACHER, type FakeBridge } from '../fakeBridge';
import { HOA_ID } from '../data';

const MEDICAL: SessionUser = { id: '00000000-0000-4000-8000-000000000003', username: 'yte', fullName: 'Phạm Thị Y', roles: ['medical'] };
const OTHER_MEDICAL: SessionUser = { id: '00000000-0000-4000-8000-000000000005', username: 'yte2', fullName: 'Lò Văn Thuốc', roles: ['medical'] };
const DUTY: SessionUser = { id: '00000000-0000-4000-8000-000000000004', username: 'truc', fullName: 'Đỗ Văn Trực', roles: ['duty'] };
const ADMIN_MEDICAL: SessionUser = { ...ADMIN, roles: ['admin', 'medical'] };
const NAMES = new Map([MEDICAL, OTHER_MEDICAL, DUTY, ADMIN].map((u) => [u.id, u.fullName]));

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [P1, P2, P3, P4, DIAZEPAM, TLD, AZT, LAB, FLAG, R1, R2, REF, SESSION] = Array.from({ length: 13 }, (_, i) => id(0xa00 + i));

const formulary: FormularyItem[] = [
  { id: DIAZEPAM!, name: 'Diazepam', form: 'tablet', strength: '5 mg', arv: false, active: true },
  { id: TLD!, name: 'TDF/3TC/DTG', form: 'tablet', strength: '300/300/50 mg', arv: true, active: true },
  { id: AZT!, name: 'AZT/3TC/DTG', form: 'tablet', strength: '300/150/50 mg', arv: true, active: true },
];

/** What a medical officer may write down that nobody else may read: none of it may reach a duty officer's screen. */
const MARKERS = ['CHỈ-ĐỊNH-MẬT', 'LÝ-DO-ĐIỀU-CHỈNH', 'LÝ-DO-NGỪNG', 'GHI-CHÚ-Ở-RIÊNG', 'HẾT-LÂY', 'LÝ-DO-HẠN-CHẾ', 'LÝ-DO-R2', 'BỆNH-VIỆN-X', 'LÝ-DO-CHUYỂN', 'GHI-CHÚ-TRỞ-VỀ', 'LÝ-DO-HỦY'];

type Spec = [seq: number, type: StoredEvent['type'], data: Record<string, unknown>, actor?: SessionUser, reason?: string];

// One of every medical event a trainee's timeline can hold, with the trainee's admission first.
const SPECS: Spec[] = [
  [1, 'TraineeAdmitted', { traineeId: HOA_ID, fileNumber: 'HS-2024-001', admissionType: 'compulsory', admissionDate: '2026-03-01' }, ADMIN],
  [
    2,
    'ScreeningRecorded',
    {
      traineeId: HOA_ID,
      sessionId: SESSION,
      date: '2026-03-02',
      results: {
        hiv: 'positive',
        hbv: 'negative',
        tb: { cough2Weeks: false, fever: false, weightLoss: false, nightSweats: false, tbContact: false },
        urine: { MET: 'positive', MOP: 'negative' },
        vitals: { pulse: 88, systolic: 120, diastolic: 80, temperature: 37.5, respiratoryRate: null, weightKg: 52.5 },
      },
      note: 'Đã tư vấn trước xét nghiệm',
    },
  ],
  [3, 'PrescriptionWritten', { traineeId: HOA_ID, prescriptionId: P1, itemId: DIAZEPAM, dose: '1 viên', slots: ['morning', 'evening'], startDate: '2026-03-03', endDate: '2026-03-10', indication: 'CHỈ-ĐỊNH-MẬT' }],
  [4, 'DoseRecorded', { traineeId: HOA_ID, prescriptionId: P1, date: '2026-03-03', slot: 'morning', status: 'refused', note: 'Buồn nôn' }],
  [
    5,
    'PrescriptionRevised',
    { traineeId: HOA_ID, prescriptionId: P2, itemId: DIAZEPAM, dose: '2 viên', slots: ['night'], startDate: '2026-03-05', endDate: null, indication: '', previousId: P1, reason: 'LÝ-DO-ĐIỀU-CHỈNH' },
  ],
  [6, 'PrescriptionDiscontinued', { traineeId: HOA_ID, prescriptionId: P2, date: '2026-03-08', reason: 'LÝ-DO-NGỪNG' }],
  [7, 'ArtStarted', { traineeId: HOA_ID, date: '2026-03-04', itemId: TLD, prescriptionId: P3 }],
  [
    8,
    'ArtRegimenChanged',
    { traineeId: HOA_ID, date: '2026-04-01', stoppedItemId: TLD, startedItemId: AZT, stoppedPrescriptionId: P3, newPrescriptionId: P4, reasonCode: 'toxicity', reasonText: 'Thiếu máu' },
  ],
  [9, 'PillCountRecorded', { traineeId: HOA_ID, date: '2026-04-15', expected: 30, counted: 27, note: '' }],
  [10, 'AdherenceCounsellingRecorded', { traineeId: HOA_ID, date: '2026-04-16', session: 2, notes: 'Nhắc uống thuốc đúng giờ' }],
  [11, 'LabRequested', { traineeId: HOA_ID, labId: LAB, test: 'viral_load', requestedDate: '2026-04-20' }],
  [12, 'LabResultReceived', { traineeId: HOA_ID, labId: LAB, receivedDate: '2026-04-27', value: 50, undetectable: true }],
  [13, 'HousingFlagSet', { traineeId: HOA_ID, flagId: FLAG, reason: 'infectious_isolation', note: 'GHI-CHÚ-Ở-RIÊNG', since: '2026-03-02', reviewDate: '2026-03-16' }, OTHER_MEDICAL],
  [14, 'HousingFlagCleared', { traineeId: HOA_ID, flagId: FLAG, date: '2026-03-20', note: 'HẾT-LÂY' }],
  [15, 'WorkRestrictionSet', { traineeId: HOA_ID, restrictionId: R1, restriction: 'no_sharp_tools', reason: 'LÝ-DO-HẠN-CHẾ', since: '2026-03-02', until: null }],
  [16, 'WorkRestrictionCleared', { traineeId: HOA_ID, restrictionId: R1, date: '2026-04-01' }],
  [17, 'WorkRestrictionSet', { traineeId: HOA_ID, restrictionId: R2, restriction: 'no_heavy_labor', reason: 'LÝ-DO-R2', since: '2026-04-02', until: '2026-04-30' }],
  [18, 'TraineeReferred', { traineeId: HOA_ID, referralId: REF, date: '2026-05-02', hospital: 'BỆNH-VIỆN-X', reason: 'LÝ-DO-CHUYỂN' }],
  [19, 'TraineeReturnedFromReferral', { traineeId: HOA_ID, referralId: REF, date: '2026-05-09', note: 'GHI-CHÚ-TRỞ-VỀ' }],
  [20, 'EventVoided', { seq: 17, voidedType: 'WorkRestrictionSet', reason: 'LÝ-DO-HỦY' }, MEDICAL, 'LÝ-DO-HỦY'],
];

function stored([seq, type, data, actor = MEDICAL, reason]: Spec): StoredEvent {
  const at = `2026-05-10T0${seq % 10}:00:00.000Z`;
  return {
    seq,
    stream: type === 'TraineeAdmitted' ? streams.trainee(HOA_ID) : streams.medical(HOA_ID),
    version: seq,
    type,
    schema: 1,
    data,
    meta: { actor: actor.id, ...(reason ? { reason } : {}) },
    occurredAt: at,
    recordedAt: at,
    prevHash: '',
    hash: '',
  } as unknown as StoredEvent;
}

/** The timeline as `trainees.timeline` answers it for a viewer (core/admissions/queries.ts): whole, or reduced by the core's own redaction. */
function timelineFor(viewer: SessionUser, specs: Spec[] = SPECS): TimelineEntry[] {
  const all = specs.map(stored);
  const may = (p: Parameters<typeof isAllowed>[0]) => isAllowed(p, viewer.roles);
  const events = may('medical.read') ? all : [...all.filter((e) => e.type === 'TraineeAdmitted'), ...redactMedicalEvents(all.filter((e) => e.type !== 'TraineeAdmitted'), may)];
  const actor = (a: string | null) => (a ? { id: a, fullName: NAMES.get(a) ?? a } : null);
  const voids = new Map(events.flatMap((e) => (e.type === 'EventVoided' ? [[e.data.seq, { bySeq: e.seq, reason: e.data.reason, actor: actor(e.meta.actor), recordedAt: e.recordedAt }] as const] : [])));
  return [...events]
    .sort((a, b) => b.seq - a.seq)
    .map((e) => ({ seq: e.seq, type: e.type, occurredAt: e.occurredAt, recordedAt: e.recordedAt, actor: actor(e.meta.actor), meta: e.meta, data: e.data as Record<string, unknown>, voided: voids.get(e.seq) ?? null }));
}

function renderTimeline(bridge: FakeBridge, user: SessionUser) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route: { name: 'trainee', traineeId: HOA_ID } } });
  connectBridge(store, bridge);
  const view = render(
    <Providers store={store} env="test">
      <TraineeTimeline traineeId={HOA_ID} user={user} />
    </Providers>,
  );
  return { ...view, user: userEvent.setup() };
}

async function entries(): Promise<HTMLElement[]> {
  return screen.findAllByTestId('timeline-entry');
}

/** The body lines (paragraphs) of the n-th newest entry of a type. */
function lines(all: HTMLElement[], type: string, n = 0): string[] {
  const entry = all.filter((e) => e.getAttribute('data-event-type') === type)[n];
  if (!entry) throw new Error(`no ${type} entry`);
  const body = entry.querySelector('[data-testid^="timeline-"]:not([data-testid="timeline-entry"])');
  if (!body) throw new Error(`no body for ${type}`);
  return Array.from(body.querySelectorAll('p')).map((p) => p.textContent ?? '');
}

function entryOf(all: HTMLElement[], type: string, n = 0): HTMLElement {
  const entry = all.filter((e) => e.getAttribute('data-event-type') === type)[n];
  if (!entry) throw new Error(`no ${type} entry`);
  return entry;
}

/** No "undefined", "NaN" or "null", no label left without its value ("Lý do:" then nothing), no "từ ngày" without the date. */
function expectClean(container: HTMLElement) {
  const text = container.textContent ?? '';
  expect(text).not.toMatch(/undefined|NaN|null|\[object/);
  const dangling = Array.from(container.querySelectorAll('[data-testid="timeline"] p'))
    .filter((p) => /(^|:|ngày|,|·)$/.test((p.textContent ?? '').trim()))
    .map((p) => `${p.closest('[data-testid="timeline-entry"]')?.getAttribute('data-event-type')}: "${p.textContent}"`);
  expect(dangling).toEqual([]);
}

describe('medical entries in the timeline, as a medical officer sees them', () => {
  it('say what was done at a glance, in Vietnamese', async () => {
    const bridge = signedInBridge(MEDICAL).ok('trainees.timeline', timelineFor(MEDICAL)).ok('medical.formulary.list', formulary);
    const { container } = renderTimeline(bridge, MEDICAL);
    const all = await entries();
    expect(all).toHaveLength(SPECS.length);
    // The drug names come from the formulary, asked for once for the whole timeline.
    await waitFor(() => expect(lines(all, 'PrescriptionWritten')[0]).toBe('Diazepam 5 mg · 1 viên · Sáng, Chiều · từ 03/03/2026 đến 10/03/2026'));
    expect(bridge.callsTo('medical.formulary.list')).toHaveLength(1);

    expect(lines(all, 'ScreeningRecorded')).toEqual([
      'Ngày sàng lọc: 02/03/2026',
      'HIV: Dương tính',
      'Viêm gan B (HBsAg): Âm tính',
      'Sàng lọc triệu chứng lao: Không có triệu chứng lao',
      'Xét nghiệm nước tiểu tìm chất ma túy: Dương tính: MET · Âm tính: MOP',
      'Dấu hiệu sinh tồn và cân nặng: Mạch 88 · HA 120/80 mmHg · Nhiệt độ 37,5 °C · Cân nặng 52,5 kg',
      'Ghi chú: Đã tư vấn trước xét nghiệm',
    ]);
    const tests = within(entryOf(all, 'ScreeningRecorded')).getAllByTestId('timeline-screening-test');
    expect(tests.filter((t) => t.getAttribute('data-positive') === 'true').map((t) => t.textContent)).toEqual([
      'HIV: Dương tính',
      'Xét nghiệm nước tiểu tìm chất ma túy: Dương tính: MET · Âm tính: MOP',
    ]);

    expect(lines(all, 'PrescriptionWritten')).toEqual(['Diazepam 5 mg · 1 viên · Sáng, Chiều · từ 03/03/2026 đến 10/03/2026', 'Chỉ định: CHỈ-ĐỊNH-MẬT']);
    expect(lines(all, 'PrescriptionRevised')).toEqual([
      'Diazepam 5 mg · 2 viên · Tối · từ 05/03/2026, đến khi ngừng',
      'Thay cho đơn Diazepam 5 mg 1 viên bắt đầu ngày 03/03/2026',
      'Lý do: LÝ-DO-ĐIỀU-CHỈNH',
    ]);
    expect(lines(all, 'PrescriptionDiscontinued')).toEqual(['Ngừng Diazepam 5 mg 2 viên từ ngày 08/03/2026', 'Lý do: LÝ-DO-NGỪNG']);
    const dose = entryOf(all, 'DoseRecorded');
    expect(within(dose).getByTestId('timeline-dose').textContent).toContain('Từ chối');
    expect(lines(all, 'DoseRecorded')).toEqual(['Sáng · 03/03/2026 · Diazepam 5 mg 1 viên', 'Ghi chú: Buồn nôn']);

    expect(lines(all, 'ArtStarted')).toEqual(['Bắt đầu phác đồ TDF/3TC/DTG 300/300/50 mg từ ngày 04/03/2026']);
    expect(lines(all, 'ArtRegimenChanged')).toEqual(['TDF/3TC/DTG 300/300/50 mg → AZT/3TC/DTG 300/150/50 mg từ ngày 01/04/2026', 'Lý do: Độc tính/tác dụng phụ: Thiếu máu']);
    expect(lines(all, 'PillCountRecorded')).toEqual(['Ngày 15/04/2026: đã uống 27/30 viên (90%)']);
    expect(lines(all, 'AdherenceCounsellingRecorded')).toEqual(['Buổi thứ 2, ngày 16/04/2026', 'Nội dung: Nhắc uống thuốc đúng giờ']);
    expect(lines(all, 'LabRequested')).toEqual(['Tải lượng vi rút, chỉ định ngày 20/04/2026']);
    expect(lines(all, 'LabResultReceived')).toEqual(['Tải lượng vi rút: Không phát hiện (< 50)', 'Có kết quả ngày 27/04/2026 · chỉ định ngày 20/04/2026']);

    expect(lines(all, 'HousingFlagSet')).toEqual([
      'Cần ở riêng từ ngày 02/03/2026, xem xét lại ngày 16/03/2026',
      'Lý do: Bệnh truyền nhiễm phải cách ly (vd. lao tiến triển)',
      'Ghi chú: GHI-CHÚ-Ở-RIÊNG',
    ]);
    expect(lines(all, 'HousingFlagCleared')).toEqual(['Thôi ở riêng từ ngày 20/03/2026', 'Ghi chú: HẾT-LÂY']);
    expect(lines(all, 'WorkRestrictionSet', 1)).toEqual(['Hạn chế lao động: Không làm việc với dụng cụ sắc nhọn, từ ngày 02/03/2026', 'Lý do: LÝ-DO-HẠN-CHẾ']);
    expect(lines(all, 'WorkRestrictionSet', 0)).toEqual(['Hạn chế lao động: Không lao động nặng, từ ngày 02/04/2026 đến ngày 30/04/2026', 'Lý do: LÝ-DO-R2']);
    expect(lines(all, 'WorkRestrictionCleared')).toEqual(['Bỏ hạn chế lao động (Không làm việc với dụng cụ sắc nhọn) từ ngày 01/04/2026']);
    expect(lines(all, 'TraineeReferred')).toEqual(['Chuyển viện ngày 02/05/2026', 'Bệnh viện: BỆNH-VIỆN-X', 'Lý do chuyển viện: LÝ-DO-CHUYỂN']);
    expect(lines(all, 'TraineeReturnedFromReferral')).toEqual(['Trở về ngày 09/05/2026', 'Ghi chú: GHI-CHÚ-TRỞ-VỀ']);

    // The void keeps its reason for a medical officer.
    expect(within(entryOf(all, 'EventVoided')).getByText('LÝ-DO-HỦY')).toBeTruthy();
    expect(within(entryOf(all, 'WorkRestrictionSet', 0)).getByTestId('timeline-voided').textContent).toMatch(/^Đã hủy bởi Phạm Thị Y lúc .+\. Lý do: LÝ-DO-HỦY$/);
    expectClean(container);
  });

  it('read in English too', async () => {
    await i18next.changeLanguage('en');
    const bridge = signedInBridge(MEDICAL).ok('trainees.timeline', timelineFor(MEDICAL)).ok('medical.formulary.list', formulary);
    renderTimeline(bridge, MEDICAL);
    const all = await entries();
    await waitFor(() => expect(lines(all, 'PrescriptionRevised')[1]).toBe('Replaces Diazepam 5 mg 1 viên, started 03/03/2026'));
    expect(lines(all, 'ScreeningRecorded')[1]).toBe('HIV: Positive');
    expect(lines(all, 'DoseRecorded')[0]).toBe('Morning · 03/03/2026 · Diazepam 5 mg 1 viên');
    expect(lines(all, 'ArtRegimenChanged')).toEqual(['TDF/3TC/DTG 300/300/50 mg → AZT/3TC/DTG 300/150/50 mg from 01/04/2026', 'Reason: Toxicity/side effects: Thiếu máu']);
    expect(lines(all, 'PillCountRecorded')).toEqual(['15/04/2026: 27/30 tablets taken (90%)']);
    expect(lines(all, 'HousingFlagSet')[0]).toBe('Separate housing required since 02/03/2026, review 16/03/2026');
    expect(lines(all, 'LabResultReceived')[0]).toBe('Viral load: Undetectable (< 50)');
  });

  it('offer the void only to medical officers: their own records, or any as an administrator who is also one', async () => {
    const { container } = renderTimeline(signedInBridge(MEDICAL).ok('trainees.timeline', timelineFor(MEDICAL)).ok('medical.formulary.list', formulary), MEDICAL);
    const all = await entries();
    const voidable = (e: HTMLElement) => within(e).queryByRole('button', { name: /^Hủy bản ghi số/ }) !== null;
    expect(voidable(entryOf(all, 'PrescriptionWritten'))).toBe(true);
    expect(voidable(entryOf(all, 'HousingFlagSet'))).toBe(false); // recorded by another officer
    expect(voidable(entryOf(all, 'WorkRestrictionSet', 0))).toBe(false); // already voided
    expect(voidable(entryOf(all, 'EventVoided'))).toBe(false);
    container.remove();

    renderTimeline(signedInBridge(ADMIN_MEDICAL).ok('trainees.timeline', timelineFor(ADMIN_MEDICAL)).ok('medical.formulary.list', formulary), ADMIN_MEDICAL);
    await waitFor(async () => expect(voidable(entryOf(await entries(), 'HousingFlagSet'))).toBe(true));
  });
});

describe('medical entries in the timeline, as other roles receive them (reduced by the core)', () => {
  it('show a duty officer the facts and dates only: no reason, note or hospital, no drugs asked for', async () => {
    const bridge = signedInBridge(DUTY).ok('trainees.timeline', timelineFor(DUTY));
    const { container } = renderTimeline(bridge, DUTY);
    const all = await entries();
    expect(all.map((e) => e.getAttribute('data-event-type'))).toEqual([
      'EventVoided',
      'TraineeReturnedFromReferral',
      'TraineeReferred',
      'WorkRestrictionSet',
      'WorkRestrictionCleared',
      'WorkRestrictionSet',
      'HousingFlagCleared',
      'HousingFlagSet',
      'TraineeAdmitted',
    ]);
    expect(lines(all, 'HousingFlagSet')).toEqual(['Cần ở riêng từ ngày 02/03/2026, xem xét lại ngày 16/03/2026']);
    expect(lines(all, 'HousingFlagCleared')).toEqual(['Thôi ở riêng từ ngày 20/03/2026']);
    expect(lines(all, 'WorkRestrictionSet', 1)).toEqual(['Hạn chế lao động: Không làm việc với dụng cụ sắc nhọn, từ ngày 02/03/2026']);
    expect(lines(all, 'WorkRestrictionCleared')).toEqual(['Bỏ hạn chế lao động (Không làm việc với dụng cụ sắc nhọn) từ ngày 01/04/2026']);
    expect(lines(all, 'TraineeReferred')).toEqual(['Chuyển viện ngày 02/05/2026']);
    expect(lines(all, 'TraineeReturnedFromReferral')).toEqual(['Trở về ngày 09/05/2026']);
    // The void says that it was taken back, not why: no "Lý do" line, no dangling label.
    expect(lines(all, 'EventVoided')).toEqual(['Hủy bản ghi số 17 (Hạn chế lao động)']);
    expect(within(entryOf(all, 'WorkRestrictionSet', 0)).getByTestId('timeline-voided').textContent).toMatch(/^Đã hủy bởi Phạm Thị Y lúc [^.]+\.$/);

    const text = container.textContent ?? '';
    expect(MARKERS.filter((m) => text.includes(m))).toEqual([]);
    expect(text).not.toContain('Lý do');
    expect(text).not.toContain('Bệnh truyền nhiễm');
    expect(text).not.toContain('Ghi chú');
    expectClean(container);
    expect(bridge.callsTo('medical.formulary.list')).toHaveLength(0);
    // A duty officer voids nothing medical (and did not record these).
    expect(within(container).queryAllByRole('button', { name: /^Hủy bản ghi số/ })).toEqual([]);
  });

  it('read in English', async () => {
    await i18next.changeLanguage('en');
    renderTimeline(signedInBridge(DUTY).ok('trainees.timeline', timelineFor(DUTY)), DUTY);
    const all = await entries();
    expect(lines(all, 'HousingFlagSet')).toEqual(['Separate housing required since 02/03/2026, review 16/03/2026']);
    expect(lines(all, 'WorkRestrictionSet', 1)).toEqual(['Work restriction: No work with sharp tools since 02/03/2026']);
    expect(lines(all, 'TraineeReferred')).toEqual(['Referred to hospital on 02/05/2026']);
    expect(lines(all, 'TraineeReturnedFromReferral')).toEqual(['Returned on 09/05/2026']);
    expect(within(entryOf(all, 'WorkRestrictionSet', 0)).getByTestId('timeline-voided').textContent).toMatch(/^Voided by Phạm Thị Y at [^.]+\.$/);
    expect(lines(all, 'EventVoided')).toEqual(['Voids record no. 17 (Work restriction)']);
  });

  it('show a teacher only that the trainee went to hospital and came back', async () => {
    const { container } = renderTimeline(signedInBridge(TEACHER).ok('trainees.timeline', timelineFor(TEACHER)), TEACHER);
    const all = await entries();
    expect(all.map((e) => e.getAttribute('data-event-type'))).toEqual(['TraineeReturnedFromReferral', 'TraineeReferred', 'TraineeAdmitted']);
    expect(lines(all, 'TraineeReferred')).toEqual(['Chuyển viện ngày 02/05/2026']);
    expect(lines(all, 'TraineeReturnedFromReferral')).toEqual(['Trở về ngày 09/05/2026']);
    const text = container.textContent ?? '';
    expect(MARKERS.filter((m) => text.includes(m))).toEqual([]);
    expectClean(container);
  });

  it('give an administrator without the medical role no void button on medical entries (the core refuses it)', async () => {
    // Even entries the administrator would void on any other stream: make them the recorder too.
    const specs = SPECS.map(([seq, type, data, , reason]): Spec => [seq, type, data, ADMIN, reason]);
    const { container } = renderTimeline(signedInBridge(ADMIN).ok('trainees.timeline', timelineFor(ADMIN, specs)), ADMIN);
    const all = await entries();
    const buttons = within(container).getAllByRole('button', { name: /^Hủy bản ghi số/ });
    expect(buttons.map((b) => b.closest('[data-testid="timeline-entry"]')?.getAttribute('data-event-type'))).toEqual(['TraineeAdmitted']);
    expect(all.filter((e) => e.getAttribute('data-event-type') === 'HousingFlagSet')).toHaveLength(1);
    expectClean(container);
  });
});

describe('bodies with keys missing', () => {
  it('never show undefined or an empty label, for every medical event type', async () => {
    const types = Object.keys(MEDICAL_EVENTS) as StoredEvent['type'][];
    const specs: Spec[] = [SPECS[0]!, ...types.map((type, i): Spec => [i + 2, type, {}])];
    const { container } = renderTimeline(signedInBridge(MEDICAL).ok('trainees.timeline', timelineFor(MEDICAL, specs)).ok('medical.formulary.list', formulary), MEDICAL);
    expect(await entries()).toHaveLength(specs.length);
    expectClean(container);
  });
});
