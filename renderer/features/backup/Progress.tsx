import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupProgress } from '../../../shared/backup';

export const megabytes = (bytes: number) => (bytes / 1e6).toLocaleString(undefined, { maximumFractionDigits: 1 });

/** Where a backup or restore has got to, as a bar and a line. */
export function BackupProgressBar({ progress }: { progress: BackupProgress }) {
  const { t } = useTranslation();
  const bytes = progress.phase !== 'writing';
  const shown = (n: number) => (bytes ? megabytes(n) : n.toLocaleString());
  return (
    <Stack gap={4} data-testid="backup-progress">
      <Progress value={progress.total > 0 ? (progress.done / progress.total) * 100 : 0} size="lg" aria-label={t(`backup.progress.${progress.phase}`, { done: '', total: '' })} />
      <Text size="xs" c="dimmed">
        {t(`backup.progress.${progress.phase}`, { done: shown(progress.done), total: shown(progress.total) })}
      </Text>
    </Stack>
  );
}
