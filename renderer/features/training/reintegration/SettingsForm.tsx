import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NumberInput, Paper, Text, Title } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { reintegrationSettingsSchema, type ReintegrationSettings } from '../../../../shared/training/reintegration';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { typed } from '../../medical/screening/settingsForm';
import { useReintegrationSettingsQuery, useSetReintegrationSettingsMutation } from './api';

const schema = z.object({ dueWithinDays: typed }).pipe(reintegrationSettingsSchema);

/** The admin's setting: how many days before planned release counselling is due (one event per save). */
export function ReintegrationSettingsForm() {
  const { data } = useReintegrationSettingsQuery({});
  // Keyed by the settings so a change saved elsewhere resets the form to it.
  return data ? <SettingsForm key={data.dueWithinDays} settings={data} /> : null;
}

function SettingsForm({ settings }: { settings: ReintegrationSettings }) {
  const { t } = useTranslation();
  const [save, state] = useSetReintegrationSettingsMutation();
  const form = useForm<z.input<typeof schema>, unknown, ReintegrationSettings>({ resolver: zodResolver(schema), defaultValues: settings });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await save(values);
    if (result.data) notifySuccess((tr) => tr('reintegration.settings.saved', { days: values.dueWithinDays }));
    else if (result.error) applyServerIssues(result.error, form.setError, ['dueWithinDays']);
  });
  return (
    <Paper withBorder p="sm" data-testid="reintegration-settings">
      <form onSubmit={onSubmit} noValidate>
        <Title order={4}>{t('reintegration.settings.title')}</Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('reintegration.settings.hint')}
        </Text>
        <ErrorAlert error={state.error} />
        <Group align="flex-start">
          <Controller
            control={form.control}
            name="dueWithinDays"
            render={({ field, fieldState }) => (
              <NumberInput
                label={t('reintegration.settings.dueWithinDays')}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                w={280}
                name={field.name}
                ref={field.ref}
                value={field.value as number | string}
                onBlur={field.onBlur}
                onChange={(v) => field.onChange(v)}
                error={fieldState.error ? validationMessage(t, fieldState.error.message) : undefined}
              />
            )}
          />
          <Button type="submit" mt={25} loading={state.isLoading} disabled={!form.formState.isDirty}>
            {t('reintegration.settings.save')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
