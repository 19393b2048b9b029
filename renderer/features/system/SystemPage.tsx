import { Alert, Button, Grid, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStatsQuery, useVerifyMutation } from '../../api/api';
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
  const { data: stats, error, isLoading } = useStatsQuery();
  const [verify, verification] = useVerifyMutation();
  const report = verification.data;

  const events = stats ? Object.entries(stats.eventsByType).map(([k, n]): [string, string, number] => [k, label.eventType(t, k), n]) : [];
  const trainees = stats ? Object.entries(stats.traineesByStatus).map(([k, n]): [string, string, number] => [k, label.status(t, k), n]) : [];

  return (
    <Stack gap="md">
      <Title order={2}>{t('system.title')}</Title>
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
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Title order={3}>{t('system.integrity')}</Title>
              <Text size="sm" c="dimmed">
                {t('system.integrityIntro')}
              </Text>
              <Button onClick={() => void verify()} loading={verification.isLoading} style={{ alignSelf: 'flex-start' }}>
                {t('system.verify')}
              </Button>
              <ErrorAlert error={verification.error} />
              {report ? (
                <Alert color={report.ok ? 'teal' : 'red'} data-testid="verify-result" role="status">
                  <Text size="sm">
                    {report.ok ? t('system.verifyOk', { checked: report.checked, headSeq: report.headSeq }) : t('system.verifyBroken', { seq: report.firstBadSeq ?? '?' })}
                  </Text>
                  {report.problem ? <Text size="sm">{t('system.problem', { problem: report.problem })}</Text> : null}
                </Alert>
              ) : null}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
