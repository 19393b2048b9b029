import { Badge, Button, Group, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/dates';
import { LITERACY_LEVELS, SKILLS, levelRank, type LiteracyStatus, type ProgressCell, type ProgressMatrix as Matrix, type ProgressRow } from '../../../../shared/training/literacy';
import { navigate } from '../../../app/navigation';
import { useAppDispatch } from '../../../app/store';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { CsvColumn } from '../../../components/csvExport';
import { CompleteModal } from './CompleteModal';

export const STATUS_COLORS: Record<LiteracyStatus, string> = { none: 'gray', level1: 'blue', level2: 'green' };
const LEVEL_COLORS = { pre_literate: 'gray', phase1: 'blue', phase2: 'green' } as const;

function Cell({ cell }: { cell: ProgressCell }) {
  const { t } = useTranslation();
  if (cell.level === null) {
    return (
      <Text size="sm" c="dimmed" title={t('literacy.matrix.notObserved')}>
        –
      </Text>
    );
  }
  const change = cell.baseline === null ? 0 : levelRank(cell.level) - levelRank(cell.baseline);
  const tip = [
    t(`literacy.levels.${cell.level}`),
    t('literacy.matrix.observedOn', { date: formatDate(cell.date) }),
    cell.baseline ? t('literacy.matrix.change', { from: t(`literacy.levels.${cell.baseline}`) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip label={tip} withArrow>
      <Group gap={4} wrap="nowrap" data-testid="matrix-cell" data-level={cell.level} data-change={change}>
        <Badge variant="light" color={LEVEL_COLORS[cell.level]} size="sm" style={{ flexShrink: 0, minWidth: 'max-content' }}>
          {t(`literacy.levelsShort.${cell.level}`)}
        </Badge>
        {change !== 0 ? (
          <Text
            size="xs"
            fw={700}
            c={change > 0 ? 'green.8' : 'red.8'}
            aria-label={t(change > 0 ? 'literacy.matrix.up' : 'literacy.matrix.down', { n: Math.abs(change) })}
            data-testid="matrix-change"
          >
            {change > 0 ? `↑${change}` : `↓${-change}`}
          </Text>
        ) : null}
      </Group>
    </Tooltip>
  );
}

/**
 * Trainees x skills for one class: the current level of each skill, the change since enrolment
 * (arrow and phases), the status Sen derives, completions with their certificates. `canComplete`:
 * the viewer may record completions (not in the "as of" mode).
 */
export function ProgressMatrix({ matrix, canComplete }: { matrix: Matrix; canComplete: boolean }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [completing, setCompleting] = useState<ProgressRow | null>(null);
  if (matrix.rows.length === 0) return <Text c="dimmed">{t('literacy.matrix.empty')}</Text>;
  // Each skill's current level (blank: not observed), the derived status, completion dates.
  const columns: CsvColumn<ProgressRow>[] = [
    { header: t('literacy.matrix.fileNumber'), value: (r) => r.fileNumber },
    { header: t('literacy.matrix.name'), value: (r) => r.fullName },
    ...SKILLS.map((s) => ({ header: t(`literacy.skills.${s}`), value: (r: ProgressRow) => (r.skills[s].level ? t(`literacy.levels.${r.skills[s].level}`) : '') })),
    { header: t('literacy.matrix.status'), value: (r) => t(`literacy.status.${r.status}`) },
    ...LITERACY_LEVELS.map((l) => ({ header: `${t('literacy.matrix.completion')}: ${t(`literacy.status.${l}`)}`, value: (r: ProgressRow) => formatDate(r.completed[l]) })),
  ];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('literacy.matrix.day', { date: formatDate(matrix.day) })} · {t('literacy.rule')}
        </Text>
        <CsvExportButton fileName={t('csv.files.progress')} columns={columns} rows={matrix.rows} />
      </Group>
      <ScrollArea>
        <Table striped highlightOnHover withTableBorder data-testid="progress-matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('literacy.matrix.fileNumber')}</Table.Th>
              <Table.Th>{t('literacy.matrix.name')}</Table.Th>
              {SKILLS.map((s) => (
                <Table.Th key={s} title={t(`literacy.skills.${s}`)} style={{ whiteSpace: 'nowrap', minWidth: 76 }}>
                  {t(`literacy.skillsShort.${s}`)}
                </Table.Th>
              ))}
              <Table.Th style={{ minWidth: 104 }}>{t('literacy.matrix.status')}</Table.Th>
              <Table.Th>{t('literacy.matrix.completion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {matrix.rows.map((r) => (
              <Table.Tr key={r.traineeId} data-testid="matrix-row" data-status={r.status}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.fileNumber}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.fullName}
                  {r.released ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('literacy.matrix.released')})
                    </Text>
                  ) : null}
                </Table.Td>
                {SKILLS.map((s) => (
                  <Table.Td key={s}>
                    <Cell cell={r.skills[s]} />
                  </Table.Td>
                ))}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={STATUS_COLORS[r.status]} variant={r.status === 'none' ? 'outline' : 'filled'} style={{ minWidth: 'max-content' }} data-testid="matrix-status">
                    {t(`literacy.status.${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {/* Completed levels and "record completion" stack in the cell: the matrix stays within the screen. */}
                  <Stack gap={2} align="flex-start">
                    {LITERACY_LEVELS.filter((l) => r.completed[l] !== null).map((l) => (
                      <Button
                        key={l}
                        size="compact-xs"
                        variant="light"
                        color={STATUS_COLORS[l]}
                        title={t('literacy.matrix.certificate', { level: t(`literacy.status.${l}`) })}
                        onClick={() => dispatch(navigate({ name: 'literacyCertificate', traineeId: r.traineeId, level: l }))}
                        data-testid="matrix-certificate"
                      >
                        {t('literacy.matrix.completedOn', { level: t(`literacy.status.${l}`), date: formatDate(r.completed[l]) })}
                      </Button>
                    ))}
                    {canComplete && !r.released && r.completed.level2 === null ? (
                      <Button size="compact-xs" variant="subtle" onClick={() => setCompleting(r)} data-testid="matrix-complete">
                        {t('literacy.matrix.complete')}
                      </Button>
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {completing ? <CompleteModal classId={matrix.classId} row={completing} onClose={() => setCompleting(null)} /> : null}
    </Stack>
  );
}
