import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Divider, Loader, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { MIN_PASSWORD_LENGTH, setupInput } from '../../../shared/accounts';
import { DEMO_DEFAULTS } from '../../../shared/demo';
import { DEMO_CACHE_KEY, useDemoMutation, useSetupMutation } from '../../api/api';
import { ErrorAlert, notifySuccess } from '../../components/feedback';
import { validationMessage } from '../../i18n/messages';
import { applyServerIssues } from '../../components/serverIssues';

type SetupValues = z.input<typeof setupInput>;

/** First run: name the facility and create the first administrator. */
export function SetupScreen() {
  const { t } = useTranslation();
  const [setup, { isLoading, error }] = useSetupMutation();
  const [openDemo, demo] = useDemoMutation({ fixedCacheKey: DEMO_CACHE_KEY });
  const form = useForm<SetupValues, unknown, z.output<typeof setupInput>>({
    resolver: zodResolver(setupInput),
    defaultValues: { facilityName: '', fullName: '', username: '', password: '', passwordConfirm: '' },
  });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await setup(values);
    if ('data' in result && result.data) {
      const name = result.data.facilityName;
      notifySuccess((tr) => tr('setup.done', { name }));
    } else if ('error' in result) {
      applyServerIssues(result.error, form.setError, ['facilityName', 'fullName', 'username', 'password', 'passwordConfirm']);
    }
  });

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={520}>
      <form onSubmit={onSubmit} noValidate aria-labelledby="setup-title">
        <Stack gap="md">
          <Title order={2} id="setup-title">
            {t('setup.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('setup.intro')}
          </Text>
          <ErrorAlert error={error} />
          <TextInput label={t('setup.facilityName')} required withAsterisk data-autofocus autoFocus error={msg(errors.facilityName?.message)} {...form.register('facilityName')} />
          <TextInput label={t('setup.fullName')} required withAsterisk error={msg(errors.fullName?.message)} {...form.register('fullName')} />
          <TextInput
            label={t('setup.username')}
            description={t('setup.usernameHint')}
            required
            withAsterisk
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            error={msg(errors.username?.message)}
            {...form.register('username')}
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            required
            withAsterisk
            autoComplete="new-password"
            error={msg(errors.password?.message)}
            {...form.register('password')}
          />
          <PasswordInput label={t('setup.passwordConfirm')} required withAsterisk autoComplete="new-password" error={msg(errors.passwordConfirm?.message)} {...form.register('passwordConfirm')} />
          <Button type="submit" loading={isLoading} disabled={demo.isLoading}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
      <Divider my="lg" label={t('setup.demoOr')} labelPosition="center" />
      <Stack gap="sm" aria-labelledby="demo-title" role="group">
        <Text fw={600} size="sm" id="demo-title">
          {t('setup.demoTitle')}
        </Text>
        <Text c="dimmed" size="sm">
          {t('setup.demoIntro')}
        </Text>
        <ErrorAlert error={demo.error} testId="demo-error" />
        {demo.isLoading ? (
          <Alert color="blue" variant="light" icon={<Loader size="sm" />} role="status" data-testid="demo-progress">
            {t('setup.demoRunning', { trainees: DEMO_DEFAULTS.trainees, years: DEMO_DEFAULTS.years })}
          </Alert>
        ) : null}
        <Button variant="default" onClick={() => void openDemo({})} loading={demo.isLoading} disabled={isLoading}>
          {t('setup.demoButton')}
        </Button>
      </Stack>
    </Paper>
  );
}
