/** CSV roster import through the service: every row checked in the core, one transaction or nothing. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TraineeList } from '../../shared/admissions';
import { parseCsv } from '../../shared/csv';
import type { SenErrorData } from '../../shared/errors';
import { guessMapping, mapRow, type RosterCheck, type RosterRow } from '../../shared/rosterImport';
import { DB_FILE } from '../../electron/core/service';
import type { CoreService } from '../../electron/core/types';
import { cleanupTempDirs, eventCount, openStore, projectionSnapshot, setUpFacility, traineeDetails } from '../support/core';
import { medicalFixture } from '../support/medical';
import { records, rosterCsv, spoil } from '../support/roster';

afterEach(cleanupTempDirs);

/** The file as the screen reads it: parse, guess the columns, number the rows as a spreadsheet does. */
function rowsOf(csv: string): RosterRow[] {
  const [header, ...data] = parseCsv(csv).records;
  const mapping = guessMapping(header!);
  return data.map((r, i) => ({ row: i + 2, values: mapRow(r, mapping) }));
}

async function call<T>(service: CoreService, name: string, input: unknown, connection = 'admin'): Promise<{ ok: true; value: T } | { ok: false; error: SenErrorData }> {
  return (await service.call(connection, name, input)) as { ok: true; value: T } | { ok: false; error: SenErrorData };
}

async function listed(service: CoreService): Promise<TraineeList> {
  const r = await call<TraineeList>(service, 'trainees.list', { status: 'all' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('roster import', () => {
  it('shows the 3 bad rows of 50 and imports nothing until they are fixed or excluded', async () => {
    const { service, dataDir } = await setUpFacility();
    const rows = rowsOf(rosterCsv(spoil(records(50))));
    const check = await call<RosterCheck>(service, 'trainees.importCheck', { fileName: 'danh-sach.csv', rows });
    expect(check.ok && check.value).toEqual({
      rows: 50,
      valid: 47,
      issues: [
        { row: 6, field: 'dateOfBirth', code: 'invalidDate' },
        { row: 21, field: 'idNumber', code: 'invalidIdNumber' },
        { row: 38, field: 'fileNumber', code: 'duplicateInFile', otherRow: 12 },
      ],
    });

    const before = eventCount(dataDir);
    const refused = await call(service, 'trainees.import', { fileName: 'danh-sach.csv', rows });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('VALIDATION');
      expect(refused.error.issues).toEqual([
        { path: 'rows.6.dateOfBirth', code: 'invalidDate' },
        { path: 'rows.21.idNumber', code: 'invalidIdNumber' },
        { path: 'rows.38.fileNumber', code: 'duplicateInFile' },
      ]);
    }
    expect(eventCount(dataDir)).toBe(before);
    expect((await listed(service)).counts.shown).toBe(0);

    // Excluded: the 47 others go in, one admission each, with the file's name as the reason.
    const kept = rows.filter((r) => ![6, 21, 38].includes(r.row));
    const imported = await call<{ imported: number; firstSeq: number; lastSeq: number }>(service, 'trainees.import', { fileName: 'danh-sach.csv', rows: kept });
    expect(imported.ok && imported.value).toMatchObject({ imported: 47 });
    expect(eventCount(dataDir)).toBe(before + 47);
    const list = await listed(service);
    expect(list.counts.shown).toBe(47);
    const binh = list.items.find((t) => t.fileNumber === 'NK-0001')!;
    expect(binh).toMatchObject({ fullName: 'Nguyễn Văn Bình', sex: 'male', admissionType: 'voluntary', admissionDate: '2026-03-01', plannedReleaseDate: '2028-03-01', dateOfBirth: '1980-01-01' });
    const record = await call<{ substances: string[]; educationLevel: string; familyContact: unknown; decisionNumber: string }>(service, 'trainees.get', { traineeId: binh.id });
    expect(record.ok && record.value).toMatchObject({ substances: ['methamphetamine', 'heroin'], educationLevel: 'primary', familyContact: { name: 'Nguyễn Thị Lan', relationship: 'mẹ', phone: '0912 345 678' } });
    service.close();

    const store = openStore(dataDir);
    const [admitted] = store.readStream(`trainee:${binh.id}`);
    expect(admitted).toMatchObject({ type: 'TraineeAdmitted', occurredAt: '2026-03-01', meta: { reason: 'CSV roster import: danh-sach.csv' } });
    // The inline tables equal a rebuild from the log.
    const inline = projectionSnapshot(store);
    store.rebuild();
    expect(projectionSnapshot(store)).toEqual(inline);
    store.close();
  });

  it('imports the fixed file whole, and then refuses it again: its file numbers are in use', async () => {
    const { service, dataDir } = await setUpFacility();
    const fixed = spoil(records(50));
    fixed[4]![3] = '17/04/1992';
    fixed[19]![4] = '025092001234';
    fixed[36]![0] = 'NK-0037';
    const rows = rowsOf(rosterCsv(fixed));
    const check = await call<RosterCheck>(service, 'trainees.importCheck', { rows });
    expect(check.ok && check.value).toEqual({ rows: 50, valid: 50, issues: [] });
    const done = await call<{ imported: number }>(service, 'trainees.import', { rows });
    expect(done.ok && done.value.imported).toBe(50);

    const before = eventCount(dataDir);
    const again = await call<RosterCheck>(service, 'trainees.importCheck', { rows: rows.slice(0, 3) });
    expect(again.ok && again.value.issues).toEqual([2, 3, 4].map((row) => ({ row, field: 'fileNumber', code: 'duplicateFileNumber' })));
    expect((await call(service, 'trainees.import', { rows: rows.slice(0, 3) })).ok).toBe(false);
    expect(eventCount(dataDir)).toBe(before);
  });

  it('checks each row as an admission: file numbers already in the roster, required cells, labels, clock rules', async () => {
    const { service } = await setUpFacility();
    await call(service, 'trainees.admit', traineeDetails({ fileNumber: 'NK-0002' }));
    const data = records(5);
    data[2]![1] = '';
    data[3]![2] = 'không rõ';
    data[4]![8] = '01/03/2099';
    data[4]![9] = '01/03/2101';
    const check = await call<RosterCheck>(service, 'trainees.importCheck', { rows: rowsOf(rosterCsv(data)) });
    expect(check.ok && check.value).toEqual({
      rows: 5,
      valid: 1,
      issues: [
        { row: 3, field: 'fileNumber', code: 'duplicateFileNumber' },
        { row: 4, field: 'fullName', code: 'required' },
        { row: 5, field: 'sex', code: 'invalidChoice' },
        { row: 6, field: 'admissionDate', code: 'dateInFuture' },
      ],
    });
  });

  it('reads semicolon files without a byte-order mark, and English headers and codes', async () => {
    const { service } = await setUpFacility();
    const semicolon = rosterCsv(records(3)).slice(1).replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';');
    expect(parseCsv(semicolon).separator).toBe(';');
    const check = await call<RosterCheck>(service, 'trainees.importCheck', { rows: rowsOf(semicolon) });
    expect(check.ok && check.value).toEqual({ rows: 3, valid: 3, issues: [] });

    const english = [
      'File number,Full name,Sex,Date of birth,ID number,Home address,Admission type,Decision number,Admission date,Planned release date,Education level,Substances',
      'EN-1,Lò Văn Páo,male,05/06/1990,,"Bản Nà, xã Mường Lạn",compulsory,7/2026/QĐ-TA,02/02/2026,02/02/2028,lower_secondary,"heroin, opium"',
    ].join('\r\n');
    const en = await call<RosterCheck>(service, 'trainees.importCheck', { rows: rowsOf(english) });
    expect(en.ok && en.value).toEqual({ rows: 1, valid: 1, issues: [] });
  });

  it('is one transaction: a failure while writing row 30 leaves no admission at all', async () => {
    const { service, dataDir } = await setUpFacility();
    // A fault inside the append (after 29 rows are written and projected): the database refuses the 30th.
    const db = new Database(join(dataDir, DB_FILE));
    db.exec("CREATE TRIGGER fail_30 BEFORE INSERT ON trainees WHEN NEW.file_number = 'NK-0030' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;");
    db.close();
    const before = eventCount(dataDir);
    const r = await call(service, 'trainees.import', { rows: rowsOf(rosterCsv(records(50))) });
    expect(r.ok).toBe(false);
    expect(eventCount(dataDir)).toBe(before);
    expect((await listed(service)).counts.shown).toBe(0);
    service.close();
    const store = openStore(dataDir);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'TraineeAdmitted'").get()).toEqual({ n: 0 });
    store.close();
  });

  it('is for administrators only, and bad input writes nothing', async () => {
    const f = await medicalFixture(1);
    const rows = rowsOf(rosterCsv(records(2)));
    const before = f.events();
    for (const role of ['duty', 'medical', 'teacher', 'instructor'] as const) {
      for (const name of ['trainees.importCheck', 'trainees.import'] as const) {
        const r = await f.as(role, name, { rows });
        expect(!r.ok && r.error.code).toBe('FORBIDDEN');
      }
    }
    for (const input of [{ rows: [] }, { rows: [{ row: 2, values: { nickname: 'x' } }] }, { rows: [{ row: 1, values: {} }] }, { rows: 'NK-1' }, { rows, extra: 1 }]) {
      const r = await f.as('admin', 'trainees.import', input as never);
      expect(!r.ok && r.error.code).toBe('VALIDATION');
    }
    expect(f.events()).toBe(before);
    f.service.close();
  });
});
