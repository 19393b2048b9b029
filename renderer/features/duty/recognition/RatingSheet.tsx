import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RATINGS, type Rating, type RatingSheetRow } from '../../../../shared/duty/recognition';
import { todayIso } from '../../../../shared/dates';
import { ErrorAlert, notifySuccess, toSenError } from '../../../components/feedback';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { validationMessage } from '../../../i18n/messages';
import { useRateMonthMutation, useRatingSheetQuery } from './api';
import { MonthField } from './MonthField';

/** Keys that rate the focused row: 1–4 or the Vietnamese initials (Tốt, Khá, trung Bình, Yếu). */
const KEYS: Record<string, Rating> = { '1': 'good', '2': 'fair', '3': 'average', '4': 'poor', t: 'good', k: 'fair', b: 'average', y: 'poor' };
const COLORS: Record<Rating, string> = { good: 'green', fair: 'teal', average: 'yellow', poor: 'red' };

/**
 * One sheet per month for every trainee in care during it. The officer moves with the arrows and
 * rates with one key (the focus moves on), then saves the sheet once: one call, one transaction.
 */
export function RatingSheet() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => todayIso().slice(0, 7));
  return (
    <Stack gap="sm">
      <MonthField label={t('recognition.sheet.month')} value={month} onChange={setMonth} testId="sheet-month" />
      <Text size="sm" c="dimmed">
        {t('recognition.sheet.help')}
      </Text>
      {/* A new month starts from the saved ratings, with no edits carried over. */}
      <SheetTable key={month} month={month} />
    </Stack>
  );
}

function SheetTable({ month }: { month: string }) {
  const { t } = useTranslation();
  const { data, error } = useRatingSheetQuery({ month });
  const [edits, setEdits] = useState<Map<string, Rating>>(new Map());
  const [rate, saving] = useRateMonthMutation();
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  if (error) return <ErrorAlert error={error} testId="sheet-error" />;
  if (!data) return null;
  if (data.rows.length === 0) return <Text c="dimmed">{t('recognition.sheet.empty')}</Text>;

  const value = (id: string, saved: Rating | null) => edits.get(id) ?? saved;
  const changed = data.rows.filter((r) => edits.has(r.traineeId) && edits.get(r.traineeId) !== r.rating);
  const rated = data.rows.filter((r) => value(r.traineeId, r.rating) !== null).length;

  // The saved sheet (edits not yet saved are not in the log, so not in the file).
  const ratingText = (r: Rating | null) => (r ? t(`recognition.ratings.${r}`) : '');
  const columns: CsvColumn<RatingSheetRow>[] = [
    { header: t('recognition.sheet.month'), value: () => `${month.slice(5)}/${month.slice(0, 4)}` },
    { header: t('recognition.sheet.fileNumber'), value: (r) => r.fileNumber },
    { header: t('recognition.sheet.name'), value: (r) => r.fullName },
    { header: t('recognition.sheet.previous'), value: (r) => ratingText(r.previous) },
    { header: t('recognition.sheet.rating'), value: (r) => ratingText(r.rating) },
  ];
  const focusRow = (i: number) => rows.current[Math.max(0, Math.min(data.rows.length - 1, i))]?.focus();
  const onKey = (e: KeyboardEvent, i: number, traineeId: string) => {
    if (e.key === 'ArrowDown') focusRow(i + 1);
    else if (e.key === 'ArrowUp') focusRow(i - 1);
    else if (!e.ctrlKey && !e.altKey && !e.metaKey && KEYS[e.key.toLowerCase()]) {
      const r = KEYS[e.key.toLowerCase()]!;
      setEdits((m) => new Map(m).set(traineeId, r));
      focusRow(i + 1);
    } else return;
    e.preventDefault();
  };

  const save = async () => {
    const result = await rate({ month, ratings: changed.map((r) => ({ traineeId: r.traineeId, rating: edits.get(r.traineeId)! })) });
    if ('data' in result && result.data) {
      const { recorded, unchanged } = result.data;
      notifySuccess((tt) => tt('recognition.sheet.saved', { recorded, unchanged }));
      setEdits(new Map());
    }
  };

  return (
    <Stack gap="sm">
      <Table highlightOnHover data-testid="rating-sheet">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('recognition.sheet.fileNumber')}</Table.Th>
            <Table.Th>{t('recognition.sheet.name')}</Table.Th>
            <Table.Th>{t('recognition.sheet.previous')}</Table.Th>
            <Table.Th>{t('recognition.sheet.rating')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((r, i) => {
            const v = value(r.traineeId, r.rating);
            return (
              <Table.Tr
                key={r.traineeId}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                tabIndex={0}
                data-testid="sheet-row"
                aria-label={r.fullName}
                onKeyDown={(e) => onKey(e, i, r.traineeId)}
                style={{ outlineOffset: -2 }}
              >
                <Table.Td>{r.fileNumber}</Table.Td>
                <Table.Td>{r.fullName}</Table.Td>
                <Table.Td c="dimmed">{r.previous ? t(`recognition.ratings.${r.previous}`) : '–'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {RATINGS.map((rating) => (
                      <Badge
                        key={rating}
                        component="button"
                        type="button"
                        tabIndex={-1}
                        variant={v === rating ? 'filled' : 'outline'}
                        color={COLORS[rating]}
                        style={{ cursor: 'pointer' }}
                        aria-pressed={v === rating}
                        data-testid={`rate-${rating}`}
                        onClick={() => setEdits((m) => new Map(m).set(r.traineeId, rating))}
                      >
                        {t(`recognition.ratings.${rating}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <ErrorAlert error={saving.error} testId="sheet-save-error" />
      {/* The core's reasons (a month not begun, before an admission), in the user's language. */}
      {(toSenError(saving.error)?.issues ?? []).map((i) => (
        <Text key={`${i.path}:${i.code}`} size="sm" c="red.8" data-testid="sheet-save-issue">
          {validationMessage(t, i.code)}
        </Text>
      ))}
      <Group justify="space-between">
        <Text size="sm" data-testid="sheet-progress">
          {t('recognition.sheet.rated', { rated, total: data.rows.length })}
        </Text>
        <CsvExportButton fileName={`${t('csv.files.ratingSheet')}-${month}`} columns={columns} rows={data.rows} />
        <Button onClick={() => void save()} disabled={changed.length === 0} loading={saving.isLoading} data-testid="sheet-save">
          {changed.length === 0 ? t('recognition.sheet.nothingChanged') : t('recognition.sheet.save')}
        </Button>
      </Group>
    </Stack>
  );
}
