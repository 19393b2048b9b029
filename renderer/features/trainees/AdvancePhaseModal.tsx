import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { HandlerInput, HandlerOutput } from '../../../shared/api';
import { advancePhaseInput, PHASES, type TraineeRecord } from '../../../shared/admissions';
import { formatDate, parseDisplayDate, todayIso } from '../../../shared/dates';
import { api, call } from '../../api/api';
import { ErrorAlert, notifySuccess } from '../../components/feedback';
import { FormActions } from '../../components/FormActions';
import { applyServerIssues } from '../../components/serverIssues';
import { validationMessage } from '../../i18n/messages';
import { label } from './format';
import { displayDate } from './traineeForm';

const phaseApi = api.injectEndpoints({
  endpoints: (build) => ({
    advancePhase: build.mutation<HandlerOutput<'trainees.advancePhase'>, HandlerInput<'trainees.advancePhase'>>({
      query: call('trainees.advancePhase'),
      invalidatesTags: ['trainees'],
    }),
  }),
});
const { useAdvancePhaseMutation } = phaseApi;

/** Stages after the current one (a stage may be skipped: voluntary treatment need not do all five). */
export function laterPhases(phase: TraineeRecord['phase']): TraineeRecord['phase'][] {
  return PHASES.slice(PHASES.indexOf(phase) + 1);
}

const phaseFormSchema = advancePhaseInput
  .pick({ to: true, note: true })
  .extend({ date: displayDate })
  .transform((v) => ({ ...v, date: parseDisplayDate(v.date) ?? '' }));

type PhaseFormInput = z.input<typeof phaseFormSchema>;
type PhaseFormOutput = z.output<typeof phaseFormSchema>;

/** The explicit move to a later stage of treatment: nothing else (closing a detox episode included) moves it. */
export function AdvancePhaseModal({ record, opened, onClose }: { record: TraineeRecord; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={`${t('advancePhase.title')}: ${record.fullName}`} size="md">
      {opened ? <AdvancePhaseForm record={record} onDone={onClose} /> : null}
    </Modal>
  );
}

function AdvancePhaseForm({ record, onDone }: { record: TraineeRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const [advance, { isLoading, error }] = useAdvancePhaseMutation();
  const options = laterPhases(record.phase);
  const form = useForm<PhaseFormInput, unknown, PhaseFormOutput>({
    resolver: zodResolver(phaseFormSchema),
    defaultValues: { to: options[0] ?? record.phase, date: formatDate(todayIso()), note: '' },
  });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await advance({ traineeId: record.id, from: record.phase, ...values });
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('advancePhase.success', { name: record.fullName, phase: label.phase(tr, values.to) }));
      onDone();
    } else if ('error' in result) {
      applyServerIssues(result.error, form.setError, ['to', 'date', 'note']);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="advance-phase-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <div>
          <Text size="xs" c="dimmed" fw={500}>
            {t('advancePhase.current')}
          </Text>
          <Text size="sm" data-testid="current-phase">
            {label.phase(t, record.phase)}
          </Text>
        </div>
        <Controller
          control={form.control}
          name="to"
          render={({ field }) => (
            <NativeSelect
              label={t('advancePhase.to')}
              withAsterisk
              autoFocus
              data-autofocus
              error={msg(errors.to?.message)}
              data={options.map((p) => ({ value: p, label: label.phase(t, p) }))}
              name={field.name}
              ref={field.ref}
              value={field.value}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(e.currentTarget.value)}
            />
          )}
        />
        <TextInput
          label={t('advancePhase.date')}
          placeholder={t('form.datePlaceholder')}
          withAsterisk
          autoComplete="off"
          maxLength={10}
          error={msg(errors.date?.message)}
          {...form.register('date')}
        />
        <Textarea label={t('advancePhase.note')} autosize minRows={2} error={msg(errors.note?.message)} {...form.register('note')} />
        <FormActions submit={t('advancePhase.submit')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}
