import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetIdleLockMutation, useStatusQuery } from '../../api/api';
import { ErrorAlert, notifySuccess } from '../../components/feedback';

/** Admin: after how many idle minutes the screen locks on this workstation. */
export function IdleLockSetting() {
  const { t } = useTranslation();
  const { data: status } = useStatusQuery();
  const current = status?.idleLockMinutes;
  const [value, setValue] = useState<number | string>('');
  const [save, { isLoading, error }] = useSetIdleLockMutation();
  const shown = value === '' ? (current ?? '') : value;

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const result = await save({ minutes: Number(shown) });
    if ('data' in result && result.data) {
      setValue('');
      notifySuccess((tr) => tr('idleLock.saved', { minutes: result.data.minutes }));
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm">
          <Title order={3}>{t('idleLock.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('idleLock.intro')}
          </Text>
          <ErrorAlert error={error} />
          <Group align="flex-end">
            <NumberInput label={t('idleLock.minutes')} min={1} max={240} step={1} allowDecimal={false} w={160} value={shown} onChange={setValue} />
            <Button type="submit" loading={isLoading}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
