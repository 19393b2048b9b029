import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/accounts';
import { navigate, type LaborTab } from '../../app/navigation';
import { useAppDispatch } from '../../app/store';
import { LaborSheetScreen } from './labor/LaborSheetScreen';
import { OutputScreen } from './labor/OutputScreen';
import { WorkshopsScreen } from './labor/WorkshopsScreen';

/** The instructors' home (PRODUCT.md): my workshop roster, today's labor sheet, output this week/month. */
export function LaborPage({ tab, user, workshopId }: { tab: LaborTab; user: SessionUser; workshopId?: string }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  // The workshop chosen on one tab stays chosen on the others.
  const go = (v: string | null) => v && dispatch(navigate({ name: 'labor', tab: v as LaborTab, ...(workshopId && v !== 'workshops' ? { workshopId } : {}) }));
  return (
    <Stack gap="md">
      <Title order={2}>{t('training.labor.title')}</Title>
      <Tabs value={tab} onChange={go} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="workshops">{t('training.labor.tabs.workshops')}</Tabs.Tab>
          <Tabs.Tab value="sheet">{t('training.labor.tabs.sheet')}</Tabs.Tab>
          <Tabs.Tab value="output">{t('training.labor.tabs.output')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="workshops" pt="md">
          <WorkshopsScreen user={user} workshopId={tab === 'workshops' ? workshopId : undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="sheet" pt="md">
          <LaborSheetScreen user={user} workshopId={workshopId} />
        </Tabs.Panel>
        <Tabs.Panel value="output" pt="md">
          <OutputScreen user={user} workshopId={workshopId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
