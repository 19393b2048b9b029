import { describe, expect, it } from 'vitest';
import { computeAdherence, type ArvPrescriptionSpan, type RecordedDose } from '../../../electron/core/medical/arv/adherence';
import type { DoseSlot, DoseStatus } from '../../../shared/medical/prescriptions';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const day = (n: number) => `2026-10-${String(n).padStart(2, '0')}`;
const dose = (prescriptionId: string, date: string, slot: DoseSlot, status: DoseStatus): RecordedDose => ({ prescriptionId, date, slot, status });

describe('ARV adherence over the last 30 days', () => {
  // Regimen A (morning) from 15/09, replaced on 11/10 by regimen B (morning + evening).
  // Today 30/10 at 12:00: the window is 01/10–30/10; today's morning slot has ended, the evening not.
  const prescriptions: ArvPrescriptionSpan[] = [
    { id: A, slots: ['morning'], startDate: '2026-09-15', endDate: null, stoppedDate: day(11) },
    { id: B, slots: ['morning', 'evening'], startDate: day(11), endDate: null, stoppedDate: null },
  ];

  function roundRecords(): RecordedDose[] {
    const doses: RecordedDose[] = [];
    // A, 01–10/10: given, except refused 03, held 05, missed 07 and nothing recorded on 09.
    for (let d = 1; d <= 10; d++) {
      if (d === 9) continue;
      doses.push(dose(A, day(d), 'morning', d === 3 ? 'refused' : d === 5 ? 'held' : d === 7 ? 'missed' : 'given'));
    }
    // A dose of A recorded after it stopped, and one before the window: neither counts.
    doses.push(dose(A, day(12), 'morning', 'missed'), dose(A, '2026-09-30', 'morning', 'missed'));
    // B, 11–30/10 mornings: given except held on 20. Evenings 11–29: given except nothing on 15 and 16.
    for (let d = 11; d <= 30; d++) doses.push(dose(B, day(d), 'morning', d === 20 ? 'held' : 'given'));
    for (let d = 11; d <= 29; d++) if (d !== 15 && d !== 16) doses.push(dose(B, day(d), 'evening', 'given'));
    return doses;
  }

  it('counts each regimen while in force, held doses out, unrecorded past doses missed (hand-computed)', () => {
    // Due: A 10 mornings − 1 held = 9; B 20 mornings − 1 held = 19; B evenings 11–29 = 19 (today's has not ended). 47.
    // Missed: A refused + missed + unrecorded = 3; B evenings unrecorded = 2. 5. (47 − 5) / 47 = 89.36 % → 89.
    expect(computeAdherence(prescriptions, roundRecords(), day(30), '12:00')).toEqual({ from: day(1), to: day(30), due: 47, missed: 5, held: 2, percent: 89 });
  });

  it("today's dose counts once its slot has ended, or once recorded", () => {
    const doses = roundRecords();
    // At 20:00 the evening slot has ended: today's evening is due and, unrecorded, missed.
    expect(computeAdherence(prescriptions, doses, day(30), '20:00')).toMatchObject({ due: 48, missed: 6 });
    // Recorded as given before the slot ends, it counts as given.
    expect(computeAdherence(prescriptions, [...doses, dose(B, day(30), 'evening', 'given')], day(30), '12:00')).toMatchObject({ due: 48, missed: 5, percent: 89 });
    // Before 11:00 today's morning (recorded) counts; nothing unrecorded today does.
    expect(computeAdherence(prescriptions, doses, day(30), '08:00')).toMatchObject({ due: 47, missed: 5 });
  });

  it('respects an end date and gives no percentage when nothing was due', () => {
    const ended: ArvPrescriptionSpan[] = [{ id: A, slots: ['morning', 'night'], startDate: day(28), endDate: day(29), stoppedDate: null }];
    expect(computeAdherence(ended, [], day(30), '23:59')).toMatchObject({ due: 4, missed: 4, percent: 0 });
    expect(computeAdherence([], [], day(30), '12:00')).toEqual({ from: day(1), to: day(30), due: 0, missed: 0, held: 0, percent: null });
    // Everything held: nothing due.
    expect(computeAdherence([{ id: A, slots: ['morning'], startDate: day(30), endDate: null, stoppedDate: null }], [dose(A, day(30), 'morning', 'held')], day(30), '12:00')).toMatchObject({ due: 0, held: 1, percent: null });
  });

  it('rounds down, so 94.9 % stays below a 95 % threshold', () => {
    const p: ArvPrescriptionSpan[] = [{ id: A, slots: ['morning', 'noon', 'evening', 'night'], startDate: '2026-09-01', endDate: null, stoppedDate: null }];
    const doses: RecordedDose[] = [];
    for (let d = 1; d <= 30; d++) for (const s of ['morning', 'noon', 'evening', 'night'] as const) doses.push(dose(A, day(d), s, 'given'));
    // 6 missed and 1 held: 113 / 119 = 94.96 %, which rounding to nearest would show as 95.
    for (let d = 1; d <= 7; d++) doses.find((x) => x.date === day(d) && x.slot === 'noon')!.status = d === 7 ? 'held' : 'missed';
    expect(computeAdherence(p, doses, day(30), '23:59')).toMatchObject({ due: 119, missed: 6, held: 1, percent: 94 });
  });
});
