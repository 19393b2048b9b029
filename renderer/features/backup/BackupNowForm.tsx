import { Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runBackupInput, type BackupProgress } from '../../../shared/backup';
import { ErrorAlert, notifySuccess } from '../../components/feedback';
import { validationMessage } from '../../i18n/messages';
import { useBackupStatusQuery, useRunBackupMutation } from './api';
import { BackupProgressBar } from './Progress';
import { fieldIssues } from './issues';
import { PathInput } from './PathInput';

/** A backup now, to a folder typed or picked (a USB stick), with the passphrase twice; progress while it runs. */
export function BackupNowForm({ running }: { running: BackupProgress | null }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [run, { isLoading, error }] = useRunBackupMutation();
  // While it runs, the core reports how far it has got through backup.status.
  useBackupStatusQuery(undefined, { pollingInterval: isLoading ? 300 : 0 });

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = runBackupInput.safeParse({ folder, passphrase });
    const found = fieldIssues(parsed);
    if (parsed.success && again !== passphrase) found['again'] = 'passphrasesDiffer';
    setIssues(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    const result = await run(parsed.data);
    if ('data' in result && result.data) {
      const file = result.data.file;
      notifySuccess((tr) => tr('backup.now.done', { file }));
      setPassphrase('');
      setAgain('');
    } else {
      setIssues(fieldIssues(null, result.error));
    }
  };
  const msg = (k: string) => (issues[k] ? validationMessage(t, issues[k]) : undefined);

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="backup-now-form">
        <Stack gap="sm">
          <Title order={4}>{t('backup.now.title')}</Title>
          <PathInput kind="folder" label={t('backup.now.folder')} value={folder} onChange={setFolder} error={msg('folder')} testId="backup-folder" />
          <PasswordInput label={t('backup.now.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={msg('passphrase')} autoComplete="new-password" data-testid="backup-passphrase" />
          <PasswordInput label={t('backup.now.passphraseConfirm')} value={again} onChange={(e) => setAgain(e.currentTarget.value)} error={msg('again')} autoComplete="new-password" data-testid="backup-passphrase-again" />
          <ErrorAlert error={error} />
          {isLoading && running ? <BackupProgressBar progress={running} /> : null}
          <Button type="submit" loading={isLoading} disabled={running !== null && !isLoading} style={{ alignSelf: 'flex-start' }}>
            {t('backup.now.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
