import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { formatDate } from '../../../../shared/dates';
import { LITERACY_LEVELS, LITERACY_STATUSES, SKILLS, SKILL_LEVELS } from '../../../../shared/training/literacy';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/** Skill observations and a literacy completion in the trainee's timeline (literacy.read holders). */
export function LiteracyTimelineBody({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const d = entry.data;
  if (entry.type === 'SkillsObserved') {
    const skills = Array.isArray(d['skills']) ? (d['skills'] as { skill?: unknown; level?: unknown }[]) : [];
    return (
      <Stack gap={2} data-testid="timeline-observed">
        <Text size="sm" fw={600}>
          {t('literacy.timeline.observed', { date: formatDate(str(d['date'])) })}
        </Text>
        <Text size="sm">
          {skills
            .flatMap((s) => (oneOf(SKILLS, s.skill) && oneOf(SKILL_LEVELS, s.level) ? [`${t(`literacy.skills.${s.skill}`)}: ${t(`literacy.levels.${s.level}`)}`] : []))
            .join('; ')}
        </Text>
      </Stack>
    );
  }
  const level = oneOf(LITERACY_LEVELS, d['level']) ? t(`literacy.status.${d['level']}`) : '';
  return (
    <Stack gap={2}>
      <Text size="sm" data-testid="timeline-completed">
        {t('literacy.timeline.completed', { level, date: formatDate(str(d['date'])) })}
      </Text>
      {str(d['overrideReason']) ? (
        <Text size="sm" c="dimmed">
          {t('literacy.timeline.override', { status: oneOf(LITERACY_STATUSES, d['status']) ? t(`literacy.status.${d['status']}`) : '', reason: str(d['overrideReason']) })}
        </Text>
      ) : null}
    </Stack>
  );
}
