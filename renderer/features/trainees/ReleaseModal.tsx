import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RELEASE_KINDS, type TraineeRecord } from '../../../shared/admissions';
import { formatDate, parseDisplayDate, todayIso } from '../../../shared/dates';
import { useReleaseMutation } from '../../api/api';
import { ErrorAlert, notifySuccess } from '../../components/feedback';
import { FormActions } from '../../components/FormActions';
import { applyServerIssues } from '../../components/serverIssues';
import { validationMessage } from '../../i18n/messages';
import { displayDate } from './traineeForm';

const releaseFormSchema = z
  .object({
    releaseDate: displayDate,
    kind: z.enum(RELEASE_KINDS, { error: 'required' }),
    note: z.string().trim().max(500, 'tooLong'),
  })
  .transform((v) => ({ ...v, releaseDate: parseDisplayDate(v.releaseDate) ?? '' }));

type ReleaseFormInput = z.input<typeof releaseFormSchema>;
type ReleaseFormOutput = z.output<typeof releaseFormSchema>;

export function ReleaseModal({ record, opened, onClose }: { record: TraineeRecord; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={`${t('release.title')}: ${record.fullName}`} size="md">
      {opened ? <ReleaseForm record={record} onDone={onClose} /> : null}
    </Modal>
  );
}

function ReleaseForm({ record, onDone }: { record: TraineeRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const [release, { isLoading, error }] = useReleaseMutation();
  const form = useForm<ReleaseFormInput, unknown, ReleaseFormOutput>({
    resolver: zodResolver(releaseFormSchema),
    defaultValues: { releaseDate: formatDate(todayIso()), kind: 'completed', note: '' },
  });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await release({ traineeId: record.id, ...values });
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('release.success', { name: record.fullName }));
      onDone();
    } else if ('error' in result) {
      applyServerIssues(result.error, form.setError, ['releaseDate', 'kind', 'note']);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="release-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput
          label={t('release.date')}
          placeholder={t('form.datePlaceholder')}
          withAsterisk
          autoFocus
          data-autofocus
          autoComplete="off"
          maxLength={10}
          error={msg(errors.releaseDate?.message)}
          {...form.register('releaseDate')}
        />
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <NativeSelect
              label={t('release.kind')}
              withAsterisk
              error={msg(errors.kind?.message)}
              data={RELEASE_KINDS.map((k) => ({ value: k, label: t(`enums.releaseKind.${k}`) }))}
              name={field.name}
              ref={field.ref}
              value={field.value}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(e.currentTarget.value)}
            />
          )}
        />
        <Textarea label={t('release.note')} autosize minRows={2} error={msg(errors.note?.message)} {...form.register('note')} />
        <FormActions submit={t('release.submit')} onCancel={onDone} loading={isLoading} color="orange" />
      </Stack>
    </form>
  );
}
