import { afterEach, describe, expect, it } from 'vitest';
import { streams } from '../../shared/events';
import { cleanupTempDirs, openStore, tempDir, traineeDetails } from '../support/core';

afterEach(cleanupTempDirs);

const ID = '0b7d3c3e-6a39-4f5e-8f51-7c1e2a9d4e10';
const meta = { actor: null };

describe('trainees projection', () => {
  it('given admitted, corrected and released events, then one row with the current facts, search text and sort key', () => {
    const store = openStore(tempDir());
    const stream = streams.trainee(ID);
    const [admitted] = store.append(stream, 'no_stream', [{ type: 'TraineeAdmitted', data: { traineeId: ID, ...traineeDetails({ fileNumber: 'HS-7', fullName: 'Nguyen Thi Hoa' }) } }], meta);
    let row = store.db.prepare('SELECT * FROM trainees WHERE id = ?').get(ID);
    expect(row).toMatchObject({ file_number: 'HS-7', full_name: 'Nguyen Thi Hoa', status: 'in_care', phase: 'intake', version: 1 });

    store.append(stream, 1, [
      { type: 'TraineeDetailsCorrected', data: { traineeId: ID, corrects: admitted!.seq, changes: [{ field: 'fullName', from: 'Nguyen Thi Hoa', to: 'Đặng Thị Hoà' }, { field: 'substances', from: ['methamphetamine'], to: ['heroin', 'cannabis'] }], reason: 'Sai' } },
    ], meta);
    row = store.db.prepare('SELECT full_name, substances, search_text, sort_key, version FROM trainees WHERE id = ?').get(ID);
    expect(row).toEqual({
      full_name: 'Đặng Thị Hoà',
      substances: JSON.stringify(['heroin', 'cannabis']),
      search_text: 'dang thi hoa hs-7 025092001234',
      sort_key: 'hoa dang thi hoa',
      version: 2,
    });

    store.append(stream, 2, [{ type: 'TraineeReleased', data: { traineeId: ID, releaseDate: '2026-11-01', kind: 'completed', note: 'Hết hạn' } }], meta);
    row = store.db.prepare('SELECT status, release_date, release_kind, release_note, version FROM trainees WHERE id = ?').get(ID);
    expect(row).toEqual({ status: 'released', release_date: '2026-11-01', release_kind: 'completed', release_note: 'Hết hạn', version: 3 });
    store.close();
  });

  it('ignores events of other areas', () => {
    const store = openStore(tempDir());
    store.append(streams.facility, 'no_stream', [{ type: 'FacilitySetUp', data: { name: 'Cơ sở' } }], meta);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM trainees').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT name FROM facility').get()).toEqual({ name: 'Cơ sở' });
    store.close();
  });
});
