import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { formatDate } from '../../../../shared/dates';
import { ABSENCE_REASONS, WITHDRAW_REASONS } from '../../../../shared/training/classes';
import { useClassListQuery } from './api';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/** An enrolment, a withdrawal or a session's mark in the trainee's timeline (shown to literacy.read holders). */
export function ClassesTimelineBody({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const classes = useClassListQuery({ includeClosed: true });
  const d = entry.data;
  const name = classes.data?.find((c) => c.classId === d['classId'])?.name ?? '';
  const date = formatDate(str(d['date']));
  let text: string;
  if (entry.type === 'TraineeEnrolled') text = t('classes.timeline.enrolled', { name, date });
  else if (entry.type === 'TraineeWithdrawn') {
    const reason = oneOf(WITHDRAW_REASONS, d['reason']) ? t(`classes.withdrawReasons.${d['reason']}`) : '';
    text = [t('classes.timeline.withdrawn', { name, date, reason }), str(d['note'])].filter(Boolean).join(' — ');
  } else {
    const reason = oneOf(ABSENCE_REASONS, d['reason']) ? t(`classes.absenceReasons.${d['reason']}`) : '';
    text = [d['present'] === true ? t('classes.timeline.present', { name, date }) : t('classes.timeline.absent', { name, date, reason }), str(d['note'])].filter(Boolean).join(' — ');
    if (typeof d['corrects'] === 'number') text += ` (${t('classes.timeline.corrects', { seq: d['corrects'] })})`;
  }
  return (
    <Text size="sm" data-testid="timeline-classes">
      {text}
    </Text>
  );
}
