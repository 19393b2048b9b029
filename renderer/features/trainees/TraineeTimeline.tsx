import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/accounts';
import type { TimelineEntry } from '../../../shared/api';
import { VOIDABLE_TYPES } from '../../../shared/events';
import { isAllowed } from '../../../shared/roles';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { useTimelineQuery } from '../../api/api';
import { ErrorAlert } from '../../components/feedback';
import { HousingTimelineBody } from '../duty/housing/HousingTimelineBody';
import { KeepApartTimelineBody } from '../duty/keepApart/KeepApartTimelineBody';
import { LaborTimelineBody } from '../training/labor/LaborTimelineBody';
import { RecognitionTimelineBody } from '../duty/recognition/RecognitionTimelineBody';
import { ConductTimelineBody } from '../duty/conduct/ConductTimelineBody';
import { LiteracyTimelineBody } from '../training/literacy/LiteracyTimelineBody';
import { ArvTimelineBody } from '../medical/arv/ArvTimelineBody';
import { DetoxTimelineBody } from '../medical/detox/DetoxTimelineBody';
import { FlagsTimelineBody } from '../medical/flags/FlagsTimelineBody';
import { PrescriptionsTimelineBody } from '../medical/prescriptions/PrescriptionsTimelineBody';
import { ScreeningTimelineBody } from '../medical/screening/ScreeningTimelineBody';
import { ClassesTimelineBody } from '../training/classes/ClassesTimelineBody';
import { ReintegrationTimelineBody } from '../training/reintegration/ReintegrationTimelineBody';
import { isMedicalEventType, useMedicalTimelineRefs, type MedicalTimelineRefs } from '../medical/timelineRefs';
import { formatFieldValue, label } from './format';
import { VoidModal } from './VoidModal';

interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

function changesOf(data: Record<string, unknown>): Change[] {
  const raw = data['changes'];
  if (!Array.isArray(raw)) return [];
  return raw.filter((c): c is Change => typeof c === 'object' && c !== null && typeof (c as { field?: unknown }).field === 'string');
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function EntryBody({ entry, t, refs }: { entry: TimelineEntry; t: TFunction; refs: MedicalTimelineRefs }) {
  const d = entry.data;
  switch (entry.type) {
    case 'TraineeAdmitted':
      return (
        <Text size="sm">
          {t('timeline.admittedAs', {
            fileNumber: str(d['fileNumber']),
            type: label.admissionType(t, d['admissionType']),
            date: formatDate(str(d['admissionDate'])),
          })}
        </Text>
      );
    case 'TraineeDetailsCorrected': {
      const reason = str(d['reason']) || entry.meta.reason || '';
      return (
        <Stack gap={2}>
          {changesOf(d).map((c) => (
            <Text size="sm" key={c.field} data-testid="timeline-change">
              <Text span fw={600}>
                {label.field(t, c.field)}:
              </Text>{' '}
              <Text span td="line-through" c="dimmed">
                {formatFieldValue(t, c.field, c.from)}
              </Text>{' '}
              → <Text span>{formatFieldValue(t, c.field, c.to)}</Text>
            </Text>
          ))}
          {reason ? (
            <Text size="sm" data-testid="timeline-reason">
              <Text span fw={600}>
                {t('timeline.reason')}:
              </Text>{' '}
              {reason}
            </Text>
          ) : null}
        </Stack>
      );
    }
    case 'TraineeReleased':
      return (
        <Stack gap={2}>
          <Text size="sm">
            <Text span fw={600}>
              {t('timeline.releaseDate')}:
            </Text>{' '}
            {formatDate(str(d['releaseDate']))}
          </Text>
          <Text size="sm">
            <Text span fw={600}>
              {t('timeline.releaseKind')}:
            </Text>{' '}
            {label.releaseKind(t, d['kind'])}
          </Text>
          {str(d['note']) ? (
            <Text size="sm">
              <Text span fw={600}>
                {t('timeline.note')}:
              </Text>{' '}
              {str(d['note'])}
            </Text>
          ) : null}
        </Stack>
      );
    case 'TraineePhaseAdvanced':
      return (
        <Stack gap={2}>
          <Text size="sm" data-testid="timeline-phase">
            <Text span fw={600}>
              {t('timeline.phaseChange')}:
            </Text>{' '}
            {label.phase(t, d['from'])} → {label.phase(t, d['to'])} ({formatDate(str(d['date']))})
          </Text>
          {str(d['note']) ? (
            <Text size="sm">
              <Text span fw={600}>
                {t('timeline.note')}:
              </Text>{' '}
              {str(d['note'])}
            </Text>
          ) : null}
        </Stack>
      );
    case 'DetoxEpisodeStarted':
    case 'DetoxAssessed':
    case 'DetoxEpisodeClosed':
      return <DetoxTimelineBody entry={entry} />;
    case 'ScreeningRecorded':
      return <ScreeningTimelineBody entry={entry} />;
    case 'PrescriptionWritten':
    case 'PrescriptionRevised':
    case 'PrescriptionRenewed':
    case 'PrescriptionDiscontinued':
    case 'DoseRecorded':
      return <PrescriptionsTimelineBody entry={entry} refs={refs} />;
    case 'ArtStarted':
    case 'ArtRegimenChanged':
    case 'PillCountRecorded':
    case 'AdherenceCounsellingRecorded':
    case 'LabRequested':
    case 'LabResultReceived':
      return <ArvTimelineBody entry={entry} refs={refs} />;
    case 'HousingFlagSet':
    case 'HousingFlagCleared':
    case 'WorkRestrictionSet':
    case 'WorkRestrictionCleared':
    case 'TraineeReferred':
    case 'TraineeReturnedFromReferral':
      return <FlagsTimelineBody entry={entry} refs={refs} />;
    case 'RewardGranted':
    case 'MonthlyRated':
      return <RecognitionTimelineBody entry={entry} />;
    case 'ViolationRecorded':
    case 'MeasureImposed':
    case 'MeasureSuspended':
    case 'SelfCriticismReceived':
      return <ConductTimelineBody entry={entry} />;
    case 'BedAssigned':
    case 'BedMoved':
    case 'BedVacated':
      return <HousingTimelineBody entry={entry} />;
    case 'KeepApartSet':
    case 'KeepApartEnded':
      return <KeepApartTimelineBody entry={entry} />;
    case 'TraineeEnrolled':
    case 'TraineeWithdrawn':
    case 'AttendanceRecorded':
      return <ClassesTimelineBody entry={entry} />;
    case 'SkillsObserved':
    case 'LiteracyCompleted':
      return <LiteracyTimelineBody entry={entry} />;
    case 'TraineeAssignedToWorkshop':
    case 'TraineeUnassignedFromWorkshop':
    case 'LaborRecorded':
      return <LaborTimelineBody entry={entry} />;
    case 'CounsellingSessionRecorded':
      return <ReintegrationTimelineBody entry={entry} />;
    case 'EventVoided':
      return (
        <Stack gap={2} data-testid="timeline-void">
          <Text size="sm">{t('timeline.voidedRecord', { seq: d['seq'], type: label.eventType(t, d['voidedType']) })}</Text>
          {/* A void of a medical record reaches other roles without its reason: no empty line then. */}
          {str(d['reason']) ? (
            <Text size="sm">
              <Text span fw={600}>
                {t('timeline.reason')}:
              </Text>{' '}
              {str(d['reason'])}
            </Text>
          ) : null}
        </Stack>
      );
    default:
      return null;
  }
}

/**
 * A person may void what they recorded; an admin anything voidable, except medical records, which
 * only medical officers take back (an admin without the role cannot see them). The core checks it again.
 */
function mayVoid(entry: TimelineEntry, user: SessionUser | undefined): boolean {
  if (!user || entry.voided || !VOIDABLE_TYPES.includes(entry.type)) return false;
  if (isMedicalEventType(entry.type) && !isAllowed('medical.write', user.roles)) return false;
  return entry.actor?.id === user.id || user.roles.includes('admin');
}

/**
 * What happened to this trainee, newest first, each entry with who recorded it and when. Entries
 * taken back by a void stay, struck through, with who voided them and why. `user` enables voiding.
 */
/** `asOf`: only the events recorded up to the end of that day. */
export function TraineeTimeline({ traineeId, user, asOf }: { traineeId: string; user?: SessionUser | undefined; asOf?: string | undefined }) {
  const { t } = useTranslation();
  const [voiding, setVoiding] = useState<TimelineEntry | null>(null);
  const { data, error, isLoading } = useTimelineQuery({ traineeId, ...(asOf ? { asOf } : {}) });
  const entries = useMemo(() => (data ? [...data].sort((a, b) => b.seq - a.seq) : []), [data]);
  const refs = useMedicalTimelineRefs(entries);

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Title order={3}>{t('timeline.title')}</Title>
        {isLoading ? <Loader size="sm" /> : null}
        <ErrorAlert error={error} />
        {data && entries.length === 0 ? <Alert color="gray">{t('timeline.empty')}</Alert> : null}
        {entries.length > 0 ? (
          <Timeline bulletSize={14} lineWidth={2} active={entries.length} data-testid="timeline">
            {entries.map((e) => (
              <Timeline.Item
                key={e.seq}
                title={
                  <Group gap="xs" justify="space-between" wrap="nowrap">
                    <Group gap="xs">
                      <Text fw={600} td={e.voided ? 'line-through' : undefined}>
                        {label.eventType(t, e.type)}
                      </Text>
                      {e.voided ? (
                        <Badge color="red" variant="light" size="sm">
                          {t('timeline.voided')}
                        </Badge>
                      ) : null}
                    </Group>
                    {mayVoid(e, user) ? (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(e)} aria-label={t('void.button', { seq: e.seq })}>
                        {t('void.short')}
                      </Button>
                    ) : null}
                  </Group>
                }
                data-testid="timeline-entry"
                data-event-type={e.type}
                data-voided={e.voided ? 'true' : undefined}
              >
                <Stack gap={4} mt={2} c={e.voided ? 'dimmed' : undefined}>
                  <Text size="xs" c="dimmed">
                    {t('timeline.occurred')}: {formatDate(e.occurredAt)} · {t('timeline.recorded')}: {formatDateTime(e.recordedAt)} · {t('timeline.by')}:{' '}
                    {e.actor?.fullName ?? t('timeline.system')}
                  </Text>
                  <EntryBody entry={e} t={t} refs={refs} />
                  {e.voided ? (
                    <Text size="sm" c="red.8" data-testid="timeline-voided">
                      {t(e.voided.reason ? 'timeline.voidedBy' : 'timeline.voidedByNoReason', {
                        name: e.voided.actor?.fullName ?? t('timeline.system'),
                        at: formatDateTime(e.voided.recordedAt),
                        reason: e.voided.reason,
                      })}
                    </Text>
                  ) : null}
                </Stack>
              </Timeline.Item>
            ))}
          </Timeline>
        ) : null}
      </Stack>
      <VoidModal entry={voiding} onClose={() => setVoiding(null)} />
    </Paper>
  );
}
