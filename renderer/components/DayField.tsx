import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDisplayDate } from '../../shared/dates';
import { validationMessage } from '../i18n/messages';

/**
 * A day typed as dd/mm/yyyy: Enter or leaving the field picks it (`onChange` with yyyy-MM-dd);
 * a date that cannot be read is said under the field and picks nothing. The parent gives it
 * `key={value}` when it moves the day itself (a day back / forward), so the text follows.
 */
export function DayField({ label, value, onChange, testId }: { label: string; value: string; onChange: (iso: string) => void; testId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatDate(value));
  const [invalid, setInvalid] = useState(false);
  const apply = () => {
    const iso = parseDisplayDate(text);
    setInvalid(iso === null);
    if (iso !== null && iso !== value) onChange(iso);
  };
  return (
    <TextInput
      label={label}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
      placeholder={t('form.datePlaceholder')}
      inputMode="numeric"
      maxLength={10}
      autoComplete="off"
      error={invalid ? validationMessage(t, 'invalidDate') : undefined}
      data-testid={testId}
      w={150}
    />
  );
}
