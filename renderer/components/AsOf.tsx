import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDisplayDate, todayIso } from '../../shared/dates';
import { setAsOf } from '../app/navigation';
import { useAppDispatch, useAppSelector } from '../app/store';

/** The past date being shown (yyyy-MM-dd), or undefined for now. A date today or later counts as now. */
export function useAsOf(): string | undefined {
  const asOf = useAppSelector((s) => s.navigation.asOf);
  return asOf !== undefined && asOf < todayIso() ? asOf : undefined;
}

/**
 * A compact "as of" date field (dd/mm/yyyy; Enter or leaving the field applies it) and a "Today"
 * button that goes back to now. A date today or later means now.
 */
export function AsOfControl() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const asOf = useAsOf();
  const [text, setText] = useState(asOf ? formatDate(asOf) : '');
  const [invalid, setInvalid] = useState(false);
  // Follow the date when another screen changes it (render-time sync, no effect needed).
  const [shown, setShown] = useState(asOf);
  if (shown !== asOf) {
    setShown(asOf);
    setText(asOf ? formatDate(asOf) : '');
    setInvalid(false);
  }

  const apply = () => {
    const trimmed = text.trim();
    if (trimmed === '') {
      setInvalid(false);
      dispatch(setAsOf(undefined));
      return;
    }
    const iso = parseDisplayDate(trimmed);
    if (!iso) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const past = iso < todayIso() ? iso : undefined;
    dispatch(setAsOf(past));
    setText(past ? formatDate(past) : '');
  };

  return (
    <Group gap={6} align="flex-end" wrap="nowrap" data-testid="as-of-control">
      <TextInput
        label={t('asOf.label')}
        placeholder={t('common.dateFormatHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          }
        }}
        error={invalid ? t('asOf.invalid') : undefined}
        w={150}
        data-testid="as-of-input"
        inputMode="numeric"
      />
      <Button variant={asOf ? 'filled' : 'default'} onClick={() => {
          setText('');
          setInvalid(false);
          dispatch(setAsOf(undefined));
        }} data-testid="as-of-today" disabled={!asOf && text === ''} mb={invalid ? 22 : 0}>
        {t('asOf.today')}
      </Button>
    </Group>
  );
}

/** While a past date is shown: say so plainly, above everything else on the screen. */
export function AsOfBanner() {
  const { t } = useTranslation();
  const asOf = useAsOf();
  if (!asOf) return null;
  return (
    <Alert color="violet" variant="filled" role="status" data-testid="as-of-banner" py="xs">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm" fw={600}>
          {t('asOf.banner', { date: formatDate(asOf) })}
        </Text>
        <Text size="xs">{t('asOf.readOnly')}</Text>
      </Group>
    </Alert>
  );
}
