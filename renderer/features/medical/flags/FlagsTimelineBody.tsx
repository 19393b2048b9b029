import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api';
import { formatDate } from '../../../../shared/dates';
import { HOUSING_REASONS, WORK_RESTRICTIONS } from '../../../../shared/medical/flags';
import type { MedicalTimelineRefs } from '../timelineRefs';
import { Labelled } from '../../trainees/Labelled';

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');


/**
 * A flag, restriction or referral in a trainee's timeline. Non-medical viewers receive these
 * events reduced to their facts (the slice's `redaction`: dates, the restriction's code), so the
 * first line is built from those alone; the reason, note and hospital lines appear only when the
 * data carries them, i.e. for medical officers.
 */
export function FlagsTimelineBody({ entry, refs }: { entry: TimelineEntry; refs: MedicalTimelineRefs }) {
  const { t } = useTranslation();
  const d = entry.data;
  const date = (k: string) => formatDate(str(d[k]));
  const restrictionName = (v: unknown) => (oneOf(WORK_RESTRICTIONS, v) ? t(`flags.restrictions.${v}`) : '');
  let fact = '';
  let details: { label: string; value: string }[] = [];
  switch (entry.type) {
    case 'HousingFlagSet':
      if (date('since')) fact = date('reviewDate') ? t('flags.timeline.housingSet', { since: date('since'), review: date('reviewDate') }) : t('flags.timeline.housingSetSince', { since: date('since') });
      details = [
        { label: t('flags.fields.reason'), value: oneOf(HOUSING_REASONS, d['reason']) ? t(`flags.housingReasons.${d['reason']}`) : '' },
        { label: t('flags.fields.note'), value: str(d['note']) },
      ];
      break;
    case 'HousingFlagCleared':
      if (date('date')) fact = t('flags.timeline.housingCleared', { date: date('date') });
      details = [{ label: t('flags.fields.note'), value: str(d['note']) }];
      break;
    case 'WorkRestrictionSet': {
      const restriction = restrictionName(d['restriction']);
      if (restriction && date('since')) {
        fact = date('until')
          ? t('flags.timeline.restrictionSetUntil', { restriction, since: date('since'), until: date('until') })
          : t('flags.timeline.restrictionSet', { restriction, since: date('since') });
      }
      details = [{ label: t('flags.fields.reason'), value: str(d['reason']) }];
      break;
    }
    case 'WorkRestrictionCleared': {
      // Which restriction: from the WorkRestrictionSet it names (its code is visible to every viewer).
      const restriction = restrictionName(typeof d['restrictionId'] === 'string' ? refs.restrictions.get(d['restrictionId']) : undefined);
      if (date('date')) fact = restriction ? t('flags.timeline.restrictionCleared', { restriction, date: date('date') }) : t('flags.timeline.restrictionClearedPlain', { date: date('date') });
      break;
    }
    case 'TraineeReferred':
      if (date('date')) fact = t('flags.timeline.referred', { date: date('date') });
      details = [
        { label: t('flags.fields.hospital'), value: str(d['hospital']) },
        { label: t('flags.fields.referralReason'), value: str(d['reason']) },
      ];
      break;
    case 'TraineeReturnedFromReferral':
      if (date('date')) fact = t('flags.timeline.returned', { date: date('date') });
      details = [{ label: t('flags.fields.note'), value: str(d['note']) }];
      break;
    default:
      return null;
  }
  return (
    <Stack gap={2} data-testid="timeline-flag">
      {fact ? <Text size="sm">{fact}</Text> : null}
      {details.map((x) => (
        <Labelled key={x.label} label={x.label} value={x.value} />
      ))}
    </Stack>
  );
}
