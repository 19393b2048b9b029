import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowed } from '../../../../shared/roles';
import { useStatusQuery } from '../../../api/api';
import { EligibilityLists } from './EligibilityLists';
import { RatingSheet } from './RatingSheet';
import { RewardsForm } from './RewardsForm';

/** Rewards for a list, the month's rating sheet, and the eligibility lists. Writing needs duty.write. */
export function RecognitionScreen() {
  const { t } = useTranslation();
  const roles = useStatusQuery().data?.user?.roles ?? [];
  const mayWrite = isAllowed('duty.write', roles);
  // Until chosen, the sheet for those who rate (the session may load after the first render).
  const [chosen, setSection] = useState<string | null>(null);
  const section = chosen ?? (mayWrite ? 'sheet' : 'eligibility');
  return (
    <Tabs value={section} onChange={(v) => v && setSection(v)} variant="pills" keepMounted={false}>
      <Tabs.List mb="md">
        {mayWrite ? <Tabs.Tab value="sheet">{t('recognition.sections.sheet')}</Tabs.Tab> : null}
        {mayWrite ? <Tabs.Tab value="rewards">{t('recognition.sections.rewards')}</Tabs.Tab> : null}
        <Tabs.Tab value="eligibility">{t('recognition.sections.eligibility')}</Tabs.Tab>
      </Tabs.List>
      {mayWrite ? (
        <Tabs.Panel value="sheet">
          <RatingSheet />
        </Tabs.Panel>
      ) : null}
      {mayWrite ? (
        <Tabs.Panel value="rewards">
          <RewardsForm />
        </Tabs.Panel>
      ) : null}
      <Tabs.Panel value="eligibility">
        <EligibilityLists />
      </Tabs.Panel>
    </Tabs>
  );
}
