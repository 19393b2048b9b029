import { Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/dates';
import type { ArvSummary, LabEntry } from '../../../../shared/medical/arv';
import type { DoseSlot } from '../../../../shared/medical/prescriptions';
import type { TFunction } from 'i18next';
import { useAppSelector } from '../../../app/store';
import { ErrorAlert } from '../../../components/feedback';
import { useArvSummaryQuery } from './api';
import { ChangeRegimenForm, CounsellingForm, LabRequestForm, LabResultForm, PillCountForm, StartArtForm } from './ArvForms';

type Dialog = { kind: 'start' | 'change' | 'lab' | 'pillCount' | 'counselling' } | { kind: 'result'; lab: LabEntry } | null;

/** Numbers as people of the current language write them (5.000 in Vietnamese, 5,000 in English). */
export function useNumber() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB');
  return (n: number) => format.format(n);
}

/**
 * One trainee's HIV care on the medical record page: the regimen in force and its history with
 * reasons, adherence from the medication round over 30 days, CD4 and viral load with request and
 * result dates, pill counts and counselling sessions; a button for each thing to record.
 * Shown only to medical officers (the core refuses everyone else).
 */
export function ArvSection({ traineeId }: { traineeId: string }) {
  const { t } = useTranslation();
  const asOf = useAppSelector((s) => s.navigation.asOf);
  const { data, error, isLoading } = useArvSummaryQuery(asOf ? { traineeId, asOf } : { traineeId });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <Paper withBorder p="md" radius="md" data-testid="arv-section">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={3}>{t('arv.title')}</Title>
          {data && !asOf ? (
            <Group gap="xs">
              {data.current ? (
                <Button size="xs" onClick={() => setDialog({ kind: 'change' })}>
                  {t('arv.actions.change')}
                </Button>
              ) : (
                <Button size="xs" onClick={() => setDialog({ kind: 'start' })}>
                  {t('arv.actions.start')}
                </Button>
              )}
              <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'lab' })}>
                {t('arv.actions.requestLab')}
              </Button>
              <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'pillCount' })}>
                {t('arv.actions.pillCount')}
              </Button>
              <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'counselling' })}>
                {t('arv.actions.counselling')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <ErrorAlert error={error} />
        {isLoading ? <Loader size="sm" /> : null}
        {data ? <SummaryBody data={data} onResult={asOf ? null : (lab) => setDialog({ kind: 'result', lab })} /> : null}
      </Stack>
      {data ? (
        <Modal opened={dialog !== null} onClose={close} title={dialog ? dialogTitle(t, dialog) : ''} size="lg">
          {dialog?.kind === 'start' ? <StartArtForm summary={data} onDone={close} /> : null}
          {dialog?.kind === 'change' ? <ChangeRegimenForm summary={data} onDone={close} /> : null}
          {dialog?.kind === 'lab' ? <LabRequestForm traineeId={traineeId} onDone={close} /> : null}
          {dialog?.kind === 'result' ? <LabResultForm traineeId={traineeId} lab={dialog.lab} onDone={close} /> : null}
          {dialog?.kind === 'pillCount' ? <PillCountForm traineeId={traineeId} onDone={close} /> : null}
          {dialog?.kind === 'counselling' ? <CounsellingForm traineeId={traineeId} nextSession={data.nextSession} onDone={close} /> : null}
        </Modal>
      ) : null}
    </Paper>
  );
}

function dialogTitle(t: TFunction, d: NonNullable<Dialog>): string {
  switch (d.kind) {
    case 'start':
      return t('arv.actions.start');
    case 'change':
      return t('arv.actions.change');
    case 'lab':
      return t('arv.actions.requestLab');
    case 'result':
      return t('arv.labs.enterResult');
    case 'pillCount':
      return t('arv.actions.pillCount');
    case 'counselling':
      return t('arv.actions.counselling');
  }
}

function SummaryBody({ data, onResult }: { data: ArvSummary; onResult: ((lab: LabEntry) => void) | null }) {
  const { t } = useTranslation();
  const num = useNumber();
  const a = data.adherence;
  const low = a.percent !== null && a.percent < data.adherenceThresholdPercent;
  const slots = (s: readonly DoseSlot[]) => s.map((x) => t(`arv.slots.${x}`)).join(', ');
  const regimenName = (r: { name: string; strength: string }) => `${r.name} ${r.strength}`.trim();

  return (
    <Stack gap="md">
      <Stack gap={2} data-testid="arv-current">
        {data.current ? (
          <Text>
            <Text span fw={600}>
              {t('arv.current')}:
            </Text>{' '}
            {t('arv.currentLine', { name: data.current.name, strength: data.current.strength, dose: data.current.dose, slots: slots(data.current.slots), date: formatDate(data.current.since) })}
          </Text>
        ) : (
          <Text c="dimmed">{data.startedDate ? t('arv.interrupted') : t('arv.notOnArt')}</Text>
        )}
        {data.startedDate ? <Text size="sm">{t('arv.startedOn', { date: formatDate(data.startedDate) })}</Text> : null}
        {data.viralLoadDue ? <Text size="sm">{t('arv.viralLoadDue', { date: formatDate(data.viralLoadDue) })}</Text> : null}
      </Stack>

      {data.startedDate ? (
        <Group gap="sm" data-testid="arv-adherence">
          <Text fw={600}>{t('arv.adherence.title')}:</Text>
          {a.percent === null ? (
            <Text c="dimmed">{t('arv.adherence.none')}</Text>
          ) : (
            <>
              <Badge size="lg" color={low ? 'red' : 'teal'}>
                {t('arv.adherence.percent', { percent: a.percent })}
              </Badge>
              <Text size="sm">{t('arv.adherence.detail', { missed: a.missed, due: a.due, held: a.held, from: formatDate(a.from), to: formatDate(a.to) })}</Text>
              {low ? (
                <Text size="sm" c="red">
                  {t('arv.adherence.below', { threshold: data.adherenceThresholdPercent })}
                </Text>
              ) : null}
            </>
          )}
        </Group>
      ) : null}

      <Stack gap={4}>
        <Title order={4}>{t('arv.history.title')}</Title>
        {data.regimens.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('arv.history.empty')}
          </Text>
        ) : (
          <Table data-testid="arv-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('arv.history.date')}</Table.Th>
                <Table.Th>{t('arv.history.change')}</Table.Th>
                <Table.Th>{t('arv.history.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.regimens.map((r) => (
                <Table.Tr key={r.seq}>
                  <Table.Td>{formatDate(r.date)}</Table.Td>
                  <Table.Td>{r.stopped ? t('arv.history.changed', { from: regimenName(r.stopped), to: regimenName(r.started) }) : t('arv.history.started', { name: regimenName(r.started) })}</Table.Td>
                  <Table.Td>{r.reasonCode ? [t(`arv.reasons.${r.reasonCode}`), r.reasonText].filter(Boolean).join(': ') : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <Stack gap={4}>
        <Title order={4}>{t('arv.labs.title')}</Title>
        {data.labs.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('arv.labs.empty')}
          </Text>
        ) : (
          <Table data-testid="arv-labs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('arv.labs.test')}</Table.Th>
                <Table.Th>{t('arv.labs.requested')}</Table.Th>
                <Table.Th>{t('arv.labs.received')}</Table.Th>
                <Table.Th>{t('arv.labs.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.labs.map((l) => (
                <Table.Tr key={l.labId} data-testid="arv-lab-row">
                  <Table.Td>{t(`arv.tests.${l.test}`)}</Table.Td>
                  <Table.Td>{formatDate(l.requestedDate)}</Table.Td>
                  <Table.Td>{formatDate(l.receivedDate)}</Table.Td>
                  <Table.Td>
                    {l.value === null ? (
                      onResult ? (
                        <Button size="compact-xs" variant="light" onClick={() => onResult(l)} aria-label={t('arv.labs.enterResultFor', { test: t(`arv.tests.${l.test}`), date: formatDate(l.requestedDate) })}>
                          {t('arv.labs.enterResult')}
                        </Button>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('arv.labs.pending')}
                        </Text>
                      )
                    ) : l.undetectable ? (
                      l.value > 0 ? t('arv.labs.undetectableBelow', { value: num(l.value) }) : t('arv.labs.undetectable')
                    ) : (
                      <Group gap={6}>
                        <Text size="sm">
                          {num(l.value)} {t(`arv.units.${l.test}`)}
                        </Text>
                        {l.high ? <Badge color="red">{t('arv.labs.high')}</Badge> : null}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <Stack gap={4}>
        <Title order={4}>{t('arv.pillCounts.title')}</Title>
        {data.pillCounts.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('arv.pillCounts.empty')}
          </Text>
        ) : (
          <Table data-testid="arv-pill-counts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('arv.pillCounts.date')}</Table.Th>
                <Table.Th>{t('arv.pillCounts.counted')}</Table.Th>
                <Table.Th>{t('arv.pillCounts.percent')}</Table.Th>
                <Table.Th>{t('arv.pillCounts.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.pillCounts.map((p) => (
                <Table.Tr key={p.seq}>
                  <Table.Td>{formatDate(p.date)}</Table.Td>
                  <Table.Td>
                    {num(p.counted)}/{num(p.expected)}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={p.percent < data.adherenceThresholdPercent ? 'red' : 'teal'}>{p.percent}%</Badge>
                  </Table.Td>
                  <Table.Td>{p.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <Stack gap={4}>
        <Title order={4}>{t('arv.counselling.title')}</Title>
        {data.counselling.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('arv.counselling.empty')}
          </Text>
        ) : (
          <Table data-testid="arv-counselling">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('arv.counselling.date')}</Table.Th>
                <Table.Th>{t('arv.counselling.session')}</Table.Th>
                <Table.Th>{t('arv.counselling.notes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.counselling.map((c) => (
                <Table.Tr key={c.seq}>
                  <Table.Td>{formatDate(c.date)}</Table.Td>
                  <Table.Td>{c.session}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
