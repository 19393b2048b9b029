import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { formatDate } from '../../../../shared/dates';
import { KEEP_APART_LEVELS, KEEP_APART_REASONS, KEEP_APART_ROLES } from '../../../../shared/duty/keepApart';
import { useKeepApartRulesQuery } from './api';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

/**
 * A keep-apart rule set or ended, in the timeline of both trainees it names (duty.read holders
 * only). The event carries ids: the two names come from the rules list, asked once and cached.
 */
export function KeepApartTimelineBody({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const { data } = useKeepApartRulesQuery({ includeEnded: true });
  const d = entry.data;
  const rule = data?.find((r) => r.ruleId === str(d['ruleId']));
  const role = (v: unknown) => (oneOf(KEEP_APART_ROLES, v) ? t(`keepApart.roles.${v}`) : '');
  const lines: string[] = [];
  if (entry.type === 'KeepApartSet') {
    if (rule) lines.push(`${rule.a.fullName} (${role(d['roleA'])}) ↔ ${rule.b.fullName} (${role(d['roleB'])})`);
    const level = oneOf(KEEP_APART_LEVELS, d['level']) ? t(`keepApart.levels.${d['level']}`) : '';
    const reason = oneOf(KEEP_APART_REASONS, d['reason']) ? t(`keepApart.reasons.${d['reason']}`) : '';
    lines.push([level, reason, str(d['reviewDate']) ? `${t('keepApart.reviewDate')}: ${formatDate(str(d['reviewDate']))}` : ''].filter(Boolean).join(' · '));
  } else {
    if (rule) lines.push(`${rule.a.fullName} ↔ ${rule.b.fullName}`);
    if (str(d['date'])) lines.push(`${t('keepApart.endDate')}: ${formatDate(str(d['date']))}`);
  }
  if (str(d['note'])) lines.push(str(d['note']));
  return (
    <Stack gap={2} data-testid="timeline-keep-apart">
      {lines.map((l, i) => (
        <Text size="sm" key={i}>
          {l}
        </Text>
      ))}
    </Stack>
  );
}
