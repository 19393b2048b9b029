import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/accounts';
import { isAllowed } from '../../../shared/roles';
import { navigate, type DutyTab } from '../../app/navigation';
import { useAppDispatch } from '../../app/store';
import { ConductScreen } from './conduct/ConductScreen';
import { DutyLogScreen } from './dutyLog/DutyLogScreen';
import { HousingBoard } from './housing/HousingBoard';
import { LayoutScreen } from './housing/LayoutScreen';
import { HeadcountScreen } from './keepApart/HeadcountScreen';
import { KeepApartScreen } from './keepApart/KeepApartScreen';
import { RecognitionScreen } from './recognition/RecognitionScreen';

/**
 * The duty officers' home: the housing board, keep-apart rules, headcounts, violations and
 * measures, rewards and the monthly rating, the duty log; the facility layout for the admin.
 */
export function DutyPage({ tab, user }: { tab: DutyTab; user: SessionUser }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const mayLayout = isAllowed('facility.manage', user.roles);
  return (
    <Stack gap="md">
      <Title order={2}>{t('duty.title')}</Title>
      <Tabs value={tab} onChange={(v) => v && dispatch(navigate({ name: 'duty', tab: v as DutyTab }))} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="board">{t('duty.tabs.board')}</Tabs.Tab>
          <Tabs.Tab value="keepApart">{t('duty.tabs.keepApart')}</Tabs.Tab>
          <Tabs.Tab value="headcount">{t('duty.tabs.headcount')}</Tabs.Tab>
          <Tabs.Tab value="conduct">{t('duty.tabs.conduct')}</Tabs.Tab>
          <Tabs.Tab value="recognition">{t('duty.tabs.recognition')}</Tabs.Tab>
          <Tabs.Tab value="log">{t('duty.tabs.log')}</Tabs.Tab>
          {mayLayout ? <Tabs.Tab value="layout">{t('duty.tabs.layout')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="board" pt="md">
          <HousingBoard />
        </Tabs.Panel>
        <Tabs.Panel value="keepApart" pt="md">
          <KeepApartScreen />
        </Tabs.Panel>
        <Tabs.Panel value="headcount" pt="md">
          <HeadcountScreen />
        </Tabs.Panel>
        <Tabs.Panel value="conduct" pt="md">
          <ConductScreen />
        </Tabs.Panel>
        <Tabs.Panel value="recognition" pt="md">
          <RecognitionScreen />
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="md">
          <DutyLogScreen />
        </Tabs.Panel>
        {mayLayout ? (
          <Tabs.Panel value="layout" pt="md">
            <LayoutScreen />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
