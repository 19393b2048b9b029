import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/accounts';
import { ReintegrationScreen } from './reintegration/ReintegrationScreen';

/** Reintegration counselling: who is near release and due, the sessions recorded. */
export function ReintegrationPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2}>{t('training.reintegration.title')}</Title>
      <ReintegrationScreen user={user} />
    </Stack>
  );
}
