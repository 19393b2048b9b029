import { Alert, Anchor, Badge, Button, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraineeRecord } from '../../../shared/admissions';
import { formatDate } from '../../../shared/dates';
import { isAllowed } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/accounts';
import { useGetTraineeQuery, useTimelineQuery } from '../../api/api';
import { navigate } from '../../app/navigation';
import { useAppDispatch } from '../../app/store';
import { AsOfBanner, useAsOf } from '../../components/AsOf';
import { ErrorAlert, toSenError } from '../../components/feedback';
import { AdvancePhaseModal, laterPhases } from './AdvancePhaseModal';
import { CorrectModal } from './CorrectModal';
import { formatFieldValue, label } from './format';
import { ReleaseModal } from './ReleaseModal';
import { TraineeTimeline } from './TraineeTimeline';
import { TraineeFlagBadges } from '../medical/flags/RestrictionBadges';
import { PrintButtons } from '../reports/print/PrintButtons';

function Item({ name, children, testId }: { name: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {name}
      </Text>
      <Text size="sm" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4}>{title}</Title>
      <SimpleGrid cols={2} spacing="md" verticalSpacing="xs">
        {children}
      </SimpleGrid>
    </Stack>
  );
}

export function StatusBadge({ status }: { status: TraineeRecord['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'in_care' ? 'teal' : 'gray'} variant="light" data-testid="status-badge">
      {label.status(t, status)}
    </Badge>
  );
}

function Details({ r }: { r: TraineeRecord }) {
  const { t } = useTranslation();
  const v = (field: string, value: unknown) => formatFieldValue(t, field, value);
  return (
    <Paper withBorder p="md" radius="md" data-testid="trainee-details">
      <Stack gap="lg">
        <Section title={t('trainee.sections.identity')}>
          <Item name={t('fields.fileNumber')} testId="detail-fileNumber">{r.fileNumber}</Item>
          <Item name={t('fields.fullName')} testId="detail-fullName">{r.fullName}</Item>
          <Item name={t('fields.sex')}>{v('sex', r.sex)}</Item>
          <Item name={t('fields.dateOfBirth')}>{v('dateOfBirth', r.dateOfBirth)}</Item>
          <Item name={t('fields.idNumber')}>{v('idNumber', r.idNumber)}</Item>
          <Item name={t('fields.homeAddress')} testId="detail-homeAddress">{v('homeAddress', r.homeAddress)}</Item>
        </Section>
        <Section title={t('trainee.sections.admission')}>
          <Item name={t('fields.admissionType')}>{v('admissionType', r.admissionType)}</Item>
          <Item name={t('fields.decisionNumber')}>{v('decisionNumber', r.decisionNumber)}</Item>
          <Item name={t('fields.admissionDate')}>{v('admissionDate', r.admissionDate)}</Item>
          <Item name={t('fields.plannedReleaseDate')}>{v('plannedReleaseDate', r.plannedReleaseDate)}</Item>
          <Item name={t('fields.phase')}>{label.phase(t, r.phase)}</Item>
          <Item name={t('fields.status')}>{label.status(t, r.status)}</Item>
        </Section>
        <Section title={t('trainee.sections.background')}>
          <Item name={t('fields.educationLevel')}>{v('educationLevel', r.educationLevel)}</Item>
          <Item name={t('fields.substances')}>{v('substances', r.substances)}</Item>
        </Section>
        <Section title={t('trainee.sections.family')}>
          <Item name={t('fields.familyContactName')}>{v('name', r.familyContact.name)}</Item>
          <Item name={t('fields.familyContactRelationship')}>{v('relationship', r.familyContact.relationship)}</Item>
          <Item name={t('fields.familyContactPhone')}>{v('phone', r.familyContact.phone)}</Item>
        </Section>
        {r.status === 'released' ? (
          <Section title={t('trainee.sections.release')}>
            <Item name={t('fields.releaseDate')}>{v('releaseDate', r.releaseDate)}</Item>
            <Item name={t('fields.releaseKind')}>{label.releaseKind(t, r.releaseKind)}</Item>
            <Item name={t('fields.releaseNote')}>{v('note', r.releaseNote)}</Item>
          </Section>
        ) : null}
      </Stack>
    </Paper>
  );
}

export function TraineePage({ traineeId, user }: { traineeId: string; user: SessionUser }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  // Opened from an "as of" roster: the trainee as of the same date, read-only.
  const asOf = useAsOf();
  const { data: record, error, isLoading } = useGetTraineeQuery({ traineeId, ...(asOf ? { asOf } : {}) });
  const [dialog, setDialog] = useState<'none' | 'correct' | 'release' | 'phase'>('none');
  // No record but a history: the admission was voided (or, as of a date, not yet recorded).
  const notFound = toSenError(error)?.code === 'NOT_FOUND';
  const { data: history } = useTimelineQuery({ traineeId, ...(asOf ? { asOf } : {}) }, { skip: !notFound });
  const gone = notFound && (history?.length ?? 0) > 0;
  const canEdit = isAllowed('trainee.intake', user.roles) && record?.status === 'in_care' && !asOf && !gone;
  // The stage of treatment moves only by this explicit action (admin, duty, medical).
  const canAdvance = !!record && isAllowed('trainee.phase', user.roles) && record.status === 'in_care' && !asOf && !gone && laterPhases(record.phase).length > 0;
  // The medical record (opening it is logged) is for medical officers only; the core refuses others too.
  const canOpenMedical = isAllowed('medical.read', user.roles) && !asOf;

  return (
    <Stack gap="md">
      <AsOfBanner />
      <Anchor component="button" type="button" size="sm" onClick={() => dispatch(navigate({ name: 'roster' }))} style={{ alignSelf: 'flex-start' }}>
        ← {t('trainee.backToRoster')}
      </Anchor>
      {isLoading ? <Loader /> : null}
      {gone ? (
        <>
          <Alert color="gray" data-testid="trainee-gone">
            {t('trainee.gone')}
          </Alert>
          <TraineeTimeline traineeId={traineeId} user={asOf ? undefined : user} asOf={asOf} />
        </>
      ) : (
        <ErrorAlert error={error} />
      )}
      {record && !gone ? (
        <>
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <div>
              <Text size="sm" c="dimmed">
                {t('trainee.title')} · {record.fileNumber}
              </Text>
              <Group gap="sm" align="center">
                <Title order={2} data-testid="trainee-name">
                  {record.fullName}
                </Title>
                <StatusBadge status={record.status} />
                <TraineeFlagBadges traineeId={traineeId} user={user} asOf={asOf} />
              </Group>
              {record.status === 'released' && record.releaseDate ? (
                <Text size="sm" c="dimmed">
                  {t('trainee.releasedOn', { date: formatDate(record.releaseDate) })}
                </Text>
              ) : null}
            </div>
            {!asOf ? (
              <Group gap="sm">
                {canOpenMedical ? (
                  <Button variant="filled" onClick={() => dispatch(navigate({ name: 'medicalRecord', traineeId }))} data-testid="open-medical-record">
                    {t('access.record.open')}
                  </Button>
                ) : null}
                {canAdvance ? (
                  <Button variant="light" color="teal" onClick={() => setDialog('phase')}>
                    {t('trainee.advancePhase')}
                  </Button>
                ) : null}
                {canEdit ? (
                  <>
                    <Button variant="light" onClick={() => setDialog('correct')}>
                      {t('trainee.correct')}
                    </Button>
                    <Button variant="light" color="orange" onClick={() => setDialog('release')}>
                      {t('trainee.release')}
                    </Button>
                  </>
                ) : null}
                <PrintButtons traineeId={traineeId} released={record.status === 'released'} />
              </Group>
            ) : null}
          </Group>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Details r={record} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <TraineeTimeline traineeId={traineeId} user={asOf ? undefined : user} asOf={asOf} />
            </Grid.Col>
          </Grid>
          <CorrectModal record={record} opened={dialog === 'correct'} onClose={() => setDialog('none')} />
          <ReleaseModal record={record} opened={dialog === 'release'} onClose={() => setDialog('none')} />
          <AdvancePhaseModal record={record} opened={dialog === 'phase'} onClose={() => setDialog('none')} />
        </>
      ) : null}
    </Stack>
  );
}
