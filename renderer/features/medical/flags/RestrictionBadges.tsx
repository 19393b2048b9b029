import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';
import type { TraineeSummary } from '../../../../shared/admissions';
import { formatDate } from '../../../../shared/dates';
import { isAllowed } from '../../../../shared/roles';
import { useTraineeRestrictionsQuery } from './api';

/**
 * Facts about housing, work and whereabouts that non-medical staff need, never why: the core
 * sends no reasons to these screens, so there is nothing here to hide.
 */

/** Whole badges: in a crowded roster row a Mantine badge otherwise shrinks to "Ở RIÊ…". */
const WHOLE = { minWidth: 'max-content' } as const;

/** In a roster row: short badges, the restriction names in the tooltip. */
export function RosterFlagBadges({ row }: { row: Pick<TraineeSummary, 'separateHousing' | 'atHospital' | 'workRestrictions'> }) {
  const { t } = useTranslation();
  const restrictions = row.workRestrictions ?? [];
  if (!row.separateHousing && !row.atHospital && restrictions.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap" data-testid="roster-flags">
      {row.separateHousing ? (
        <Badge size="sm" color="orange" variant="light" data-testid="badge-separate-housing" style={WHOLE}>
          {t('flags.badges.separateHousing')}
        </Badge>
      ) : null}
      {row.atHospital ? (
        <Badge size="sm" color="red" variant="light" data-testid="badge-at-hospital" style={WHOLE}>
          {t('flags.badges.atHospital')}
        </Badge>
      ) : null}
      {restrictions.length > 0 ? (
        <Badge
          size="sm"
          color="grape"
          variant="light"
          data-testid="badge-work-restrictions"
          style={WHOLE}
          title={restrictions.map((r) => t(`flags.restrictions.${r}`)).join('; ')}
        >
          {t('flags.badges.workRestrictions', { n: restrictions.length })}
        </Badge>
      ) : null}
    </Group>
  );
}

/** On the trainee page: the same facts with their dates, for those allowed to know them. */
export function TraineeFlagBadges({ traineeId, user, asOf }: { traineeId: string; user: SessionUser; asOf?: string | undefined }) {
  const { t } = useTranslation();
  const allowed = isAllowed('trainee.restrictions', user.roles);
  const { data } = useTraineeRestrictionsQuery({ traineeId, ...(asOf ? { asOf } : {}) }, { skip: !allowed });
  if (!data) return null;
  return (
    <Group gap="xs" data-testid="trainee-flags">
      {data.separateHousing ? (
        <Badge color="orange" variant="light" data-testid="badge-separate-housing">
          {t('flags.badges.separateHousingSince', { date: formatDate(data.separateHousing.since) })}
        </Badge>
      ) : null}
      {data.atHospitalSince ? (
        <Badge color="red" variant="light" data-testid="badge-at-hospital">
          {t('flags.badges.atHospitalSince', { date: formatDate(data.atHospitalSince) })}
        </Badge>
      ) : null}
      {data.workRestrictions.map((r) => (
        <Badge key={r.restriction} color="grape" variant="light" data-testid="badge-work-restriction">
          {t(`flags.restrictions.${r.restriction}`)}
        </Badge>
      ))}
    </Group>
  );
}
