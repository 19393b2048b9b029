import { Badge, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { formatDate } from '../../../../shared/dates';
import { DOSE_SLOTS, DOSE_STATUSES } from '../../../../shared/medical/prescriptions';
import { itemLabel, type MedicalTimelineRefs } from '../timelineRefs';
import { STATUS_COLOR } from './labels';
import { Labelled } from '../../trainees/Labelled';

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');


function slotsOf(t: TFunction, v: unknown): string {
  return Array.isArray(v) ? v.filter((s) => oneOf(DOSE_SLOTS, s)).map((s) => t(`prescriptions.slots.${s}`)).join(', ') : '';
}

function period(t: TFunction, start: string, end: unknown): string {
  if (!start) return '';
  return typeof end === 'string' && end
    ? t('prescriptions.timeline.period', { from: formatDate(start), to: formatDate(end) })
    : t('prescriptions.timeline.periodOpen', { from: formatDate(start) });
}

/** The drug of a prescription named by id (a dose, a discontinuation, a replaced one), from the same timeline. */
function drugOf(refs: MedicalTimelineRefs, prescriptionId: unknown): { drug: string; dose: string; startDate: string } | null {
  const p = typeof prescriptionId === 'string' ? refs.prescriptions.get(prescriptionId) : undefined;
  return p ? { drug: itemLabel(refs, p.itemId), dose: p.dose, startDate: p.startDate } : null;
}

/**
 * A prescription or a dose in a trainee's timeline (medical viewers only: other roles never
 * receive these events): the drug, dose, slots and dates at a glance, the chain link for a
 * revision or renewal, a dose's status in the round's colours.
 */
export function PrescriptionsTimelineBody({ entry, refs }: { entry: TimelineEntry; refs: MedicalTimelineRefs }) {
  const { t } = useTranslation();
  const d = entry.data;
  switch (entry.type) {
    case 'PrescriptionWritten':
    case 'PrescriptionRevised':
    case 'PrescriptionRenewed': {
      const main = [itemLabel(refs, d['itemId']), str(d['dose']), slotsOf(t, d['slots']), period(t, str(d['startDate']), d['endDate'])].filter(Boolean).join(' · ');
      const previous = entry.type === 'PrescriptionWritten' ? null : drugOf(refs, d['previousId']);
      const replaces =
        entry.type === 'PrescriptionWritten'
          ? ''
          : previous
            ? t('prescriptions.timeline.replaces', { what: [previous.drug, previous.dose].filter(Boolean).join(' '), date: formatDate(previous.startDate) })
            : t('prescriptions.timeline.replacesUnknown');
      return (
        <Stack gap={2} data-testid="timeline-prescription">
          {main ? <Text size="sm">{main}</Text> : null}
          <Labelled label={t('prescriptions.timeline.indication')} value={str(d['indication'])} />
          {replaces ? (
            <Text size="sm" c="dimmed" data-testid="timeline-replaces">
              {replaces}
            </Text>
          ) : null}
          <Labelled label={t('prescriptions.section.reasonLabel')} value={str(d['reason'])} />
        </Stack>
      );
    }
    case 'PrescriptionDiscontinued': {
      const p = drugOf(refs, d['prescriptionId']);
      const what = p ? [p.drug, p.dose].filter(Boolean).join(' ') : '';
      const date = str(d['date']);
      return (
        <Stack gap={2} data-testid="timeline-prescription">
          {date ? (
            <Text size="sm">
              {what ? t('prescriptions.timeline.stopped', { what, date: formatDate(date) }) : t('prescriptions.timeline.stoppedUnknown', { date: formatDate(date) })}
            </Text>
          ) : null}
          <Labelled label={t('prescriptions.section.reasonLabel')} value={str(d['reason'])} />
        </Stack>
      );
    }
    case 'DoseRecorded': {
      const p = drugOf(refs, d['prescriptionId']);
      const status = oneOf(DOSE_STATUSES, d['status']) ? d['status'] : null;
      const when = [oneOf(DOSE_SLOTS, d['slot']) ? t(`prescriptions.slots.${d['slot']}`) : '', formatDate(str(d['date']))].filter(Boolean).join(' · ');
      const what = p ? [p.drug, p.dose].filter(Boolean).join(' ') : '';
      return (
        <Stack gap={2} data-testid="timeline-dose">
          <Group gap="xs">
            {status ? (
              <Badge color={STATUS_COLOR[status]} variant="light" size="sm">
                {t(`prescriptions.statuses.${status}`)}
              </Badge>
            ) : null}
            {when || what ? <Text size="sm">{[when, what].filter(Boolean).join(' · ')}</Text> : null}
          </Group>
          <Labelled label={t('prescriptions.round.columns.note')} value={str(d['note'])} />
        </Stack>
      );
    }
    default:
      return null;
  }
}
