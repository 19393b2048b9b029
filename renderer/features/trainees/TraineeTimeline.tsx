import { Alert, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../shared/api';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { useTimelineQuery } from '../../api/api';
import { ErrorAlert } from '../../components/feedback';
import { formatFieldValue, label } from './format';

interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

function changesOf(data: Record<string, unknown>): Change[] {
  const raw = data['changes'];
  if (!Array.isArray(raw)) return [];
  return raw.filter((c): c is Change => typeof c === 'object' && c !== null && typeof (c as { field?: unknown }).field === 'string');
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function EntryBody({ entry, t }: { entry: TimelineEntry; t: TFunction }) {
  const d = entry.data;
  switch (entry.type) {
    case 'TraineeAdmitted':
      return (
        <Text size="sm">
          {t('timeline.admittedAs', {
            fileNumber: str(d['fileNumber']),
            type: label.admissionType(t, d['admissionType']),
            date: formatDate(str(d['admissionDate'])),
          })}
        </Text>
      );
    case 'TraineeDetailsCorrected': {
      const reason = str(d['reason']) || entry.meta.reason || '';
      return (
        <Stack gap={2}>
          {changesOf(d).map((c) => (
            <Text size="sm" key={c.field} data-testid="timeline-change">
              <Text span fw={600}>
                {label.field(t, c.field)}:
              </Text>{' '}
              <Text span td="line-through" c="dimmed">
                {formatFieldValue(t, c.field, c.from)}
              </Text>{' '}
              → <Text span>{formatFieldValue(t, c.field, c.to)}</Text>
            </Text>
          ))}
          {reason ? (
            <Text size="sm" data-testid="timeline-reason">
              <Text span fw={600}>
                {t('timeline.reason')}:
              </Text>{' '}
              {reason}
            </Text>
          ) : null}
        </Stack>
      );
    }
    case 'TraineeReleased':
      return (
        <Stack gap={2}>
          <Text size="sm">
            <Text span fw={600}>
              {t('timeline.releaseDate')}:
            </Text>{' '}
            {formatDate(str(d['releaseDate']))}
          </Text>
          <Text size="sm">
            <Text span fw={600}>
              {t('timeline.releaseKind')}:
            </Text>{' '}
            {label.releaseKind(t, d['kind'])}
          </Text>
          {str(d['note']) ? (
            <Text size="sm">
              <Text span fw={600}>
                {t('timeline.note')}:
              </Text>{' '}
              {str(d['note'])}
            </Text>
          ) : null}
        </Stack>
      );
    default:
      return null;
  }
}

/** What happened to this trainee, newest first, each entry with who recorded it and when. */
export function TraineeTimeline({ traineeId }: { traineeId: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useTimelineQuery({ traineeId });
  const entries = data ? [...data].sort((a, b) => b.seq - a.seq) : [];

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Title order={3}>{t('timeline.title')}</Title>
        {isLoading ? <Loader size="sm" /> : null}
        <ErrorAlert error={error} />
        {data && entries.length === 0 ? <Alert color="gray">{t('timeline.empty')}</Alert> : null}
        {entries.length > 0 ? (
          <Timeline bulletSize={14} lineWidth={2} active={entries.length} data-testid="timeline">
            {entries.map((e) => (
              <Timeline.Item key={e.seq} title={label.eventType(t, e.type)} data-testid="timeline-entry" data-event-type={e.type}>
                <Stack gap={4} mt={2}>
                  <Text size="xs" c="dimmed">
                    {t('timeline.occurred')}: {formatDate(e.occurredAt)} · {t('timeline.recorded')}: {formatDateTime(e.recordedAt)} · {t('timeline.by')}:{' '}
                    {e.actor?.fullName ?? t('timeline.system')}
                  </Text>
                  <EntryBody entry={e} t={t} />
                </Stack>
              </Timeline.Item>
            ))}
          </Timeline>
        ) : null}
      </Stack>
    </Paper>
  );
}
