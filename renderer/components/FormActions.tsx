import { Button, Group, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The foot of every form and dialog: Cancel (or a named way back) and the submit button, at the
 * right. With `onConfirm` the main button is an ordinary button (a confirmation, not a form).
 */
export function FormActions({
  submit,
  onCancel,
  loading,
  color,
  cancel,
  onConfirm,
  cancelAutoFocus,
}: {
  submit: ReactNode;
  onCancel: () => void;
  loading: boolean;
  color?: MantineColor;
  cancel?: ReactNode;
  onConfirm?: () => void;
  cancelAutoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} {...(cancelAutoFocus ? { 'data-autofocus': true } : {})}>
        {cancel ?? t('common.cancel')}
      </Button>
      <Button {...(onConfirm ? { onClick: onConfirm } : { type: 'submit' as const })} color={color} loading={loading}>
        {submit}
      </Button>
    </Group>
  );
}
