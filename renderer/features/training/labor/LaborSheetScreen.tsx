import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/accounts';

/** Placeholder until this slice's screen is built. */
export function LaborSheetScreen(_props: { user: SessionUser }) {
  const { t } = useTranslation();
  return <Text c="dimmed">{t('training.notYet')}</Text>;
}
