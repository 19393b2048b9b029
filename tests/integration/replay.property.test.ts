import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, openStore, projectionSnapshot, setUpFacility, traineeDetails } from '../support/core';

afterEach(cleanupTempDirs);

/** One step a person could take; indexes pick among the trainees/events that exist by then. */
type Step =
  | { kind: 'admit'; name: string; fileNumber: string; voluntary: boolean; day: number }
  | { kind: 'correct'; pick: number; field: 'fullName' | 'homeAddress' | 'sex' | 'fileNumber' | 'admissionDate'; text: string; day: number }
  | { kind: 'release'; pick: number; day: number }
  | { kind: 'void'; pick: number };

const names = fc.constantFrom('Nguyễn Văn An', 'Lò Thị Xuân', 'Sùng A Páo', 'Đặng Văn Đức', 'Trần Thị Hoà');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('admit' as const), name: names, fileNumber: fc.constantFrom('HS-1', 'HS-2', 'HS-3', 'HS-4', 'HS-5', 'HS-6'), voluntary: fc.boolean(), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({
    kind: fc.constant('correct' as const),
    pick: fc.nat(),
    field: fc.constantFrom('fullName' as const, 'homeAddress' as const, 'sex' as const, 'fileNumber' as const, 'admissionDate' as const),
    text: fc.constantFrom('Bản Mòng', 'HS-2', 'Vàng A Chá', 'Tổ 5'),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
);

describe('replay equivalence (property)', () => {
  it('after any sequence of commands, the inline tables equal a full rebuild row for row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const { service, dataDir } = await setUpFacility();
        const trainees: string[] = [];
        const seqs: number[] = [];
        for (const s of steps) {
          const day = 'day' in s ? String(s.day).padStart(2, '0') : '01';
          let r;
          if (s.kind === 'admit') {
            r = await service.call('admin', 'trainees.admit', traineeDetails({ fullName: s.name, fileNumber: s.fileNumber, admissionType: s.voluntary ? 'voluntary' : 'compulsory', admissionDate: `2026-03-${day}` }));
            if (r.ok) trainees.push((r.value as { traineeId: string }).traineeId);
          } else if (s.kind === 'void') {
            if (seqs.length === 0) continue;
            r = await service.call('admin', 'events.void', { seq: seqs[s.pick % seqs.length], reason: 'Nhầm' });
          } else {
            if (trainees.length === 0) continue;
            const traineeId = trainees[s.pick % trainees.length];
            if (s.kind === 'release') {
              r = await service.call('admin', 'trainees.release', { traineeId, releaseDate: `2026-10-${day}`, kind: 'completed', note: '' });
            } else {
              const value = s.field === 'sex' ? 'female' : s.field === 'admissionDate' ? `2026-02-${day}` : s.text;
              r = await service.call('admin', 'trainees.correct', { traineeId, changes: { [s.field]: value }, reason: 'Sửa' });
            }
          }
          if (r.ok && typeof (r.value as { seq?: unknown }).seq === 'number') seqs.push((r.value as { seq: number }).seq);
        }
        service.close();
        const store = openStore(dataDir);
        const inline = projectionSnapshot(store);
        store.rebuild();
        expect(projectionSnapshot(store)).toEqual(inline);
        expect(store.verify().ok).toBe(true);
        store.close();
        cleanupTempDirs();
      }),
      { numRuns: 60, seed: 4242 },
    );
  }, 120_000);
});
