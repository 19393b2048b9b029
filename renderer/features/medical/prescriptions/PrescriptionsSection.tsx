import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import type { Prescription } from '../../../../shared/medical/prescriptions';
import { ErrorAlert } from '../../../components/feedback';
import { useTraineePrescriptionsQuery } from './api';
import { STATUS_COLOR } from './labels';
import { DiscontinueForm, RenewForm, TreatmentForm } from './prescriptionForms';

type Editing = { kind: 'write' } | { kind: 'revise' | 'renew' | 'discontinue'; p: Prescription } | null;

function drug(p: Prescription): string {
  return `${p.itemName} ${p.strength}`.trim();
}

function period(t: TFunction, p: Prescription): string {
  return `${formatDate(p.startDate)} – ${p.endDate ? formatDate(p.endDate) : t('prescriptions.section.untilStopped')}`;
}

/**
 * The prescriptions part of a trainee's medical record: what is active (with revise, renew and
 * discontinue), every prescription of every chain with who wrote it, when and why, and the last
 * 30 days of doses (the administration record), missed ones included.
 */
export function PrescriptionsSection({ traineeId }: { traineeId: string }) {
  const { t } = useTranslation();
  const { data, error } = useTraineePrescriptionsQuery({ traineeId });
  const [editing, setEditing] = useState<Editing>(null);
  const active = (data?.prescriptions ?? []).filter((p) => p.status === 'active');
  const byId = new Map((data?.prescriptions ?? []).map((p) => [p.id, p]));
  const close = () => setEditing(null);
  const slots = (p: Prescription) => p.slots.map((s) => t(`prescriptions.slots.${s}`)).join(', ');

  const title =
    editing?.kind === 'write'
      ? t('prescriptions.section.prescribeTitle')
      : editing
        ? t(`prescriptions.section.${editing.kind}Title`, { drug: drug(editing.p) })
        : '';

  return (
    <Paper withBorder p="md" radius="md" data-testid="prescriptions-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('prescriptions.section.title')}</Title>
          <Button onClick={() => setEditing({ kind: 'write' })} data-testid="prescribe">
            {t('prescriptions.section.prescribe')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        {data ? (
          <>
            <Title order={4}>{t('prescriptions.section.active')}</Title>
            {active.length === 0 ? (
              <Text c="dimmed">{t('prescriptions.section.noActive')}</Text>
            ) : (
              <Table striped data-testid="prescriptions-active">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('prescriptions.section.columns.drug')}</Table.Th>
                    <Table.Th>{t('prescriptions.section.columns.dose')}</Table.Th>
                    <Table.Th>{t('prescriptions.section.columns.slots')}</Table.Th>
                    <Table.Th>{t('prescriptions.section.columns.dates')}</Table.Th>
                    <Table.Th>{t('prescriptions.section.columns.indication')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {active.map((p) => (
                    <Table.Tr key={p.id} data-testid="prescription-active-row">
                      <Table.Td fw={500}>
                        {drug(p)}{' '}
                        {p.arv ? (
                          <Badge size="xs" variant="outline">
                            {t('prescriptions.arv')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{p.dose}</Table.Td>
                      <Table.Td>{slots(p)}</Table.Td>
                      <Table.Td>{period(t, p)}</Table.Td>
                      <Table.Td>{p.indication}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          {p.arv ? null : (
                            <Button size="compact-sm" variant="light" onClick={() => setEditing({ kind: 'revise', p })}>
                              {t('prescriptions.section.revise')}
                            </Button>
                          )}
                          {p.endDate && !p.arv ? (
                            <Button size="compact-sm" variant="light" onClick={() => setEditing({ kind: 'renew', p })}>
                              {t('prescriptions.section.renew')}
                            </Button>
                          ) : null}
                          <Button size="compact-sm" variant="light" color="orange" onClick={() => setEditing({ kind: 'discontinue', p })}>
                            {t('prescriptions.section.discontinue')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}

            <Title order={4}>{t('prescriptions.section.history')}</Title>
            {data.prescriptions.length === 0 ? <Text c="dimmed">{t('prescriptions.section.noHistory')}</Text> : null}
            <Stack gap={6} data-testid="prescriptions-history">
              {data.prescriptions.map((p) => {
                const previous = p.previousId ? byId.get(p.previousId) : undefined;
                return (
                  <Paper key={p.id} withBorder p="xs" radius="sm" data-testid="prescription-history-row">
                    <Group gap="xs">
                      <Badge variant="light" color="blue">
                        {t(`prescriptions.kinds.${p.kind}`)}
                      </Badge>
                      <Text size="sm" fw={500}>
                        {drug(p)} · {p.dose} · {slots(p)} · {period(t, p)}
                      </Text>
                      <Badge variant="light" color={p.status === 'active' ? 'teal' : 'gray'}>
                        {t(`prescriptions.prescriptionStatus.${p.status}`)}
                      </Badge>
                    </Group>
                    {p.indication ? <Text size="sm">{p.indication}</Text> : null}
                    {previous ? (
                      <Text size="xs" c="dimmed">
                        {t('prescriptions.section.replaces', { date: formatDate(previous.startDate) })}
                      </Text>
                    ) : null}
                    {p.reason ? (
                      <Text size="sm">
                        <Text span fw={600}>
                          {t('prescriptions.section.reasonLabel')}:
                        </Text>{' '}
                        {p.reason}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {t('prescriptions.section.recordedBy', { who: p.recordedBy ?? '—', when: p.recordedAt ? formatDateTime(p.recordedAt) : '' })}
                    </Text>
                    {p.stop ? (
                      <Text size="xs" c="orange.8">
                        {t('prescriptions.section.stoppedBy', {
                          date: formatDate(p.stoppedDate),
                          reason: p.stop.reason,
                          who: p.stop.recordedBy ?? '—',
                          when: formatDateTime(p.stop.recordedAt),
                        })}
                      </Text>
                    ) : null}
                  </Paper>
                );
              })}
            </Stack>

            <Title order={4}>{t('prescriptions.section.administration', { from: formatDate(data.from), to: formatDate(data.to) })}</Title>
            {data.administration.length === 0 ? (
              <Text c="dimmed">{t('prescriptions.section.noDoses')}</Text>
            ) : (
              <Table striped data-testid="administration-record">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('prescriptions.section.columns.date')}</Table.Th>
                    <Table.Th>{t('prescriptions.section.columns.slot')}</Table.Th>
                    <Table.Th>{t('prescriptions.section.columns.drug')}</Table.Th>
                    <Table.Th>{t('prescriptions.section.columns.dose')}</Table.Th>
                    <Table.Th>{t('prescriptions.section.columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.administration.map((a) => {
                    const status = a.status ?? (a.missed ? 'missed' : null);
                    return (
                      <Table.Tr key={`${a.prescriptionId}|${a.date}|${a.slot}`} data-testid="administration-row">
                        <Table.Td>{formatDate(a.date)}</Table.Td>
                        <Table.Td>{t(`prescriptions.slots.${a.slot}`)}</Table.Td>
                        <Table.Td>{a.itemName}</Table.Td>
                        <Table.Td>{a.dose}</Table.Td>
                        <Table.Td>
                          {status ? (
                            <Badge color={STATUS_COLOR[status]} variant={a.status ? 'filled' : 'outline'}>
                              {t(`prescriptions.statuses.${status}`)}
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {t('prescriptions.section.pending')}
                            </Text>
                          )}
                          {a.note ? (
                            <Text span size="sm" ml="xs">
                              {a.note}
                            </Text>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </>
        ) : null}
      </Stack>
      <Modal opened={editing !== null} onClose={close} title={title} size="lg">
        {editing?.kind === 'write' ? <TreatmentForm traineeId={traineeId} previous={null} onDone={close} /> : null}
        {editing?.kind === 'revise' ? <TreatmentForm traineeId={traineeId} previous={editing.p} onDone={close} /> : null}
        {editing?.kind === 'renew' ? <RenewForm traineeId={traineeId} previous={editing.p} onDone={close} /> : null}
        {editing?.kind === 'discontinue' ? <DiscontinueForm traineeId={traineeId} prescription={editing.p} onDone={close} /> : null}
      </Modal>
    </Paper>
  );
}
