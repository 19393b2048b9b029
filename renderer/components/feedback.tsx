import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SerializedError } from '@reduxjs/toolkit';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SenErrorData } from '../../shared/errors';
import { isSenError } from '../api/api';
import { errorMessage } from '../i18n/messages';

type AnyError = SenErrorData | SerializedError | undefined | null;

/** Normalise what RTK Query gives back to the bridge's error shape. */
export function toSenError(error: AnyError | unknown): SenErrorData | null {
  if (error === undefined || error === null) return null;
  if (isSenError(error) && error.code !== undefined) return error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : 'unknown error' };
}

/** A failed call, as a red alert in place (forms, pages). */
export function ErrorAlert({ error, testId }: { error: AnyError | unknown; testId?: string }) {
  const { t } = useTranslation();
  const e = toSenError(error);
  if (!e) return null;
  return (
    <Alert color="red" variant="light" title={t('common.errorTitle')} role="alert" data-testid={testId ?? 'error-alert'}>
      {errorMessage(t, e)}
    </Alert>
  );
}

/** Notification text that follows a language switch while it is on screen. */
function Live({ render }: { render: (t: TFunction) => string }) {
  const { t } = useTranslation();
  return <>{render(t)}</>;
}

export function notifyError(error: AnyError | unknown): void {
  const e = toSenError(error);
  notifications.show({
    color: 'red',
    title: <Live render={(t) => t('common.errorTitle')} />,
    message: <Live render={(t) => errorMessage(t, e)} />,
  });
}

/** A success message; `render` is called again when the language changes. */
export function notifySuccess(render: (t: TFunction) => string): void {
  notifications.show({
    color: 'teal',
    title: <Live render={(t) => t('common.successTitle')} />,
    message: <Live render={render} />,
  });
}
