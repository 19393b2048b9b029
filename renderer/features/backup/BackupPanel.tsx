import { Alert, Badge, Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/backup';
import { formatDateTime } from '../../../shared/dates';
import { ErrorAlert } from '../../components/feedback';
import { useBackupStatusQuery } from './api';
import { AutomaticBackupForm } from './AutomaticBackupForm';
import { BackupNowForm } from './BackupNowForm';
import { RestoreForm } from './RestoreForm';
import { megabytes } from './Progress';

function EntryCell({ entry }: { entry: BackupEntry | null }) {
  const { t } = useTranslation();
  if (!entry) return <Text size="sm">{t('backup.facts.none')}</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm">
        <Badge color={entry.verified ? 'teal' : 'red'} variant="light" mr="xs">
          {entry.verified ? t('backup.verified') : t('backup.failed')}
        </Badge>
        {formatDateTime(entry.recordedAt)}
        {entry.automatic ? ` (${t('backup.facts.automatic')})` : ''}
      </Text>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {entry.verified ? `${entry.file} · ${megabytes(entry.bytes)} MB · ${t('backup.facts.eventsCount', { n: entry.events.toLocaleString() })}` : `${entry.folder}: ${entry.problem}`}
      </Text>
    </Stack>
  );
}

/**
 * The administrator's view of the data's safety, at the top of the System page: the last
 * (verified) backup and where it is, the chain, the log's size and events, a warning when the
 * last verified backup is too old, and a restore waiting for the restart.
 */
export function BackupStatusCard() {
  const { t } = useTranslation();
  const { data: status, error } = useBackupStatusQuery();
  return (
    <Paper withBorder p="md" radius="md" data-testid="backup-section">
      <Stack gap="sm">
        <Title order={3}>{t('backup.title')}</Title>
        <ErrorAlert error={error} />
        {status?.pendingRestore ? (
          <Alert color="blue" role="status" data-testid="restore-pending">
            {t('backup.pending')}
          </Alert>
        ) : null}
        {status?.warning ? (
          <Alert color="orange" role="alert" data-testid="backup-warning">
            {status.warning === 'never' ? t('backup.never') : t('backup.old', { days: status.daysSinceVerified ?? 0, limit: status.settings.warnAfterDays })}
          </Alert>
        ) : null}
        {status ? (
          <Table data-testid="backup-facts" withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={170}>{t('backup.facts.lastVerified')}</Table.Th>
                <Table.Td data-testid="last-verified">
                  <EntryCell entry={status.lastVerified} />
                </Table.Td>
              </Table.Tr>
              {status.last && status.last.seq !== status.lastVerified?.seq ? (
                <Table.Tr>
                  <Table.Th>{t('backup.facts.last')}</Table.Th>
                  <Table.Td data-testid="last-backup">
                    <EntryCell entry={status.last} />
                  </Table.Td>
                </Table.Tr>
              ) : null}
              <Table.Tr>
                <Table.Th>{t('backup.facts.chain')}</Table.Th>
                <Table.Td>
                  <Badge color={status.integrity.state === 'ok' ? 'teal' : status.integrity.state === 'broken' ? 'red' : 'orange'} variant="light" data-testid="backup-chain">
                    {t(`integrity.state.${status.integrity.state}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('backup.facts.logSize')}</Table.Th>
                <Table.Td data-testid="log-size">{megabytes(status.logBytes)} MB</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('backup.facts.events')}</Table.Th>
                <Table.Td data-testid="log-events">{status.events.toLocaleString()}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Backing up now, automatic backups, restoring: below the page's statistics. */
export function BackupForms() {
  const { t } = useTranslation();
  const { data: status } = useBackupStatusQuery();
  return (
    <Stack gap="sm" data-testid="backup-forms">
      <Title order={3}>{t('backup.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('backup.intro')}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <BackupNowForm running={status?.running ?? null} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>{status ? <AutomaticBackupForm status={status} /> : null}</Grid.Col>
        <Grid.Col span={12}>
          <RestoreForm running={status?.running ?? null} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
