import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/dates';
import { navigate } from '../../../app/navigation';
import { useAppDispatch } from '../../../app/store';
import { ErrorAlert } from '../../../components/feedback';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { useDetoxDashboardQuery } from './api';
import { pick, SEVERITY_COLORS, TREND_ARROWS } from './detoxForm';
import { ScalesModal } from './ScalesModal';

/**
 * The medical dashboard's detox card: every active episode, the last score with its band (or the
 * trend for scales without bands), when the next assessment is due, and which are overdue first.
 */
export function DetoxCard() {
  const { t, i18n } = useTranslation();
  const dispatch = useAppDispatch();
  // "Overdue" moves with the clock, not only with new events: ask again every minute.
  const { data, error, isLoading } = useDetoxDashboardQuery(undefined, { pollingInterval: 60_000 });
  const [scalesOpen, setScalesOpen] = useState(false);
  type Row = NonNullable<typeof data>['rows'][number];
  const columns: CsvColumn<Row>[] = [
    { header: t('fields.fileNumber'), value: (r) => r.fileNumber },
    { header: t('fields.fullName'), value: (r) => r.fullName },
    { header: t('detox.card.scale'), value: (r) => pick(r.scaleName, i18n.language) },
    { header: t('detox.card.lastScore'), value: (r) => (r.lastAssessedAt === null ? t('detox.card.notAssessed') : r.lastTotal) },
    { header: t('detox.card.severity'), value: (r) => (r.band ? pick(r.band.label, i18n.language) : r.trend ? t(`detox.trend.${r.trend}`) : '') },
    { header: t('detox.card.nextDue'), value: (r) => formatDateTime(r.nextDueAt) },
    { header: t('detox.card.overdue'), value: (r) => (r.overdue ? t('csv.yes') : t('csv.no')) },
  ];

  return (
    <Paper withBorder p="md" radius="md" data-testid="detox-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3}>{t('detox.card.title')}</Title>
            {data ? (
              <Badge variant="light" color={data.rows.some((r) => r.overdue) ? 'red' : 'gray'}>
                {data.rows.length}
              </Badge>
            ) : null}
          </Group>
          <CsvExportButton fileName={t('csv.files.detox')} columns={columns} rows={data?.rows} />
          <Button size="compact-sm" variant="subtle" onClick={() => setScalesOpen(true)}>
            {t('detox.scales.button')}
          </Button>
        </Group>
        {isLoading ? <Loader size="sm" /> : null}
        <ErrorAlert error={error} />
        {data && data.rows.length === 0 ? <Alert color="gray">{t('detox.card.empty')}</Alert> : null}
        {data && data.rows.length > 0 ? (
          <Table striped fz="sm" data-testid="detox-card-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('detox.card.trainee')}</Table.Th>
                <Table.Th>{t('detox.card.scale')}</Table.Th>
                <Table.Th>{t('detox.card.lastScore')}</Table.Th>
                <Table.Th>{t('detox.card.severity')}</Table.Th>
                <Table.Th>{t('detox.card.nextDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={r.episodeId} data-testid="detox-card-row" data-overdue={r.overdue ? 'true' : undefined}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      ta="left"
                      aria-label={t('detox.card.open', { name: r.fullName })}
                      onClick={() => dispatch(navigate({ name: 'medicalRecord', traineeId: r.traineeId }))}
                    >
                      {r.fullName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.fileNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>{pick(r.scaleName, i18n.language)}</Table.Td>
                  <Table.Td fw={600}>{r.lastAssessedAt === null ? <Text span size="sm" c="dimmed">{t('detox.card.notAssessed')}</Text> : (r.lastTotal ?? '—')}</Table.Td>
                  <Table.Td>
                    {r.band ? (
                      <Badge color={SEVERITY_COLORS[r.band.severity]} variant="light">
                        {pick(r.band.label, i18n.language)}
                      </Badge>
                    ) : r.trend ? (
                      <Text span size="sm" data-testid="detox-trend">
                        {TREND_ARROWS[r.trend]} {t(`detox.trend.${r.trend}`)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text span size="sm">
                        {formatDateTime(r.nextDueAt)}
                      </Text>
                      {r.overdue ? (
                        <Badge color="red" size="sm" data-testid="detox-overdue">
                          {t('detox.card.overdue')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {data ? (
          <Text size="xs" c="dimmed">
            {t('detox.card.interval', { hours: data.intervalHours })}
          </Text>
        ) : null}
      </Stack>
      <ScalesModal opened={scalesOpen} onClose={() => setScalesOpen(false)} />
    </Paper>
  );
}
