import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { signInInput } from '../../../shared/accounts';
import { useSignInMutation } from '../../api/api';
import { ErrorAlert } from '../../components/feedback';
import { validationMessage } from '../../i18n/messages';

type SignInValues = z.input<typeof signInInput>;

export function SignInScreen({ facilityName }: { facilityName: string | null }) {
  const { t } = useTranslation();
  const [signIn, { isLoading, error, reset }] = useSignInMutation();
  const form = useForm<SignInValues, unknown, z.output<typeof signInInput>>({
    resolver: zodResolver(signInInput),
    defaultValues: { username: '', password: '' },
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
          <ErrorAlert error={error} />
          <TextInput
            label={t('signIn.username')}
            autoFocus
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            error={msg(errors.username?.message)}
            {...form.register('username')}
          />
          <PasswordInput label={t('signIn.password')} autoComplete="current-password" error={msg(errors.password?.message)} {...form.register('password')} />
          <Button type="submit" loading={isLoading}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
