import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/dates';
import { navigate } from '../../../app/navigation';
import { useAppDispatch, useAppSelector } from '../../../app/store';
import { ErrorAlert } from '../../../components/feedback';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { useArvDashboardQuery } from './api';
import { useNumber } from './ArvSection';

/**
 * The dashboard's ARV card: trainees on ART whose adherence over 30 days is below the facility's
 * threshold, whose viral load test is due, whose last viral load is high, or who need adherence
 * counselling after it. Each name opens the medical record.
 */
export function ArvCard() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const num = useNumber();
  const asOf = useAppSelector((s) => s.navigation.asOf);
  const { data, error } = useArvDashboardQuery(asOf ? { asOf } : {});
  type Row = NonNullable<typeof data>['rows'][number];
  const columns: CsvColumn<Row>[] = [
    { header: t('fields.fileNumber'), value: (r) => r.fileNumber },
    { header: t('fields.fullName'), value: (r) => r.fullName },
    {
      header: t('arv.card.issues'),
      value: (r) =>
        [
          r.lowAdherence ? t('arv.card.lowAdherence', { percent: r.adherence.percent, missed: r.adherence.missed, due: r.adherence.due }) : null,
          r.highViralLoad ? t('arv.card.highViralLoad', { value: num(r.highViralLoad.value), date: formatDate(r.highViralLoad.receivedDate) }) : null,
          r.counsellingDue ? t('arv.card.counsellingDue') : null,
          r.viralLoadOverdue ? t('arv.card.viralLoadDue', { date: formatDate(r.viralLoadDue) }) : null,
          r.viralLoadPending ? t('arv.card.viralLoadPending') : null,
        ]
          .filter(Boolean)
          .join('; '),
    },
  ];

  return (
    <Paper withBorder p="md" radius="md" data-testid="arv-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('arv.card.title')}</Title>
          <Group gap="xs">
            <CsvExportButton fileName={t('csv.files.arv')} columns={columns} rows={data?.rows} />
            {data ? <Badge color={data.rows.length ? 'orange' : 'gray'}>{data.rows.length}</Badge> : null}
          </Group>
        </Group>
        <ErrorAlert error={error} />
        {data ? (
          <>
            <Text size="sm" c="dimmed">
              {t('arv.card.onArt', { count: data.onArt })}
            </Text>
            {data.rows.length === 0 ? (
              <Text c="dimmed">{t('arv.card.empty')}</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('arv.card.trainee')}</Table.Th>
                    <Table.Th>{t('arv.card.issues')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((r) => (
                    <Table.Tr key={r.traineeId} data-testid="arv-card-row">
                      <Table.Td>
                        <Anchor component="button" type="button" ta="left" onClick={() => dispatch(navigate({ name: 'medicalRecord', traineeId: r.traineeId }))} aria-label={t('arv.card.open', { name: r.fullName })}>
                          {r.fullName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {r.fileNumber}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          {r.lowAdherence ? <Badge color="red">{t('arv.card.lowAdherence', { percent: r.adherence.percent, missed: r.adherence.missed, due: r.adherence.due })}</Badge> : null}
                          {r.highViralLoad ? (
                            <Badge color="red">{t('arv.card.highViralLoad', { value: num(r.highViralLoad.value), date: formatDate(r.highViralLoad.receivedDate) })}</Badge>
                          ) : null}
                          {r.counsellingDue ? <Badge color="orange">{t('arv.card.counsellingDue')}</Badge> : null}
                          {r.viralLoadOverdue ? <Badge color="orange">{t('arv.card.viralLoadDue', { date: formatDate(r.viralLoadDue) })}</Badge> : null}
                          {r.viralLoadPending ? <Badge color="gray">{t('arv.card.viralLoadPending')}</Badge> : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
