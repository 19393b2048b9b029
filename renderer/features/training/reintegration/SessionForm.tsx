import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import { COUNSELLING_KINDS, COUNSELLING_OUTCOMES, recordSessionInput, type CounsellingKind, type CounsellingOutcome } from '../../../../shared/training/reintegration';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { displayDate } from '../../trainees/traineeForm';
import { useRecordCounsellingSessionMutation } from './api';

interface Values {
  kind: string;
  date: string;
  topics: string;
  notes: string;
  outcome: string;
  referralTo: string;
  followUpDate: string;
}

const FIELDS = ['kind', 'date', 'topics', 'notes', 'outcome', 'referralTo', 'followUpDate'] as const;

/** A destination applies to a referral, and to job-referral counselling. */
const showsReferral = (kind: string, outcome: string) => outcome === 'referred' || kind === 'job_referral';

/** An optional dd/mm/yyyy field: empty, or a real date. */
const optionalDisplayDate = z.string().refine((s) => s.trim() === '' || parseDisplayDate(s) !== null, 'invalidDate');

/** What people type (dates as dd/mm/yyyy), then the core's own input schema. */
function sessionSchema(traineeId: string) {
  return z
    .object({ kind: z.string(), date: displayDate, topics: z.string(), notes: z.string(), outcome: z.string(), referralTo: z.string(), followUpDate: optionalDisplayDate })
    .transform((v) => ({
      ...v,
      traineeId,
      date: parseDisplayDate(v.date) ?? '',
      referralTo: showsReferral(v.kind, v.outcome) ? v.referralTo : '',
      followUpDate: v.followUpDate.trim() === '' ? null : parseDisplayDate(v.followUpDate),
    }))
    .pipe(recordSessionInput);
}

/**
 * One session with one trainee, by the signed-in person (the counsellor). `focusToken` changes
 * when the trainee was chosen from the list with Enter: the first field takes the focus.
 * Ctrl+Enter records from any field.
 */
export function SessionForm({ traineeId, fullName, counsellor, focusToken }: { traineeId: string; fullName: string; counsellor: string; focusToken: number }) {
  const { t } = useTranslation();
  const [record, state] = useRecordCounsellingSessionMutation();
  const schema = useMemo(() => sessionSchema(traineeId), [traineeId]);
  const defaults: Values = { kind: 'legal', date: formatDate(todayIso()), topics: '', notes: '', outcome: 'completed', referralTo: '', followUpDate: '' };
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { errors } = form.formState;
  const msg = (name: keyof Values) => {
    const code = errors[name]?.message;
    return typeof code === 'string' ? validationMessage(t, code) : undefined;
  };
  const [kind, outcome] = useWatch({ control: form.control, name: ['kind', 'outcome'] });
  const { setFocus } = form;
  useEffect(() => {
    if (focusToken > 0) setFocus('kind');
  }, [focusToken, setFocus]);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await record(values);
    if (result.data) {
      notifySuccess((tr) => tr('reintegration.form.saved', { name: fullName }));
      form.reset(defaults);
    } else if (result.error) {
      applyServerIssues(result.error, form.setError, FIELDS);
    }
  });

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={onSubmit}
        noValidate
        data-testid="session-form"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void onSubmit();
          }
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between" align="baseline">
            <Title order={4}>{t('reintegration.form.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('reintegration.form.counsellor', { name: counsellor })}
            </Text>
          </Group>
          <ErrorAlert error={state.error} testId="session-error" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('reintegration.form.kind')}
              withAsterisk
              data={COUNSELLING_KINDS.map((k: CounsellingKind) => ({ value: k, label: t(`reintegration.kinds.${k}`) }))}
              error={msg('kind')}
              {...form.register('kind')}
            />
            <TextInput label={t('reintegration.form.date')} withAsterisk placeholder={t('form.datePlaceholder')} inputMode="numeric" maxLength={10} autoComplete="off" error={msg('date')} {...form.register('date')} />
          </SimpleGrid>
          <TextInput label={t('reintegration.form.topics')} withAsterisk autoComplete="off" error={msg('topics')} {...form.register('topics')} />
          <Textarea label={t('reintegration.form.notes')} autosize minRows={2} error={msg('notes')} {...form.register('notes')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('reintegration.form.outcome')}
              withAsterisk
              data={COUNSELLING_OUTCOMES.map((o: CounsellingOutcome) => ({ value: o, label: t(`reintegration.outcomes.${o}`) }))}
              error={msg('outcome')}
              {...form.register('outcome')}
            />
            <TextInput
              label={t('reintegration.form.followUpDate')}
              withAsterisk={outcome === 'needs_follow_up'}
              placeholder={t('form.datePlaceholder')}
              inputMode="numeric"
              maxLength={10}
              autoComplete="off"
              error={msg('followUpDate')}
              {...form.register('followUpDate')}
            />
          </SimpleGrid>
          {showsReferral(kind, outcome) ? (
            <TextInput label={t('reintegration.form.referralTo')} withAsterisk={outcome === 'referred'} autoComplete="off" error={msg('referralTo')} {...form.register('referralTo')} />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Text size="xs" c="dimmed">
              {t('reintegration.form.saveHint')}
            </Text>
            <Button type="submit" loading={state.isLoading} data-testid="session-save">
              {t('reintegration.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
