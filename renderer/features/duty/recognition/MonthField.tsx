import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validationMessage } from '../../../i18n/messages';
import { formatMonth, parseMonth } from './month';

/** A month typed mm/yyyy; `onChange` gets `yyyy-MM` once the text is a real month (Enter or leaving the field). */
export function MonthField({ label, value, onChange, testId }: { label: string; value: string; onChange: (month: string) => void; testId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatMonth(value));
  const [bad, setBad] = useState(false);
  const apply = () => {
    const m = parseMonth(text);
    setBad(m === null);
    if (m !== null && m !== value) onChange(m);
  };
  return (
    <TextInput
      label={label}
      w={240}
      value={text}
      placeholder="mm/yyyy"
      inputMode="numeric"
      autoComplete="off"
      maxLength={7}
      data-testid={testId}
      error={bad ? validationMessage(t, 'invalidMonth') : undefined}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
    />
  );
}
