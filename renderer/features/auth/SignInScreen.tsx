import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Code, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { signInInput } from '../../../shared/accounts';
import { DEMO_CACHE_KEY, useDemoMutation, useSignInMutation } from '../../api/api';
import { ErrorAlert } from '../../components/feedback';
import { validationMessage } from '../../i18n/messages';

type SignInValues = z.input<typeof signInInput>;

export function SignInScreen({ facilityName }: { facilityName: string | null }) {
  const { t } = useTranslation();
  const [signIn, { isLoading, error, reset }] = useSignInMutation();
  // Right after "open a demo facility": its account, shown once so the person can sign in.
  const [, { data: demo }] = useDemoMutation({ fixedCacheKey: DEMO_CACHE_KEY });
  const form = useForm<SignInValues, unknown, z.output<typeof signInInput>>({
    resolver: zodResolver(signInInput),
    defaultValues: { username: demo?.username ?? '', password: '' },
  });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await signIn(values);
    if ('error' in result) {
      form.setValue('password', '');
      form.setFocus('password');
    }
  });

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
      <form onSubmit={onSubmit} noValidate aria-labelledby="signin-title" onChange={() => error && reset()}>
        <Stack gap="md">
          <div>
            <Title order={2} id="signin-title">
              {t('signIn.title')}
            </Title>
            {facilityName ? (
              <Text c="dimmed" size="sm" data-testid="facility-name">
                {facilityName}
              </Text>
            ) : null}
          </div>
          {demo ? (
            <Alert color="teal" variant="light" title={t('signIn.demoReadyTitle')} data-testid="demo-credentials">
              <Text size="sm">
                {t('signIn.demoReady')} <Code>{demo.username}</Code> / {t('signIn.demoPassword')} <Code>{demo.password}</Code>
              </Text>
            </Alert>
          ) : null}
          <ErrorAlert error={error} />
          <TextInput
            label={t('signIn.username')}
            autoFocus={!demo}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            error={msg(errors.username?.message)}
            {...form.register('username')}
          />
          <PasswordInput label={t('signIn.password')} autoFocus={Boolean(demo)} autoComplete="current-password" error={msg(errors.password?.message)} {...form.register('password')} />
          <Button type="submit" loading={isLoading}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
