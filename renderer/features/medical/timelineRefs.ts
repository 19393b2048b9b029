import { useMemo } from 'react';
import type { TimelineEntry } from '../../../shared/api';
import { MEDICAL_EVENTS } from '../../../shared/medical/index';
import { useFormularyQuery } from './prescriptions/api';

/**
 * What a medical timeline entry refers to by id, found in the same timeline: a dose or a
 * discontinuation names its prescription, a lab result its request, a lifted restriction the
 * restriction. Built once per timeline (a trainee may have hundreds of doses): no lookup per entry.
 */
export interface MedicalTimelineRefs {
  /** prescriptionId → the prescription as written, revised or renewed. */
  prescriptions: ReadonlyMap<string, { itemId: string; dose: string; startDate: string }>;
  /** labId → the request. */
  labs: ReadonlyMap<string, { test: string; requestedDate: string }>;
  /** restrictionId → the restriction's code (kept for non-medical viewers too). */
  restrictions: ReadonlyMap<string, string>;
  /** Formulary itemId → name and strength; empty until the formulary has loaded. */
  items: ReadonlyMap<string, { name: string; strength: string }>;
}

export const NO_REFS: MedicalTimelineRefs = { prescriptions: new Map(), labs: new Map(), restrictions: new Map(), items: new Map() };

const MEDICAL_TYPES: ReadonlySet<string> = new Set(Object.keys(MEDICAL_EVENTS));

/** Whether an event type is medical (lives on `medical:<id>` or the formulary): voided by medical officers only. */
export function isMedicalEventType(type: string): boolean {
  return MEDICAL_TYPES.has(type);
}

/** Events that name a formulary item (directly or through their prescription): only medical viewers receive them. */
const NAMES_DRUGS: ReadonlySet<string> = new Set([
  'PrescriptionWritten',
  'PrescriptionRevised',
  'PrescriptionRenewed',
  'PrescriptionDiscontinued',
  'DoseRecorded',
  'ArtStarted',
  'ArtRegimenChanged',
]);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function buildRefs(entries: readonly TimelineEntry[], items: MedicalTimelineRefs['items']): MedicalTimelineRefs {
  const prescriptions = new Map<string, { itemId: string; dose: string; startDate: string }>();
  const labs = new Map<string, { test: string; requestedDate: string }>();
  const restrictions = new Map<string, string>();
  for (const e of entries) {
    const d = e.data;
    switch (e.type) {
      case 'PrescriptionWritten':
      case 'PrescriptionRevised':
      case 'PrescriptionRenewed':
        if (str(d['prescriptionId'])) prescriptions.set(str(d['prescriptionId']), { itemId: str(d['itemId']), dose: str(d['dose']), startDate: str(d['startDate']) });
        break;
      case 'LabRequested':
        if (str(d['labId'])) labs.set(str(d['labId']), { test: str(d['test']), requestedDate: str(d['requestedDate']) });
        break;
      case 'WorkRestrictionSet':
        if (str(d['restrictionId'])) restrictions.set(str(d['restrictionId']), str(d['restriction']));
        break;
      default:
        break;
    }
  }
  return { prescriptions, labs, restrictions, items };
}

/**
 * The refs of one timeline. The formulary (medical.read) is asked for only when the timeline holds
 * an entry naming a drug, which only a medical viewer ever receives.
 */
export function useMedicalTimelineRefs(entries: readonly TimelineEntry[]): MedicalTimelineRefs {
  const needsFormulary = useMemo(() => entries.some((e) => NAMES_DRUGS.has(e.type)), [entries]);
  const { data: formulary } = useFormularyQuery(undefined, { skip: !needsFormulary });
  const items = useMemo(() => new Map((formulary ?? []).map((i) => [i.id, { name: i.name, strength: i.strength }])), [formulary]);
  return useMemo(() => buildRefs(entries, items), [entries, items]);
}

/** "TDF/3TC/DTG 300/300/50 mg", or '' when the item is unknown (formulary not loaded, or not there). */
export function itemLabel(refs: MedicalTimelineRefs, itemId: unknown): string {
  const item = typeof itemId === 'string' ? refs.items.get(itemId) : undefined;
  return item ? `${item.name} ${item.strength}`.trim() : '';
}
