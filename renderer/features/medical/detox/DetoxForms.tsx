import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Group, Loader, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DETOX_OUTCOMES, DETOX_SUBSTANCES, suggestedScale, type DetoxEpisodeView, type DetoxSubstance } from '../../../../shared/medical/detox';
import type { Answers, ScaleDefinition } from '../../../../shared/medical/scales';
import { useGetTraineeQuery } from '../../../api/api';
import { ErrorAlert, notifySuccess, toSenError } from '../../../components/feedback';
import { FormActions } from '../../../components/FormActions';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { useAssessDetoxMutation, useCloseDetoxMutation, useStartDetoxMutation } from './api';
import { AssessmentGrid } from './AssessmentGrid';
import { closeFormSchema, nowFields, pick, startFormSchema, timeFormSchema } from './detoxForm';

/** Date and time side by side, dd/MM/yyyy and HH:mm, defaulting to now. */
function WhenFields<T extends FieldValues & { date: string; time: string }>({ form, autoFocus }: { form: UseFormReturn<T, unknown, unknown>; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const errors = form.formState.errors as { date?: { message?: string }; time?: { message?: string } };
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);
  return (
    <Group grow align="flex-start">
      <TextInput
        label={t('detox.date')}
        placeholder={t('form.datePlaceholder')}
        withAsterisk
        autoComplete="off"
        maxLength={10}
        autoFocus={autoFocus}
        error={msg(errors.date?.message)}
        {...form.register('date' as FieldPath<T>)}
      />
      <TextInput
        label={t('detox.time')}
        placeholder={t('detox.timePlaceholder')}
        withAsterisk
        autoComplete="off"
        maxLength={5}
        error={msg(errors.time?.message)}
        {...form.register('time' as FieldPath<T>)}
      />
    </Group>
  );
}

/** Server issues on an instant field land on the time field (the date is right there beside it). */
function placeInstantIssue<T extends FieldValues>(error: unknown, form: UseFormReturn<T, unknown, unknown>, path: string): boolean {
  const e = toSenError(error);
  const issue = e?.issues?.find((i) => i.path === path);
  if (!issue) return false;
  form.setError('time' as FieldPath<T>, { type: 'server', message: issue.code }, { shouldFocus: true });
  return true;
}

type StartInput = z.input<typeof startFormSchema>;
type StartOutput = z.output<typeof startFormSchema>;

export function StartEpisodeModal({ traineeId, scales, opened, onClose }: { traineeId: string; scales: ScaleDefinition[]; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('detox.start.title')} size="md">
      {opened ? <StartEpisodeForm traineeId={traineeId} scales={scales} onDone={onClose} /> : null}
    </Modal>
  );
}

function StartEpisodeForm({ traineeId, scales, onDone }: { traineeId: string; scales: ScaleDefinition[]; onDone: () => void }) {
  const { data: trainee, isLoading } = useGetTraineeQuery({ traineeId });
  // The defaults come from the record: wait for it (a moment) rather than propose the wrong scale.
  if (isLoading) return <Loader size="sm" />;
  return <StartEpisodeFields traineeId={traineeId} scales={scales} onDone={onDone} admittedFor={trainee?.substances[0]} />;
}

function StartEpisodeFields({ traineeId, scales, onDone, admittedFor }: { traineeId: string; scales: ScaleDefinition[]; onDone: () => void; admittedFor: DetoxSubstance | undefined }) {
  const { t, i18n } = useTranslation();
  const [start, { isLoading, error }] = useStartDetoxMutation();
  // The substance the trainee was admitted for, and the scale that fits it.
  const substance: DetoxSubstance = admittedFor ?? 'methamphetamine';
  const form = useForm<StartInput, unknown, StartOutput>({
    resolver: zodResolver(startFormSchema),
    defaultValues: { substance, scaleId: suggestedScale(substance), ...nowFields() },
  });
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await start({ traineeId, ...values });
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('detox.start.success'));
      onDone();
    } else if ('error' in result) {
      if (!placeInstantIssue(result.error, form, 'startedAt')) applyServerIssues(result.error, form.setError, ['substance', 'scaleId']);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="detox-start-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Controller
          control={form.control}
          name="substance"
          render={({ field }) => (
            <NativeSelect
              label={t('detox.substance')}
              withAsterisk
              autoFocus
              data-autofocus
              error={msg(errors.substance?.message)}
              data={DETOX_SUBSTANCES.map((s) => ({ value: s, label: t(`detox.substances.${s}`) }))}
              name={field.name}
              ref={field.ref}
              value={field.value}
              onBlur={field.onBlur}
              onChange={(e) => {
                const next = e.currentTarget.value as DetoxSubstance;
                field.onChange(next);
                form.setValue('scaleId', suggestedScale(next));
              }}
            />
          )}
        />
        <Controller
          control={form.control}
          name="scaleId"
          render={({ field }) => (
            <NativeSelect
              label={t('detox.scale')}
              withAsterisk
              error={msg(errors.scaleId?.message)}
              data={scales.map((s) => ({ value: s.id, label: `${pick(s.name, i18n.language)} — ${pick(s.description, i18n.language)}` }))}
              name={field.name}
              ref={field.ref}
              value={field.value}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(e.currentTarget.value)}
            />
          )}
        />
        <WhenFields form={form} />
        <FormActions submit={t('detox.start.submit')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}

type TimeInput = z.input<typeof timeFormSchema>;
type TimeOutput = z.output<typeof timeFormSchema>;

export function AssessModal({ episode, scale, onClose }: { episode: DetoxEpisodeView | null; scale: ScaleDefinition | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Modal opened={episode !== null} onClose={onClose} title={scale ? t('detox.assess.title', { scale: pick(scale.name, i18n.language) }) : ''} size="xl">
      {episode && scale ? <AssessForm episode={episode} scale={scale} onDone={onClose} /> : null}
    </Modal>
  );
}

function AssessForm({ episode, scale, onDone }: { episode: DetoxEpisodeView; scale: ScaleDefinition; onDone: () => void }) {
  const { t } = useTranslation();
  const [assess, { isLoading, error }] = useAssessDetoxMutation();
  const [answers, setAnswers] = useState<Answers>(() => Object.fromEntries(scale.items.map((i) => [i.id, null])));
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({});
  const [noAnswer, setNoAnswer] = useState(false);
  const form = useForm<TimeInput, unknown, TimeOutput>({ resolver: zodResolver(timeFormSchema), defaultValues: nowFields() });

  const onSubmit = form.handleSubmit(async ({ at }) => {
    if (Object.values(answers).every((p) => p === null)) {
      setNoAnswer(true);
      return;
    }
    const result = await assess({ traineeId: episode.traineeId, episodeId: episode.episodeId, assessedAt: at, answers });
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('detox.assess.success'));
      onDone();
    } else if ('error' in result) {
      placeInstantIssue(result.error, form, 'assessedAt');
      const issues = toSenError(result.error)?.issues ?? [];
      setItemErrors(Object.fromEntries(issues.filter((i) => i.path.startsWith('answers.')).map((i) => [i.path.slice('answers.'.length), i.code])));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="detox-assess-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <WhenFields form={form} />
        <AssessmentGrid
          scale={scale}
          value={answers}
          errors={itemErrors}
          onChange={(id, points) => {
            setNoAnswer(false);
            setAnswers((a) => ({ ...a, [id]: points }));
          }}
        />
        {noAnswer ? (
          <Alert color="red" variant="light" role="alert">
            {validationMessage(t, 'answerRequired')}
          </Alert>
        ) : null}
        <FormActions submit={t('detox.assess.submit')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}

type CloseInput = z.input<typeof closeFormSchema>;
type CloseOutput = z.output<typeof closeFormSchema>;

export function CloseEpisodeModal({ episode, onClose }: { episode: DetoxEpisodeView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={episode !== null} onClose={onClose} title={t('detox.close.title')} size="md">
      {episode ? <CloseEpisodeForm episode={episode} onDone={onClose} /> : null}
    </Modal>
  );
}

function CloseEpisodeForm({ episode, onDone }: { episode: DetoxEpisodeView; onDone: () => void }) {
  const { t } = useTranslation();
  const [close, { isLoading, error }] = useCloseDetoxMutation();
  const form = useForm<CloseInput, unknown, CloseOutput>({ resolver: zodResolver(closeFormSchema), defaultValues: { outcome: 'completed', note: '', ...nowFields() } });
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await close({ traineeId: episode.traineeId, episodeId: episode.episodeId, ...values });
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('detox.close.success'));
      onDone();
    } else if ('error' in result) {
      if (!placeInstantIssue(result.error, form, 'closedAt')) applyServerIssues(result.error, form.setError, ['outcome', 'note']);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="detox-close-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Controller
          control={form.control}
          name="outcome"
          render={({ field }) => (
            <NativeSelect
              label={t('detox.close.outcome')}
              withAsterisk
              autoFocus
              data-autofocus
              error={msg(errors.outcome?.message)}
              data={DETOX_OUTCOMES.map((o) => ({ value: o, label: t(`detox.outcome.${o}`) }))}
              name={field.name}
              ref={field.ref}
              value={field.value}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(e.currentTarget.value)}
            />
          )}
        />
        <WhenFields form={form} />
        <Textarea label={t('detox.note')} autosize minRows={2} error={msg(errors.note?.message)} {...form.register('note')} />
        <Alert color="gray" variant="light">
          {t('detox.close.phaseHint')}
        </Alert>
        <FormActions submit={t('detox.close.submit')} onCancel={onDone} loading={isLoading} color="orange" />
      </Stack>
    </form>
  );
}
