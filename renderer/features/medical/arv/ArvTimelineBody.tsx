import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { formatDate } from '../../../../shared/dates';
import { ART_CHANGE_REASONS, LAB_TESTS } from '../../../../shared/medical/arv';
import { itemLabel, type MedicalTimelineRefs } from '../timelineRefs';
import { useNumber } from './ArvSection';
import { Labelled } from '../../trainees/Labelled';

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);


/**
 * ARV care in a trainee's timeline (medical viewers only: HIV care reaches no other role): the
 * regimen started or changed with its coded reason, a pill count with its percentage, a
 * counselling session, a lab request and its result (the test read from the request).
 */
export function ArvTimelineBody({ entry, refs }: { entry: TimelineEntry; refs: MedicalTimelineRefs }) {
  const { t } = useTranslation();
  const num = useNumber();
  const d = entry.data;
  const date = formatDate(str(d['date']));
  const testName = (v: unknown) => (oneOf(LAB_TESTS, v) ? t(`arv.tests.${v}`) : t('arv.timeline.unknownTest'));
  let body: ReactNode = null;
  switch (entry.type) {
    case 'ArtStarted': {
      const name = itemLabel(refs, d['itemId']);
      if (date) body = <Text size="sm">{name ? t('arv.timeline.started', { name, date }) : t('arv.timeline.startedOn', { date })}</Text>;
      break;
    }
    case 'ArtRegimenChanged': {
      const from = itemLabel(refs, d['stoppedItemId']);
      const to = itemLabel(refs, d['startedItemId']);
      const reason = [oneOf(ART_CHANGE_REASONS, d['reasonCode']) ? t(`arv.reasons.${d['reasonCode']}`) : '', str(d['reasonText'])].filter(Boolean).join(': ');
      body = (
        <>
          {date ? <Text size="sm">{from && to ? t('arv.timeline.changed', { from, to, date }) : t('arv.timeline.changedOn', { date })}</Text> : null}
          <Labelled label={t('arv.timeline.reason')} value={reason} />
        </>
      );
      break;
    }
    case 'PillCountRecorded': {
      const expected = int(d['expected']);
      const counted = int(d['counted']);
      body = (
        <>
          {date && expected !== null && expected > 0 && counted !== null ? (
            // Rounded down, as the core computes it for the ARV summary.
            <Text size="sm">{t('arv.timeline.pillCount', { date, counted: num(counted), expected: num(expected), percent: Math.floor((counted * 100) / expected) })}</Text>
          ) : null}
          <Labelled label={t('arv.timeline.note')} value={str(d['note'])} />
        </>
      );
      break;
    }
    case 'AdherenceCounsellingRecorded': {
      const session = int(d['session']);
      body = (
        <>
          {date && session !== null ? <Text size="sm">{t('arv.timeline.counselling', { session, date })}</Text> : null}
          <Labelled label={t('arv.timeline.notes')} value={str(d['notes'])} />
        </>
      );
      break;
    }
    case 'LabRequested':
      if (str(d['requestedDate'])) body = <Text size="sm">{t('arv.timeline.requested', { test: testName(d['test']), date: formatDate(str(d['requestedDate'])) })}</Text>;
      break;
    case 'LabResultReceived': {
      const request = typeof d['labId'] === 'string' ? refs.labs.get(d['labId']) : undefined;
      const value = int(d['value']);
      const test = request?.test;
      const result =
        value === null
          ? ''
          : d['undetectable'] === true
            ? value > 0
              ? t('arv.labs.undetectableBelow', { value: num(value) })
              : t('arv.labs.undetectable')
            : `${num(value)}${oneOf(LAB_TESTS, test) ? ` ${t(`arv.units.${test}`)}` : ''}`;
      const when = [
        str(d['receivedDate']) ? t('arv.timeline.receivedOn', { date: formatDate(str(d['receivedDate'])) }) : '',
        request?.requestedDate ? t('arv.timeline.requestedOn', { date: formatDate(request.requestedDate) }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
      body = (
        <>
          {result ? <Text size="sm">{t('arv.timeline.result', { test: testName(test), result })}</Text> : null}
          {when ? (
            <Text size="sm" c="dimmed">
              {when}
            </Text>
          ) : null}
        </>
      );
      break;
    }
    default:
      return null;
  }
  return (
    <Stack gap={2} data-testid="timeline-arv">
      {body}
    </Stack>
  );
}
