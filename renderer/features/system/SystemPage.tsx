import { Alert, Badge, Button, Grid, Loader, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { useStatsQuery, useStatusQuery, useVerifyMutation } from '../../api/api';
import { IdleLockSetting } from './IdleLockSetting';
import { BackupForms, BackupStatusCard } from '../backup/BackupPanel';
import { BreakLine } from './IntegrityBanner';
import { AsOfBanner, AsOfControl, useAsOf } from '../../components/AsOf';
import { ErrorAlert } from '../../components/feedback';
import { label } from '../trainees/format';

function CountTable({ rows, nameHeader, testId }: { rows: [string, string, number][]; nameHeader: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table striped data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{nameHeader}</Table.Th>
          <Table.Th ta="right">{t('system.count')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([key, name, n]) => (
          <Table.Tr key={key}>
            <Table.Td>{name}</Table.Td>
            <Table.Td ta="right">{n}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function SystemPage() {
  const { t } = useTranslation();
  const asOf = useAsOf();
  const { data: stats, error, isLoading } = useStatsQuery(asOf ? { asOf } : {});
  const [verify, verification] = useVerifyMutation();
  const report = verification.data;
  // While a full verification runs, the core reports how far it has got through system.status.
  const { data: status } = useStatusQuery(undefined, { pollingInterval: verification.isLoading ? 300 : 0 });
  const integrity = status?.integrity ?? null;
  const progress = verification.isLoading ? integrity?.verification : null;

  const events = stats ? Object.entries(stats.eventsByType).map(([k, n]): [string, string, number] => [k, label.eventType(t, k), n]) : [];
  const trainees = stats ? Object.entries(stats.traineesByStatus).map(([k, n]): [string, string, number] => [k, label.status(t, k), n]) : [];

  return (
    <Stack gap="md">
      <AsOfBanner />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', flexWrap: 'wrap', gap: 'var(--mantine-spacing-md)' }}>
        <Title order={2}>{t('system.title')}</Title>
        <AsOfControl />
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Title order={3}>{t('system.stats')}</Title>
              {isLoading ? <Loader size="sm" /> : null}
              <ErrorAlert error={error} />
              {stats ? (
                <>
                  <Text>
                    {t('system.totalEvents')}:{' '}
                    <Text span fw={700} data-testid="total-events">
                      {stats.totalEvents}
                    </Text>
                  </Text>
                  <Title order={4}>{t('system.eventsByType')}</Title>
                  <CountTable rows={events} nameHeader={t('system.eventType')} testId="events-by-type" />
                  <Title order={4}>{t('system.traineesByStatus')}</Title>
                  <CountTable rows={trainees} nameHeader={t('system.status')} testId="trainees-by-status" />
                </>
              ) : null}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {/* First for the admin: is there a recent verified backup? Backups concern the data as
              they are now, so they are not offered while a past date is shown. */}
          {asOf ? null : <BackupStatusCard />}
          <Paper withBorder p="md" radius="md" mt={asOf ? 0 : 'md'}>
            <Stack gap="sm">
              <Title order={3}>{t('system.integrity')}</Title>
              <Text size="sm" c="dimmed">
                {t('system.integrityIntro')}
              </Text>
              {integrity ? (
                <Text size="sm" data-testid="integrity-state">
                  <Badge color={integrity.state === 'ok' ? 'teal' : integrity.state === 'broken' ? 'red' : 'orange'} variant="light" mr="xs">
                    {t(`integrity.state.${integrity.state}`)}
                  </Badge>
                  {integrity.checkedAt ? t('system.checkedAt', { at: formatDateTime(integrity.checkedAt) }) : null}
                </Text>
              ) : null}
              {integrity?.state === 'acknowledged'
                ? integrity.breaks.slice(0, 10).map((b) => <BreakLine key={`${b.seq}-${b.kind}`} b={b} />)
                : null}
              <Button onClick={() => void verify()} loading={verification.isLoading} style={{ alignSelf: 'flex-start' }}>
                {t('system.verify')}
              </Button>
              {progress ? (
                <Stack gap={4} data-testid="verify-progress">
                  <Progress value={progress.total > 0 ? (progress.checked / progress.total) * 100 : 0} size="lg" aria-label={t('system.verify')} />
                  <Text size="xs" c="dimmed">
                    {t('startup.count', { done: progress.checked.toLocaleString(), total: progress.total.toLocaleString() })}
                  </Text>
                </Stack>
              ) : null}
              <ErrorAlert error={verification.error} />
              {report ? (
                <Alert color={report.ok ? 'teal' : 'red'} data-testid="verify-result" role="status">
                  <Text size="sm">
                    {report.ok ? t('system.verifyOk', { checked: report.checked, headSeq: report.headSeq }) : t('system.verifyBroken', { seq: report.firstBadSeq ?? '?' })}
                  </Text>
                  {report.breaks.slice(0, 10).map((b) => (
                    <BreakLine key={`${b.seq}-${b.kind}`} b={b} />
                  ))}
                </Alert>
              ) : null}
            </Stack>
          </Paper>
          <Stack mt="md">
            <IdleLockSetting />
          </Stack>
        </Grid.Col>
      </Grid>
      {asOf ? null : <BackupForms />}
    </Stack>
  );
}
