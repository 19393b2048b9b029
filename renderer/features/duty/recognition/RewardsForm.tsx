import { ActionIcon, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { grantRewardsInput, REWARD_KINDS, type RewardKind } from '../../../../shared/duty/recognition';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import { useListTraineesQuery } from '../../../api/api';
import { ErrorAlert, notifySuccess, toSenError } from '../../../components/feedback';
import { validationMessage } from '../../../i18n/messages';
import { useGrantRewardsMutation } from './api';

interface Chosen {
  id: string;
  fileNumber: string;
  fullName: string;
}

/**
 * One reward, one reason, for a list of trainees (e.g. the month's 20 best): type a name, Enter adds
 * the first match, repeat; then the reason and save once. Checked with the handler's own schema.
 */
export function RewardsForm() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [kind, setKind] = useState<RewardKind>('commendation');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(() => formatDate(todayIso()));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const { data } = useListTraineesQuery({ search: search.trim(), status: 'in_care', limit: 8 }, { skip: search.trim() === '' });
  const [grant, granting] = useGrantRewardsMutation();
  const matches = (search.trim() === '' ? [] : (data?.items ?? [])).filter((m) => !chosen.some((c) => c.id === m.id));

  const add = (m: Chosen) => {
    setChosen((c) => [...c, { id: m.id, fileNumber: m.fileNumber, fullName: m.fullName }]);
    setSearch('');
  };

  const save = async () => {
    const parsed = grantRewardsInput.safeParse({ traineeIds: chosen.map((c) => c.id), kind, reason, date: parseDisplayDate(date) ?? '' });
    if (!parsed.success) {
      setIssues(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setIssues({});
    const result = await grant(parsed.data);
    if ('data' in result && result.data) {
      const count = result.data.seqs.length;
      notifySuccess((tt) => tt('recognition.reward.saved', { count }));
      setChosen([]);
      setReason('');
    }
  };
  // The screen's own check first, then the core's (a date before an admission) on the same field.
  const serverIssues = Object.fromEntries((toSenError(granting.error)?.issues ?? []).map((i) => [i.path.split('.')[0], i.code]));
  const issue = (k: string) => {
    const code = issues[k] ?? serverIssues[k];
    return code ? validationMessage(t, code) : undefined;
  };

  return (
    <Stack gap="sm" maw={720}>
      <TextInput
        label={t('recognition.reward.trainees')}
        placeholder={t('recognition.reward.search')}
        value={search}
        data-autofocus
        data-testid="reward-search"
        error={issue('traineeIds')}
        onChange={(e) => setSearch(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches[0]) {
            e.preventDefault();
            add(matches[0]);
          }
        }}
      />
      {matches.length > 0 ? (
        <Group gap={4}>
          {matches.map((m) => (
            <Button key={m.id} size="compact-sm" variant="light" onClick={() => add(m)} data-testid="reward-match">
              {m.fullName} · {m.fileNumber}
            </Button>
          ))}
        </Group>
      ) : null}
      <Paper withBorder p="xs" data-testid="reward-chosen">
        {chosen.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('recognition.reward.noneChosen')}
          </Text>
        ) : (
          <Group gap={6}>
            {chosen.map((c) => (
              <Group key={c.id} gap={2} wrap="nowrap">
                <Text size="sm">
                  {c.fullName} ({c.fileNumber})
                </Text>
                <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('recognition.reward.remove', { name: c.fullName })} onClick={() => setChosen((l) => l.filter((x) => x.id !== c.id))}>
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Group>
        )}
      </Paper>
      <Group align="flex-start">
        <NativeSelect
          label={t('recognition.reward.kind')}
          value={kind}
          data={REWARD_KINDS.map((k) => ({ value: k, label: t(`recognition.kinds.${k}`) }))}
          onChange={(e) => setKind(e.currentTarget.value as RewardKind)}
          data-testid="reward-kind"
        />
        <TextInput label={t('recognition.reward.date')} value={date} placeholder="dd/mm/yyyy" maxLength={10} inputMode="numeric" error={issue('date')} onChange={(e) => setDate(e.currentTarget.value)} data-testid="reward-date" />
      </Group>
      <Textarea label={t('recognition.reward.reason')} withAsterisk value={reason} autosize minRows={2} error={issue('reason')} onChange={(e) => setReason(e.currentTarget.value)} data-testid="reward-reason" />
      <ErrorAlert error={granting.error} testId="reward-error" />
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={granting.isLoading} data-testid="reward-save">
          {t('recognition.reward.save', { count: chosen.length })}
        </Button>
      </Group>
    </Stack>
  );
}
