import type { StoredEvent } from '../../../shared/events';
import type { Permission } from '../../../shared/roles';
import { MEDICAL_REDACTION } from './index';
import type { Redaction } from './slice';

/**
 * Data minimization for a trainee's timeline: a viewer without the `medical` role never receives
 * medical data. Events of the medical stream are dropped, or kept with only the data keys their
 * slice declares harmless (e.g. "separate housing required" and since when, never why); the
 * reason in `meta`, and the reason of a void, are removed too. This runs in the core, before
 * anything crosses the bridge.
 */
/** The events of a medical stream a non-medical viewer may see, reduced to what they may know. */
export function redactMedicalEvents(events: readonly StoredEvent[], may: (permission: Permission) => boolean): StoredEvent[] {
  const visible = new Set<number>();
  const out: StoredEvent[] = [];
  for (const e of events) {
    if (e.type === 'EventVoided') {
      // A void of something the viewer saw: show that it was taken back, not why.
      if (visible.has(e.data.seq)) out.push({ ...e, data: { ...e.data, reason: '' }, meta: withoutReason(e.meta) } as StoredEvent);
      continue;
    }
    const rule: Redaction | undefined = (MEDICAL_REDACTION as Record<string, Redaction>)[e.type];
    if (!rule) continue;
    const keep = 'permission' in rule ? (may(rule.permission) ? rule.keep : null) : rule;
    if (!keep) continue;
    const data = Object.fromEntries(Object.entries(e.data as Record<string, unknown>).filter(([k]) => keep.includes(k)));
    visible.add(e.seq);
    out.push({ ...e, data, meta: withoutReason(e.meta) } as StoredEvent);
  }
  return out;
}

function withoutReason<M extends { reason?: string }>(meta: M): M {
  const { reason: _reason, ...rest } = meta;
  return rest as M;
}
