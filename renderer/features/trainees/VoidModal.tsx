import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../shared/api';
import { useVoidEventMutation } from '../../api/api';
import { ErrorAlert, notifySuccess } from '../../components/feedback';
import { FormActions } from '../../components/FormActions';
import { validationMessage } from '../../i18n/messages';
import { label } from './format';

/** Take back one timeline entry recorded by mistake: a reason is required; nothing is deleted. */
export function VoidModal({ entry, onClose }: { entry: TimelineEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={entry !== null} onClose={onClose} title={t('void.title')} size="md">
      {entry ? <VoidForm entry={entry} onDone={onClose} /> : null}
    </Modal>
  );
}

function VoidForm({ entry, onDone }: { entry: TimelineEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [voidEvent, { isLoading, error }] = useVoidEventMutation();

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    const result = await voidEvent({ seq: entry.seq, reason });
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('void.success'));
      onDone();
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="void-form">
      <Stack gap="md">
        <Text size="sm">{t('void.intro', { what: label.eventType(t, entry.type), seq: entry.seq })}</Text>
        <ErrorAlert error={error} />
        <Textarea
          label={t('void.reason')}
          withAsterisk
          autoFocus
          data-autofocus
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          error={missing ? validationMessage(t, 'required') : undefined}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
        />
        <FormActions submit={t('void.submit')} onCancel={onDone} loading={isLoading} color="red" cancel={t('void.keep')} />
      </Stack>
    </form>
  );
}
