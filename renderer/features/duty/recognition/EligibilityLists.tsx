import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eligibilityRulesSchema, RATINGS, type EligibilityRules, type EligibleTrainee, type Rating } from '../../../../shared/duty/recognition';
import { todayIso } from '../../../../shared/dates';
import { isAllowed } from '../../../../shared/roles';
import { useStatusQuery } from '../../../api/api';
import { ErrorAlert, notifySuccess } from '../../../components/feedback';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { validationMessage } from '../../../i18n/messages';
import { useEligibilityQuery, useEligibilityRulesQuery, useSetEligibilityRulesMutation } from './api';
import { formatMonth, shiftMonth } from './month';
import { MonthField } from './MonthField';

/** Who may be proposed for a commendation (the last complete quarter) and a term reduction (up to the month). */
export function EligibilityLists() {
  const { t } = useTranslation();
  // The last whole month by default: the current one is rarely rated yet.
  const [month, setMonth] = useState(() => shiftMonth(todayIso().slice(0, 7), -1));
  const { data, error } = useEligibilityQuery({ month });
  const roles = useStatusQuery().data?.user?.roles ?? [];
  const rating = (r: Rating) => t(`recognition.ratings.${r}`);
  return (
    <Stack gap="md">
      <MonthField label={t('recognition.eligibility.month')} value={month} onChange={setMonth} testId="eligibility-month" />
      <ErrorAlert error={error} />
      {data ? (
        <>
          <Section
            title={t('recognition.eligibility.commendation', { from: formatMonth(data.quarter[0]!), to: formatMonth(data.quarter[2]!) })}
            rule={t('recognition.eligibility.commendationRule', { min: rating(data.rules.commendationMinRating), count: data.rules.commendationGoodMonths })}
            rows={data.commendation}
            testId="eligible-commendation"
          />
          <Section
            title={t('recognition.eligibility.termReduction')}
            rule={t('recognition.eligibility.termRule', { share: data.rules.termSharePercent, count: data.rules.termMonths, min: rating(data.rules.termMinRating) })}
            rows={data.termReduction}
            testId="eligible-term"
          />
        </>
      ) : null}
      {isAllowed('facility.manage', roles) ? <RulesEditor /> : null}
    </Stack>
  );
}

function Section({ title, rule, rows, testId }: { title: string; rule: string; rows: EligibleTrainee[]; testId: string }) {
  const { t } = useTranslation();
  const served = rows.some((r) => r.servedPercent !== null);
  const columns: CsvColumn<EligibleTrainee>[] = [
    { header: t('recognition.sheet.fileNumber'), value: (r) => r.fileNumber },
    { header: t('recognition.sheet.name'), value: (r) => r.fullName },
    ...(rows[0]?.months ?? []).map((m, i): CsvColumn<EligibleTrainee> => ({ header: formatMonth(m.month), value: (r) => (r.months[i]?.rating ? t(`recognition.ratings.${r.months[i].rating}`) : '') })),
    ...(served ? [{ header: t('recognition.eligibility.served'), value: (r: EligibleTrainee) => (r.servedPercent === null ? '' : `${r.servedPercent}%`) }] : []),
  ];
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Group justify="space-between">
        <Title order={4}>{title}</Title>
        <CsvExportButton fileName={`${testId === 'eligible-term' ? t('csv.files.eligibleTerm') : t('csv.files.eligibleCommendation')}-${rows[0]?.months.at(-1)?.month ?? ''}`} columns={columns} rows={rows} testId={`csv-export-${testId}`} />
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {rule}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{t('recognition.eligibility.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recognition.sheet.fileNumber')}</Table.Th>
              <Table.Th>{t('recognition.sheet.name')}</Table.Th>
              <Table.Th>{t('recognition.eligibility.months')}</Table.Th>
              {served ? <Table.Th>{t('recognition.eligibility.served')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.traineeId} data-testid="eligible-row">
                <Table.Td>{r.fileNumber}</Table.Td>
                <Table.Td>{r.fullName}</Table.Td>
                <Table.Td>{r.months.map((m) => `${formatMonth(m.month)}: ${m.rating ? t(`recognition.ratings.${m.rating}`) : '–'}`).join(' · ')}</Table.Td>
                {served ? <Table.Td>{r.servedPercent}%</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** The thresholds, for the admin: the rules change, the code does not. */
function RulesEditor() {
  const { data } = useEligibilityRulesQuery({});
  return data ? <RulesForm key={JSON.stringify(data)} rules={data} /> : null;
}

function RulesForm({ rules }: { rules: EligibilityRules }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<EligibilityRules>(rules);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [save, saving] = useSetEligibilityRulesMutation();
  const ratings = RATINGS.map((r) => ({ value: r, label: t(`recognition.ratings.${r}`) }));
  const num = (k: 'commendationGoodMonths' | 'termSharePercent' | 'termMonths') => (
    <NumberInput
      label={t(`recognition.eligibility.${k}`)}
      value={draft[k]}
      allowDecimal={false}
      error={issues[k] ? validationMessage(t, issues[k]) : undefined}
      onChange={(v) => setDraft((d) => ({ ...d, [k]: typeof v === 'number' ? v : Number.NaN }))}
    />
  );
  const submit = async () => {
    const parsed = eligibilityRulesSchema.safeParse(draft);
    if (!parsed.success) {
      setIssues(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setIssues({});
    const r = await save(parsed.data);
    if ('data' in r && r.data) notifySuccess((tt) => tt('recognition.eligibility.rulesSaved'));
  };
  return (
    <Paper withBorder p="sm" data-testid="eligibility-rules">
      <Title order={4} mb="xs">
        {t('recognition.eligibility.rules')}
      </Title>
      <Group align="flex-end">
        <NativeSelect label={t('recognition.eligibility.commendationMinRating')} value={draft.commendationMinRating} data={ratings} onChange={(e) => setDraft((d) => ({ ...d, commendationMinRating: e.currentTarget.value as Rating }))} />
        {num('commendationGoodMonths')}
        {num('termSharePercent')}
        {num('termMonths')}
        <NativeSelect label={t('recognition.eligibility.termMinRating')} value={draft.termMinRating} data={ratings} onChange={(e) => setDraft((d) => ({ ...d, termMinRating: e.currentTarget.value as Rating }))} />
        <Button onClick={() => void submit()} loading={saving.isLoading}>
          {t('recognition.eligibility.saveRules')}
        </Button>
      </Group>
      <ErrorAlert error={saving.error} />
    </Paper>
  );
}
