import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/dates';
import type { WorkshopSummary } from '../../../../shared/training/labor';
import { formatAmount } from './fields';

/** Name, product and instructor; the roster; today's sheet; output this week and month. */
export function WorkshopHeader({ w }: { w: WorkshopSummary }) {
  const { t, i18n } = useTranslation();
  const sheet = w.roster.length === 0 ? null : w.recordedToday === 0 ? t('labor.sheetNotYet') : t('labor.sheetDone', { recorded: w.recordedToday, total: w.roster.length });
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Title order={4}>{w.name}</Title>
        {w.usesBlades ? (
          <Badge color="orange" variant="light">
            {t('labor.blades')}
          </Badge>
        ) : null}
        {w.closedOn ? <Badge color="gray">{t('labor.closed', { date: formatDate(w.closedOn) })}</Badge> : null}
      </Group>
      <Text size="sm" c="dimmed">
        {[w.product, `${t('labor.instructor')}: ${w.instructorName}`].filter(Boolean).join(' · ')}
      </Text>
      <Group gap="lg">
        <Text size="sm" data-testid="workshop-output-week">
          {t('labor.week')}: <b>{formatAmount(w.outputWeek, i18n.language)}</b> {w.unit}
        </Text>
        <Text size="sm" data-testid="workshop-output-month">
          {t('labor.month')}: <b>{formatAmount(w.outputMonth, i18n.language)}</b> {w.unit}
        </Text>
        {sheet ? (
          <Badge variant="light" color={w.recordedToday >= w.roster.length ? 'teal' : 'yellow'} data-testid="workshop-sheet-status">
            {t('labor.todaySheet')}: {sheet}
          </Badge>
        ) : null}
      </Group>
    </Stack>
  );
}
