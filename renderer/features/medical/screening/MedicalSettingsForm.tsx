import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Fieldset, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Controller, useForm, type Control, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SCREENING_TESTS, type MedicalSettings } from '../../../../shared/medical/common';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { useMedicalSettingsQuery, useSetMedicalSettingsMutation } from './api';
import { SETTINGS_FORM_PATHS, settingsFormSchema, type SettingsFormInput, type SettingsFormOutput } from './settingsForm';

/** The Settings tab: intervals and thresholds of the medical dashboards (one MedicalSettingsChanged per save). */
export function MedicalSettingsForm() {
  const { t } = useTranslation();
  const { data, error } = useMedicalSettingsQuery();
  return (
    <Paper withBorder p="md" radius="md" data-testid="medical-settings">
      <Stack gap="sm">
        <Title order={3}>{t('screening.settings.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('screening.settings.intro')}
        </Text>
        <ErrorAlert error={error} />
        {/* Keyed by the settings so a change saved elsewhere resets the form to it. */}
        {data ? <SettingsForm key={JSON.stringify(data)} settings={data} /> : null}
      </Stack>
    </Paper>
  );
}

function SettingsForm({ settings }: { settings: MedicalSettings }) {
  const { t } = useTranslation();
  const [save, { isLoading, error }] = useSetMedicalSettingsMutation();
  const form = useForm<SettingsFormInput, unknown, SettingsFormOutput>({ resolver: zodResolver(settingsFormSchema), defaultValues: settings });

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await save(values);
    if ('data' in result && result.data) notifySuccess((tr) => tr('screening.settings.saved'));
    else if ('error' in result) applyServerIssues(result.error, form.setError, SETTINGS_FORM_PATHS);
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="medical-settings-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Fieldset legend={t('screening.settings.rescreen')}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {SCREENING_TESTS.map((test, i) => (
              <NumberField key={test} control={form.control} name={`rescreenDays.${test}`} label={t(`screening.tests.${test}`)} suffix={` ${t('screening.settings.days')}`} autoFocus={i === 0} />
            ))}
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberField control={form.control} name="assessmentIntervalHours" label={t('screening.settings.assessmentIntervalHours')} />
          <NumberField control={form.control} name="adherenceThresholdPercent" label={t('screening.settings.adherenceThresholdPercent')} description={t('screening.settings.adherenceHint')} />
          <NumberField control={form.control} name="viralLoadIntervalDays" label={t('screening.settings.viralLoadIntervalDays')} />
          <NumberField control={form.control} name="viralLoadHighCopies" label={t('screening.settings.viralLoadHighCopies')} description={t('screening.settings.viralLoadHighHint')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={isLoading} disabled={!form.formState.isDirty}>
            {t('screening.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NumberField({
  control,
  name,
  label,
  description,
  suffix,
  autoFocus,
}: {
  control: Control<SettingsFormInput, unknown, SettingsFormOutput>;
  name: (typeof SETTINGS_FORM_PATHS)[number];
  label: string;
  description?: string;
  suffix?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          description={description}
          suffix={suffix}
          autoFocus={autoFocus}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          name={field.name}
          ref={field.ref}
          value={field.value as number | string}
          onBlur={field.onBlur}
          onChange={(v) => field.onChange(v)}
          error={fieldState.error ? validationMessage(t, (fieldState.error as FieldError).message) : undefined}
        />
      )}
    />
  );
}
