import { Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraineeRecord } from '../../../../shared/admissions';
import { formatDate } from '../../../../shared/dates';
import { useGetTraineeQuery, useTimelineQuery } from '../../../api/api';
import { ErrorAlert } from '../../../components/feedback';
import { formatFieldValue, label } from '../../trainees/format';
import { PrintFrame } from './PrintFrame';
import type { FrameBase } from './PrintView';

/** The record's fields printed, in order (the family contact and substances stay on screen). */
const FIELDS = ['fileNumber', 'fullName', 'sex', 'dateOfBirth', 'idNumber', 'homeAddress', 'admissionType', 'decisionNumber', 'admissionDate', 'plannedReleaseDate', 'educationLevel'] as const;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function Pairs({ rows, testId }: { rows: [string, string][]; testId: string }) {
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={1} fz="sm" className="sen-keep" data-testid={testId}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Td w="38%" fw={500}>
              {name}
            </Table.Td>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Heading({ children }: { children: string }) {
  return (
    <Text fw={700} size="sm" tt="uppercase" mt="xs">
      {children}
    </Text>
  );
}

/** Signature boxes at the foot of a printed page: by default the officer who made it and the head of the facility. */
export function Signatures({ who: people }: { who?: string[] }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-around" mt="xl" className="sen-keep" data-testid="print-signatures">
      {(people ?? [t('reports.page.signOfficer'), t('reports.page.signHead')]).map((who) => (
        <Stack key={who} gap={2} align="center" h={110}>
          <Text fw={600} size="sm">
            {who}
          </Text>
          <Text size="xs" c="dimmed" fs="italic">
            {t('reports.page.signHint')}
          </Text>
        </Stack>
      ))}
    </Group>
  );
}

/**
 * A trainee's summary, or the release summary, built only from what the core returns to this
 * person (trainees.get and the role-filtered timeline): a duty officer's print never holds
 * medical entries because the core never sends them.
 */
export function TraineePrint({ traineeId, release, base, onSubject }: { traineeId: string; release: boolean; base: FrameBase; onSubject: (name: string) => void }) {
  const { t } = useTranslation();
  const record = useGetTraineeQuery({ traineeId });
  const timeline = useTimelineQuery({ traineeId });
  const r: TraineeRecord | undefined = record.data;
  useEffect(() => {
    if (r) onSubject(r.fullName);
  }, [r, onSubject]);
  // Oldest first: a printed summary reads as a history.
  const entries = [...(timeline.data ?? [])].sort((a, b) => a.seq - b.seq);
  const phases = entries.filter((e) => e.type === 'TraineePhaseAdvanced' && !e.voided);
  return (
    <PrintFrame {...base} title={t(release ? 'reports.page.releaseTitle' : 'reports.page.traineeTitle')} subtitle={r ? `${r.fullName} · ${r.fileNumber}` : undefined}>
      {record.isLoading || timeline.isLoading ? <Loader /> : null}
      <ErrorAlert error={record.error ?? timeline.error} />
      {r ? (
        <>
          <Heading>{t('reports.page.details')}</Heading>
          <Pairs
            testId="print-details"
            rows={[...FIELDS.map((f): [string, string] => [label.field(t, f), formatFieldValue(t, f, r[f])]), [t('fields.phase'), label.phase(t, r.phase)], [t('fields.status'), label.status(t, r.status)]]}
          />
          {release && r.releaseDate ? (
            <>
              <Heading>{t('reports.page.release')}</Heading>
              <Pairs
                testId="print-release"
                rows={[
                  [t('fields.releaseDate'), formatDate(r.releaseDate)],
                  [t('fields.releaseKind'), label.releaseKind(t, r.releaseKind)],
                  [t('reports.page.timeInCare'), t('reports.page.days', { count: daysBetween(r.admissionDate, r.releaseDate) })],
                  [t('fields.releaseNote'), formatFieldValue(t, 'note', r.releaseNote)],
                ]}
              />
              <Heading>{t('reports.page.phases')}</Heading>
              {phases.length === 0 ? (
                <Text size="sm">{t('reports.page.noPhases')}</Text>
              ) : (
                <Pairs testId="print-phases" rows={phases.map((e): [string, string] => [formatDate(String(e.data['date'] ?? e.occurredAt)), `${label.phase(t, e.data['from'])} → ${label.phase(t, e.data['to'])}`])} />
              )}
              <Signatures />
            </>
          ) : (
            <>
              <Heading>{t('reports.page.history')}</Heading>
              {entries.length === 0 ? (
                <Text size="sm">{t('reports.page.noEvents')}</Text>
              ) : (
                <Table withTableBorder verticalSpacing={2} fz="xs" data-testid="print-history">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={90}>{t('reports.page.date')}</Table.Th>
                      <Table.Th>{t('reports.page.what')}</Table.Th>
                      <Table.Th w={170}>{t('reports.page.by')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entries.map((e) => (
                      <Table.Tr key={e.seq} style={e.voided ? { textDecoration: 'line-through', color: '#888' } : undefined}>
                        <Table.Td>{formatDate(e.occurredAt)}</Table.Td>
                        <Table.Td>
                          {label.eventType(t, e.type)}
                          {e.voided ? ` (${t('reports.page.voided')})` : ''}
                        </Table.Td>
                        <Table.Td>{e.actor?.fullName ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </>
          )}
        </>
      ) : null}
    </PrintFrame>
  );
}
