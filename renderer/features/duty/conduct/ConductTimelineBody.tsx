import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { formatDate } from '../../../../shared/dates';
import { useViolationTypesQuery } from './api';
import { measureLabel, typeLabel } from './labels';
import { Labelled } from '../../trainees/Labelled';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');


/**
 * A violation, measure, suspension or self-criticism in a trainee's timeline (duty viewers only:
 * conduct streams join the timeline for `duty.read`). The catalog is asked for the type's name.
 */
export function ConductTimelineBody({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const types = useViolationTypesQuery({}, { skip: entry.type !== 'ViolationRecorded' }).data;
  const d = entry.data;
  const date = (k: string) => formatDate(str(d[k]));
  switch (entry.type) {
    case 'ViolationRecorded':
      return (
        <Stack gap={2} data-testid="conduct-timeline">
          <Text size="sm">{t('conduct.timeline.violation', { type: typeLabel(t, d['typeId'], types), date: `${date('date')}${str(d['time']) ? ` ${str(d['time'])}` : ''}` })}</Text>
          <Labelled label={t('conduct.timeline.place')} value={str(d['place'])} />
          <Labelled label={t('conduct.timeline.description')} value={str(d['description'])} />
          <Labelled label={t('conduct.timeline.witnesses')} value={str(d['witnesses'])} />
        </Stack>
      );
    case 'MeasureImposed': {
      const kind = measureLabel(t, d['kind']);
      return (
        <Stack gap={2} data-testid="conduct-timeline">
          <Text size="sm">{str(d['end']) ? t('conduct.timeline.measureUntil', { kind, start: date('start'), end: date('end') }) : t('conduct.timeline.measure', { kind, start: date('start') })}</Text>
          <Labelled label={t('conduct.fields.note')} value={str(d['note'])} />
        </Stack>
      );
    }
    case 'MeasureSuspended':
      return (
        <Stack gap={2} data-testid="conduct-timeline">
          <Text size="sm">{t('conduct.timeline.suspended', { date: date('until') })}</Text>
          <Labelled label={t('conduct.fields.note')} value={str(d['note'])} />
        </Stack>
      );
    case 'SelfCriticismReceived':
      return (
        <Text size="sm" data-testid="conduct-timeline">
          {t('conduct.timeline.selfCriticism', { date: date('date') })}
        </Text>
      );
    default:
      return null;
  }
}
