import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import { LITERACY_LEVELS, LITERACY_STATUSES, type LiteracyLevel, type ProgressRow } from '../../../../shared/training/literacy';
import { ErrorAlert, notifySuccess, toSenError } from '../../../components/feedback';
import { validationMessage } from '../../../i18n/messages';
import { useCompleteLiteracyMutation } from './api';

const FIELDS = ['level', 'date', 'overrideReason'];

/** Whether a derived status supports a level (Level 2 includes Level 1). */
const supports = (status: ProgressRow['status'], level: LiteracyLevel) => LITERACY_STATUSES.indexOf(status) >= LITERACY_STATUSES.indexOf(level);

/**
 * Records that a trainee completed Level 1 or 2. When today's derived status does not support
 * the level, the reason field is required up front; the core judges again on the chosen date.
 */
export function CompleteModal({ classId, row, onClose }: { classId: string; row: ProgressRow; onClose: () => void }) {
  const { t } = useTranslation();
  const open = LITERACY_LEVELS.filter((l) => row.completed[l] === null);
  const [level, setLevel] = useState<LiteracyLevel>(open.find((l) => supports(row.status, l)) ?? open[0] ?? 'level1');
  const [date, setDate] = useState(formatDate(todayIso()));
  const [reason, setReason] = useState('');
  const [complete, saving] = useCompleteLiteracyMutation();
  const issues = toSenError(saving.error)?.issues ?? [];
  const issue = (path: string) => {
    const i = issues.find((x) => x.path === path);
    return i ? validationMessage(t, i.code) : undefined;
  };
  const others = issues.filter((i) => !FIELDS.includes(i.path));
  const reached = supports(row.status, level);

  const save = async () => {
    const result = await complete({ traineeId: row.traineeId, classId, level, date: parseDisplayDate(date) ?? date, ...(reason.trim() ? { overrideReason: reason.trim() } : {}) });
    if ('data' in result && result.data) {
      notifySuccess((tt) => tt('literacy.complete.saved', { name: row.fullName, level: tt(`literacy.status.${level}`) }));
      onClose();
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('literacy.complete.title', { name: row.fullName })} size="md">
      <Stack gap="sm">
        <NativeSelect
          label={t('literacy.complete.level')}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value as LiteracyLevel)}
          data={open.map((l) => ({ value: l, label: t(`literacy.status.${l}`) }))}
          error={issue('level')}
          data-testid="complete-level"
        />
        <TextInput
          label={t('literacy.complete.date')}
          value={date}
          placeholder="dd/mm/yyyy"
          maxLength={10}
          inputMode="numeric"
          onChange={(e) => setDate(e.currentTarget.value)}
          error={issue('date')}
          data-testid="complete-date"
        />
        <Alert color={reached ? 'green' : 'yellow'} variant="light" data-testid="complete-derived">
          {reached ? t('literacy.complete.reached', { status: t(`literacy.status.${row.status}`) }) : t('literacy.complete.notReached', { status: t(`literacy.status.${row.status}`) })}
        </Alert>
        <Textarea
          label={t('literacy.complete.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          withAsterisk={!reached}
          autosize
          minRows={2}
          error={issue('overrideReason')}
          data-testid="complete-reason"
        />
        {/* The trainee's own refusals (released, not in the class on that day) name no field of the form. */}
        {others.map((i) => (
          <Text key={`${i.path}:${i.code}`} size="sm" c="red.8" data-testid="complete-issue">
            {validationMessage(t, i.code)}
          </Text>
        ))}
        {issues.length === 0 ? <ErrorAlert error={saving.error} testId="complete-error" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('literacy.complete.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={saving.isLoading} disabled={!reached && reason.trim() === ''} data-testid="complete-save">
            {t('literacy.complete.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
