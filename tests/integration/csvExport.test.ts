/**
 * CSV export through the service: the file holds exactly what the core returned to that role (the
 * roster's separate-housing and work-restriction columns appear only for those who receive them,
 * never a reason), and every export is in the access log first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessList } from '../../shared/access';
import type { TraineeList } from '../../shared/admissions';
import { parseCsv } from '../../shared/csv';
import type { Role } from '../../shared/roles';
import { csvText } from '../../renderer/components/csvExport';
import { rosterCsvColumns } from '../../renderer/features/roster/rosterCsv';
import i18next, { type TFunction } from 'i18next';
import { en } from '../../renderer/i18n/en';
import { vi } from '../../renderer/i18n/vi';
import { cleanupTempDirs } from '../support/core';
import { medicalFixture, type MedicalFixture } from '../support/medical';

afterEach(cleanupTempDirs);

const NOW = () => new Date('2026-11-20T05:00:00.000Z');

/** The app's catalogs in an i18next of the test's own (the renderer's instance needs a window). */
const i18n = i18next.createInstance();
await i18n.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', initAsync: false, interpolation: { escapeValue: false } });

async function rosterCsvAs(f: MedicalFixture, role: Role, lng: 'vi' | 'en' = 'vi'): Promise<string[][]> {
  const list = (await f.ok(role, 'trainees.list', { status: 'all' })) as TraineeList;
  const t = i18n.getFixedT(lng) as unknown as TFunction;
  return parseCsv(csvText(rosterCsvColumns(t, list.items), list.items)).records;
}

describe('CSV export of the roster', () => {
  it('holds what each role receives: housing and work facts only for those who get them, never why', async () => {
    const f = await medicalFixture(2, NOW);
    const [binh] = f.traineeIds;
    await f.ok('medical', 'medical.flags.setHousing', { traineeId: binh!, reason: 'infectious_isolation', note: 'GHI-CHU-KIN lao phổi', since: '2026-11-10', reviewDate: '2026-11-20' });
    await f.ok('medical', 'medical.flags.setRestriction', { traineeId: binh!, restriction: 'no_sharp_tools', reason: 'LY-DO-HAN-CHE-KIN', since: '2026-11-11', until: null });

    const asDuty = await rosterCsvAs(f, 'duty');
    expect(asDuty[0]).toEqual([
      'Số hồ sơ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Loại tiếp nhận', 'Ngày tiếp nhận', 'Ngày dự kiến ra', 'Giai đoạn', 'Tình trạng', 'Ngày ra cơ sở', 'Ở bệnh viện', 'Ở riêng', 'Hạn chế lao động',
    ]);
    const binhRow = asDuty.find((r) => r[1] === 'Nguyễn Văn Bình')!;
    expect(binhRow.slice(2, 13)).toEqual(['Nam', '17/04/1992', 'Bắt buộc', '01/09/2026', '01/09/2028', 'Tiếp nhận, phân loại', 'Đang cai nghiện', '', 'Không', 'Có', 'Không làm việc với dụng cụ sắc nhọn']);

    for (const role of ['teacher', 'admin', 'duty', 'instructor', 'medical'] as const) {
      const rows = await rosterCsvAs(f, role);
      expect(rows).toHaveLength(3);
      const text = JSON.stringify(rows);
      for (const secret of ['GHI-CHU-KIN', 'LY-DO-HAN-CHE-KIN', 'infectious', 'lao phổi']) expect(text, role).not.toContain(secret);
    }
    // Teachers are not sent housing or work facts: their file has no such columns at all.
    const asTeacher = await rosterCsvAs(f, 'teacher');
    expect(asTeacher[0]).toHaveLength(11);
    expect(asTeacher[0]).not.toContain('Ở riêng');

    // Headers in the user's language.
    expect((await rosterCsvAs(f, 'teacher', 'en'))[0]!.slice(0, 4)).toEqual(['File number', 'Full name', 'Sex', 'Date of birth']);
    f.service.close();
  });
});

describe('access.recordExport', () => {
  it('writes the export to the access log for any signed-in person; refused signed out or without a detail, writing nothing', async () => {
    const f = await medicalFixture(1, NOW);
    const before = f.events();
    for (const role of ['teacher', 'duty', 'medical', 'admin', 'instructor'] as const) {
      await f.ok(role, 'access.recordExport', { detail: `danh-sach-hoc-vien-2026-11-20.csv: 3` });
    }
    expect(f.events()).toBe(before + 5);
    const log = (await f.ok('admin', 'access.list', { kind: 'export' })) as AccessList;
    expect(log.items).toHaveLength(5);
    expect(log.items[0]).toMatchObject({ kind: 'export', detail: 'danh-sach-hoc-vien-2026-11-20.csv: 3', trainee: null, actor: { fullName: 'Cán bộ instructor' } });

    expect((await f.service.call('nobody', 'access.recordExport', { detail: 'x' })).ok).toBe(false);
    for (const input of [{}, { detail: '' }, { detail: 'x'.repeat(501) }, { detail: 'x', traineeId: null }]) {
      const r = await f.as('duty', 'access.recordExport', input as never);
      expect(!r.ok && r.error.code).toBe('VALIDATION');
    }
    expect(f.events()).toBe(before + 5);
    f.service.close();
  });
});
