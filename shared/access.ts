import { z } from 'zod';
import { isoDate, type TraineeSummary } from './admissions';
import type { HandlerSpec } from './api';

/**
 * The access log (issue 4): opening a trainee's medical record, exporting, printing or backing
 * up writes an AccessRecorded event (stream `access`) with who (meta.actor), when (recordedAt)
 * and whose data (traineeId, or null for facility-wide exports and backups).
 */
export const ACCESS_KINDS = ['medical_record', 'export', 'print', 'backup', 'restore'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export const ACCESS_EVENTS = {
  AccessRecorded: {
    schema: 1,
    data: z.object({
      kind: z.enum(ACCESS_KINDS),
      traineeId: z.uuid().nullable(),
      /** What was written out, when the kind does not say it all (a report or file name); empty for a record opened. */
      detail: z.string().max(500),
    }),
  },
} as const satisfies Record<string, { schema: number; data: z.ZodType }>;

export const openRecordInput = z.object({ traineeId: z.uuid({ error: 'invalidId' }) }).strict();

export const listAccessInput = z
  .object({
    /** Calendar dates (local), both included. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    userId: z.uuid({ error: 'invalidId' }).optional(),
    kind: z.enum(ACCESS_KINDS, { error: 'invalidChoice' }).optional(),
    traineeId: z.uuid({ error: 'invalidId' }).optional(),
    /** Part of the trainee's name or file number; diacritics ignored. */
    search: z.string().trim().max(100, 'tooLong').default(''),
    limit: z.number({ error: 'invalidType' }).int('invalid').min(1, 'invalid').max(1000, 'invalid').default(200),
  })
  .strict()
  .refine((i) => !i.from || !i.to || i.from <= i.to, { path: ['to'], message: 'toBeforeFrom' });

/** A list or report written out as a CSV file (the screen's rows, as the core gave them to this person). */
export const recordExportInput = z
  .object({
    /** What was exported: the file name and how many rows. */
    detail: z.string().trim().min(1, 'required').max(500, 'tooLong'),
  })
  .strict();

export const ACCESS_HANDLERS = {
  /** Opens a trainee's medical record: writes an AccessRecorded first, then answers the header. */
  'medical.openRecord': { input: openRecordInput, permission: 'medical.read', kind: 'query' },
  /** The access log, newest first, filtered. Administrators only. */
  'access.list': { input: listAccessInput, permission: 'access.read', kind: 'query' },
  /** Written by the screen BEFORE it saves a CSV export of personal data; refused, nothing is saved. */
  'access.recordExport': { input: recordExportInput, permission: 'signedIn', kind: 'command' },
} as const satisfies Record<string, HandlerSpec>;

/** The top of the medical record: who, where in their path, and how much the record holds. */
export interface MedicalRecordHeader {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  sex: TraineeSummary['sex'];
  dateOfBirth: string;
  status: TraineeSummary['status'];
  phase: TraineeSummary['phase'];
  admissionDate: string;
  plannedReleaseDate: string;
  releaseDate: string | null;
  /** Medical entries in force (voided ones and the voids left out). */
  medicalEntries: number;
  /** When the last of them was recorded (ISO instant), or null. */
  lastMedicalEntryAt: string | null;
  /** The seq of the AccessRecorded this opening wrote. */
  accessSeq: number;
}

export interface AccessEntry {
  seq: number;
  recordedAt: string;
  kind: AccessKind;
  detail: string;
  actor: { id: string; fullName: string } | null;
  /** Null for facility-wide access (a backup, a facility report). */
  trainee: { id: string; fileNumber: string | null; fullName: string | null } | null;
}

export interface AccessList {
  items: AccessEntry[];
  /** More entries match than `limit`: the screen asks to narrow the filters. */
  truncated: boolean;
}

export interface AccessOutputs {
  'medical.openRecord': MedicalRecordHeader;
  'access.list': AccessList;
  'access.recordExport': { seq: number };
}
