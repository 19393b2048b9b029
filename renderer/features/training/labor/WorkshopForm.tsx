import { Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';
import type { Workshop } from '../../../../shared/training/labor';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { useChangeWorkshopMutation, useInstructorsQuery, useOpenWorkshopMutation } from './api';
import { useIssueOn } from './fields';

/**
 * Open a workshop, or change one (`workshop` given). The admin names the instructor; an instructor
 * opens workshops they run (the core refuses another name).
 */
export function WorkshopForm({ user, workshop, onClose }: { user: SessionUser; workshop?: Workshop; onClose: (workshopId?: string) => void }) {
  const { t } = useTranslation();
  const { data: instructors = [] } = useInstructorsQuery({});
  const [values, setValues] = useState({
    name: workshop?.name ?? '',
    product: workshop?.product ?? '',
    unit: workshop?.unit ?? '',
    usesBlades: workshop?.usesBlades ?? false,
    instructorId: workshop?.instructorId ?? (user.roles.includes('instructor') ? user.id : ''),
  });
  const [open, opening] = useOpenWorkshopMutation();
  const [change, changing] = useChangeWorkshopMutation();
  const error = workshop ? changing.error : opening.error;
  const issueOn = useIssueOn(error);
  const set = <K extends keyof typeof values>(k: K, v: (typeof values)[K]) => setValues((s) => ({ ...s, [k]: v }));

  const submit = async () => {
    if (workshop) {
      const r = await change({ workshopId: workshop.workshopId, ...values });
      if ('data' in r && r.data) {
        notifySuccess((tt) => tt('labor.form.changed'));
        onClose();
      }
    } else {
      const r = await open(values);
      if ('data' in r && r.data) {
        notifySuccess((tt) => tt('labor.form.opened'));
        onClose(r.data.workshopId);
      }
    }
  };

  return (
    <Modal opened onClose={() => onClose()} title={t(workshop ? 'labor.form.changeTitle' : 'labor.form.openTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('labor.form.name')} withAsterisk data-autofocus value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={issueOn('name')} data-testid="workshop-name" />
          <TextInput label={t('labor.form.product')} value={values.product} onChange={(e) => set('product', e.currentTarget.value)} error={issueOn('product')} data-testid="workshop-product" />
          <TextInput
            label={t('labor.form.unit')}
            withAsterisk
            placeholder={t('labor.form.unitPlaceholder')}
            value={values.unit}
            onChange={(e) => set('unit', e.currentTarget.value)}
            error={issueOn('unit')}
            data-testid="workshop-unit"
          />
          <Checkbox label={t('labor.form.usesBlades')} checked={values.usesBlades} onChange={(e) => set('usesBlades', e.currentTarget.checked)} error={issueOn('usesBlades')} data-testid="workshop-blades" />
          <Select
            label={t('labor.form.instructor')}
            withAsterisk
            data={instructors.map((i) => ({ value: i.userId, label: i.fullName }))}
            value={values.instructorId || null}
            onChange={(v) => set('instructorId', v ?? '')}
            error={issueOn('instructorId')}
            data-testid="workshop-instructor"
          />
          {issueOn('name') || issueOn('unit') || issueOn('instructorId') || issueOn('usesBlades') ? null : <ErrorAlert error={error} testId="workshop-error" />}
          <Group justify="flex-end">
            <Button type="submit" loading={opening.isLoading || changing.isLoading} data-testid="workshop-save">
              {t('labor.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
