import { Alert, Button, Center, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_CACHE_KEY, useDemoMutation, useStatusQuery } from '../api/api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { errorMessage } from '../i18n/messages';
import { SignInScreen } from '../features/auth/SignInScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { toSenError } from '../components/feedback';
import { ForcedPasswordChange } from '../features/accounts/ForcedPasswordChange';
import { Shell } from './Shell';

/** A new version of Sen changed how data is shown: it replays the log once, here with progress. */
function StartupProgress({ done, total, onTick }: { done: number; total: number; onTick: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setInterval(onTick, 500);
    return () => clearInterval(timer);
  }, [onTick]);
  const percent = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  return (
    <Stack gap="sm" maw={520} w="100%" data-testid="startup-progress">
      <Title order={3}>{t('startup.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('startup.text')}
      </Text>
      <Progress value={percent} size="lg" aria-label={t('startup.title')} />
      <Text size="sm">{t('startup.count', { done: done.toLocaleString(), total: total.toLocaleString() })}</Text>
    </Stack>
  );
}

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
  if (status.startup) {
    return (
      <Welcome>
        <StartupProgress done={status.startup.done} total={status.startup.total} onTick={() => void refetch()} />
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
  if (status.user.locked) {
    return (
      <Welcome>
        <SignInScreen facilityName={status.facilityName} locked={status.user} />
      </Welcome>
    );
  }
  if (status.user.mustChangePassword) {
    return (
      <Welcome>
        <ForcedPasswordChange user={status.user} />
      </Welcome>
    );
  }
  return <Shell user={status.user} facilityName={status.facilityName} integrity={status.integrity} idleLockMinutes={status.idleLockMinutes} />;
}
