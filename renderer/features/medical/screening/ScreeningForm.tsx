import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Checkbox, Fieldset, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMemo } from 'react';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDate, todayIso } from '../../../../shared/dates';
import { SEROLOGY_RESULTS, SEROLOGY_TESTS, TB_SYMPTOMS, URINE_CUTOFFS, URINE_PANEL, URINE_RESULTS, VITAL_FIELDS, VITAL_RANGES } from '../../../../shared/medical/screening';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { FormActions } from '../../../components/FormActions';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { useRecordScreeningMutation } from './api';
import { emptyScreeningForm, SCREENING_FORM_PATHS, screeningFormSchema, type ScreeningFormInput, type ScreeningFormOutput } from './screeningForm';

/**
 * One screening session: its date and the results of the tests done that day (any subset; the
 * others stay "not done"). Native selects and plain inputs so the whole form works from the keyboard.
 */
export function ScreeningForm({ traineeId, onDone }: { traineeId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [record, { isLoading, error }] = useRecordScreeningMutation();
  const schema = useMemo(() => screeningFormSchema(traineeId), [traineeId]);
  const form = useForm<ScreeningFormInput, unknown, ScreeningFormOutput>({
    resolver: zodResolver(schema),
    defaultValues: emptyScreeningForm(formatDate(todayIso())),
  });
  const { errors } = form.formState;
  const msg = (e: FieldError | { message?: unknown } | undefined) => (typeof e?.message === 'string' ? validationMessage(t, e.message) : undefined);
  const tbDone = useWatch({ control: form.control, name: 'tbDone' });
  const tb = useWatch({ control: form.control, name: 'results.tb' });
  const tbPositive = tbDone && TB_SYMPTOMS.some((s) => tb[s]);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await record(values);
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('screening.saved'));
      onDone();
    } else if ('error' in result) {
      applyServerIssues(result.error, form.setError, SCREENING_FORM_PATHS);
    }
  });

  const serologyLabel = (v: '' | (typeof SEROLOGY_RESULTS)[number]) => (v === '' ? t('screening.notTested') : t(`screening.serology.${v}`));
  const urineLabel = (v: '' | (typeof URINE_RESULTS)[number]) => (v === '' ? t('screening.notTested') : t(`screening.urineResult.${v}`));

  return (
    <form onSubmit={onSubmit} noValidate data-testid="screening-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Text size="sm" c="dimmed">
          {t('screening.recordHint')}
        </Text>
        {errors.results?.message ? (
          <Alert color="red" data-testid="screening-nothing">
            {msg(errors.results)}
          </Alert>
        ) : null}
        <TextInput
          label={t('screening.date')}
          placeholder={t('form.datePlaceholder')}
          withAsterisk
          autoFocus
          // The modal's focus trap focuses [data-autofocus], else its close button.
          data-autofocus
          autoComplete="off"
          inputMode="numeric"
          maxLength={10}
          w={200}
          error={msg(errors.date)}
          {...form.register('date')}
        />

        <Fieldset legend={t('screening.serologyTitle')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
            {SEROLOGY_TESTS.map((test) => (
              <NativeSelect
                key={test}
                label={t(`screening.tests.${test}`)}
                data={(['', ...SEROLOGY_RESULTS] as const).map((v) => ({ value: v, label: serologyLabel(v) }))}
                error={msg(errors.results?.[test])}
                {...form.register(`results.${test}`)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('screening.tests.tb')}>
          <Stack gap="xs">
            <Checkbox label={t('screening.tbDone')} {...form.register('tbDone')} />
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
              {TB_SYMPTOMS.map((s) => (
                <Checkbox
                  key={s}
                  label={t(`screening.tbSymptoms.${s}`)}
                  {...form.register(`results.tb.${s}`, {
                    // Answering a symptom means the symptoms were asked.
                    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
                      if (e.currentTarget.checked) form.setValue('tbDone', true);
                    },
                  })}
                />
              ))}
            </SimpleGrid>
            {tbDone ? (
              <Badge color={tbPositive ? 'red' : 'gray'} variant="light" data-testid="tb-screen">
                {tbPositive ? t('screening.tbPositive') : t('screening.tbNegative')}
              </Badge>
            ) : null}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('screening.tests.urine')}>
          {msg(errors.results?.urine) ? (
            <Text c="red" size="sm">
              {msg(errors.results?.urine)}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
            {URINE_PANEL.map((code) => (
              <NativeSelect
                key={code}
                label={t(`screening.urineCodes.${code}`)}
                description={t('screening.cutoff', { value: URINE_CUTOFFS[code] })}
                data={(['', ...URINE_RESULTS] as const).map((v) => ({ value: v, label: urineLabel(v) }))}
                {...form.register(`results.urine.${code}`)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('screening.tests.vitals')}>
          {msg(errors.results?.vitals) ? (
            <Text c="red" size="sm">
              {msg(errors.results?.vitals)}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
            {VITAL_FIELDS.map((f) => (
              <TextInput
                key={f}
                label={t(`screening.vitals.${f}`)}
                description={t('screening.range', { min: VITAL_RANGES[f].min, max: VITAL_RANGES[f].max })}
                inputMode="decimal"
                autoComplete="off"
                error={msg(errors.results?.vitals?.[f])}
                {...form.register(`results.vitals.${f}`)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>

        <Textarea label={t('screening.note')} autosize minRows={2} error={msg(errors.note)} {...form.register('note')} />
        <FormActions submit={t('screening.submit')} onCancel={onDone} loading={isLoading} />
      </Stack>
    </form>
  );
}
