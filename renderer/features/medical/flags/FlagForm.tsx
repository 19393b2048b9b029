import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { parseDisplayDate } from '../../../../shared/dates';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { FormActions } from '../../../components/FormActions';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { displayDate } from '../../trainees/traineeForm';

/** One field of a flags form. Dates are typed dd/mm/yyyy and sent as ISO. */
export type FlagField =
  | { name: string; kind: 'date' | 'optionalDate' | 'text' | 'textarea'; label: string; required?: boolean }
  | { name: string; kind: 'select'; label: string; options: { value: string; label: string }[] };

/** An empty optional date stays empty (null); anything typed must be a real date. */
const optionalDisplayDate = z.string().refine((s) => s.trim() === '' || parseDisplayDate(s) !== null, 'invalidDate');

function toValue(field: FlagField, raw: string): unknown {
  if (field.kind === 'date') return parseDisplayDate(raw) ?? '';
  if (field.kind === 'optionalDate') return raw.trim() === '' ? null : (parseDisplayDate(raw) ?? '');
  return raw;
}

/**
 * The form's schema: the typed text first (dates as people write them), then the handler's own
 * input schema from `shared/medical/flags.ts`, so the screen refuses exactly what the core would.
 */
function formSchema(fields: readonly FlagField[], shared: z.ZodType, fixed: Record<string, unknown>) {
  const shape = Object.fromEntries(fields.map((f) => [f.name, f.kind === 'date' ? displayDate : f.kind === 'optionalDate' ? optionalDisplayDate : z.string()]));
  return z
    .object(shape)
    .transform((v: Record<string, string>) => ({ ...fixed, ...Object.fromEntries(fields.map((f) => [f.name, toValue(f, v[f.name] ?? '')])) }))
    .pipe(shared as z.ZodType<unknown, Record<string, unknown>>) as unknown as z.ZodType<Record<string, unknown>, Record<string, string>>;
}

type Submit = (input: Record<string, unknown>) => PromiseLike<{ data?: unknown; error?: unknown }>;

export interface FlagFormProps {
  title: string;
  /** A line shown above the fields (e.g. the rule about HIV). */
  hint?: string;
  fields: readonly FlagField[];
  defaults: Record<string, string>;
  schema: z.ZodType;
  /** Input keys not on screen (traineeId, the flag's id…). */
  fixed: Record<string, unknown>;
  submitLabel: string;
  submit: Submit;
  loading: boolean;
  error: unknown;
  success: (t: TFunction) => string;
  onClose: () => void;
  testId: string;
}

export function FlagFormModal(props: FlagFormProps & { opened: boolean }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="md">
      {props.opened ? <FlagForm {...props} /> : null}
    </Modal>
  );
}

function FlagForm({ hint, fields, defaults, schema, fixed, submitLabel, submit, loading, error, success, onClose, testId }: FlagFormProps) {
  const { t } = useTranslation();
  const form = useForm<Record<string, string>, unknown, Record<string, unknown>>({ resolver: zodResolver(formSchema(fields, schema, fixed)), defaultValues: defaults });
  const { errors } = form.formState;
  const msg = (name: string) => {
    const code = errors[name]?.message;
    return typeof code === 'string' ? validationMessage(t, code) : undefined;
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await submit(values);
    if ('data' in result && result.data !== undefined) {
      notifySuccess(success);
      onClose();
    } else if ('error' in result) {
      applyServerIssues(result.error, form.setError, fields.map((f) => f.name));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid={testId}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        {hint ? (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        ) : null}
        {fields.map((f, i) => {
          // Inside a Mantine modal the focus trap focuses [data-autofocus] (else the close button): autoFocus alone is undone.
          const common = { label: f.label, error: msg(f.name), autoFocus: i === 0, 'data-autofocus': i === 0 || undefined };
          if (f.kind === 'select') {
            return (
              <Controller
                key={f.name}
                control={form.control}
                name={f.name}
                render={({ field }) => (
                  <NativeSelect
                    {...common}
                    withAsterisk
                    data={f.options}
                    name={field.name}
                    ref={field.ref}
                    value={field.value ?? ''}
                    onBlur={field.onBlur}
                    onChange={(e) => field.onChange(e.currentTarget.value)}
                  />
                )}
              />
            );
          }
          if (f.kind === 'textarea') return <Textarea key={f.name} {...common} withAsterisk={f.required} autosize minRows={2} {...form.register(f.name)} />;
          const date = f.kind === 'date' || f.kind === 'optionalDate';
          return (
            <TextInput
              key={f.name}
              {...common}
              withAsterisk={f.required ?? f.kind === 'date'}
              autoComplete="off"
              {...(date ? { placeholder: t('form.datePlaceholder'), inputMode: 'numeric' as const, maxLength: 10 } : {})}
              {...form.register(f.name)}
            />
          );
        })}
        <FormActions submit={submitLabel} onCancel={onClose} loading={loading} />
      </Stack>
    </form>
  );
}
