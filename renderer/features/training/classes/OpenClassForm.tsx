import { zodResolver } from '@hookform/resolvers/zod';
import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { SessionUser } from '../../../../shared/accounts';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import { LITERACY_PHASES, WEEKDAYS, openClassInput } from '../../../../shared/training/classes';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { FormActions } from '../../../components/FormActions';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { displayDate } from '../../trainees/traineeForm';
import { useOpenClassMutation, useTeachersQuery } from './api';
import { weekdayLabel } from './labels';

interface Values {
  name: string;
  teacherId: string;
  phase: string;
  weekdays: string[];
  startTime: string;
  endTime: string;
  room: string;
  date: string;
}

const FIELDS = ['name', 'teacherId', 'phase', 'weekdays', 'startTime', 'endTime', 'room', 'date'] as const;

/** What people type (the date as dd/mm/yyyy, weekdays as checkboxes), then the core's own input schema. */
const schema = z
  .object({ name: z.string(), teacherId: z.string(), phase: z.string(), weekdays: z.array(z.string()), startTime: z.string(), endTime: z.string(), room: z.string(), date: displayDate })
  .transform((v) => ({ ...v, weekdays: v.weekdays.map(Number), date: parseDisplayDate(v.date) ?? '' }))
  .pipe(openClassInput);

/** Opening a class: name, teacher (a teacher opening one is its teacher by default), programme phase, schedule, room. */
export function OpenClassForm({ user, onDone }: { user: SessionUser; onDone: (classId: string | null) => void }) {
  const { t } = useTranslation();
  const teachers = useTeachersQuery({});
  const [open, state] = useOpenClassMutation();
  const defaults: Values = {
    name: '',
    teacherId: user.roles.includes('teacher') ? user.id : '',
    phase: 'phase1',
    weekdays: ['1', '3', '5'],
    startTime: '08:00',
    endTime: '10:00',
    room: '',
    date: formatDate(todayIso()),
  };
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { errors } = form.formState;
  const msg = (name: keyof Values) => {
    const code = errors[name]?.message;
    return typeof code === 'string' ? validationMessage(t, code) : undefined;
  };
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await open(values);
    if (result.data) {
      notifySuccess((tr) => tr('classes.opened'));
      onDone(result.data.classId);
    } else if (result.error) {
      applyServerIssues(result.error, form.setError, FIELDS);
    }
  });
  const teacherOptions = [{ value: '', label: '—' }, ...(teachers.data ?? []).map((x) => ({ value: x.userId, label: x.fullName }))];

  return (
    <form onSubmit={onSubmit} noValidate data-testid="open-class-form">
      <Stack gap="sm">
        <ErrorAlert error={state.error ?? teachers.error} />
        <TextInput label={t('classes.name')} withAsterisk autoComplete="off" data-autofocus error={msg('name')} {...form.register('name')} data-testid="class-name" />
        <SimpleGrid cols={2}>
          {/* Controlled: the teachers arrive after the form, and the default (the teacher opening it) must then show. */}
          <Controller
            control={form.control}
            name="teacherId"
            render={({ field }) => (
              <NativeSelect
                label={t('classes.teacher')}
                withAsterisk
                data={teacherOptions}
                error={msg('teacherId')}
                name={field.name}
                ref={field.ref}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(e) => field.onChange(e.currentTarget.value)}
                data-testid="class-teacher"
              />
            )}
          />
          <NativeSelect label={t('classes.phase')} withAsterisk data={LITERACY_PHASES.map((p) => ({ value: p, label: t(`classes.phases.${p}`) }))} error={msg('phase')} {...form.register('phase')} />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="weekdays"
          render={({ field }) => (
            <Checkbox.Group label={t('classes.weekdaysLabel')} withAsterisk value={field.value} onChange={field.onChange} error={msg('weekdays')}>
              <Group gap="md" mt={4}>
                {WEEKDAYS.map((d) => (
                  <Checkbox key={d} value={String(d)} label={weekdayLabel(t, d)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <SimpleGrid cols={3}>
          <TextInput label={t('classes.startTime')} withAsterisk maxLength={5} autoComplete="off" error={msg('startTime')} {...form.register('startTime')} />
          <TextInput label={t('classes.endTime')} withAsterisk maxLength={5} autoComplete="off" error={msg('endTime')} {...form.register('endTime')} />
          <TextInput label={t('classes.openedDate')} withAsterisk placeholder={t('form.datePlaceholder')} inputMode="numeric" maxLength={10} autoComplete="off" error={msg('date')} {...form.register('date')} />
        </SimpleGrid>
        <TextInput label={t('classes.room')} description={t('classes.roomHint')} autoComplete="off" error={msg('room')} {...form.register('room')} />
        <FormActions submit={t('classes.openClass')} onCancel={() => onDone(null)} loading={state.isLoading} />
      </Stack>
    </form>
  );
}
