import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createAccountInput, MIN_PASSWORD_LENGTH, newPassword, roleSchema, type AccountSummary, type SessionUser } from '../../../shared/accounts';
import { formatDateTime } from '../../../shared/dates';
import { ROLES } from '../../../shared/roles';
import {
  useCreateAccountMutation,
  useDeactivateAccountMutation,
  useListAccountsQuery,
  useReactivateAccountMutation,
  useResetPasswordMutation,
  useSetRolesMutation,
} from '../../api/api';
import { navigate } from '../../app/navigation';
import { useAppDispatch } from '../../app/store';
import { ErrorAlert, notifySuccess } from '../../components/feedback';
import { FormActions } from '../../components/FormActions';
import { CsvExportButton } from '../../components/CsvExportButton';
import type { CsvColumn } from '../../components/csvExport';
import { applyServerIssues } from '../../components/serverIssues';
import { validationMessage } from '../../i18n/messages';
import { label } from '../trainees/format';

type Dialog =
  | { kind: 'create' }
  | { kind: 'roles'; account: AccountSummary }
  | { kind: 'reset'; account: AccountSummary }
  | { kind: 'deactivate'; account: AccountSummary }
  | null;

/** The admin's accounts screen: every account, its roles and state; create, edit roles, (de)activate, reset passwords. */
export function AccountsPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const { data, error, isLoading } = useListAccountsQuery();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reactivate, reactivation] = useReactivateAccountMutation();
  const close = () => setDialog(null);

  const columns: CsvColumn<AccountSummary>[] = [
    { header: t('accounts.fullName'), value: (a) => a.fullName },
    { header: t('accounts.username'), value: (a) => a.username },
    { header: t('accounts.roles'), value: (a) => a.roles.map((r) => label.role(t, r)).join('; ') },
    { header: t('accounts.state'), value: (a) => (a.active ? t('accounts.active') : t('accounts.inactive')) },
    { header: t('accounts.lastSignIn'), value: (a) => (a.lastSignInAt ? formatDateTime(a.lastSignInAt) : t('accounts.never')) },
  ];

  const onReactivate = async (a: AccountSummary) => {
    const result = await reactivate({ userId: a.id });
    if ('data' in result) notifySuccess((tr) => tr('accounts.reactivated', { name: a.fullName }));
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('accounts.title')}</Title>
        <Group gap="sm">
          <CsvExportButton fileName={t('csv.files.accounts')} columns={columns} rows={data} />
          {/* Who opened, exported, printed or backed up whose data: the admin's audit of access. */}
          <Button variant="default" onClick={() => dispatch(navigate({ name: 'accessLog' }))} data-testid="open-access-log">
            {t('access.log.open')}
          </Button>
          <Button onClick={() => setDialog({ kind: 'create' })}>{t('accounts.create')}</Button>
        </Group>
      </Group>
      <ErrorAlert error={error ?? reactivation.error} />
      {isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {data ? (
        <Table striped highlightOnHover aria-label={t('accounts.tableLabel')} data-testid="accounts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.fullName')}</Table.Th>
              <Table.Th>{t('accounts.username')}</Table.Th>
              <Table.Th>{t('accounts.roles')}</Table.Th>
              <Table.Th>{t('accounts.state')}</Table.Th>
              <Table.Th>{t('accounts.lastSignIn')}</Table.Th>
              <Table.Th>{t('accounts.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((a) => (
              <Table.Tr key={a.id} data-testid={`account-${a.username}`} style={a.active ? undefined : { opacity: 0.65 }}>
                <Table.Td>
                  {a.fullName}{' '}
                  {a.id === user.id ? (
                    <Text span size="xs" c="dimmed">
                      {t('accounts.you')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{a.username}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {a.roles.map((r) => (
                      <Badge key={r} size="sm" variant="light">
                        {label.role(t, r)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge size="sm" color={a.active ? 'teal' : 'gray'} variant="outline">
                      {a.active ? t('accounts.active') : t('accounts.inactive')}
                    </Badge>
                    {a.mustChangePassword && a.active ? (
                      <Badge size="sm" color="yellow" variant="outline">
                        {t('accounts.mustChange')}
                      </Badge>
                    ) : null}
                    {a.lockedUntil ? (
                      <Badge size="sm" color="red" variant="outline">
                        {t('accounts.lockedUntil', { time: formatDateTime(a.lockedUntil) })}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>{a.lastSignInAt ? formatDateTime(a.lastSignInAt) : t('accounts.never')}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-sm" variant="light" onClick={() => setDialog({ kind: 'roles', account: a })} aria-label={`${t('accounts.editRoles')}: ${a.username}`}>
                      {t('accounts.editRoles')}
                    </Button>
                    <Button size="compact-sm" variant="light" onClick={() => setDialog({ kind: 'reset', account: a })} aria-label={`${t('accounts.resetPassword')}: ${a.username}`}>
                      {t('accounts.resetPassword')}
                    </Button>
                    {a.active ? (
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="red"
                        onClick={() => setDialog({ kind: 'deactivate', account: a })}
                        aria-label={`${t('accounts.deactivate')}: ${a.username}`}
                      >
                        {t('accounts.deactivate')}
                      </Button>
                    ) : (
                      <Button size="compact-sm" variant="light" color="teal" onClick={() => void onReactivate(a)} aria-label={`${t('accounts.reactivate')}: ${a.username}`}>
                        {t('accounts.reactivate')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Modal opened={dialog?.kind === 'create'} onClose={close} title={t('accounts.createTitle')} size="md">
        {dialog?.kind === 'create' ? <CreateAccountForm onDone={close} /> : null}
      </Modal>
      <Modal opened={dialog?.kind === 'roles'} onClose={close} title={dialog?.kind === 'roles' ? t('accounts.editRolesTitle', { name: dialog.account.fullName }) : ''} size="sm">
        {dialog?.kind === 'roles' ? <RolesForm account={dialog.account} onDone={close} /> : null}
      </Modal>
      <Modal opened={dialog?.kind === 'reset'} onClose={close} title={dialog?.kind === 'reset' ? t('accounts.resetTitle', { name: dialog.account.fullName }) : ''} size="md">
        {dialog?.kind === 'reset' ? <ResetPasswordForm account={dialog.account} onDone={close} /> : null}
      </Modal>
      <Modal opened={dialog?.kind === 'deactivate'} onClose={close} title={dialog?.kind === 'deactivate' ? t('accounts.deactivateTitle', { name: dialog.account.fullName }) : ''} size="md">
        {dialog?.kind === 'deactivate' ? <DeactivateConfirm account={dialog.account} onDone={close} /> : null}
      </Modal>
    </Stack>
  );
}

/** Role checkboxes (Tab/Space), bound to a form field holding the chosen roles. */
function RoleChoice<T extends FieldValues>({ control, name, error, autoFocus = false }: { control: Control<T>; name: Path<T>; error: string | undefined; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox.Group label={t('accounts.roles')} withAsterisk error={error} value={field.value as string[]} onChange={field.onChange}>
          <Stack gap="xs" mt="xs">
            {ROLES.map((r, i) => (
              <Checkbox key={r} value={r} label={label.role(t, r)} autoFocus={autoFocus && i === 0} data-autofocus={autoFocus && i === 0 ? true : undefined} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    />
  );
}

type CreateValues = z.input<typeof createAccountInput>;
const CREATE_FIELDS = ['fullName', 'username', 'roles', 'password', 'passwordConfirm'] as const;

function CreateAccountForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [create, { isLoading, error }] = useCreateAccountMutation();
  const form = useForm<CreateValues, unknown, z.output<typeof createAccountInput>>({
    resolver: zodResolver(createAccountInput),
    defaultValues: { fullName: '', username: '', roles: [], password: '', passwordConfirm: '' },
  });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await create(values);
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('accounts.created', { username: values.username }));
      onDone();
    } else if ('error' in result) {
      applyServerIssues(result.error, form.setError, CREATE_FIELDS);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="create-account-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('accounts.createIntro')}
        </Text>
        <ErrorAlert error={error} />
        <TextInput label={t('accounts.fullName')} withAsterisk data-autofocus error={msg(errors.fullName?.message)} {...form.register('fullName')} />
        <TextInput
          label={t('accounts.username')}
          description={t('setup.usernameHint')}
          withAsterisk
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={msg(errors.username?.message)}
          {...form.register('username')}
        />
        <RoleChoice control={form.control} name="roles" error={msg(errors.roles?.message ?? errors.roles?.root?.message)} />
        <PasswordInput
          label={t('accounts.initialPassword')}
          description={t('setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          withAsterisk
          autoComplete="new-password"
          error={msg(errors.password?.message)}
          {...form.register('password')}
        />
        <PasswordInput label={t('accounts.passwordConfirm')} withAsterisk autoComplete="new-password" error={msg(errors.passwordConfirm?.message)} {...form.register('passwordConfirm')} />
        <FormActions submit={t('accounts.create')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}

const rolesForm = z.object({ roles: z.array(roleSchema).min(1, 'rolesRequired') });

function RolesForm({ account, onDone }: { account: AccountSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const [setRoles, { isLoading, error }] = useSetRolesMutation();
  const form = useForm<z.input<typeof rolesForm>>({ resolver: zodResolver(rolesForm), defaultValues: { roles: account.roles } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async ({ roles }) => {
    const result = await setRoles({ userId: account.id, roles });
    if ('data' in result) {
      notifySuccess((tr) => tr('accounts.rolesSaved'));
      onDone();
    }
  });
  const rolesError = errors.roles?.message ?? errors.roles?.root?.message;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="roles-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <RoleChoice control={form.control} name="roles" autoFocus error={rolesError ? validationMessage(t, rolesError) : undefined} />
        <FormActions submit={t('common.save')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}

const resetForm = z
  .object({ password: newPassword, passwordConfirm: z.string() })
  .refine((d) => d.password === d.passwordConfirm, { path: ['passwordConfirm'], message: 'passwordsDiffer' });

function ResetPasswordForm({ account, onDone }: { account: AccountSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const [reset, { isLoading, error }] = useResetPasswordMutation();
  const form = useForm<z.input<typeof resetForm>>({ resolver: zodResolver(resetForm), defaultValues: { password: '', passwordConfirm: '' } });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await reset({ userId: account.id, ...values });
    if ('data' in result) {
      notifySuccess((tr) => tr('accounts.resetDone', { name: account.fullName }));
      onDone();
    } else {
      applyServerIssues(result.error, form.setError, ['password', 'passwordConfirm']);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="reset-password-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('accounts.resetIntro')}
        </Text>
        <ErrorAlert error={error} />
        <PasswordInput
          label={t('accounts.temporaryPassword')}
          description={t('setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          withAsterisk
          data-autofocus
          autoComplete="new-password"
          error={msg(errors.password?.message)}
          {...form.register('password')}
        />
        <PasswordInput label={t('accounts.passwordConfirm')} withAsterisk autoComplete="new-password" error={msg(errors.passwordConfirm?.message)} {...form.register('passwordConfirm')} />
        <FormActions submit={t('accounts.resetPassword')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}

function DeactivateConfirm({ account, onDone }: { account: AccountSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const [deactivate, { isLoading, error }] = useDeactivateAccountMutation();
  const onConfirm = async () => {
    const result = await deactivate({ userId: account.id });
    if ('data' in result) {
      notifySuccess((tr) => tr('accounts.deactivated', { name: account.fullName }));
      onDone();
    }
  };
  return (
    <Stack gap="md" data-testid="deactivate-confirm">
      <Alert color="orange" variant="light">
        {t('accounts.deactivateIntro')}
      </Alert>
      <ErrorAlert error={error} />
      <FormActions submit={t('accounts.deactivate')} onCancel={onDone} cancelAutoFocus onConfirm={() => void onConfirm()} loading={isLoading} color="red" />
    </Stack>
  );
}
