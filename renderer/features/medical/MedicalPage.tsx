import { SimpleGrid, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate, type MedicalTab } from '../../app/navigation';
import { useAppDispatch } from '../../app/store';
import { ArvCard } from './arv/ArvCard';
import { DetoxCard } from './detox/DetoxCard';
import { FlagsCard } from './flags/FlagsCard';
import { FormularyScreen } from './prescriptions/FormularyScreen';
import { RoundScreen } from './prescriptions/RoundScreen';
import { MedicalSettingsForm } from './screening/MedicalSettingsForm';
import { ScreeningDueCard } from './screening/ScreeningDueCard';

/**
 * The medical officers' home: what needs doing today (dashboard), the medication round, the
 * formulary and the settings the dashboards use. Medical data: only the `medical` role gets here.
 */
export function MedicalPage({ tab }: { tab: MedicalTab }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  return (
    <Stack gap="md">
      <Title order={2}>{t('medical.title')}</Title>
      <Tabs value={tab} onChange={(v) => v && dispatch(navigate({ name: 'medical', tab: v as MedicalTab }))} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="dashboard">{t('medical.tabs.dashboard')}</Tabs.Tab>
          <Tabs.Tab value="round">{t('medical.tabs.round')}</Tabs.Tab>
          <Tabs.Tab value="formulary">{t('medical.tabs.formulary')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('medical.tabs.settings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dashboard" pt="md">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <ScreeningDueCard />
            <DetoxCard />
            <ArvCard />
            <FlagsCard />
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="round" pt="md">
          <RoundScreen />
        </Tabs.Panel>
        <Tabs.Panel value="formulary" pt="md">
          <FormularyScreen />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <MedicalSettingsForm />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
