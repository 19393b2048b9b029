import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Checkbox, Group, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { addFormularyItemInput, DRUG_FORMS, type FormularyItem } from '../../../../shared/medical/prescriptions';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { FormActions } from '../../../components/FormActions';
import { applyServerIssues } from '../../../components/serverIssues';
import { validationMessage } from '../../../i18n/messages';
import { useAddFormularyItemMutation, useAddStarterFormularyMutation, useChangeFormularyItemMutation, useFormularyQuery } from './api';

/**
 * The facility's formulary: drugs and ARV regimens that can be prescribed. Items are never
 * deleted: an item no longer used is deactivated (its past prescriptions keep their name).
 */
export function FormularyScreen() {
  const { t } = useTranslation();
  const { data, error } = useFormularyQuery();
  const [starter, starterState] = useAddStarterFormularyMutation();
  const [editing, setEditing] = useState<FormularyItem | 'new' | null>(null);

  const addStarter = async () => {
    const r = await starter();
    if ('data' in r && r.data) {
      const count = r.data.added;
      notifySuccess((tr) => tr('prescriptions.formulary.starterDone', { count }));
    }
  };

  return (
    <Stack gap="md" data-testid="formulary-screen">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('prescriptions.formulary.starterHint')}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => void addStarter()} loading={starterState.isLoading} data-testid="formulary-starter">
            {t('prescriptions.formulary.starter')}
          </Button>
          <Button onClick={() => setEditing('new')} data-testid="formulary-add">
            {t('prescriptions.formulary.add')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={error ?? starterState.error} />
      {data && data.length === 0 ? <Text c="dimmed">{t('prescriptions.formulary.empty')}</Text> : null}
      {data && data.length > 0 ? (
        <Paper withBorder radius="md">
          <Table striped aria-label={t('prescriptions.formulary.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prescriptions.formulary.columns.name')}</Table.Th>
                <Table.Th>{t('prescriptions.formulary.columns.form')}</Table.Th>
                <Table.Th>{t('prescriptions.formulary.columns.strength')}</Table.Th>
                <Table.Th>{t('prescriptions.formulary.columns.arv')}</Table.Th>
                <Table.Th>{t('prescriptions.formulary.columns.active')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((item) => (
                <Table.Tr key={item.id} data-testid="formulary-row" c={item.active ? undefined : 'dimmed'}>
                  <Table.Td fw={500}>{item.name}</Table.Td>
                  <Table.Td>{t(`prescriptions.forms.${item.form}`)}</Table.Td>
                  <Table.Td>{item.strength}</Table.Td>
                  <Table.Td>{item.arv ? <Badge variant="light">{t('prescriptions.arv')}</Badge> : null}</Table.Td>
                  <Table.Td>
                    {item.active ? null : (
                      <Badge color="gray" variant="light">
                        {t('prescriptions.formulary.inactive')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditing(item)} aria-label={`${t('prescriptions.formulary.edit')} ${item.name}`}>
                      {t('prescriptions.formulary.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' || editing === null ? t('prescriptions.formulary.addTitle') : t('prescriptions.formulary.editTitle', { name: editing.name })}
      >
        {editing !== null ? <ItemForm item={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </Stack>
  );
}

const itemForm = addFormularyItemInput.extend({ active: addFormularyItemInput.shape.arv });
type ItemFormInput = z.input<typeof itemForm>;
type ItemFormOutput = z.output<typeof itemForm>;

function ItemForm({ item, onDone }: { item: FormularyItem | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [add, addState] = useAddFormularyItemMutation();
  const [change, changeState] = useChangeFormularyItemMutation();
  const form = useForm<ItemFormInput, unknown, ItemFormOutput>({
    resolver: zodResolver(itemForm),
    defaultValues: item ? { name: item.name, form: item.form, strength: item.strength, arv: item.arv, active: item.active } : { name: '', form: 'tablet', strength: '', arv: false, active: true },
  });
  const { errors } = form.formState;
  const msg = (code: string | undefined) => (code ? validationMessage(t, code) : undefined);

  const onSubmit = form.handleSubmit(async (v) => {
    const { active, ...fields } = v;
    const result = item ? await change({ itemId: item.id, ...fields, active }) : await add(fields);
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr(item ? 'prescriptions.formulary.changed' : 'prescriptions.formulary.added', { name: fields.name }));
      onDone();
    } else if ('error' in result) {
      applyServerIssues(result.error, form.setError, ['name', 'form', 'strength', 'arv', 'active']);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="formulary-form">
      <Stack gap="sm">
        <ErrorAlert error={addState.error ?? changeState.error} />
        <TextInput label={t('prescriptions.formulary.fields.name')} withAsterisk autoFocus data-autofocus autoComplete="off" maxLength={100} error={msg(errors.name?.message)} {...form.register('name')} />
        <Controller
          control={form.control}
          name="form"
          render={({ field }) => (
            <NativeSelect
              label={t('prescriptions.formulary.fields.form')}
              data={DRUG_FORMS.map((f) => ({ value: f, label: t(`prescriptions.forms.${f}`) }))}
              name={field.name}
              ref={field.ref}
              value={field.value}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(e.currentTarget.value)}
              error={msg(errors.form?.message)}
            />
          )}
        />
        <TextInput
          label={t('prescriptions.formulary.fields.strength')}
          placeholder={t('prescriptions.formulary.fields.strengthPlaceholder')}
          autoComplete="off"
          maxLength={50}
          error={msg(errors.strength?.message)}
          {...form.register('strength')}
        />
        <Checkbox label={t('prescriptions.formulary.fields.arv')} {...form.register('arv')} />
        {item ? <Checkbox label={t('prescriptions.formulary.fields.active')} {...form.register('active')} /> : null}
        <FormActions
          submit={item ? t('prescriptions.formulary.submitEdit') : t('prescriptions.formulary.submitAdd')}
          onCancel={onDone}
          loading={addState.isLoading || changeState.isLoading}
        />
      </Stack>
    </form>
  );
}
