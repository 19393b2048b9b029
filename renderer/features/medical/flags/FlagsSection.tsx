import { Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, todayIso } from '../../../../shared/dates';
import {
  clearHousingFlagInput,
  clearWorkRestrictionInput,
  HOUSING_REASONS,
  referInput,
  returnFromReferralInput,
  setHousingFlagInput,
  setWorkRestrictionInput,
  WORK_RESTRICTIONS,
  type HousingFlag,
  type Referral,
  type WorkRestriction,
} from '../../../../shared/medical/flags';
import { ErrorAlert } from '../../../components/feedback';
import {
  useClearHousingFlagMutation,
  useClearWorkRestrictionMutation,
  useReferTraineeMutation,
  useReturnFromReferralMutation,
  useSetHousingFlagMutation,
  useSetWorkRestrictionMutation,
  useTraineeFlagsQuery,
} from './api';
import { FlagFormModal } from './FlagForm';

type Dialog =
  | { kind: 'none' }
  | { kind: 'setHousing' }
  | { kind: 'clearHousing'; flag: HousingFlag }
  | { kind: 'addRestriction' }
  | { kind: 'clearRestriction'; restriction: WorkRestriction }
  | { kind: 'refer' }
  | { kind: 'return'; referral: Referral };

function Block({ title, action, children, testId }: { title: string; action: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <Group justify="space-between" align="center">
        <Title order={4}>{title}</Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}

/**
 * A trainee's separate-housing flag, work restrictions and hospital referrals, reasons included
 * (medical record page, medical officers only), with the forms to set, clear, refer and return.
 */
export function FlagsSection({ traineeId }: { traineeId: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useTraineeFlagsQuery({ traineeId });
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const [setHousing, setHousingState] = useSetHousingFlagMutation();
  const [clearHousing, clearHousingState] = useClearHousingFlagMutation();
  const [setRestriction, setRestrictionState] = useSetWorkRestrictionMutation();
  const [clearRestriction, clearRestrictionState] = useClearWorkRestrictionMutation();
  const [refer, referState] = useReferTraineeMutation();
  const [returnFrom, returnState] = useReturnFromReferralMutation();
  // A refusal belongs to the dialog it happened in: forget it when the dialog closes.
  const close = () => {
    setDialog({ kind: 'none' });
    for (const s of [setHousingState, clearHousingState, setRestrictionState, clearRestrictionState, referState, returnState]) s.reset();
  };
  const today = formatDate(todayIso());

  const activeFlag = data?.housing.find((f) => f.active) ?? null;
  const openReferral = data?.referrals.find((r) => r.open) ?? null;
  const reasonLabel = (r: string) => t(`flags.housingReasons.${r}` as 'flags.housingReasons.protection');
  const restrictionLabel = (r: string) => t(`flags.restrictions.${r}` as 'flags.restrictions.no_work');
  const choose = { value: '', label: '—' };

  return (
    <Paper withBorder p="md" radius="md" data-testid="flags-section">
      <Stack gap="lg">
        <Title order={3}>{t('flags.title')}</Title>
        {isLoading ? <Loader size="sm" /> : null}
        <ErrorAlert error={error} />
        {data ? (
          <>
            <Block
              title={t('flags.housing.title')}
              testId="flags-housing"
              action={
                activeFlag ? (
                  <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'clearHousing', flag: activeFlag })}>
                    {t('flags.housing.clear')}
                  </Button>
                ) : (
                  <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'setHousing' })}>
                    {t('flags.housing.set')}
                  </Button>
                )
              }
            >
              {activeFlag ? (
                <Stack gap={2} data-testid="flags-housing-active">
                  <Group gap="xs">
                    <Badge color="orange" variant="light">
                      {t('flags.badges.separateHousing')}
                    </Badge>
                    <Text size="sm" fw={500}>
                      {reasonLabel(activeFlag.reason)}
                    </Text>
                  </Group>
                  <Text size="sm">{t('flags.housing.active', { since: formatDate(activeFlag.since), review: formatDate(activeFlag.reviewDate) })}</Text>
                  {activeFlag.note ? <Text size="sm">{activeFlag.note}</Text> : null}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('flags.housing.none')}
                </Text>
              )}
              {data.housing
                .filter((f) => !f.active)
                .map((f) => (
                  <Text size="xs" c="dimmed" key={f.flagId}>
                    {t('flags.housing.cleared', { since: formatDate(f.since), date: formatDate(f.clearedDate) })} · {reasonLabel(f.reason)}
                  </Text>
                ))}
            </Block>

            <Block
              title={t('flags.restriction.title')}
              testId="flags-restrictions"
              action={
                <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'addRestriction' })}>
                  {t('flags.restriction.add')}
                </Button>
              }
            >
              {data.restrictions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('flags.restriction.none')}
                </Text>
              ) : null}
              {data.restrictions.map((r) => (
                <Group key={r.restrictionId} justify="space-between" wrap="nowrap" data-testid="flags-restriction">
                  <Stack gap={0}>
                    <Text size="sm" fw={500} c={r.active ? undefined : 'dimmed'}>
                      {restrictionLabel(r.restriction)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.until ? t('flags.restriction.periodUntil', { since: formatDate(r.since), until: formatDate(r.until) }) : t('flags.restriction.period', { since: formatDate(r.since) })}
                      {r.clearedDate ? ` · ${t('flags.restriction.clearedOn', { date: formatDate(r.clearedDate) })}` : !r.active ? ` · ${t('flags.restriction.ended')}` : ''}
                      {' · '}
                      {r.reason}
                    </Text>
                  </Stack>
                  {r.clearedDate === null ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setDialog({ kind: 'clearRestriction', restriction: r })}
                      aria-label={t('flags.restriction.clearTitle', { name: restrictionLabel(r.restriction) })}
                    >
                      {t('flags.restriction.clear')}
                    </Button>
                  ) : null}
                </Group>
              ))}
            </Block>

            <Block
              title={t('flags.referral.title')}
              testId="flags-referrals"
              action={
                openReferral ? (
                  <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'return', referral: openReferral })}>
                    {t('flags.referral.return')}
                  </Button>
                ) : (
                  <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'refer' })}>
                    {t('flags.referral.refer')}
                  </Button>
                )
              }
            >
              {data.referrals.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('flags.referral.none')}
                </Text>
              ) : null}
              {data.referrals.map((r) =>
                r.open ? (
                  <Stack gap={2} key={r.referralId} data-testid="flags-referral-open">
                    <Group gap="xs">
                      <Badge color="red" variant="light">
                        {t('flags.badges.atHospital')}
                      </Badge>
                      <Text size="sm" fw={500}>
                        {t('flags.referral.open', { hospital: r.hospital, date: formatDate(r.date) })}
                      </Text>
                    </Group>
                    <Text size="sm">{r.reason}</Text>
                  </Stack>
                ) : (
                  <Text size="xs" c="dimmed" key={r.referralId}>
                    {t('flags.referral.past', { hospital: r.hospital, date: formatDate(r.date), returned: formatDate(r.returnedDate) })} · {r.reason}
                  </Text>
                ),
              )}
            </Block>
          </>
        ) : null}
      </Stack>

      <FlagFormModal
        opened={dialog.kind === 'setHousing'}
        onClose={close}
        testId="set-housing-form"
        title={t('flags.housing.set')}
        hint={t('flags.housing.noHiv')}
        fields={[
          { name: 'reason', kind: 'select', label: t('flags.fields.reason'), options: [choose, ...HOUSING_REASONS.map((r) => ({ value: r, label: reasonLabel(r) }))] },
          { name: 'since', kind: 'date', label: t('flags.fields.since') },
          { name: 'reviewDate', kind: 'date', label: t('flags.fields.reviewDate') },
          { name: 'note', kind: 'textarea', label: t('flags.fields.note') },
        ]}
        defaults={{ reason: '', since: today, reviewDate: '', note: '' }}
        schema={setHousingFlagInput}
        fixed={{ traineeId }}
        submitLabel={t('flags.housing.set')}
        submit={(v) => setHousing(v as Parameters<typeof setHousing>[0])}
        loading={setHousingState.isLoading}
        error={setHousingState.error}
        success={(tr) => tr('flags.housing.setSuccess')}
      />
      <FlagFormModal
        opened={dialog.kind === 'clearHousing'}
        onClose={close}
        testId="clear-housing-form"
        title={t('flags.housing.clear')}
        fields={[
          { name: 'date', kind: 'date', label: t('flags.fields.clearDate') },
          { name: 'note', kind: 'textarea', label: t('flags.fields.note') },
        ]}
        defaults={{ date: today, note: '' }}
        schema={clearHousingFlagInput}
        fixed={{ traineeId, flagId: dialog.kind === 'clearHousing' ? dialog.flag.flagId : '' }}
        submitLabel={t('flags.housing.clear')}
        submit={(v) => clearHousing(v as Parameters<typeof clearHousing>[0])}
        loading={clearHousingState.isLoading}
        error={clearHousingState.error}
        success={(tr) => tr('flags.housing.clearSuccess')}
      />
      <FlagFormModal
        opened={dialog.kind === 'addRestriction'}
        onClose={close}
        testId="add-restriction-form"
        title={t('flags.restriction.add')}
        fields={[
          { name: 'restriction', kind: 'select', label: t('flags.fields.restriction'), options: [choose, ...WORK_RESTRICTIONS.map((r) => ({ value: r, label: restrictionLabel(r) }))] },
          { name: 'reason', kind: 'textarea', label: t('flags.fields.reason'), required: true },
          { name: 'since', kind: 'date', label: t('flags.fields.since') },
          { name: 'until', kind: 'optionalDate', label: t('flags.fields.until') },
        ]}
        defaults={{ restriction: '', reason: '', since: today, until: '' }}
        schema={setWorkRestrictionInput}
        fixed={{ traineeId }}
        submitLabel={t('flags.restriction.add')}
        submit={(v) => setRestriction(v as Parameters<typeof setRestriction>[0])}
        loading={setRestrictionState.isLoading}
        error={setRestrictionState.error}
        success={(tr) => tr('flags.restriction.setSuccess')}
      />
      <FlagFormModal
        opened={dialog.kind === 'clearRestriction'}
        onClose={close}
        testId="clear-restriction-form"
        title={dialog.kind === 'clearRestriction' ? t('flags.restriction.clearTitle', { name: restrictionLabel(dialog.restriction.restriction) }) : ''}
        fields={[{ name: 'date', kind: 'date', label: t('flags.fields.clearDate') }]}
        defaults={{ date: today }}
        schema={clearWorkRestrictionInput}
        fixed={{ traineeId, restrictionId: dialog.kind === 'clearRestriction' ? dialog.restriction.restrictionId : '' }}
        submitLabel={t('flags.restriction.clear')}
        submit={(v) => clearRestriction(v as Parameters<typeof clearRestriction>[0])}
        loading={clearRestrictionState.isLoading}
        error={clearRestrictionState.error}
        success={(tr) => tr('flags.restriction.clearSuccess')}
      />
      <FlagFormModal
        opened={dialog.kind === 'refer'}
        onClose={close}
        testId="refer-form"
        title={t('flags.referral.refer')}
        fields={[
          { name: 'date', kind: 'date', label: t('flags.fields.date') },
          { name: 'hospital', kind: 'text', label: t('flags.fields.hospital'), required: true },
          { name: 'reason', kind: 'textarea', label: t('flags.fields.referralReason'), required: true },
        ]}
        defaults={{ date: today, hospital: '', reason: '' }}
        schema={referInput}
        fixed={{ traineeId }}
        submitLabel={t('flags.referral.refer')}
        submit={(v) => refer(v as Parameters<typeof refer>[0])}
        loading={referState.isLoading}
        error={referState.error}
        success={(tr) => tr('flags.referral.referSuccess')}
      />
      <FlagFormModal
        opened={dialog.kind === 'return'}
        onClose={close}
        testId="return-form"
        title={t('flags.referral.return')}
        fields={[
          { name: 'date', kind: 'date', label: t('flags.fields.returnDate') },
          { name: 'note', kind: 'textarea', label: t('flags.fields.note') },
        ]}
        defaults={{ date: today, note: '' }}
        schema={returnFromReferralInput}
        fixed={{ traineeId, referralId: dialog.kind === 'return' ? dialog.referral.referralId : '' }}
        submitLabel={t('flags.referral.return')}
        submit={(v) => returnFrom(v as Parameters<typeof returnFrom>[0])}
        loading={returnState.isLoading}
        error={returnState.error}
        success={(tr) => tr('flags.referral.returnSuccess')}
      />
    </Paper>
  );
}
