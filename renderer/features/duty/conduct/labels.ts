import type { TFunction } from 'i18next';
import { formatDate } from '../../../../shared/dates';
import { DEFAULT_VIOLATION_TYPES, MEASURE_KINDS, type Measure, type ViolationType } from '../../../../shared/duty/conduct';

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

/** A type's label: the admin's name if any, else the built-in type's translated label. */
export function typeLabel(t: TFunction, typeId: unknown, types: readonly ViolationType[] | undefined): string {
  const named = types?.find((x) => x.typeId === typeId)?.name;
  if (named) return named;
  if (oneOf(DEFAULT_VIOLATION_TYPES, typeId)) return t(`conduct.types.${typeId}`);
  return typeof typeId === 'string' ? typeId : '';
}

export function measureLabel(t: TFunction, kind: unknown): string {
  return oneOf(MEASURE_KINDS, kind) ? t(`conduct.measures.${kind}`) : '';
}

/** "Cảnh cáo từ 01/10/2026 đến 05/10/2026 (tạm hoãn đến …)": a measure in one line, on screen and in CSV. */
export function measureText(t: TFunction, m: Measure): string {
  const kind = measureLabel(t, m.kind);
  const span = m.end ? t('conduct.measureSpan', { kind, start: formatDate(m.start), end: formatDate(m.end) }) : t('conduct.measureFrom', { kind, start: formatDate(m.start) });
  return m.suspendedUntil ? `${span} (${t('conduct.suspendedUntil', { date: formatDate(m.suspendedUntil) })})` : span;
}
