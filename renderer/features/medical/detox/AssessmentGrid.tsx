import { Badge, CloseButton, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bandOf, scaleTotal, type Answers, type ScaleDefinition } from '../../../../shared/medical/scales';
import { validationMessage } from '../../../i18n/messages';
import { pick, SEVERITY_COLORS } from './detoxForm';

/**
 * One row per item of the scale, its options as radios. Keyboard: Tab moves between items, the
 * arrow keys between options (native radio groups); typing an option's points picks it and moves
 * to the next item, Delete clears the item. The total and band show only when every item is
 * scored: a partial sum would read as a milder withdrawal than the patient has.
 */
export function AssessmentGrid({
  scale,
  value,
  onChange,
  errors,
}: {
  scale: ScaleDefinition;
  value: Answers;
  onChange: (itemId: string, points: number | null) => void;
  errors?: Record<string, string | undefined>;
}) {
  const { t, i18n } = useTranslation();
  const rows = useRef<(HTMLDivElement | null)[]>([]);
  const answered = scale.items.filter((i) => value[i.id] !== null && value[i.id] !== undefined).length;
  const total = scaleTotal(scale, value);
  const band = total !== null ? bandOf(scale, total) : null;

  const focusRow = (index: number) => {
    const row = rows.current[index];
    const target = row?.querySelector<HTMLInputElement>('input[type=radio]:checked') ?? row?.querySelector<HTMLInputElement>('input[type=radio]');
    target?.focus();
  };

  const onKeyDown = (index: number, e: KeyboardEvent<HTMLDivElement>) => {
    const item = scale.items[index]!;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onChange(item.id, null);
      return;
    }
    if (!/^\d$/.test(e.key)) return;
    const option = item.options.find((o) => o.points === Number(e.key));
    if (!option) return;
    e.preventDefault();
    onChange(item.id, option.points);
    // The next render checks the radio; move on once it has.
    if (index + 1 < scale.items.length) setTimeout(() => focusRow(index + 1), 0);
  };

  return (
    <Stack gap="xs" data-testid="assessment-grid">
      {scale.items.map((item, index) => {
        const points = value[item.id];
        const error = errors?.[item.id];
        return (
          <Paper
            key={item.id}
            withBorder
            p="xs"
            radius="sm"
            ref={(el: HTMLDivElement | null) => {
              rows.current[index] = el;
            }}
            onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => onKeyDown(index, e)}
            data-testid="assessment-item"
            data-item={item.id}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Radio.Group
                label={`${index + 1}. ${pick(item.label, i18n.language)}`}
                value={points === null || points === undefined ? null : String(points)}
                onChange={(v) => onChange(item.id, Number(v))}
                error={error ? validationMessage(t, error) : undefined}
                style={{ flex: 1 }}
              >
                <Group gap="md" mt={4}>
                  {item.options.map((o) => (
                    <Radio key={o.points} value={String(o.points)} label={`${o.points} · ${pick(o.label, i18n.language)}`} size="sm" />
                  ))}
                </Group>
              </Radio.Group>
              {points !== null && points !== undefined ? (
                <CloseButton size="sm" aria-label={`${t('detox.assess.clear')}: ${pick(item.label, i18n.language)}`} onClick={() => onChange(item.id, null)} tabIndex={-1} />
              ) : null}
            </Group>
          </Paper>
        );
      })}
      <Group gap="sm" data-testid="assessment-summary" aria-live="polite">
        <Text size="sm" c="dimmed">
          {t('detox.assess.answered', { n: answered, total: scale.items.length })}
        </Text>
        {total !== null ? (
          <>
            <Text fw={700} data-testid="assessment-total">
              {t('detox.assess.total', { total })}
            </Text>
            {band ? (
              <Badge color={SEVERITY_COLORS[band.severity]} variant="light" data-testid="assessment-band">
                {pick(band.label, i18n.language)}
              </Badge>
            ) : null}
          </>
        ) : (
          <Text size="sm" c="orange.8">
            {t('detox.assess.incomplete')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
