import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { changePasswordInput } from '../../../shared/accounts';
import { useChangePasswordMutation } from '../../api/api';
import { ErrorAlert, notifySuccess } from '../../components/feedback';
import { applyServerIssues } from '../../components/serverIssues';
import { validationMessage } from '../../i18n/messages';

type Values = z.input<typeof changePasswordInput>;
const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirm'] as const;

/** Current password, new password twice (≥ 10 characters). Used by "My account" and the forced change after sign-in. */
export function ChangePasswordForm({ autoFocus = false, extra }: { autoFocus?: boolean; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const [change, { isLoading, error }] = useChangePasswordMutation();
  const form = useForm<Values, unknown, z.output<typeof changePasswordInput>>({
    resolver: zodResolver(changePasswordInput),
    defaultValues: { currentPassword: '', newPassword: '', newPasswordConfirm: '' },
  });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await change(values);
    if ('error' in result) {
      applyServerIssues(result.error, form.setError, FIELDS);
      return;
    }
    form.reset();
    notifySuccess((tr) => tr('account.changed'));
  });
  // Field issues show on their fields; only other failures need the alert.
  const fieldError = Boolean(error && 'issues' in error && error.issues?.length);

  return (
    <form onSubmit={onSubmit} noValidate data-testid="change-password-form">
      <Stack gap="md">
        {fieldError ? null : <ErrorAlert error={error} />}
        <PasswordInput
          label={t('account.currentPassword')}
          withAsterisk
          autoFocus={autoFocus}
          autoComplete="current-password"
          error={msg(errors.currentPassword?.message)}
          {...form.register('currentPassword')}
        />
        <PasswordInput label={t('account.newPassword')} withAsterisk autoComplete="new-password" error={msg(errors.newPassword?.message)} {...form.register('newPassword')} />
        <PasswordInput
          label={t('account.newPasswordConfirm')}
          withAsterisk
          autoComplete="new-password"
          error={msg(errors.newPasswordConfirm?.message)}
          {...form.register('newPasswordConfirm')}
        />
        <Group justify="flex-end">
          {extra}
          <Button type="submit" loading={isLoading}>
            {t('account.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
