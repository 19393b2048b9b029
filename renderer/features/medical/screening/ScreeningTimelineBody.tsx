import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { formatDate } from '../../../../shared/dates';
import { isPositive, screeningResultsSchema, testsOf } from '../../../../shared/medical/screening';
import { summarize } from './summary';

/**
 * A screening session in a trainee's timeline (medical viewers only: other roles never receive
 * it): the day, then one line per test done, positives in red. The results are read through the
 * shared schema, so a session that does not parse shows its date and note only.
 */
export function ScreeningTimelineBody({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  if (entry.type !== 'ScreeningRecorded') return null;
  const d = entry.data;
  const parsed = screeningResultsSchema.safeParse(d['results']);
  const results = parsed.success ? parsed.data : null;
  const note = typeof d['note'] === 'string' ? d['note'] : '';
  return (
    <Stack gap={2} data-testid="timeline-screening">
      {typeof d['date'] === 'string' && d['date'] ? (
        <Text size="sm">
          <Text span fw={600}>
            {t('screening.date')}:
          </Text>{' '}
          {formatDate(d['date'])}
        </Text>
      ) : null}
      {results
        ? testsOf(results).map((test) => {
            const positive = isPositive(results, test) === true;
            return (
              <Text size="sm" key={test} data-testid="timeline-screening-test" data-positive={positive ? 'true' : undefined}>
                <Text span fw={600}>
                  {t(`screening.tests.${test}`)}:
                </Text>{' '}
                <Text span c={positive ? 'red.7' : undefined} fw={positive ? 700 : undefined}>
                  {summarize(t, test, results)}
                </Text>
              </Text>
            );
          })
        : null}
      {note ? (
        <Text size="sm">
          <Text span fw={600}>
            {t('screening.note')}:
          </Text>{' '}
          {note}
        </Text>
      ) : null}
    </Stack>
  );
}
