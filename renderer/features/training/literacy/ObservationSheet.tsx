import { Badge, Button, Chip, Group, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDisplayDate, todayIso } from '../../../../shared/dates';
import { SKILLS, SKILL_LEVELS, type ProgressRow, type Skill, type SkillLevel } from '../../../../shared/training/literacy';
import { ErrorAlert, notifySuccess, toSenError } from '../../../components/feedback';
import { validationMessage } from '../../../i18n/messages';
import { useObserveSkillsMutation } from './api';

/** Keys that pick a level in the focused cell. */
const KEYS: Record<string, SkillLevel> = { '0': 'pre_literate', '1': 'phase1', '2': 'phase2' };
const COLORS: Record<SkillLevel, string> = { pre_literate: 'gray', phase1: 'blue', phase2: 'green' };
const key = (traineeId: string, skill: Skill) => `${traineeId}:${skill}`;

/**
 * The class roster on one day x the skills chosen: the teacher picks levels with the keyboard
 * (0/1/2, arrows, Delete) or by clicking (cycles), then saves once (Ctrl+Enter): one call, one
 * SkillsObserved per trainee with a pick, in one transaction. The current level shows as a hint.
 */
export function ObservationSheet({ classId, rows }: { classId: string; rows: readonly ProgressRow[] }) {
  const { t } = useTranslation();
  const [dateText, setDateText] = useState(formatDate(todayIso()));
  const [skills, setSkills] = useState<Skill[]>([...SKILLS]);
  const [picks, setPicks] = useState<Map<string, SkillLevel>>(new Map());
  const [observe, saving] = useObserveSkillsMutation();
  const [sent, setSent] = useState<readonly string[]>([]);
  const cells = useRef(new Map<string, HTMLTableCellElement | null>());

  const date = parseDisplayDate(dateText);
  // The roster of the chosen day: enrolled on or before it, not withdrawn on or before it.
  const roster = rows.filter((r) => !r.released && (date === null || (r.enrolledOn <= date && (r.leftOn === null || r.leftOn > date))));
  const columns = SKILLS.filter((s) => skills.includes(s));
  const chosen = roster
    .map((r) => ({ traineeId: r.traineeId, skills: columns.flatMap((skill) => (picks.has(key(r.traineeId, skill)) ? [{ skill, level: picks.get(key(r.traineeId, skill))! }] : [])) }))
    .filter((r) => r.skills.length > 0);
  const pickedCells = chosen.reduce((n, r) => n + r.skills.length, 0);

  const set = (traineeId: string, skill: Skill, level: SkillLevel | null) =>
    setPicks((m) => {
      const next = new Map(m);
      if (level === null) next.delete(key(traineeId, skill));
      else next.set(key(traineeId, skill), level);
      return next;
    });
  const focus = (i: number, j: number) => {
    const r = roster[Math.max(0, Math.min(roster.length - 1, i))];
    const s = columns[Math.max(0, Math.min(columns.length - 1, j))];
    if (r && s) cells.current.get(key(r.traineeId, s))?.focus();
  };

  const save = async () => {
    if (chosen.length === 0) return;
    setSent(chosen.map((r) => r.traineeId));
    const result = await observe({ classId, date: date ?? dateText, rows: chosen });
    if ('data' in result && result.data) {
      notifySuccess((tt) => tt('literacy.sheet.saved', { count: chosen.length }));
      setPicks(new Map());
    }
  };

  const onKey = (e: KeyboardEvent, i: number, j: number, traineeId: string, skill: Skill) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
    else if (e.key === 'ArrowDown') focus(i + 1, j);
    else if (e.key === 'ArrowUp') focus(i - 1, j);
    else if (e.key === 'ArrowRight') focus(i, j + 1);
    else if (e.key === 'ArrowLeft') focus(i, j - 1);
    else if (e.key === 'Delete' || e.key === 'Backspace') set(traineeId, skill, null);
    else if (!e.ctrlKey && !e.altKey && !e.metaKey && KEYS[e.key]) {
      set(traineeId, skill, KEYS[e.key]!);
      focus(i + 1, j);
    } else return;
    e.preventDefault();
  };
  const cycle = (traineeId: string, skill: Skill) => {
    const now = picks.get(key(traineeId, skill));
    set(traineeId, skill, now === undefined ? SKILL_LEVELS[0] : (SKILL_LEVELS[SKILL_LEVELS.indexOf(now) + 1] ?? null));
  };

  const error = toSenError(saving.error);
  const nameOf = (path: string) => {
    const m = /^rows\.(\d+)\./.exec(path);
    const id = m ? sent[Number(m[1])] : undefined;
    return rows.find((r) => r.traineeId === id)?.fullName;
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="md">
        <TextInput
          label={t('literacy.sheet.date')}
          value={dateText}
          placeholder="dd/mm/yyyy"
          maxLength={10}
          inputMode="numeric"
          w={140}
          onChange={(e) => setDateText(e.currentTarget.value)}
          error={date === null ? validationMessage(t, 'invalidDate') : undefined}
          data-testid="obs-date"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('literacy.sheet.skills')}
          </Text>
          <Chip.Group multiple value={skills} onChange={(v) => setSkills(v as Skill[])}>
            <Group gap={4} data-testid="obs-skills">
              {SKILLS.map((s) => (
                <Chip key={s} value={s} size="xs" data-testid={`obs-skill-${s}`}>
                  {t(`literacy.skills.${s}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
      </Group>
      <Text size="sm" c="dimmed">
        {t('literacy.sheet.help')}
      </Text>
      {roster.length === 0 ? (
        <Text c="dimmed">{t('literacy.sheet.empty')}</Text>
      ) : (
        <ScrollArea>
          <Table withTableBorder withColumnBorders data-testid="observation-sheet">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('literacy.matrix.name')}</Table.Th>
                {columns.map((s) => (
                  <Table.Th key={s} title={t(`literacy.skills.${s}`)} style={{ whiteSpace: 'nowrap' }}>
                    {t(`literacy.skillsShort.${s}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roster.map((r, i) => (
                <Table.Tr key={r.traineeId} data-testid="obs-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.fullName}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {r.fileNumber}
                    </Text>
                  </Table.Td>
                  {columns.map((s, j) => {
                    const picked = picks.get(key(r.traineeId, s));
                    const current = r.skills[s].level;
                    return (
                      <Table.Td
                        key={s}
                        ref={(el) => {
                          cells.current.set(key(r.traineeId, s), el);
                        }}
                        tabIndex={0}
                        role="gridcell"
                        aria-label={t('literacy.sheet.cell', { name: r.fullName, skill: t(`literacy.skills.${s}`) })}
                        data-testid="obs-cell"
                        data-picked={picked ?? ''}
                        onKeyDown={(e) => onKey(e, i, j, r.traineeId, s)}
                        onClick={() => cycle(r.traineeId, s)}
                        style={{ cursor: 'pointer', outlineOffset: -2, minWidth: 72 }}
                      >
                        {picked ? (
                          <Badge color={COLORS[picked]} variant="filled" size="sm">
                            {t(`literacy.levelsShort.${picked}`)}
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed" title={current ? t('literacy.sheet.current', { level: t(`literacy.levels.${current}`) }) : undefined}>
                            {current ? t(`literacy.levelsShort.${current}`) : '·'}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {error?.issues?.length ? (
        error.issues.map((i) => (
          <Text key={`${i.path}:${i.code}`} size="sm" c="red.8" data-testid="obs-save-issue">
            {nameOf(i.path) ? `${nameOf(i.path)}: ` : ''}
            {validationMessage(t, i.code)}
          </Text>
        ))
      ) : (
        <ErrorAlert error={saving.error} testId="obs-save-error" />
      )}
      <Group justify="space-between">
        <Text size="sm" data-testid="obs-progress">
          {t('literacy.sheet.picked', { cells: pickedCells, trainees: chosen.length })}
        </Text>
        <Button onClick={() => void save()} disabled={chosen.length === 0 || date === null} loading={saving.isLoading} data-testid="obs-save">
          {chosen.length === 0 ? t('literacy.sheet.nothing') : t('literacy.sheet.save')}
        </Button>
      </Group>
    </Stack>
  );
}
