import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, type SessionUser } from '../../../shared/accounts';
import { api, useSignOutMutation } from '../../api/api';
import { useAppDispatch } from '../../app/store';
import { notifyError } from '../../components/feedback';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Right after signing in with a temporary password: nothing else answers until a new one is chosen. */
export function ForcedPasswordChange({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [signOut, { isLoading }] = useSignOutMutation();
  const onSignOut = async () => {
    const result = await signOut();
    if ('error' in result) notifyError(result.error);
    else dispatch(api.util.resetApiState());
  };
  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={460} data-testid="forced-password-change">
      <Stack gap="md">
        <div>
          <Title order={2}>{t('account.forcedTitle')}</Title>
          <Text size="sm" c="dimmed">
            {user.fullName} ({user.username})
          </Text>
        </div>
        <Text size="sm">{t('account.forcedIntro', { min: MIN_PASSWORD_LENGTH })}</Text>
        <ChangePasswordForm
          autoFocus
          extra={
            <Button variant="default" onClick={() => void onSignOut()} loading={isLoading}>
              {t('header.signOut')}
            </Button>
          }
        />
      </Stack>
    </Paper>
  );
}
