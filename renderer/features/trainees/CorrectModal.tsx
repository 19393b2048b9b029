import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TraineeRecord } from '../../../shared/admissions';
import { useCorrectMutation } from '../../api/api';
import { ErrorAlert, notifySuccess } from '../../components/feedback';
import { FormActions } from '../../components/FormActions';
import { applyServerIssues } from '../../components/serverIssues';
import { validationMessage } from '../../i18n/messages';
import { TraineeFields } from './TraineeFields';
import { changedFields, correctFormSchema, detailsOf, TRAINEE_FORM_PATHS, traineeFormFromRecord, type TraineeFormInput, type TraineeFormOutput } from './traineeForm';

/** Correct details: pre-filled, only changed fields are sent, with a required reason. */
export function CorrectModal({ record, opened, onClose }: { record: TraineeRecord; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('correct.title')} size="xl" centered={false}>
      {opened ? <CorrectForm record={record} onDone={onClose} /> : null}
    </Modal>
  );
}

function CorrectForm({ record, onDone }: { record: TraineeRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const [correct, { isLoading, error }] = useCorrectMutation();
  const [nothingChanged, setNothingChanged] = useState(false);
  const form = useForm<TraineeFormInput, unknown, TraineeFormOutput>({
    resolver: zodResolver(correctFormSchema),
    defaultValues: traineeFormFromRecord(record),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const changes = changedFields(record, detailsOf(values));
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return;
    }
    setNothingChanged(false);
    const result = await correct({ traineeId: record.id, changes, reason: values.reason });
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('correct.success'));
      onDone();
    } else if ('error' in result) {
      applyServerIssues(result.error, form.setError, TRAINEE_FORM_PATHS, 'changes.');
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="correct-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('correct.intro')}
        </Text>
        <ErrorAlert error={error} />
        {nothingChanged ? (
          <Alert color="yellow" role="alert">
            {t('errors.NOTHING_CHANGED')}
          </Alert>
        ) : null}
        <TraineeFields form={form} />
        <Textarea
          label={t('correct.reason')}
          withAsterisk
          autosize
          minRows={2}
          error={form.formState.errors.reason?.message ? validationMessage(t, form.formState.errors.reason.message) : undefined}
          {...form.register('reason')}
          onKeyDown={(e) => {
            // Enter submits (keyboard-first); Shift+Enter makes a new line.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void onSubmit();
            }
          }}
        />
        <FormActions submit={t('correct.submit')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}
