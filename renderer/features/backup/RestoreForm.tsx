import { Alert, Button, Group, Modal, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restoreBackupInput, type BackupProgress } from '../../../shared/backup';
import { ErrorAlert } from '../../components/feedback';
import { FormActions } from '../../components/FormActions';
import { validationMessage } from '../../i18n/messages';
import { useBackupStatusQuery, useRestoreBackupMutation } from './api';
import { BackupProgressBar } from './Progress';
import { fieldIssues } from './issues';
import { PathInput } from './PathInput';

/**
 * Restore a backup after a confirmation. Sen builds and verifies the restored data beside the
 * current folder; they take its place at the next start (the current data are kept aside).
 */
export function RestoreForm({ running }: { running: BackupProgress | null }) {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [restore, { isLoading, error, data }] = useRestoreBackupMutation();
  useBackupStatusQuery(undefined, { pollingInterval: isLoading ? 300 : 0 });

  const ask = (e: React.FormEvent) => {
    e.preventDefault();
    const found = fieldIssues(restoreBackupInput.safeParse({ file, passphrase }));
    setIssues(found);
    if (Object.keys(found).length === 0) setConfirming(true);
  };
  const confirm = async () => {
    setConfirming(false);
    const result = await restore({ file, passphrase });
    if ('data' in result && result.data) setPassphrase('');
    else setIssues(fieldIssues(null, result.error));
  };
  const msg = (k: string) => (issues[k] ? validationMessage(t, issues[k]) : undefined);

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={ask} noValidate data-testid="restore-form">
        <Stack gap="sm">
          <Title order={4}>{t('backup.restore.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('backup.restore.intro')}
          </Text>
          <Group grow align="flex-start">
            <PathInput kind="backupFile" label={t('backup.restore.file')} value={file} onChange={setFile} error={msg('file')} testId="restore-file" />
            <PasswordInput label={t('backup.restore.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={msg('passphrase')} autoComplete="off" data-testid="restore-passphrase" />
          </Group>
          <ErrorAlert error={error} testId="restore-error" />
          {isLoading && running ? <BackupProgressBar progress={running} /> : null}
          {data && !error ? (
            <Alert color="teal" role="status" data-testid="restore-done">
              {t('backup.restore.done', { events: data.events.toLocaleString() })}
            </Alert>
          ) : null}
          <Button type="submit" color="orange" variant="light" loading={isLoading} style={{ alignSelf: 'flex-start' }}>
            {t('backup.restore.submit')}
          </Button>
        </Stack>
      </form>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('backup.restore.confirmTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('backup.restore.confirm')}</Text>
          <FormActions submit={t('backup.restore.confirmSubmit')} onCancel={() => setConfirming(false)} loading={false} color="orange" onConfirm={() => void confirm()} cancelAutoFocus />
        </Stack>
      </Modal>
    </Paper>
  );
}
