import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/accounts';
import { navigate, type LiteracyTab } from '../../app/navigation';
import { useAppDispatch } from '../../app/store';
import { AttendanceScreen } from './classes/AttendanceScreen';
import { ClassesScreen } from './classes/ClassesScreen';
import { ProgressScreen } from './literacy/ProgressScreen';

/** The teachers' home (PRODUCT.md): my classes, today's attendance sheet, the progress matrix. */
export function LiteracyPage({ tab, classId, user }: { tab: LiteracyTab; classId?: string | undefined; user: SessionUser }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  return (
    <Stack gap="md">
      <Title order={2}>{t('training.literacy.title')}</Title>
      <Tabs value={tab} onChange={(v) => v && dispatch(navigate({ name: 'literacy', tab: v as LiteracyTab }))} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="classes">{t('training.literacy.tabs.classes')}</Tabs.Tab>
          <Tabs.Tab value="attendance">{t('training.literacy.tabs.attendance')}</Tabs.Tab>
          <Tabs.Tab value="progress">{t('training.literacy.tabs.progress')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="classes" pt="md">
          <ClassesScreen user={user} classId={classId} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <AttendanceScreen user={user} classId={classId} />
        </Tabs.Panel>
        <Tabs.Panel value="progress" pt="md">
          <ProgressScreen user={user} classId={classId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
