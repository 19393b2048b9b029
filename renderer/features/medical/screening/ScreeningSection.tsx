import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { SCREENING_TESTS } from '../../../../shared/medical/common';
import { testsOf, type ScreeningSession } from '../../../../shared/medical/screening';
import { useVoidEventMutation } from '../../../api/api';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { FormActions } from '../../../components/FormActions';
import { validationMessage } from '../../../i18n/messages';
import { useTraineeScreeningsQuery } from './api';
import { ScreeningForm } from './ScreeningForm';
import { summarize } from './summary';

/**
 * The screening part of a trainee's medical record: the latest result of each test with the date
 * it is next due, the tests never done, every session (newest first), and the form for a new one.
 */
export function ScreeningSection({ traineeId }: { traineeId: string }) {
  const { t } = useTranslation();
  const { data, error } = useTraineeScreeningsQuery({ traineeId });
  const [recording, setRecording] = useState(false);
  const [voiding, setVoiding] = useState<ScreeningSession | null>(null);
  const bySeq = new Map((data?.sessions ?? []).map((s) => [s.seq, s]));

  return (
    <Paper withBorder p="md" radius="md" data-testid="screening-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('screening.title')}</Title>
          <Button onClick={() => setRecording(true)} data-testid="record-screening">
            {t('screening.record')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        {data ? (
          <>
            {data.missing.length ? (
              <Text c="orange.8" data-testid="screening-missing">
                {t('screening.missing', { tests: data.missing.map((m) => t(`screening.tests.${m}`)).join(', ') })}
              </Text>
            ) : (
              <Badge color="green" variant="light">
                {t('screening.intakeComplete')}
              </Badge>
            )}
            {data.latest.length ? (
              <Table striped data-testid="screening-latest" aria-label={t('screening.latest')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('screening.columns.test')}</Table.Th>
                    <Table.Th>{t('screening.columns.date')}</Table.Th>
                    <Table.Th>{t('screening.columns.result')}</Table.Th>
                    <Table.Th>{t('screening.columns.next')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.latest.map((l) => {
                    const due = data.dueDates[l.test] ?? null;
                    const session = bySeq.get(l.seq);
                    return (
                      <Table.Tr key={l.test}>
                        <Table.Td>{t(`screening.tests.${l.test}`)}</Table.Td>
                        <Table.Td>{formatDate(l.date)}</Table.Td>
                        <Table.Td>
                          <Text span c={l.positive ? 'red.7' : undefined} fw={l.positive ? 600 : undefined}>
                            {session ? summarize(t, l.test, session.results) : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>{due ? formatDate(due) : '—'}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            ) : null}
            <Title order={4}>{t('screening.history')}</Title>
            {data.sessions.length === 0 ? <Text c="dimmed">{t('screening.noSessions')}</Text> : null}
            {data.sessions.map((s) => (
              <Paper key={s.seq} withBorder p="sm" radius="sm" data-testid="screening-session">
                <Group justify="space-between" align="flex-start">
                  <Stack gap={2}>
                    <Text fw={600}>{formatDate(s.date)}</Text>
                    {SCREENING_TESTS.filter((test) => testsOf(s.results).includes(test)).map((test) => (
                      <Text key={test} size="sm">
                        {t(`screening.tests.${test}`)}: {summarize(t, test, s.results)}
                      </Text>
                    ))}
                    {s.note ? (
                      <Text size="sm" c="dimmed">
                        {s.note}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {s.recordedBy ? t('screening.recordedBy', { name: s.recordedBy }) : null} · {formatDateTime(s.recordedAt)}
                    </Text>
                  </Stack>
                  <Button variant="subtle" color="red" size="xs" onClick={() => setVoiding(s)}>
                    {t('screening.void')}
                  </Button>
                </Group>
              </Paper>
            ))}
          </>
        ) : null}
      </Stack>
      <Modal opened={recording} onClose={() => setRecording(false)} title={t('screening.record')} size="xl">
        {recording ? <ScreeningForm traineeId={traineeId} onDone={() => setRecording(false)} /> : null}
      </Modal>
      <Modal opened={voiding !== null} onClose={() => setVoiding(null)} title={t('screening.void')} size="md">
        {voiding ? <VoidSessionForm session={voiding} onDone={() => setVoiding(null)} /> : null}
      </Modal>
    </Paper>
  );
}

/** A session recorded by mistake is voided whole (with a reason), then recorded again. */
function VoidSessionForm({ session, onDone }: { session: ScreeningSession; onDone: () => void }) {
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
    const result = await voidEvent({ seq: session.seq, reason });
    if ('data' in result && result.data) {
      notifySuccess((tr) => tr('void.success'));
      onDone();
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Text>{formatDate(session.date)}</Text>
        <Textarea
          label={t('void.reason')}
          withAsterisk
          autoFocus
          data-autofocus
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={missing ? validationMessage(t, 'required') : undefined}
        />
        <FormActions submit={t('screening.void')} onCancel={onDone} loading={isLoading} color="red" />
      </Stack>
    </form>
  );
}
