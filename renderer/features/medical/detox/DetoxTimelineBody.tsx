import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/dates';
import { DETOX_OUTCOMES, DETOX_SUBSTANCES } from '../../../../shared/medical/detox';
import { BUILT_IN_SCALES } from '../../../../shared/medical/scales';
import { pick } from './detoxForm';

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

/**
 * One line for a detox event in a trainee's timeline (medical viewers only: other roles never
 * receive these events). Facility scales show by id; built-in ones by name with the band.
 */
export function DetoxTimelineBody({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const d = entry.data;
  const scale = BUILT_IN_SCALES.find((s) => s.id === d['scaleId']);
  switch (entry.type) {
    case 'DetoxEpisodeStarted': {
      // Parts joined only when present: no stray "·" if a key is missing.
      const line = [
        scale ? pick(scale.name, i18n.language) : typeof d['scaleId'] === 'string' ? d['scaleId'] : '',
        oneOf(DETOX_SUBSTANCES, d['substance']) ? t(`detox.substances.${d['substance']}`) : '',
        typeof d['startedAt'] === 'string' ? formatDateTime(d['startedAt']) : '',
      ]
        .filter(Boolean)
        .join(' · ');
      return line ? (
        <Text size="sm" data-testid="timeline-detox">
          {line}
        </Text>
      ) : null;
    }
    case 'DetoxAssessed': {
      const total = typeof d['total'] === 'number' ? d['total'] : null;
      return (
        <Text size="sm" data-testid="timeline-detox">
          {typeof d['assessedAt'] === 'string' ? `${formatDateTime(d['assessedAt'])} · ` : ''}
          {total === null ? t('detox.history.incomplete') : t('detox.assess.total', { total })}
        </Text>
      );
    }
    case 'DetoxEpisodeClosed': {
      const line = [oneOf(DETOX_OUTCOMES, d['outcome']) ? t(`detox.outcome.${d['outcome']}`) : '', typeof d['note'] === 'string' ? d['note'] : ''].filter(Boolean).join(' · ');
      return line ? (
        <Text size="sm" data-testid="timeline-detox">
          {line}
        </Text>
      ) : null;
    }
    default:
      return null;
  }
}

