import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { formatDate } from '../../../../shared/dates';
import { COUNSELLING_KINDS, COUNSELLING_OUTCOMES } from '../../../../shared/training/reintegration';
import { Labelled } from '../../trainees/Labelled';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);


/** A counselling session in the trainee's timeline (not medical: shown whole to reintegration.read holders). */
export function ReintegrationTimelineBody({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const d = entry.data;
  const kind = oneOf(COUNSELLING_KINDS, d['kind']) ? t(`reintegration.kinds.${d['kind']}`) : '';
  const outcome = oneOf(COUNSELLING_OUTCOMES, d['outcome']) ? t(`reintegration.outcomes.${d['outcome']}`) : '';
  return (
    <Stack gap={2}>
      <Text size="sm" data-testid="timeline-counselling">
        {t('reintegration.timeline.session', { kind: kind.toLocaleLowerCase(), date: formatDate(str(d['date'])), outcome: outcome.toLocaleLowerCase() })}
      </Text>
      <Labelled label={t('reintegration.timeline.topics')} value={str(d['topics'])} />
      <Labelled label={t('reintegration.timeline.notes')} value={str(d['notes'])} />
      <Labelled label={t('reintegration.timeline.referralTo')} value={str(d['referralTo'])} />
      <Labelled label={t('reintegration.timeline.followUp')} value={str(d['followUpDate']) ? formatDate(str(d['followUpDate'])) : ''} />
    </Stack>
  );
}
