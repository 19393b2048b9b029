import { Group, Loader, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';
import { isAllowed } from '../../../../shared/roles';
import { AsOfBanner, AsOfControl, useAsOf } from '../../../components/AsOf';
import { ErrorAlert } from '../../../components/feedback';
import { useClassListQuery } from '../classes/api';
import { classesFor } from '../classes/labels';
import { useLiteracyProgressQuery } from './api';
import { ObservationSheet } from './ObservationSheet';
import { ProgressMatrix } from './ProgressMatrix';

type Mode = 'matrix' | 'observe';

/**
 * The teacher's progress tab: pick a class (their own first), then either the progress matrix
 * (as of a past day too) or the observation sheet for the whole class.
 */
export function ProgressScreen({ user, classId: initial }: { user: SessionUser; classId?: string | undefined }) {
  const { t } = useTranslation();
  const asOf = useAsOf();
  const classes = useClassListQuery({ ...classesFor(user), includeClosed: true, ...(asOf ? { asOf } : {}) });
  const [picked, setPicked] = useState<string | null>(initial ?? null);
  const [mode, setMode] = useState<Mode>('matrix');
  const list = classes.data ?? [];
  // Default: the first open class (a teacher's list holds only their own).
  const fallback = list.find((c) => c.closedDate === null) ?? list[0];
  const classId = picked && list.some((c) => c.classId === picked) ? picked : (fallback?.classId ?? null);
  const canWrite = isAllowed('literacy.write', user.roles) && asOf === undefined;

  if (classes.isLoading) return <Loader size="sm" />;
  if (classes.error) return <ErrorAlert error={classes.error} />;
  if (list.length === 0) return <Text c="dimmed">{t('literacy.noClasses')}</Text>;

  return (
    <Stack gap="md">
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <NativeSelect
            label={t('literacy.class')}
            value={classId ?? ''}
            onChange={(e) => setPicked(e.currentTarget.value)}
            data={list.map((c) => ({ value: c.classId, label: c.teacherName ? `${c.name} (${c.teacherName})` : c.name }))}
            w={320}
            data-testid="progress-class"
          />
          {canWrite ? (
            <SegmentedControl
              value={mode}
              onChange={(v) => setMode(v as Mode)}
              data={[
                { value: 'matrix', label: t('literacy.modes.matrix') },
                { value: 'observe', label: t('literacy.modes.observe') },
              ]}
              data-testid="progress-mode"
            />
          ) : null}
        </Group>
        {mode === 'matrix' || !canWrite ? <AsOfControl /> : null}
      </Group>
      <AsOfBanner />
      {classId ? <ClassProgress key={classId} classId={classId} asOf={asOf} observing={canWrite && mode === 'observe'} canWrite={canWrite} /> : null}
    </Stack>
  );
}

function ClassProgress({ classId, asOf, observing, canWrite }: { classId: string; asOf: string | undefined; observing: boolean; canWrite: boolean }) {
  // The sheet always works on today's records; the matrix may stand on a past day.
  const { data, error, isLoading } = useLiteracyProgressQuery({ classId, ...(asOf && !observing ? { asOf } : {}) });
  if (isLoading) return <Loader size="sm" />;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  return observing ? <ObservationSheet classId={classId} rows={data.rows} /> : <ProgressMatrix matrix={data} canComplete={canWrite} />;
}
