import type { MantineColor } from '@mantine/core';
import { z } from 'zod';
import { formatDate, parseDisplayDate } from '../../../../shared/dates';
import { closeEpisodeInput, startEpisodeInput } from '../../../../shared/medical/detox';
import type { Localized } from '../../../../shared/medical/scales';
import { displayDate } from '../../trainees/traineeForm';

/** "HH:mm" as people type it (also "8:05"). */
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
export const displayTime = z.string().superRefine((s, ctx) => {
  if (s.trim() === '') ctx.addIssue({ code: 'custom', message: 'required' });
  else if (!TIME.test(s.trim())) ctx.addIssue({ code: 'custom', message: 'invalidTime' });
});

/** dd/MM/yyyy + HH:mm in local time -> ISO instant (both already checked). */
export function toInstant(date: string, time: string): string {
  const iso = parseDisplayDate(date) ?? '';
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  const m = TIME.exec(time.trim());
  return new Date(y, mo - 1, d, Number(m?.[1] ?? 0), Number(m?.[2] ?? 0)).toISOString();
}

/** Now, as the date and time fields show it. */
export function nowFields(now = new Date()): { date: string; time: string } {
  const p = (n: number) => String(n).padStart(2, '0');
  return { date: formatDate(`${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`), time: `${p(now.getHours())}:${p(now.getMinutes())}` };
}

/** The start form: the shared input's choices, the time as two fields. */
export const startFormSchema = startEpisodeInput
  .pick({ substance: true, scaleId: true })
  .extend({ date: displayDate, time: displayTime })
  .transform(({ date, time, ...v }) => ({ ...v, startedAt: toInstant(date, time) }));

export const closeFormSchema = closeEpisodeInput
  .pick({ outcome: true, note: true })
  .extend({ date: displayDate, time: displayTime })
  .transform(({ date, time, ...v }) => ({ ...v, closedAt: toInstant(date, time) }));

export const timeFormSchema = z.object({ date: displayDate, time: displayTime }).transform(({ date, time }) => ({ at: toInstant(date, time) }));

export function pick(text: Localized, language: string): string {
  return language.startsWith('en') ? text.en : text.vi;
}

/** Severity 0 (none) to 4 (severe). */
export const SEVERITY_COLORS: readonly MantineColor[] = ['teal', 'yellow', 'orange', 'red', 'red'];

export const TREND_ARROWS = { up: '↑', down: '↓', flat: '→' } as const;
