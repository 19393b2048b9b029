import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { RATINGS, REWARD_KINDS } from '../../../../shared/duty/recognition';
import { formatDate } from '../../../../shared/dates';
import { formatMonth } from './month';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/** A reward or a monthly rating in the trainee's timeline (duty data: shown whole to duty.read holders). */
export function RecognitionTimelineBody({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const d = entry.data;
  if (entry.type === 'RewardGranted') {
    return (
      <Stack gap={2}>
        <Text size="sm" data-testid="timeline-reward">
          {t('recognition.timeline.reward', { kind: oneOf(REWARD_KINDS, d['kind']) ? t(`recognition.kinds.${d['kind']}`) : '', date: formatDate(str(d['date'])) })}
        </Text>
        {str(d['reason']) ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('recognition.timeline.reason')}:
            </Text>{' '}
            {str(d['reason'])}
          </Text>
        ) : null}
      </Stack>
    );
  }
  const replaces = d['replacesSeq'];
  return (
    <Stack gap={2}>
      <Text size="sm" data-testid="timeline-rating">
        {t('recognition.timeline.rated', { month: formatMonth(str(d['month'])), rating: oneOf(RATINGS, d['rating']) ? t(`recognition.ratings.${d['rating']}`) : '' })}
      </Text>
      {typeof replaces === 'number' ? (
        <Text size="sm" c="dimmed">
          {t('recognition.timeline.rerated', { seq: replaces })}
        </Text>
      ) : null}
    </Stack>
  );
}
