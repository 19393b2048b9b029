import { Button, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PathKind } from '../../../shared/pathKinds';

/**
 * A folder or backup-file path: typed, or picked with the system's dialog when the desktop shell
 * offers one (`window.sen.choosePath`; the preview in a browser has none).
 */
export function PathInput({ kind, label, value, onChange, error, testId }: { kind: PathKind; label: string; value: string; onChange: (v: string) => void; error?: string | undefined; testId: string }) {
  const { t } = useTranslation();
  const choose = window.sen?.choosePath;
  const pick = async () => {
    const path = await choose?.(kind);
    if (path) onChange(path);
  };
  return (
    <TextInput
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-testid={testId}
      spellCheck={false}
      rightSectionWidth={choose ? 80 : undefined}
      rightSection={
        choose ? (
          <Button size="compact-xs" variant="light" onClick={() => void pick()}>
            {t('backup.now.choose')}
          </Button>
        ) : null
      }
    />
  );
}
