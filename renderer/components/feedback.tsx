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

export function notifyError(t: TFunction, error: AnyError | unknown): void {
  notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(t, toSenError(error)) });
}

export function notifySuccess(t: TFunction, message: string): void {
  notifications.show({ color: 'teal', title: t('common.successTitle'), message });
}
