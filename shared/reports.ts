import { z } from 'zod';
import type { HandlerSpec } from './api';
import { isoDate } from './admissions';
import { month } from './duty/recognition';

/**
 * Reports (issue 8): the monthly facility report and the printable pages (monthly report, a
 * trainee's summary, a release summary). The monthly report is a list of sections, each computed
 * by one function in the core (electron/core/reports/sections.ts) from the projection tables as
 * they stood at the end of the month; a later area adds a section there and its labels in
 * renderer/i18n/reports.ts. It holds counts only: never a name, a note or a per-trainee result.
 */

/** Sections in the order they are printed. A new area adds its id here (and a function in the core). */
export const REPORT_SECTIONS = ['census', 'movements', 'medical', 'conduct', 'literacy', 'labor', 'reintegration'] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

/** One figure of a group: `key` is a code the screen labels (or `label` when it is a catalog name). */
export interface ReportRow {
  key: string;
  /** A name typed by the facility (a violation type of its own catalog), shown as is. */
  label?: string;
  /** Null: Sen does not record this yet (shown as "—" with a note). */
  value: number | null;
  /** For a coverage or adherence row: the count out of which `value` is counted (shown as a percentage too). */
  of?: number;
}

/** A table of figures; `chart` asks the screen to draw bars beside it (a distribution reads better so). */
export interface ReportGroup {
  id: string;
  rows: ReportRow[];
  chart?: boolean;
}

export interface ReportSection {
  id: ReportSectionId;
  groups: ReportGroup[];
}

export interface MonthlyReport {
  month: string;
  /** First and last day covered (the last is today for the current month). */
  from: string;
  to: string;
  facilityName: string;
  /** The log as it stood at the end of `to`: the anchor (latest seq and hash) printed in the footer. */
  anchor: { seq: number; hash: string };
  /** When the report was computed (ISO instant). */
  generatedAt: string;
  sections: ReportSection[];
}

export const monthlyReportInput = z.object({ month }).strict();

/** The printable documents; each print is written to the access log first. */
export const PRINT_DOCUMENTS = ['monthly_report', 'trainee_summary', 'release_summary', 'attendance_sheet', 'labor_sheet'] as const;
export type PrintDocument = (typeof PRINT_DOCUMENTS)[number];

const uuid = z.uuid({ error: 'invalidId' });

/** What is printed: the monthly report names its month, a trainee's page names the trainee. */
export const printTargetInput = z.discriminatedUnion(
  'document',
  [
    z.object({ document: z.literal('monthly_report'), month }).strict(),
    z.object({ document: z.literal('trainee_summary'), traineeId: uuid }).strict(),
    z.object({ document: z.literal('release_summary'), traineeId: uuid }).strict(),
    // A class's or a workshop's sheet for one day: as recorded, or blank to fill in by hand.
    z.object({ document: z.literal('attendance_sheet'), classId: uuid, date: isoDate }).strict(),
    z.object({ document: z.literal('labor_sheet'), workshopId: uuid, date: isoDate }).strict(),
  ],
  { error: 'invalidChoice' },
);
export type PrintTarget = z.infer<typeof printTargetInput>;

/**
 * The bridge call to main (`window.sen.printToPdf`): what is printed and the file name offered in
 * the save dialog. Main validates it with this schema before anything else.
 */
export const printToPdfRequest = z
  .object({
    target: printTargetInput,
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(120)
      // Letters (any script), digits, spaces and . _ ( ) - only: no path, no control characters.
      .regex(/^[\p{L}\p{N} ._()-]+\.pdf$/iu, 'invalidFileName'),
  })
  .strict();
export type PrintToPdfRequest = z.infer<typeof printToPdfRequest>;

export const REPORT_HANDLERS = {
  /** The monthly facility report: administrators only (it holds medical figures, in aggregate). */
  'reports.monthly': { input: monthlyReportInput, permission: 'reports.read', kind: 'query' },
  /**
   * Writes "printed" to the access log before a page is written out (main calls it after the save
   * dialog, before printToPDF). The monthly report needs `reports.read`, a trainee's pages
   * `trainee.read` (checked in the core); the trainee must exist.
   */
  'reports.recordPrint': { input: printTargetInput, permission: 'trainee.read', kind: 'query' },
} as const satisfies Record<string, HandlerSpec>;

export interface ReportOutputs {
  'reports.monthly': MonthlyReport;
  'reports.recordPrint': { seq: number };
}

/** `yyyy-MM` → first and last calendar day. */
export function monthBounds(m: string): { first: string; last: string } {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, mm, 0)).getUTCDate();
  return { first: `${m}-01`, last: `${m}-${String(days).padStart(2, '0')}` };
}
