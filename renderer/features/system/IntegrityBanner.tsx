import { Alert, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/accounts';
import type { ChainBreak, IntegrityStatus } from '../../../shared/api';
import { isAllowed } from '../../../shared/roles';
import { useAcknowledgeChainBreakMutation } from '../../api/api';
import { ErrorAlert, notifySuccess } from '../../components/feedback';
import { FormActions } from '../../components/FormActions';

/** One break in the user's language: which event, and what is wrong with it. */
export function BreakLine({ b }: { b: ChainBreak }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" data-testid="chain-break">
      {t('integrity.breakAt', { seq: b.seq })}: {t(`integrity.kind.${b.kind}`)}
    </Text>
  );
}

/**
 * Unmissable while the chain is broken and nobody has acknowledged it: Sen is read-only. An admin
 * acknowledges it here (recorded as an event, with a note); everyone else is told to call one.
 */
export function IntegrityBanner({ integrity, user }: { integrity: IntegrityStatus | null; user: SessionUser }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!integrity || integrity.state !== 'broken') return null;
  const admin = isAllowed('system.admin', user.roles);
  return (
    <Alert color="red" variant="filled" role="alert" title={t('integrity.brokenTitle')} mb="md" data-testid="integrity-banner">
      <Stack gap={6}>
        <Text size="sm">{t('integrity.brokenText')}</Text>
        {integrity.breaks.slice(0, 5).map((b) => (
          <BreakLine key={`${b.seq}-${b.kind}`} b={b} />
        ))}
        {integrity.breaks.length > 5 ? <Text size="sm">{t('integrity.more', { n: integrity.breaks.length - 5 })}</Text> : null}
        {admin ? (
          <Button variant="white" color="red" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => setOpen(true)}>
            {t('integrity.acknowledge')}
          </Button>
        ) : (
          <Text size="sm" fw={600}>
            {t('integrity.callAdmin')}
          </Text>
        )}
      </Stack>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('integrity.acknowledgeTitle')} size="md">
        {open ? <AcknowledgeForm onDone={() => setOpen(false)} /> : null}
      </Modal>
    </Alert>
  );
}

function AcknowledgeForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [acknowledge, { isLoading, error }] = useAcknowledgeChainBreakMutation();
  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const result = await acknowledge({ note });
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('integrity.acknowledged'));
      onDone();
    }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('integrity.acknowledgeIntro')}</Text>
        <ErrorAlert error={error} />
        <Textarea label={t('integrity.note')} autosize minRows={2} maxLength={500} value={note} autoFocus data-autofocus onChange={(e) => setNote(e.currentTarget.value)} />
        <FormActions submit={t('integrity.acknowledgeSubmit')} onCancel={onDone} loading={isLoading} color="red" />
      </Stack>
    </form>
  );
}
