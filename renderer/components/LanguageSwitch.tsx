import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** VI / EN, one click, remembered on this workstation. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const value: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      data-testid="language-switch"
      value={value}
      onChange={(v) => setLanguage(v)}
      data={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
    />
  );
}
