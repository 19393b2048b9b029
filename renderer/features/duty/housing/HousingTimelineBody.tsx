import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { useHousingLayoutQuery } from './api';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): string => (typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/**
 * A bed assigned, moved or vacated in a trainee's timeline (seen by `duty.read` holders only, who
 * may read the layout, so room ids are named from it). A placement recorded despite warnings
 * shows the warnings and the officer's reason.
 */
export function HousingTimelineBody({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const { data } = useHousingLayoutQuery({});
  const rooms = new Map((data?.dorms ?? []).flatMap((d) => d.rooms.map((r) => [r.roomId, `${r.name} (${d.name})`] as const)));
  const room = (id: unknown) => rooms.get(str(id)) ?? '';
  const d = entry.data;
  const override = d['override'] ? obj(d['override']) : null;
  const warnings = Array.isArray(override?.['warnings']) ? (override['warnings'] as unknown[]).map((w) => t(`housing.warnings.codes.${str(w) as 'overCapacity'}`)).join('; ') : '';
  const lineOf = (): string => {
    if (entry.type === 'BedAssigned') return t('housing.timeline.assigned', { bed: num(d['bed']), room: room(d['roomId']) });
    if (entry.type === 'BedMoved') {
      const from = obj(d['from']);
      const to = obj(d['to']);
      return t('housing.timeline.moved', { fromBed: num(from['bed']), from: room(from['roomId']), toBed: num(to['bed']), to: room(to['roomId']) });
    }
    return t('housing.timeline.vacated', { bed: num(d['bed']), room: room(d['roomId']) });
  };
  const line = lineOf();
  return (
    <Stack gap={2}>
      <Text size="sm">{line}</Text>
      {str(d['reason']) ? <Text size="sm">{t('housing.timeline.reason', { reason: str(d['reason']) })}</Text> : null}
      {override ? (
        <Text size="sm" c="orange">
          {t('housing.timeline.override', { warnings, reason: str(override['reason']) })}
        </Text>
      ) : null}
    </Stack>
  );
}
