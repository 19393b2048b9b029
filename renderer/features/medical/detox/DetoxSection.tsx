import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/dates';
import type { DetoxEpisodeView } from '../../../../shared/medical/detox';
import { bandOf, type ScaleDefinition } from '../../../../shared/medical/scales';
import { ErrorAlert } from '../../../components/feedback';
import { useDetoxEpisodesQuery, useDetoxScalesQuery } from './api';
import { pick, SEVERITY_COLORS, TREND_ARROWS } from './detoxForm';
import { AssessModal, CloseEpisodeModal, StartEpisodeModal } from './DetoxForms';

function Assessments({ episode, scale }: { episode: DetoxEpisodeView; scale: ScaleDefinition | undefined }) {
  const { t, i18n } = useTranslation();
  if (episode.assessments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('detox.history.none')}
      </Text>
    );
  }
  const rows = [...episode.assessments].reverse();
  const hasBands = (scale?.bands.length ?? 0) > 0;
  return (
    <Table striped withTableBorder fz="sm" data-testid="detox-assessments">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('detox.history.time')}</Table.Th>
          <Table.Th>{t('detox.history.total')}</Table.Th>
          <Table.Th>{hasBands ? t('detox.history.band') : t('detox.card.severity')}</Table.Th>
          <Table.Th>{t('detox.history.by')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a, i) => {
          const band = scale && a.total !== null ? bandOf(scale, a.total) : null;
          // Without bands (AWQ): the change from the previous complete assessment.
          const previous = rows.slice(i + 1).find((p) => p.total !== null);
          const trend = !hasBands && a.total !== null && previous?.total != null ? (a.total > previous.total ? 'up' : a.total < previous.total ? 'down' : 'flat') : null;
          return (
            <Table.Tr key={a.seq} data-testid="detox-assessment-row">
              <Table.Td>{formatDateTime(a.assessedAt)}</Table.Td>
              <Table.Td fw={600}>{a.total ?? <Text span size="sm" c="dimmed">{t('detox.history.incomplete')}</Text>}</Table.Td>
              <Table.Td>
                {band ? (
                  <Badge color={SEVERITY_COLORS[band.severity]} variant="light">
                    {pick(band.label, i18n.language)}
                  </Badge>
                ) : trend ? (
                  <Text span size="sm" title={t(`detox.trend.${trend}`)}>
                    {TREND_ARROWS[trend]} {t(`detox.trend.${trend}`)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{a.actor ?? ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/**
 * A trainee's detox episodes on the medical record: start one, assess it with its scale (the
 * keyboard grid), close it. Newest episode first, each with its assessments.
 */
export function DetoxSection({ traineeId }: { traineeId: string }) {
  const { t, i18n } = useTranslation();
  const { data: episodes, error, isLoading } = useDetoxEpisodesQuery({ traineeId });
  const { data: scales } = useDetoxScalesQuery();
  const [starting, setStarting] = useState(false);
  const [assessing, setAssessing] = useState<DetoxEpisodeView | null>(null);
  const [closing, setClosing] = useState<DetoxEpisodeView | null>(null);
  const scaleOf = (id: string) => scales?.find((s) => s.id === id);
  const active = episodes?.find((e) => e.closedAt === null);

  return (
    <Paper withBorder p="md" radius="md" data-testid="detox-section">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3}>{t('detox.title')}</Title>
          {episodes && !active && scales ? (
            <Button variant="light" onClick={() => setStarting(true)}>
              {t('detox.start.button')}
            </Button>
          ) : null}
        </Group>
        {isLoading ? <Loader size="sm" /> : null}
        <ErrorAlert error={error} />
        {episodes && episodes.length === 0 ? <Alert color="gray">{t('detox.noEpisodes')}</Alert> : null}
        {episodes?.map((episode) => {
          const scale = scaleOf(episode.scaleId);
          const open = episode.closedAt === null;
          return (
            <Stack key={episode.episodeId} gap="xs" data-testid="detox-episode">
              <Group justify="space-between" align="flex-start">
                <div>
                  <Group gap="xs">
                    <Badge color={open ? 'orange' : 'gray'} variant="light">
                      {open ? t('detox.active') : t('detox.closed')}
                    </Badge>
                    <Text fw={600}>
                      {scale ? pick(scale.name, i18n.language) : episode.scaleId} · {t(`detox.substances.${episode.substance}`)}
                    </Text>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('detox.startedAt', { at: formatDateTime(episode.startedAt) })}
                    {episode.closedAt ? ` · ${t('detox.closedAt', { at: formatDateTime(episode.closedAt) })}` : ''}
                    {episode.outcome ? ` · ${t(`detox.outcome.${episode.outcome}`)}` : ''}
                  </Text>
                  {episode.note ? <Text size="sm">{episode.note}</Text> : null}
                </div>
                {open ? (
                  <Group gap="xs">
                    <Button onClick={() => setAssessing(episode)} disabled={!scale}>
                      {t('detox.assess.button')}
                    </Button>
                    <Button variant="light" color="orange" onClick={() => setClosing(episode)}>
                      {t('detox.close.button')}
                    </Button>
                  </Group>
                ) : null}
              </Group>
              <Assessments episode={episode} scale={scale} />
            </Stack>
          );
        })}
      </Stack>
      <StartEpisodeModal traineeId={traineeId} scales={scales ?? []} opened={starting} onClose={() => setStarting(false)} />
      <AssessModal episode={assessing} scale={assessing ? scaleOf(assessing.scaleId) : undefined} onClose={() => setAssessing(null)} />
      <CloseEpisodeModal episode={closing} onClose={() => setClosing(null)} />
    </Paper>
  );
}
