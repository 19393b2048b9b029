import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/dates';
import { INTAKE_GRACE_DAYS, type DueTrainee, type ScreeningDue } from '../../../../shared/medical/screening';
import { navigate } from '../../../app/navigation';
import { useAppDispatch } from '../../../app/store';
import { ErrorAlert } from '../../../components/feedback';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { useScreeningDueQuery } from './api';

/** Rows shown per list: the rest are counted, not listed (the oldest and most overdue come first). */
const SHOWN = 15;

/**
 * The dashboard's screening card: trainees whose intake screening is still incomplete more than
 * a week after admission, and periodic re-screenings due. Each name opens the medical record.
 */
export function ScreeningDueCard() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const { data, error } = useScreeningDueQuery({});
  const open = (who: DueTrainee) => (
    <Anchor component="button" type="button" ta="left" onClick={() => dispatch(navigate({ name: 'medicalRecord', traineeId: who.traineeId }))} aria-label={t('screening.due.open', { name: who.fullName })}>
      {who.fullName}
    </Anchor>
  );
  // The whole lists the core sent (the card shows the first few of each).
  const who: CsvColumn<DueTrainee>[] = [
    { header: t('fields.fileNumber'), value: (r) => r.fileNumber },
    { header: t('fields.fullName'), value: (r) => r.fullName },
  ];
  const intakeColumns: CsvColumn<ScreeningDue['intakeIncomplete'][number]>[] = [
    ...who,
    { header: t('fields.admissionDate'), value: (r) => formatDate(r.admissionDate) },
    { header: t('screening.due.missing'), value: (r) => r.missing.map((m) => t(`screening.tests.${m}`)).join(', ') },
  ];
  const rescreenColumns: CsvColumn<ScreeningDue['rescreening'][number]>[] = [
    ...who,
    { header: t('screening.due.test'), value: (r) => t(`screening.tests.${r.test}`) },
    { header: t('screening.due.lastDate'), value: (r) => formatDate(r.lastDate) },
    { header: t('screening.due.dueDate'), value: (r) => formatDate(r.dueDate) },
  ];
  const more = (n: number) =>
    n > SHOWN ? (
      <Text size="sm" c="dimmed">
        {t('screening.due.more', { count: n - SHOWN })}
      </Text>
    ) : null;

  return (
    <Paper withBorder p="md" radius="md" data-testid="screening-due">
      <Stack gap="sm">
        <Title order={3}>{t('screening.due.title')}</Title>
        <ErrorAlert error={error} />
        {data ? (
          <>
            <Group gap="xs">
              <Title order={4}>{t('screening.due.intakeTitle', { days: INTAKE_GRACE_DAYS })}</Title>
              <Badge color={data.intakeIncomplete.length ? 'orange' : 'gray'}>{data.intakeIncomplete.length}</Badge>
              <CsvExportButton fileName={`${t('csv.files.screeningDue')}-intake`} columns={intakeColumns} rows={data.intakeIncomplete} testId="csv-export-intake" />
            </Group>
            {data.intakeIncomplete.length === 0 ? (
              <Text c="dimmed">{t('screening.due.noIntake')}</Text>
            ) : (
              <Table data-testid="screening-intake">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('screening.due.trainee')}</Table.Th>
                    <Table.Th>{t('screening.due.missing')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.intakeIncomplete.slice(0, SHOWN).map((row) => (
                    <Table.Tr key={row.traineeId}>
                      <Table.Td>
                        {open(row)}
                        <Text size="xs" c="dimmed">
                          {row.fileNumber} · {t('screening.due.admitted', { date: formatDate(row.admissionDate) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{row.missing.map((m) => t(`screening.tests.${m}`)).join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {more(data.intakeIncomplete.length)}

            <Group gap="xs">
              <Title order={4}>{t('screening.due.rescreenTitle')}</Title>
              <Badge color={data.rescreening.length ? 'orange' : 'gray'}>{data.rescreening.length}</Badge>
              <CsvExportButton fileName={`${t('csv.files.screeningDue')}-rescreen`} columns={rescreenColumns} rows={data.rescreening} testId="csv-export-rescreen" />
            </Group>
            {data.rescreening.length === 0 ? (
              <Text c="dimmed">{t('screening.due.noRescreen')}</Text>
            ) : (
              <Table data-testid="screening-rescreen">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('screening.due.trainee')}</Table.Th>
                    <Table.Th>{t('screening.due.test')}</Table.Th>
                    <Table.Th>{t('screening.due.lastDate')}</Table.Th>
                    <Table.Th>{t('screening.due.dueDate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rescreening.slice(0, SHOWN).map((row) => (
                    <Table.Tr key={`${row.traineeId}:${row.test}`}>
                      <Table.Td>{open(row)}</Table.Td>
                      <Table.Td>{t(`screening.tests.${row.test}`)}</Table.Td>
                      <Table.Td>{formatDate(row.lastDate)}</Table.Td>
                      <Table.Td>
                        <Text span c={row.dueDate < data.today ? 'red.7' : undefined}>
                          {formatDate(row.dueDate)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {more(data.rescreening.length)}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
