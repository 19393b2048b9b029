import { Badge, Button, Checkbox, Group, NumberInput, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { configureBackupInput, type BackupStatus } from '../../../shared/backup';
import { ErrorAlert, notifySuccess } from '../../components/feedback';
import { validationMessage } from '../../i18n/messages';
import { useConfigureBackupMutation } from './api';
import { fieldIssues } from './issues';
import { PathInput } from './PathInput';

/** Automatic backups: folder, schedule, on exit, how many to keep, when to warn; the passphrase once. */
export function AutomaticBackupForm({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => ({ ...status.settings, passphrase: '' }));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [save, { isLoading, error }] = useConfigureBackupMutation();
  const set = <K extends keyof typeof form>(key: K) => (value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const number = (key: 'everyHours' | 'keep' | 'warnAfterDays') => (v: number | string) => set(key)(typeof v === 'number' ? v : Number.NaN);

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = configureBackupInput.safeParse(form);
    setIssues(fieldIssues(parsed));
    if (!parsed.success) return;
    const result = await save(parsed.data);
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('backup.auto.saved'));
      setForm((f) => ({ ...f, passphrase: '' }));
    } else {
      setIssues(fieldIssues(null, result.error));
    }
  };
  const msg = (k: string) => (issues[k] ? validationMessage(t, issues[k]) : undefined);

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="backup-auto-form">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('backup.auto.title')}</Title>
            <Badge color={status.automaticReady ? 'teal' : 'gray'} variant="light" data-testid="backup-auto-ready">
              {status.automaticReady ? t('backup.auto.ready') : t('backup.auto.notReady')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('backup.auto.intro')}
          </Text>
          <PathInput kind="folder" label={t('backup.auto.folder')} value={form.folder} onChange={set('folder')} error={msg('folder')} testId="backup-auto-folder" />
          <Group grow align="flex-start">
            <NumberInput label={t('backup.auto.everyHours')} min={0} max={720} allowDecimal={false} value={form.everyHours} onChange={number('everyHours')} error={msg('everyHours')} />
            <NumberInput label={t('backup.auto.keep')} min={1} max={1000} allowDecimal={false} value={form.keep} onChange={number('keep')} error={msg('keep')} />
            <NumberInput label={t('backup.auto.warnAfterDays')} min={1} max={365} allowDecimal={false} value={form.warnAfterDays} onChange={number('warnAfterDays')} error={msg('warnAfterDays')} data-testid="backup-warn-days" />
          </Group>
          <Checkbox label={t('backup.auto.onExit')} checked={form.onExit} onChange={(e) => set('onExit')(e.currentTarget.checked)} />
          <PasswordInput
            label={t('backup.auto.passphrase')}
            placeholder={status.automaticReady ? t('backup.auto.passphraseKeep') : undefined}
            value={form.passphrase}
            onChange={(e) => set('passphrase')(e.currentTarget.value)}
            error={msg('passphrase')}
            autoComplete="new-password"
            data-testid="backup-auto-passphrase"
          />
          <ErrorAlert error={error} />
          <Button type="submit" loading={isLoading} style={{ alignSelf: 'flex-start' }}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
