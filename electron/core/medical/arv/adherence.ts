import type { Adherence } from '../../../../shared/medical/arv';
import { ADHERENCE_WINDOW_DAYS } from '../../../../shared/medical/arv';
import { SLOT_ENDS, type DoseSlot, type DoseStatus } from '../../../../shared/medical/prescriptions';
import { addDays } from '../../demo/calendar';

/** An ARV prescription as the prescriptions projection keeps it (dates yyyy-MM-dd). */
export interface ArvPrescriptionSpan {
  id: string;
  slots: readonly DoseSlot[];
  startDate: string;
  /** Last day of treatment, or null. */
  endDate: string | null;
  /** First day without doses (discontinued or replaced), or null. */
  stoppedDate: string | null;
}

export interface RecordedDose {
  prescriptionId: string;
  date: string;
  slot: DoseSlot;
  status: DoseStatus;
}

/** "HH:mm" of a local wall-clock instant, as SLOT_ENDS are written. */
export function localTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * Adherence over the last `days` days (today included): every day × slot of every ARV
 * prescription while it was in force (so a regimen change counts the old regimen up to the day
 * before and the new one from its start). A dose counts as due once recorded, or once its slot has
 * ended (`now` is "HH:mm" today; "24:00" when looking at a past day). Missed = missed + refused +
 * not recorded after the slot's end; held doses are left out of the denominator (a clinical
 * decision, not the trainee's). Pure.
 */
export function computeAdherence(
  prescriptions: readonly ArvPrescriptionSpan[],
  doses: readonly RecordedDose[],
  today: string,
  now: string,
  days = ADHERENCE_WINDOW_DAYS,
): Adherence {
  const from = addDays(today, -(days - 1));
  const recorded = new Map<string, DoseStatus>();
  for (const d of doses) recorded.set(`${d.prescriptionId}|${d.date}|${d.slot}`, d.status);
  let due = 0;
  let missed = 0;
  let held = 0;
  for (const p of prescriptions) {
    let last = today;
    if (p.endDate !== null && p.endDate < last) last = p.endDate;
    if (p.stoppedDate !== null) {
      const dayBefore = addDays(p.stoppedDate, -1);
      if (dayBefore < last) last = dayBefore;
    }
    for (let day = p.startDate > from ? p.startDate : from; day <= last; day = addDays(day, 1)) {
      for (const slot of p.slots) {
        const status = recorded.get(`${p.id}|${day}|${slot}`);
        if (status === 'held') held += 1;
        else if (status === 'given') due += 1;
        else if (status === 'missed' || status === 'refused') {
          due += 1;
          missed += 1;
        } else if (day < today || now >= SLOT_ENDS[slot]) {
          due += 1;
          missed += 1;
        }
      }
    }
  }
  return { from, to: today, due, missed, held, percent: due === 0 ? null : Math.floor(((due - missed) * 100) / due) };
}
