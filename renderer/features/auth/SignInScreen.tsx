import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Code, List, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { signInInput, type SessionUser } from '../../../shared/accounts';
import { api, DEMO_CACHE_KEY, useDemoMutation, useSignInMutation } from '../../api/api';
import { homeRoute, navigate } from '../../app/navigation';
import { useAppDispatch } from '../../app/store';
import { ErrorAlert } from '../../components/feedback';
import { validationMessage } from '../../i18n/messages';

type SignInValues = z.input<typeof signInInput>;

/**
 * Sign in; with `locked`, the lock screen: the same person re-enters the password to resume where
 * they were, or someone else signs in (the first person is signed out and nothing of theirs stays).
 */
export function SignInScreen({ facilityName, locked }: { facilityName: string | null; locked?: SessionUser }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [someoneElse, setSomeoneElse] = useState(false);
  const resuming = locked !== undefined && !someoneElse;
  const [signIn, { isLoading, error, reset }] = useSignInMutation();
  // Right after "open a demo facility": its account, shown once so the person can sign in.
  const [, { data: demo }] = useDemoMutation({ fixedCacheKey: DEMO_CACHE_KEY });
  const form = useForm<SignInValues, unknown, z.output<typeof signInInput>>({
    resolver: zodResolver(signInInput),
    defaultValues: { username: locked?.username ?? demo?.username ?? '', password: '' },
  });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await signIn(values);
    if ('error' in result) {
      form.setValue('password', '');
      form.setFocus('password');
    } else if (!locked || result.data.id !== locked.id) {
      // Each role starts on its own first screen; the same person resuming stays where they were.
      dispatch(navigate(homeRoute(result.data.roles)));
      // Another person at a locked screen: forget everything the first one could see.
      if (locked) dispatch(api.util.resetApiState());
    }
  });

  const signInAsSomeoneElse = () => {
    setSomeoneElse(true);
    form.reset({ username: '', password: '' });
    setTimeout(() => form.setFocus('username'), 0);
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
      <form onSubmit={onSubmit} noValidate aria-labelledby="signin-title" onChange={() => error && reset()}>
        <Stack gap="md">
          <div>
            <Title order={2} id="signin-title">
              {resuming ? t('lock.title') : t('signIn.title')}
            </Title>
            {resuming ? (
              <Text size="sm" data-testid="lock-text">
                {t('lock.text', { name: locked.fullName })}
              </Text>
            ) : null}
            {facilityName ? (
              <Text c="dimmed" size="sm" data-testid="facility-name">
                {facilityName}
              </Text>
            ) : null}
          </div>
          {demo && !locked ? (
            <Alert color="teal" variant="light" title={t('signIn.demoReadyTitle')} data-testid="demo-credentials">
              <Text size="sm">
                {t('signIn.demoReady')} <Code>{demo.username}</Code> / {t('signIn.demoPassword')} <Code>{demo.password}</Code>
              </Text>
              {demo.staff.length > 0 ? (
                <>
                  <Text size="sm" mt="xs">
                    {t('signIn.demoStaff')}
                  </Text>
                  <List size="sm" data-testid="demo-staff">
                    {demo.staff.map((s) => (
                      <List.Item key={s.username}>
                        <Code>{s.username}</Code> {s.fullName} ({s.roles.map((r) => t(`enums.role.${r}`)).join(', ')})
                      </List.Item>
                    ))}
                  </List>
                </>
              ) : null}
            </Alert>
          ) : null}
          <ErrorAlert error={error} />
          <TextInput
            label={t('signIn.username')}
            readOnly={resuming}
            autoFocus={!demo && !resuming}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            error={msg(errors.username?.message)}
            {...form.register('username')}
          />
          <PasswordInput label={t('signIn.password')} autoFocus={Boolean(demo) || resuming} autoComplete="current-password" error={msg(errors.password?.message)} {...form.register('password')} />
          <Button type="submit" loading={isLoading}>
            {resuming ? t('lock.resume') : t('signIn.submit')}
          </Button>
          {resuming ? (
            <Anchor component="button" type="button" size="sm" onClick={signInAsSomeoneElse} style={{ alignSelf: 'center' }}>
              {t('lock.someoneElse')}
            </Anchor>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
