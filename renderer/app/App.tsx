import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEMO_CACHE_KEY, useDemoMutation, useStatusQuery } from '../api/api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { errorMessage } from '../i18n/messages';
import { SignInScreen } from '../features/auth/SignInScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { toSenError } from '../components/feedback';
import { Shell } from './Shell';

/** Before sign-in: a centred card with the product name and the language switch. */
function Welcome({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack mih="100vh" p="md" gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={3}>{t('app.name')}</Title>
          <Text size="sm" c="dimmed">
            {t('app.tagline')}
          </Text>
        </div>
        <LanguageSwitch />
      </Group>
      <Center style={{ flex: 1, alignItems: 'flex-start' }} pt="xl">
        {children}
      </Center>
    </Stack>
  );
}

export function App() {
  const { t } = useTranslation();
  const { data: status, error, isLoading, refetch } = useStatusQuery();
  // While a demo facility is being generated, stay on the first-run screen and its progress.
  const [, demo] = useDemoMutation({ fixedCacheKey: DEMO_CACHE_KEY });

  if (isLoading && !status) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (!status) {
    return (
      <Welcome>
        <Alert color="red" title={t('app.startFailed')} role="alert" maw={520}>
          <Stack gap="sm">
            <Text size="sm">{errorMessage(t, toSenError(error))}</Text>
            <Button size="xs" variant="light" onClick={() => void refetch()} style={{ alignSelf: 'flex-start' }}>
              {t('app.retry')}
            </Button>
          </Stack>
        </Alert>
      </Welcome>
    );
  }
  if (!status.setUp || demo.isLoading) {
    return (
      <Welcome>
        <SetupScreen />
      </Welcome>
    );
  }
  if (!status.user) {
    return (
      <Welcome>
        <SignInScreen facilityName={status.facilityName} />
      </Welcome>
    );
  }
  return <Shell user={status.user} facilityName={status.facilityName} />;
}
