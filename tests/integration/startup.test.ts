import { afterEach, describe, expect, it } from 'vitest';
import { openService, PROJECTIONS } from '../../electron/core/service';
import { REPLAY_BATCH } from '../../electron/core/store/eventStore';
import { appendAdmissions, cleanupTempDirs, openStore, projectionSnapshot, tempDir, TEST_SCRYPT } from '../support/core';

afterEach(cleanupTempDirs);

describe('projection versions on start', () => {
  it('a changed projection on a large log is rebuilt after opening while other calls wait', async () => {
    const dataDir = tempDir();
    const store = openStore(dataDir);
    appendAdmissions(store, 3_000);
    const expected = projectionSnapshot(store);
    // As if a new Sen changed the trainees projection: its stored version no longer matches.
    store.db.prepare("UPDATE projection_versions SET version = version + 100 WHERE name = 'trainees'").run();
    store.db.exec('DELETE FROM trainees');
    store.close();

    const service = openService({ dataDir, scrypt: TEST_SCRYPT, replayAtOnceUpTo: 1_000 });
    expect(await service.call('w', 'system.status', {})).toMatchObject({ ok: true, value: { startup: { total: 3_000 } } });
    expect(await service.call('w', 'trainees.list', {})).toMatchObject({ ok: false, error: { code: 'STARTING' } });
    for (let i = 0; i < 1_000; i++) {
      const s = await service.call('w', 'system.status', {});
      if (s.ok && (s.value as { startup: unknown }).startup === null) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await service.call('w', 'system.status', {})).toMatchObject({ value: { startup: null } });
    expect(await service.call('w', 'trainees.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    service.close();

    const after = openStore(dataDir);
    expect(projectionSnapshot(after)).toEqual(expected);
    after.close();
  });

  it('the slices report increasing progress up to every event, and leave the tables a full rebuild gives', async () => {
    const store = openStore(tempDir());
    appendAdmissions(store, REPLAY_BATCH * 2 + 500);
    const expected = projectionSnapshot(store);
    const progress: [number, number][] = [];
    await store.rebuildInSlices(PROJECTIONS, (done, total) => progress.push([done, total]));
    expect(progress.map(([d]) => d)).toEqual([REPLAY_BATCH, REPLAY_BATCH * 2, REPLAY_BATCH * 2 + 500]);
    expect(progress.every(([, total]) => total === REPLAY_BATCH * 2 + 500)).toBe(true);
    expect(projectionSnapshot(store)).toEqual(expected);
    store.close();
  });
});
