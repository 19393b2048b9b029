import type { TFunction } from 'i18next';
import {
  ADMISSION_TYPES,
  EDUCATION_LEVELS,
  PHASES,
  RELEASE_KINDS,
  SEXES,
  SUBSTANCES,
  TRAINEE_DETAIL_FIELDS,
  TRAINEE_STATUSES,
  type TraineeDetails,
} from '../../../shared/admissions';
import { formatDate } from '../../../shared/dates';
import { EVENT_TYPES, type EventType } from '../../../shared/events';
import { ROLES } from '../../../shared/roles';

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

/** Enum labels in the user's language; unknown values are shown as they are. */
export const label = {
  sex: (t: TFunction, v: unknown) => (oneOf(SEXES, v) ? t(`enums.sex.${v}`) : String(v ?? '')),
  admissionType: (t: TFunction, v: unknown) => (oneOf(ADMISSION_TYPES, v) ? t(`enums.admissionType.${v}`) : String(v ?? '')),
  releaseKind: (t: TFunction, v: unknown) => (oneOf(RELEASE_KINDS, v) ? t(`enums.releaseKind.${v}`) : String(v ?? '')),
  status: (t: TFunction, v: unknown) => (oneOf(TRAINEE_STATUSES, v) ? t(`enums.status.${v}`) : String(v ?? '')),
  educationLevel: (t: TFunction, v: unknown) => (oneOf(EDUCATION_LEVELS, v) ? t(`enums.educationLevel.${v}`) : String(v ?? '')),
  substance: (t: TFunction, v: unknown) => (oneOf(SUBSTANCES, v) ? t(`enums.substance.${v}`) : String(v ?? '')),
  phase: (t: TFunction, v: unknown) => (oneOf(PHASES, v) ? t(`enums.phase.${v}`) : String(v ?? '')),
  role: (t: TFunction, v: unknown) => (oneOf(ROLES, v) ? t(`enums.role.${v}`) : String(v ?? '')),
  eventType: (t: TFunction, v: unknown) => (isEventType(v) ? t(`enums.eventType.${v}`) : String(v ?? '')),
  field: (t: TFunction, v: unknown) => (oneOf(TRAINEE_DETAIL_FIELDS, v) ? t(`fields.${v}`) : String(v ?? '')),
};

export function isEventType(v: unknown): v is EventType {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(EVENT_TYPES, v);
}

const DATE_FIELDS: readonly string[] = ['dateOfBirth', 'admissionDate', 'plannedReleaseDate', 'releaseDate'];

function isContact(v: unknown): v is TraineeDetails['familyContact'] {
  return typeof v === 'object' && v !== null && 'name' in v;
}

/** One field's value as people read it: dd/MM/yyyy dates, translated choices, joined lists. */
export function formatFieldValue(t: TFunction, field: string, v: unknown): string {
  const empty = t('timeline.emptyValue');
  if (v === null || v === undefined || v === '') return empty;
  if (DATE_FIELDS.includes(field) && typeof v === 'string') return formatDate(v);
  switch (field) {
    case 'sex':
      return label.sex(t, v);
    case 'admissionType':
      return label.admissionType(t, v);
    case 'educationLevel':
      return label.educationLevel(t, v);
    case 'substances':
      return Array.isArray(v) && v.length > 0 ? v.map((s) => label.substance(t, s)).join(', ') : empty;
    case 'familyContact': {
      if (!isContact(v)) return empty;
      const parts = [v.name, v.relationship, v.phone].filter((p) => typeof p === 'string' && p.trim() !== '');
      return parts.length > 0 ? parts.join(', ') : empty;
    }
    default:
      return typeof v === 'string' ? v : JSON.stringify(v);
  }
}
