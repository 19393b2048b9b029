import { z } from 'zod';
import type { HandlerSpec } from './api';
import { foldForSearch } from './text';

/**
 * Roster import (issue 8, item 4): rows of a paper/Excel roster, each column mapped to an
 * admission field, checked row by row in the core with the admission schema and admitted as
 * `TraineeAdmitted` events, all in one transaction or none. Cells travel as the text of the
 * file; the core turns them into an admission (dates dd/MM/yyyy, labels in Vietnamese or
 * English) so the screen and `sen import-roster` check exactly alike.
 */
export const IMPORT_FIELDS = [
  'fileNumber',
  'fullName',
  'sex',
  'dateOfBirth',
  'idNumber',
  'homeAddress',
  'admissionType',
  'decisionNumber',
  'admissionDate',
  'plannedReleaseDate',
  'educationLevel',
  'substances',
  'familyContactName',
  'familyContactRelationship',
  'familyContactPhone',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A roster without these columns cannot give a single valid admission. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = [
  'fileNumber',
  'fullName',
  'sex',
  'dateOfBirth',
  'homeAddress',
  'admissionType',
  'admissionDate',
  'plannedReleaseDate',
  'educationLevel',
];

/** Rows of one file at most: a facility's whole roster is a few hundred. */
export const MAX_IMPORT_ROWS = 5000;

/** Header names (folded: no diacritics, lower case) that name each field, Vietnamese and English. */
const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  fileNumber: ['so ho so', 'ma ho so', 'so hs', 'file number', 'file no', 'file'],
  fullName: ['ho va ten', 'ho ten', 'ten', 'full name', 'name'],
  sex: ['gioi tinh', 'gioi', 'sex', 'gender'],
  dateOfBirth: ['ngay sinh', 'ngay thang nam sinh', 'date of birth', 'birth date', 'dob'],
  idNumber: ['so cccd', 'cccd', 'so cmnd', 'cmnd', 'cccd/cmnd', 'so dinh danh', 'id number', 'id'],
  homeAddress: ['dia chi thuong tru', 'dia chi', 'noi thuong tru', 'home address', 'address'],
  admissionType: ['loai tiep nhan', 'hinh thuc', 'hinh thuc cai nghien', 'admission type', 'type'],
  decisionNumber: ['so quyet dinh', 'quyet dinh', 'so qd', 'decision number', 'decision'],
  admissionDate: ['ngay tiep nhan', 'ngay vao', 'ngay vao co so', 'admission date', 'admitted'],
  plannedReleaseDate: ['ngay du kien ra', 'ngay het han', 'du kien ra', 'planned release date', 'planned release', 'release date'],
  educationLevel: ['trinh do hoc van', 'trinh do van hoa', 'hoc van', 'education level', 'education'],
  substances: ['chat gay nghien da su dung', 'chat gay nghien', 'chat su dung', 'ma tuy su dung', 'substances used', 'substances', 'drugs'],
  familyContactName: ['ho ten nguoi than', 'nguoi than', 'nguoi than lien he', 'family contact name', 'family contact', 'contact name'],
  familyContactRelationship: ['quan he', 'moi quan he', 'relationship'],
  familyContactPhone: ['so dien thoai', 'dien thoai', 'sdt', 'phone number', 'phone'],
};

/** Which column of `headers` each field most likely is (exact folded names first, each column used once). */
export function guessMapping(headers: readonly string[]): Partial<Record<ImportField, number>> {
  const folded = headers.map((h) => foldForSearch(h).replace(/[.:*]/g, '').trim());
  const mapping: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const index = HEADER_ALIASES[field].map((a) => folded.findIndex((h, i) => h === a && !used.has(i))).find((i) => i >= 0);
    if (index !== undefined) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** The cells of one file row by field, given the columns chosen for each field. */
export function mapRow(record: readonly string[], mapping: Partial<Record<ImportField, number>>): Partial<Record<ImportField, string>> {
  const values: Partial<Record<ImportField, string>> = {};
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column !== undefined) values[field] = record[column] ?? '';
  }
  return values;
}

/** Folded labels a cell may hold for each choice, besides the code itself. */
export const CHOICE_ALIASES = {
  sex: { male: ['nam', 'm'], female: ['nu', 'f'] },
  admissionType: { compulsory: ['bat buoc', 'cai nghien bat buoc'], voluntary: ['tu nguyen', 'cai nghien tu nguyen'] },
  educationLevel: {
    none: ['chua di hoc', 'mu chu', 'khong'],
    primary_incomplete: ['chua het tieu hoc', 'primary incomplete'],
    primary: ['tieu hoc', 'cap 1'],
    lower_secondary: ['trung hoc co so', 'thcs', 'cap 2', 'lower secondary'],
    upper_secondary: ['trung hoc pho thong', 'thpt', 'cap 3', 'upper secondary'],
    higher: ['trung cap tro len', 'trung cap', 'cao dang', 'dai hoc', 'higher'],
  },
  substances: {
    methamphetamine: ['ma tuy da', 'ma tuy da (methamphetamine)', 'da', 'meth'],
    heroin: ['hero', 'he-ro-in'],
    amphetamine: [],
    mdma: ['thuoc lac', 'thuoc lac (mdma)', 'ecstasy'],
    cannabis: ['can sa', 'marijuana'],
    ketamine: ['ke'],
    cocaine: [],
    opium: ['thuoc phien'],
    other: ['chat khac', 'khac'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

const cell = z.string({ error: 'invalidType' }).max(1000, 'tooLong');

export const rosterRowSchema = z
  .object({
    /** The row's number in the file as a spreadsheet shows it (the header is row 1). */
    row: z.number({ error: 'invalidType' }).int('invalid').min(2, 'invalid'),
    values: z.partialRecord(z.enum(IMPORT_FIELDS, { error: 'unknownField' }), cell),
  })
  .strict();
export type RosterRow = z.infer<typeof rosterRowSchema>;

export const importRosterInput = z
  .object({
    /** The file's name, for the log (the events' reason) and the screen. */
    fileName: z.string().trim().max(200, 'tooLong').default(''),
    rows: z.array(rosterRowSchema).min(1, 'rowsRequired').max(MAX_IMPORT_ROWS, 'tooManyRows'),
  })
  .strict();

export const ROSTER_IMPORT_HANDLERS = {
  /** Check every row as an admission would be checked; writes nothing. Administrators. */
  'trainees.importCheck': { input: importRosterInput, permission: 'trainee.import', kind: 'query' },
  /** Admit every row, in one transaction; refused (nothing written) when any row is wrong. */
  'trainees.import': { input: importRosterInput, permission: 'trainee.import', kind: 'command' },
} as const satisfies Record<string, HandlerSpec>;

/** What is wrong with one row: the field (null: the whole row) and a message key under `validation.` */
export interface RosterRowIssue {
  row: number;
  field: ImportField | null;
  code: string;
  /** For `duplicateInFile`: the earlier row holding the same file number. */
  otherRow?: number;
}

export interface RosterCheck {
  rows: number;
  valid: number;
  /** In row order. */
  issues: RosterRowIssue[];
}

export interface RosterImportOutputs {
  'trainees.importCheck': RosterCheck;
  'trainees.import': { imported: number; firstSeq: number; lastSeq: number };
}
