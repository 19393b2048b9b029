import { Checkbox, Fieldset, Group, Input, NativeSelect, Radio, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ADMISSION_TYPES, EDUCATION_LEVELS, SEXES, SUBSTANCES } from '../../../shared/admissions';
import { validationMessage } from '../../i18n/messages';
import type { TraineeFormInput, TraineeFormOutput } from './traineeForm';

export type TraineeForm = UseFormReturn<TraineeFormInput, unknown, TraineeFormOutput>;

/** The trainee's details, shared by admission and correction. */
export function TraineeFields({ form }: { form: TraineeForm }) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);
  const dateProps = { placeholder: t('form.datePlaceholder'), inputMode: 'numeric' as const, autoComplete: 'off', maxLength: 10 };

  return (
    <Stack gap="md">
      <Fieldset legend={t('form.sections.identity')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput label={t('fields.fileNumber')} withAsterisk autoFocus data-autofocus error={msg(errors.fileNumber?.message)} {...form.register('fileNumber')} />
          <TextInput label={t('fields.fullName')} withAsterisk error={msg(errors.fullName?.message)} {...form.register('fullName')} />
          <Controller
            control={form.control}
            name="sex"
            render={({ field }) => (
              <Radio.Group
                label={t('fields.sex')}
                withAsterisk
                value={field.value ?? null}
                onChange={(v) => field.onChange(v)}
                error={msg(errors.sex?.message)}
                name={field.name}
              >
                <Group gap="lg" mt={6}>
                  {SEXES.map((s) => (
                    <Radio key={s} value={s} label={t(`enums.sex.${s}`)} ref={s === SEXES[0] ? field.ref : undefined} onBlur={field.onBlur} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          <TextInput label={t('fields.dateOfBirth')} withAsterisk {...dateProps} error={msg(errors.dateOfBirth?.message)} {...form.register('dateOfBirth')} />
          <TextInput label={t('fields.idNumber')} inputMode="numeric" error={msg(errors.idNumber?.message)} {...form.register('idNumber')} />
          <TextInput label={t('fields.homeAddress')} withAsterisk error={msg(errors.homeAddress?.message)} {...form.register('homeAddress')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('form.sections.admission')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <Controller
            control={form.control}
            name="admissionType"
            render={({ field }) => (
              <Input.Wrapper label={t('fields.admissionType')} labelElement="div" withAsterisk error={msg(errors.admissionType?.message)}>
                <SegmentedControl
                  aria-label={t('fields.admissionType')}
                  data-testid="admissionType"
                  fullWidth
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(v)}
                  data={ADMISSION_TYPES.map((a) => ({ value: a, label: t(`enums.admissionType.${a}`) }))}
                  name={field.name}
                />
              </Input.Wrapper>
            )}
          />
          <TextInput label={t('fields.decisionNumber')} error={msg(errors.decisionNumber?.message)} {...form.register('decisionNumber')} />
          <TextInput label={t('fields.admissionDate')} withAsterisk {...dateProps} error={msg(errors.admissionDate?.message)} {...form.register('admissionDate')} />
          <TextInput label={t('fields.plannedReleaseDate')} withAsterisk {...dateProps} error={msg(errors.plannedReleaseDate?.message)} {...form.register('plannedReleaseDate')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('form.sections.background')}>
        <Stack gap="sm">
          <Controller
            control={form.control}
            name="educationLevel"
            render={({ field }) => (
              <NativeSelect
                label={t('fields.educationLevel')}
                withAsterisk
                maw={360}
                error={msg(errors.educationLevel?.message)}
                data={[{ value: '', label: t('form.chooseOne') }, ...EDUCATION_LEVELS.map((e) => ({ value: e, label: t(`enums.educationLevel.${e}`) }))]}
                name={field.name}
                ref={field.ref}
                value={field.value ?? ''}
                onBlur={field.onBlur}
                onChange={(e) => field.onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
              />
            )}
          />
          <Controller
            control={form.control}
            name="substances"
            render={({ field }) => (
              <Checkbox.Group label={t('fields.substances')} value={field.value ?? []} onChange={(v) => field.onChange(v)} error={msg(errors.substances?.message)}>
                <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" verticalSpacing="xs" mt={6}>
                  {SUBSTANCES.map((s) => (
                    <Checkbox key={s} value={s} label={t(`enums.substance.${s}`)} onBlur={field.onBlur} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('form.sections.family')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
          <TextInput label={t('fields.familyContactName')} error={msg(errors.familyContact?.name?.message)} {...form.register('familyContact.name')} />
          <TextInput label={t('fields.familyContactRelationship')} error={msg(errors.familyContact?.relationship?.message)} {...form.register('familyContact.relationship')} />
          <TextInput label={t('fields.familyContactPhone')} inputMode="tel" error={msg(errors.familyContact?.phone?.message)} {...form.register('familyContact.phone')} />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
