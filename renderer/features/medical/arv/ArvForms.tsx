import { zodResolver } from '@hookform/resolvers/zod';
import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, useForm, useWatch, type Control, type FieldError, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/dates';
import { ART_CHANGE_REASONS, LAB_TESTS, type ArvSummary, type LabEntry } from '../../../../shared/medical/arv';
import { DOSE_SLOTS } from '../../../../shared/medical/prescriptions';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { FormActions } from '../../../components/FormActions';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { useChangeRegimenMutation, useRecordCounsellingMutation, useRecordLabResultMutation, useRecordPillCountMutation, useRequestLabMutation, useStartArtMutation } from './api';
import {
  changeFormSchema,
  counsellingFormSchema,
  emptyChangeForm,
  emptyCounsellingForm,
  emptyLabRequestForm,
  emptyLabResultForm,
  emptyPillCountForm,
  emptyStartForm,
  labRequestFormSchema,
  labResultFormSchema,
  pillCountFormSchema,
  startFormSchema,
} from './arvForms';

/** Every ARV form: the first field has focus, Enter saves, Escape closes the dialog around it. */

function useMsg() {
  const { t } = useTranslation();
  return (e: FieldError | { message?: unknown } | undefined) => (typeof e?.message === 'string' ? validationMessage(t, e.message) : undefined);
}

const dateProps = { inputMode: 'numeric' as const, autoComplete: 'off', maxLength: 10, w: 200 };

function SlotsField<T extends FieldValues>({ control, name, error }: { control: Control<T>; name: Path<T>; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox.Group label={t('arv.form.slots')} withAsterisk value={field.value as string[]} onChange={field.onChange} error={error}>
          <Group gap="lg" mt={6}>
            {DOSE_SLOTS.map((s) => (
              <Checkbox key={s} value={s} label={t(`arv.slots.${s}`)} onBlur={field.onBlur} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
    />
  );
}

function regimenData(chooseOne: string, summary: ArvSummary, exclude?: string) {
  return [
    { value: '', label: chooseOne },
    ...summary.regimenOptions.filter((r) => r.itemId !== exclude).map((r) => ({ value: r.itemId, label: `${r.name} ${r.strength}`.trim() })),
  ];
}

export function StartArtForm({ summary, onDone }: { summary: ArvSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const msg = useMsg();
  const [start, { isLoading, error }] = useStartArtMutation();
  const schema = useMemo(() => startFormSchema(summary.traineeId), [summary.traineeId]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: emptyStartForm() });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const r = await start(values);
    if ('data' in r && r.data) {
      notifySuccess((tr) => tr('arv.saved.start'));
      onDone();
    } else applyServerIssues(r.error, form.setError, ['date', 'itemId', 'dose', 'slots']);
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="arv-start-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        {summary.regimenOptions.length === 0 ? <Text c="orange">{t('arv.noRegimens')}</Text> : null}
        <NativeSelect label={t('arv.form.regimen')} withAsterisk data-autofocus data={regimenData(t('form.chooseOne'), summary)} error={msg(errors.itemId)} {...form.register('itemId')} />
        <SimpleGrid cols={2}>
          <TextInput label={t('arv.form.date')} placeholder={t('form.datePlaceholder')} withAsterisk {...dateProps} error={msg(errors.date)} {...form.register('date')} />
          <TextInput label={t('arv.form.dose')} placeholder={t('arv.form.dosePlaceholder')} withAsterisk error={msg(errors.dose)} {...form.register('dose')} />
        </SimpleGrid>
        <SlotsField control={form.control} name="slots" error={msg(errors.slots)} />
        <FormActions submit={t('arv.actions.start')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}

export function ChangeRegimenForm({ summary, onDone }: { summary: ArvSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const msg = useMsg();
  const [change, { isLoading, error }] = useChangeRegimenMutation();
  const schema = useMemo(() => changeFormSchema(summary.traineeId), [summary.traineeId]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: emptyChangeForm(summary.current?.dose ?? '1 viên', summary.current?.slots ?? ['morning']) });
  const { errors } = form.formState;
  const reasonCode = useWatch({ control: form.control, name: 'reasonCode' });
  const onSubmit = form.handleSubmit(async (values) => {
    const r = await change(values);
    if ('data' in r && r.data) {
      notifySuccess((tr) => tr('arv.saved.change'));
      onDone();
    } else applyServerIssues(r.error, form.setError, ['date', 'itemId', 'dose', 'slots', 'reasonCode', 'reasonText']);
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="arv-change-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        {summary.current ? (
          <Text size="sm">
            {t('arv.current')}: {summary.current.name} {summary.current.strength}
          </Text>
        ) : null}
        <NativeSelect label={t('arv.form.newRegimen')} withAsterisk data-autofocus data={regimenData(t('form.chooseOne'), summary, summary.current?.itemId)} error={msg(errors.itemId)} {...form.register('itemId')} />
        <SimpleGrid cols={2}>
          <TextInput label={t('arv.form.changeDate')} placeholder={t('form.datePlaceholder')} withAsterisk {...dateProps} error={msg(errors.date)} {...form.register('date')} />
          <TextInput label={t('arv.form.dose')} withAsterisk error={msg(errors.dose)} {...form.register('dose')} />
        </SimpleGrid>
        <SlotsField control={form.control} name="slots" error={msg(errors.slots)} />
        <NativeSelect
          label={t('arv.form.reasonCode')}
          withAsterisk
          data={[{ value: '', label: t('form.chooseOne') }, ...ART_CHANGE_REASONS.map((r) => ({ value: r, label: t(`arv.reasons.${r}`) }))]}
          error={msg(errors.reasonCode)}
          {...form.register('reasonCode')}
        />
        <Textarea label={t('arv.form.reasonText')} withAsterisk={reasonCode === 'other'} autosize minRows={2} error={msg(errors.reasonText)} {...form.register('reasonText')} />
        <FormActions submit={t('arv.actions.change')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}

export function LabRequestForm({ traineeId, onDone }: { traineeId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const msg = useMsg();
  const [request, { isLoading, error }] = useRequestLabMutation();
  const schema = useMemo(() => labRequestFormSchema(traineeId), [traineeId]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: emptyLabRequestForm() });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const r = await request(values);
    if ('data' in r && r.data) {
      notifySuccess((tr) => tr('arv.saved.requestLab'));
      onDone();
    } else applyServerIssues(r.error, form.setError, ['test', 'requestedDate']);
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="arv-lab-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <NativeSelect label={t('arv.form.test')} withAsterisk data-autofocus data={LAB_TESTS.map((v) => ({ value: v, label: t(`arv.tests.${v}`) }))} error={msg(errors.test)} {...form.register('test')} />
        <TextInput label={t('arv.form.requestedDate')} placeholder={t('form.datePlaceholder')} withAsterisk {...dateProps} error={msg(errors.requestedDate)} {...form.register('requestedDate')} />
        <FormActions submit={t('arv.form.save')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}

export function LabResultForm({ traineeId, lab, onDone }: { traineeId: string; lab: LabEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const msg = useMsg();
  const [record, { isLoading, error }] = useRecordLabResultMutation();
  const schema = useMemo(() => labResultFormSchema(traineeId, lab.labId), [traineeId, lab.labId]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: emptyLabResultForm() });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const r = await record(values);
    if ('data' in r && r.data) {
      notifySuccess((tr) => tr('arv.saved.result'));
      onDone();
    } else applyServerIssues(r.error, form.setError, ['receivedDate', 'value', 'undetectable']);
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="arv-result-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Text size="sm">{t('arv.labs.enterResultFor', { test: t(`arv.tests.${lab.test}`), date: formatDate(lab.requestedDate) })}</Text>
        <SimpleGrid cols={2}>
          <TextInput label={t('arv.form.value', { unit: t(`arv.units.${lab.test}`) })} withAsterisk data-autofocus inputMode="numeric" autoComplete="off" error={msg(errors.value)} {...form.register('value')} />
          <TextInput label={t('arv.form.receivedDate')} placeholder={t('form.datePlaceholder')} withAsterisk {...dateProps} error={msg(errors.receivedDate)} {...form.register('receivedDate')} />
        </SimpleGrid>
        {lab.test === 'viral_load' ? (
          <Checkbox label={t('arv.form.undetectable')} description={t('arv.form.undetectableHint')} error={msg(errors.undetectable)} {...form.register('undetectable')} />
        ) : null}
        <FormActions submit={t('arv.form.save')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}

export function PillCountForm({ traineeId, onDone }: { traineeId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const msg = useMsg();
  const [record, { isLoading, error }] = useRecordPillCountMutation();
  const schema = useMemo(() => pillCountFormSchema(traineeId), [traineeId]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: emptyPillCountForm() });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const r = await record(values);
    if ('data' in r && r.data) {
      notifySuccess((tr) => tr('arv.saved.pillCount'));
      onDone();
    } else applyServerIssues(r.error, form.setError, ['date', 'expected', 'counted', 'note']);
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="arv-pill-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput label={t('arv.pillCounts.date')} placeholder={t('form.datePlaceholder')} withAsterisk data-autofocus {...dateProps} error={msg(errors.date)} {...form.register('date')} />
        <SimpleGrid cols={2}>
          <TextInput label={t('arv.pillCounts.expected')} withAsterisk inputMode="numeric" autoComplete="off" error={msg(errors.expected)} {...form.register('expected')} />
          <TextInput label={t('arv.pillCounts.counted')} withAsterisk inputMode="numeric" autoComplete="off" error={msg(errors.counted)} {...form.register('counted')} />
        </SimpleGrid>
        <TextInput label={t('arv.pillCounts.note')} error={msg(errors.note)} {...form.register('note')} />
        <FormActions submit={t('arv.form.save')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}

export function CounsellingForm({ traineeId, nextSession, onDone }: { traineeId: string; nextSession: number; onDone: () => void }) {
  const { t } = useTranslation();
  const msg = useMsg();
  const [record, { isLoading, error }] = useRecordCounsellingMutation();
  const schema = useMemo(() => counsellingFormSchema(traineeId), [traineeId]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: emptyCounsellingForm(nextSession) });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const r = await record(values);
    if ('data' in r && r.data) {
      notifySuccess((tr) => tr('arv.saved.counselling'));
      onDone();
    } else applyServerIssues(r.error, form.setError, ['date', 'session', 'notes']);
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="arv-counselling-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <SimpleGrid cols={2}>
          <TextInput label={t('arv.counselling.date')} placeholder={t('form.datePlaceholder')} withAsterisk data-autofocus {...dateProps} error={msg(errors.date)} {...form.register('date')} />
          <TextInput label={t('arv.counselling.session')} withAsterisk inputMode="numeric" autoComplete="off" w={120} error={msg(errors.session)} {...form.register('session')} />
        </SimpleGrid>
        <Textarea label={t('arv.counselling.notes')} autosize minRows={3} error={msg(errors.notes)} {...form.register('notes')} />
        <FormActions submit={t('arv.form.save')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}
