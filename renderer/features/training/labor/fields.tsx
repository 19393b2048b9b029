import { Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDisplayDate } from '../../../../shared/dates';
import type { FieldIssue } from '../../../../shared/errors';
import type { WorkshopSummary } from '../../../../shared/training/labor';
import { toSenError } from '../../../components/feedback';
import { validationMessage } from '../../../i18n/messages';

/** The core's field issues of a failed call (none for other failures). */
export function issuesOf(error: unknown): FieldIssue[] {
  return toSenError(error)?.issues ?? [];
}

/** The translated message of the core's issue on `path`, for a field's `error`. */
export function useIssueOn(error: unknown): (path: string) => string | undefined {
  const { t } = useTranslation();
  return (path) => {
    const issue = issuesOf(error).find((i) => i.path === path);
    return issue ? validationMessage(t, issue.code, issue.params) : undefined;
  };
}

/** A day typed dd/MM/yyyy; `onChange` gets yyyy-MM-dd once the text is a real date (Enter or leaving the field). */
export function DateField({ label, value, onChange, testId }: { label: string; value: string; onChange: (iso: string) => void; testId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatDate(value));
  const [bad, setBad] = useState(false);
  const apply = () => {
    const iso = parseDisplayDate(text);
    setBad(iso === null);
    if (iso !== null && iso !== value) onChange(iso);
  };
  return (
    <TextInput
      label={label}
      w={150}
      value={text}
      placeholder="dd/mm/yyyy"
      autoComplete="off"
      data-testid={testId}
      error={bad ? validationMessage(t, 'invalidDate') : undefined}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
    />
  );
}

/** Choose one of the workshops listed (the caller's own first). */
export function WorkshopSelect({ workshops, value, onChange }: { workshops: WorkshopSummary[]; value: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('labor.sheet.workshop')}
      w={280}
      data={workshops.map((w) => ({ value: w.workshopId, label: w.name }))}
      value={value}
      allowDeselect={false}
      onChange={(v) => v && onChange(v)}
      data-testid="workshop-select"
    />
  );
}

/** A list of the core's refusals, each in the user's language. */
export function IssueLines({ lines, testId }: { lines: string[]; testId: string }) {
  return (
    <>
      {lines.map((l) => (
        <Text key={l} size="sm" c="red.8" data-testid={testId}>
          {l}
        </Text>
      ))}
    </>
  );
}

/** Amounts as people write them: up to two decimals, Vietnamese or English separators. */
export function formatAmount(n: number, lang: string): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
}
