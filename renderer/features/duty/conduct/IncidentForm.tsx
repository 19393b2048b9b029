import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, MultiSelect, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import { recordViolationInput, type ViolationType } from '../../../../shared/duty/conduct';
import { useListTraineesQuery } from '../../../api/api';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { displayDate } from '../../trainees/traineeForm';
import { useRecordViolationMutation } from './api';
import { typeLabel } from './labels';

interface Values {
  traineeIds: string[];
  typeId: string;
  date: string;
  time: string;
  place: string;
  description: string;
  witnesses: string;
}

const FIELDS = ['traineeIds', 'typeId', 'date', 'time', 'place', 'description', 'witnesses'] as const;

/** What people type (the date as dd/mm/yyyy), then the core's own input schema. */
const schema = z
  .object({ traineeIds: z.array(z.string()), typeId: z.string(), date: displayDate, time: z.string(), place: z.string(), description: z.string(), witnesses: z.string() })
  .transform((v) => ({ ...v, date: parseDisplayDate(v.date) ?? '', time: v.time.trim() }))
  .pipe(recordViolationInput);

/**
 * One incident, several trainees: the trainees are chosen by typing part of a name or file number
 * (Enter picks, Backspace removes), so the whole form is done from the keyboard.
 */
export function IncidentForm({ types }: { types: readonly ViolationType[] }) {
  const { t } = useTranslation();
  const roster = useListTraineesQuery({ status: 'in_care', limit: 5000 });
  const [record, state] = useRecordViolationMutation();
  const defaults: Values = { traineeIds: [], typeId: '', date: formatDate(todayIso()), time: '', place: '', description: '', witnesses: '' };
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { errors } = form.formState;
  const msg = (name: keyof Values) => {
    const code = errors[name]?.message;
    return typeof code === 'string' ? validationMessage(t, code) : undefined;
  };
  const people = useMemo(() => (roster.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} (${p.fileNumber})` })), [roster.data]);
  const typeOptions = [{ value: '', label: '—' }, ...types.filter((x) => x.active).map((x) => ({ value: x.typeId, label: typeLabel(t, x.typeId, types) }))];

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await record(values);
    if (result.data) {
      const count = values.traineeIds.length;
      notifySuccess((tr) => tr('conduct.record.done', { count }));
      form.reset(defaults);
    } else if (result.error) {
      applyServerIssues(result.error, form.setError, FIELDS);
    }
  });

  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit} noValidate data-testid="incident-form">
        <Stack gap="sm">
          <Title order={4}>{t('conduct.record.title')}</Title>
          <ErrorAlert error={state.error} />
          <Controller
            control={form.control}
            name="traineeIds"
            render={({ field }) => (
              <MultiSelect
                label={t('conduct.fields.trainees')}
                placeholder={t('conduct.record.searchHint')}
                withAsterisk
                searchable
                clearable
                data={people}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                error={msg('traineeIds')}
                limit={30}
                data-testid="incident-trainees"
              />
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t('conduct.fields.type')} withAsterisk data={typeOptions} error={msg('typeId')} {...form.register('typeId')} />
            <TextInput label={t('conduct.fields.date')} withAsterisk placeholder={t('form.datePlaceholder')} inputMode="numeric" maxLength={10} autoComplete="off" error={msg('date')} {...form.register('date')} />
            <TextInput label={t('conduct.fields.time')} placeholder="21:30" maxLength={5} autoComplete="off" error={msg('time')} {...form.register('time')} />
          </SimpleGrid>
          <TextInput label={t('conduct.fields.place')} autoComplete="off" error={msg('place')} {...form.register('place')} />
          <Textarea label={t('conduct.fields.description')} withAsterisk autosize minRows={2} error={msg('description')} {...form.register('description')} />
          <TextInput label={t('conduct.fields.witnesses')} autoComplete="off" error={msg('witnesses')} {...form.register('witnesses')} />
          <Group justify="flex-end">
            <Button type="submit" loading={state.isLoading}>
              {t('conduct.record.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
