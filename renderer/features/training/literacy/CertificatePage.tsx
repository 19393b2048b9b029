import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/dates';
import type { LiteracyLevel } from '../../../../shared/training/literacy';
import { navigate } from '../../../app/navigation';
import { useAppDispatch } from '../../../app/store';
import { ErrorAlert } from '../../../components/feedback';
import { useLiteracyCertificateQuery } from './api';
import './certificate.css';

function Line({ label, value }: { label: string; value: string }) {
  return (
    <Text size="md">
      {label}:{' '}
      <Text span fw={700}>
        {value}
      </Text>
    </Text>
  );
}

/**
 * A certificate-style summary of a completed literacy level, printable on one A4 page (print CSS
 * hides the app around it). Standalone until the shared print frame takes it over.
 */
export function CertificatePage({ traineeId, level }: { traineeId: string; level: LiteracyLevel }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const { data, error, isLoading } = useLiteracyCertificateQuery({ traineeId, level });
  const levelName = t(`literacy.status.${level}`);
  return (
    <Stack gap="md">
      <Group className="no-print" justify="space-between">
        <Button variant="default" onClick={() => dispatch(navigate({ name: 'literacy', tab: 'progress', ...(data ? { classId: data.classId } : {}) }))} data-testid="certificate-back">
          {t('literacy.certificate.back')}
        </Button>
        <Button onClick={() => window.print()} disabled={!data} data-testid="certificate-print">
          {t('literacy.certificate.print')}
        </Button>
      </Group>
      {isLoading ? <Loader size="sm" /> : null}
      <ErrorAlert error={error} />
      {data ? (
        <article className="literacy-certificate" data-testid="certificate">
          <Stack gap="sm">
            <Text ta="center" fw={700} size="lg" tt="uppercase">
              {data.facilityName}
            </Text>
            <Title order={1} ta="center" mt="md">
              {t('literacy.certificate.heading')}
            </Title>
            <Title order={3} ta="center" fw={500}>
              {t('literacy.certificate.title', { level: levelName })}
            </Title>
            <Stack gap={4} mt="md">
              <Line label={t('literacy.certificate.trainee')} value={data.fullName} />
              <Line label={t('literacy.certificate.fileNumber')} value={data.fileNumber} />
              {data.dateOfBirth ? <Line label={t('literacy.certificate.dateOfBirth')} value={formatDate(data.dateOfBirth)} /> : null}
              <Line label={t('literacy.certificate.class')} value={data.className} />
              {data.teacherName ? <Line label={t('literacy.certificate.teacher')} value={data.teacherName} /> : null}
              {data.enrolledOn ? <Line label={t('literacy.certificate.enrolledOn')} value={formatDate(data.enrolledOn)} /> : null}
              <Line label={t('literacy.certificate.completedOn')} value={formatDate(data.date)} />
            </Stack>
            <Text fw={700} mt="sm">
              {t('literacy.certificate.skills')}
            </Text>
            <table data-testid="certificate-skills">
              <thead>
                <tr>
                  <th>{t('literacy.certificate.skill')}</th>
                  <th>{t('literacy.certificate.level')}</th>
                  <th>{t('literacy.certificate.observedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {data.skills.map((s) => (
                  <tr key={s.skill}>
                    <td>{t(`literacy.skills.${s.skill}`)}</td>
                    <td>{s.level ? t(`literacy.levels.${s.level}`) : t('literacy.matrix.notObserved')}</td>
                    <td>{formatDate(s.date)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.overrideReason ? <Text size="sm">{t('literacy.certificate.override', { reason: data.overrideReason })}</Text> : null}
            <Text size="sm" c="dimmed">
              {t('literacy.rule')}
            </Text>
            {data.recordedBy ? <Text size="sm">{t('literacy.certificate.recordedBy', { name: data.recordedBy })}</Text> : null}
            <Group justify="space-between" mt="xl" px="xl" align="flex-start">
              <Stack gap={2} align="center">
                <Text fw={700}>{t('literacy.certificate.signTeacher')}</Text>
                <Text size="xs" fs="italic">
                  {t('literacy.certificate.signHint')}
                </Text>
                <Text mt={48}>{data.teacherName ?? ''}</Text>
              </Stack>
              <Stack gap={2} align="center">
                <Text fw={700}>{t('literacy.certificate.signHead')}</Text>
                <Text size="xs" fs="italic">
                  {t('literacy.certificate.signHint')}
                </Text>
              </Stack>
            </Group>
          </Stack>
        </article>
      ) : null}
    </Stack>
  );
}
