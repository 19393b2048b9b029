import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { formatDate } from '../../../../shared/dates';
import { ABSENCE_REASONS } from '../../../../shared/training/labor';
import { useWorkshopsQuery } from './api';
import { formatAmount } from './fields';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/**
 * An assignment, a departure or a day's labor in the trainee's timeline (labor.read holders
 * only). The events carry the workshop's id: its name and unit come from the workshops list.
 */
export function LaborTimelineBody({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const { data } = useWorkshopsQuery({ includeClosed: true });
  const d = entry.data;
  const w = data?.find((x) => x.workshopId === str(d['workshopId']));
  const workshop = w?.name ?? '';
  const lines: string[] = [];
  if (entry.type === 'TraineeAssignedToWorkshop') lines.push(t('labor.timeline.assigned', { workshop, date: formatDate(str(d['date'])) }));
  else if (entry.type === 'TraineeUnassignedFromWorkshop') {
    const cause = d['cause'] === 'moved' ? t('labor.timeline.moved') : d['cause'] === 'closed' ? t('labor.timeline.closedCause') : '';
    lines.push([t('labor.timeline.unassigned', { workshop, date: formatDate(str(d['date'])) }), cause].filter(Boolean).join(' – '));
    if (str(d['note'])) lines.push(str(d['note']));
  } else if (d['present'] === true) {
    lines.push(`${formatDate(str(d['date']))} · ${t('labor.timeline.present', { workshop, hours: formatAmount(num(d['hours']), i18n.language), output: formatAmount(num(d['output']), i18n.language), unit: w?.unit ?? '' })}`);
    if (str(d['quality'])) lines.push(t('labor.timeline.quality', { quality: str(d['quality']) }));
  } else {
    const a = d['absence'];
    const reason = ABSENCE_REASONS.find((r) => r === a);
    lines.push(`${formatDate(str(d['date']))} · ${t('labor.timeline.absent', { workshop, reason: reason ? t(`labor.absence.${reason}`) : '' })}`);
    if (str(d['absenceNote'])) lines.push(str(d['absenceNote']));
  }
  return (
    <Stack gap={2} data-testid="timeline-labor">
      {lines.map((l, i) => (
        <Text size="sm" key={i}>
          {l}
        </Text>
      ))}
    </Stack>
  );
}
