import { zodResolver } from '@hookform/resolvers/zod';
import { Checkbox, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import {
  discontinuePrescriptionInput,
  DOSE_SLOTS,
  renewPrescriptionInput,
  revisePrescriptionInput,
  writePrescriptionInput,
  type Prescription,
} from '../../../../shared/medical/prescriptions';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { FormActions } from '../../../components/FormActions';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { displayDate } from '../../trainees/traineeForm';
import {
  useDiscontinuePrescriptionMutation,
  useFormularyQuery,
  useRenewPrescriptionMutation,
  useRevisePrescriptionMutation,
  useWritePrescriptionMutation,
} from './api';

/** An optional date as people type it: empty, or a real dd/mm/yyyy date. */
const optionalDisplayDate = z.string().superRefine((s, ctx) => {
  if (s.trim() !== '' && parseDisplayDate(s) === null) ctx.addIssue({ code: 'custom', message: 'invalidDate' });
});
const iso = (s: string) => parseDisplayDate(s) ?? '';
const isoOrNull = (s: string) => (s.trim() === '' ? null : iso(s));

/** The treatment fields as typed, checked on screen, then by the SHARED input schema (cross-field rules included). */
const treatmentForm = z.object({
  traineeId: z.string(),
  previousId: z.string(),
  itemId: z.string().min(1, 'required'),
  dose: z.string(),
  slots: z.array(z.enum(DOSE_SLOTS)),
  startDate: displayDate,
  endDate: optionalDisplayDate,
  indication: z.string(),
  reason: z.string(),
});
const writeForm = treatmentForm
  .transform(({ previousId: _p, reason: _r, ...v }) => ({ ...v, startDate: iso(v.startDate), endDate: isoOrNull(v.endDate) }))
  .pipe(writePrescriptionInput);
const reviseForm = treatmentForm.transform((v) => ({ ...v, startDate: iso(v.startDate), endDate: isoOrNull(v.endDate) })).pipe(revisePrescriptionInput);
type TreatmentInput = z.input<typeof treatmentForm>;
/** A new prescription, or a revision (which also names the previous one and why). */
type TreatmentOutput = z.output<typeof writeForm> & Partial<Pick<z.output<typeof reviseForm>, 'previousId' | 'reason'>>;

const TREATMENT_PATHS = ['itemId', 'dose', 'slots', 'startDate', 'endDate', 'indication', 'reason'] as const;

/** New prescription (previous = null) or a revision of `previous`: a new prescription replacing it. */
export function TreatmentForm({ traineeId, previous, onDone }: { traineeId: string; previous: Prescription | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { data: items } = useFormularyQuery();
  const [write, writeState] = useWritePrescriptionMutation();
  const [revise, reviseState] = useRevisePrescriptionMutation();
  const form = useForm<TreatmentInput, unknown, TreatmentOutput>({
    resolver: previous ? zodResolver(reviseForm) : zodResolver(writeForm),
    defaultValues: {
      traineeId,
      previousId: previous?.id ?? '',
      itemId: previous?.itemId ?? '',
      dose: previous?.dose ?? '',
      slots: previous?.slots ?? [],
      startDate: formatDate(todayIso()),
      endDate: previous?.endDate ? formatDate(previous.endDate) : '',
      indication: previous?.indication ?? '',
      reason: '',
    },
  });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);
  // ARV regimens are prescribed from the ARV treatment section (regimen history), not here.
  const choices = (items ?? []).filter((i) => !i.arv && (i.active || i.id === previous?.itemId));

  const onSubmit = form.handleSubmit(async (v) => {
    const { previousId, reason, ...treatment } = v;
    const result = previous ? await revise({ ...treatment, previousId: previousId ?? previous.id, reason: reason ?? '' }) : await write(treatment);
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('prescriptions.section.done'));
      onDone();
    } else if ('error' in result) {
      applyServerIssues(result.error, form.setError, TREATMENT_PATHS);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="prescription-form">
      <Stack gap="sm">
        <ErrorAlert error={writeState.error ?? reviseState.error} />
        <Controller
          control={form.control}
          name="itemId"
          render={({ field }) => (
            <NativeSelect
              label={t('prescriptions.section.fields.item')}
              withAsterisk
              autoFocus
              data-autofocus
              data={[{ value: '', label: '—' }, ...choices.map((i) => ({ value: i.id, label: `${i.name} ${i.strength}`.trim() }))]}
              name={field.name}
              ref={field.ref}
              value={field.value}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(e.currentTarget.value)}
              error={msg(errors.itemId?.message)}
            />
          )}
        />
        <TextInput
          label={t('prescriptions.section.fields.dose')}
          placeholder={t('prescriptions.section.fields.dosePlaceholder')}
          withAsterisk
          autoComplete="off"
          maxLength={100}
          error={msg(errors.dose?.message)}
          {...form.register('dose')}
        />
        <Controller
          control={form.control}
          name="slots"
          render={({ field }) => (
            <Checkbox.Group label={t('prescriptions.section.fields.slots')} withAsterisk value={field.value} onChange={field.onChange} error={msg(errors.slots?.message)}>
              <Group gap="md" mt={4}>
                {DOSE_SLOTS.map((s) => (
                  <Checkbox key={s} value={s} label={t(`prescriptions.slots.${s}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('prescriptions.section.fields.startDate')}
            placeholder={t('form.datePlaceholder')}
            withAsterisk
            autoComplete="off"
            maxLength={10}
            error={msg(errors.startDate?.message)}
            {...form.register('startDate')}
          />
          <TextInput
            label={t('prescriptions.section.fields.endDate')}
            placeholder={t('form.datePlaceholder')}
            description={t('prescriptions.section.fields.endDateHint')}
            autoComplete="off"
            maxLength={10}
            error={msg(errors.endDate?.message)}
            {...form.register('endDate')}
          />
        </Group>
        <TextInput label={t('prescriptions.section.fields.indication')} autoComplete="off" maxLength={300} error={msg(errors.indication?.message)} {...form.register('indication')} />
        {previous ? (
          <Textarea label={t('prescriptions.section.fields.reason')} withAsterisk autosize minRows={2} maxLength={500} error={msg(errors.reason?.message)} {...form.register('reason')} />
        ) : null}
        <FormActions submit={t('prescriptions.section.submit')} onCancel={onDone} loading={writeState.isLoading || reviseState.isLoading} />
      </Stack>
    </form>
  );
}

const renewForm = z
  .object({ traineeId: z.string(), previousId: z.string(), endDate: optionalDisplayDate, reason: z.string() })
  .transform((v) => ({ ...v, endDate: isoOrNull(v.endDate) }))
  .pipe(renewPrescriptionInput);

/** Continue the same treatment past its end date. */
export function RenewForm({ traineeId, previous, onDone }: { traineeId: string; previous: Prescription; onDone: () => void }) {
  const { t } = useTranslation();
  const [renew, state] = useRenewPrescriptionMutation();
  const form = useForm<z.input<typeof renewForm>, unknown, z.output<typeof renewForm>>({
    resolver: zodResolver(renewForm),
    defaultValues: { traineeId, previousId: previous.id, endDate: '', reason: '' },
  });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);
  const after = previous.endDate ? nextDay(previous.endDate) : todayIso();
  const from = after > todayIso() ? after : todayIso();
  const onSubmit = form.handleSubmit(async (v) => {
    const result = await renew(v);
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('prescriptions.section.done'));
      onDone();
    } else if ('error' in result) applyServerIssues(result.error, form.setError, ['endDate', 'reason']);
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="renew-form">
      <Stack gap="sm">
        <ErrorAlert error={state.error} />
        <Text size="sm">{t('prescriptions.section.renewHint', { date: formatDate(from) })}</Text>
        <TextInput
          label={t('prescriptions.section.fields.renewEnd')}
          placeholder={t('form.datePlaceholder')}
          description={t('prescriptions.section.fields.endDateHint')}
          autoFocus
          data-autofocus
          autoComplete="off"
          maxLength={10}
          error={msg(errors.endDate?.message)}
          {...form.register('endDate')}
        />
        <Textarea label={t('prescriptions.section.fields.reason')} autosize minRows={2} maxLength={500} error={msg(errors.reason?.message)} {...form.register('reason')} />
        <FormActions submit={t('prescriptions.section.submit')} onCancel={onDone} loading={state.isLoading} />
      </Stack>
    </form>
  );
}

const discontinueForm = z
  .object({ traineeId: z.string(), prescriptionId: z.string(), date: displayDate, reason: z.string() })
  .transform((v) => ({ ...v, date: iso(v.date) }))
  .pipe(discontinuePrescriptionInput);

/** No more doses from a date on, with a reason. */
export function DiscontinueForm({ traineeId, prescription, onDone }: { traineeId: string; prescription: Prescription; onDone: () => void }) {
  const { t } = useTranslation();
  const [discontinue, state] = useDiscontinuePrescriptionMutation();
  const form = useForm<z.input<typeof discontinueForm>, unknown, z.output<typeof discontinueForm>>({
    resolver: zodResolver(discontinueForm),
    defaultValues: { traineeId, prescriptionId: prescription.id, date: formatDate(todayIso()), reason: '' },
  });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);
  const onSubmit = form.handleSubmit(async (v) => {
    const result = await discontinue(v);
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('prescriptions.section.done'));
      onDone();
    } else if ('error' in result) applyServerIssues(result.error, form.setError, ['date', 'reason']);
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="discontinue-form">
      <Stack gap="sm">
        <ErrorAlert error={state.error} />
        <TextInput
          label={t('prescriptions.section.fields.date')}
          placeholder={t('form.datePlaceholder')}
          withAsterisk
          autoFocus
          data-autofocus
          autoComplete="off"
          maxLength={10}
          error={msg(errors.date?.message)}
          {...form.register('date')}
        />
        <Textarea label={t('prescriptions.section.fields.reason')} withAsterisk autosize minRows={2} maxLength={500} error={msg(errors.reason?.message)} {...form.register('reason')} />
        <FormActions submit={t('prescriptions.section.discontinue')} onCancel={onDone} loading={state.isLoading} color="orange" />
      </Stack>
    </form>
  );
}

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
