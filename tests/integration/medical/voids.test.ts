import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs } from '../../support/core';
import { medicalFixture } from '../../support/medical';

afterEach(cleanupTempDirs);

describe('voiding medical records', () => {
  it('only a medical officer may void one: an administrator without the medical role is refused, nothing written', async () => {
    const f = await medicalFixture(1);
    const [id] = f.traineeIds as [string];
    const { seq } = await f.ok('medical', 'medical.screening.record', { traineeId: id, date: '2026-09-02', results: { hiv: 'negative' } });
    const before = f.events();
    for (const role of ['admin', 'duty', 'teacher', 'instructor'] as const) {
      expect(await f.as(role, 'events.void', { seq, reason: 'Nhập nhầm người' }), role).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(f.events()).toBe(before);
    await f.ok('medical', 'events.void', { seq, reason: 'Nhập nhầm người' });
    expect(f.events()).toBe(before + 1);
    f.service.close();
  });
});
