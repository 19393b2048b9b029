import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/accounts';
import { label } from '../trainees/format';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Everyone's own account: who they are, their roles, and changing their password. */
export function MyAccountPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={520}>
      <Title order={2}>{t('account.title')}</Title>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text fw={600}>{user.fullName}</Text>
          <Text size="sm" c="dimmed">
            {t('account.username')}: {user.username}
          </Text>
          <Group gap={4}>
            {user.roles.map((r) => (
              <Badge key={r} variant="light">
                {label.role(t, r)}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('account.changeTitle')}
        </Title>
        <ChangePasswordForm />
      </Paper>
    </Stack>
  );
}
