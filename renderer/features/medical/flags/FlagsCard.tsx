import { Anchor, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { FlagsDashboard } from '../../../../shared/medical/flags';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/dates';
import { navigate } from '../../../app/navigation';
import { useAppDispatch } from '../../../app/store';
import { ErrorAlert } from '../../../components/feedback';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { useFlagsDashboardQuery } from './api';

type HousingRow = FlagsDashboard['housing'][number];

/** The housing list (medical officers only: it holds the reason category). */
function housingColumns(t: TFunction): CsvColumn<HousingRow>[] {
  return [
    { header: t('fields.fileNumber'), value: (f) => f.fileNumber },
    { header: t('fields.fullName'), value: (f) => f.fullName },
    { header: t('flags.fields.reason'), value: (f) => t(`flags.housingReasons.${f.reason}`) },
    { header: t('flags.fields.since'), value: (f) => formatDate(f.since) },
    { header: t('flags.fields.reviewDate'), value: (f) => formatDate(f.reviewDate) },
  ];
}

/** Medical dashboard: who is housed apart (reviews due first) and who is at hospital. */
export function FlagsCard() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const { data, error, isLoading } = useFlagsDashboardQuery({});
  const open = (traineeId: string) => dispatch(navigate({ name: 'medicalRecord', traineeId }));
  const name = (r: { traineeId: string; fileNumber: string; fullName: string }) => (
    <Anchor component="button" type="button" size="sm" fw={500} ta="left" onClick={() => open(r.traineeId)}>
      {r.fullName} · {r.fileNumber}
    </Anchor>
  );

  return (
    <Paper withBorder p="md" radius="md" data-testid="flags-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('flags.card.title')}</Title>
          <CsvExportButton fileName={t('csv.files.flags')} columns={housingColumns(t)} rows={data?.housing} />
        </Group>
        {isLoading ? <Loader size="sm" /> : null}
        <ErrorAlert error={error} />
        {data ? (
          <>
            <Text fw={600} size="sm">
              {t('flags.card.housing')} ({data.housing.length})
            </Text>
            {data.housing.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('flags.card.noHousing')}
              </Text>
            ) : null}
            {data.housing.map((f) => (
              <Group key={f.flagId} justify="space-between" wrap="nowrap" data-testid="flags-card-housing">
                <Stack gap={0}>
                  {name(f)}
                  <Text size="xs" c="dimmed">
                    {t(`flags.housingReasons.${f.reason}`)} · {t('flags.card.since', { date: formatDate(f.since) })}
                  </Text>
                </Stack>
                {f.reviewDue ? (
                  <Badge color="orange" variant="light">
                    {t('flags.card.reviewDue')}
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('flags.card.reviewOn', { date: formatDate(f.reviewDate) })}
                  </Text>
                )}
              </Group>
            ))}
            <Text fw={600} size="sm" mt="xs">
              {t('flags.card.atHospital')} ({data.atHospital.length})
            </Text>
            {data.atHospital.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('flags.card.noneAtHospital')}
              </Text>
            ) : null}
            {data.atHospital.map((r) => (
              <Stack gap={0} key={r.referralId} data-testid="flags-card-hospital">
                {name(r)}
                <Text size="xs" c="dimmed">
                  {r.hospital} · {t('flags.card.since', { date: formatDate(r.date) })}
                </Text>
              </Stack>
            ))}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
