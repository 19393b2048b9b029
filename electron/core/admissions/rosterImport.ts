import type Database from 'better-sqlite3';
import { traineeDetailsSchema, type TraineeDetails } from '../../../shared/admissions';
import { parseDisplayDate } from '../../../shared/dates';
import { SenError } from '../../../shared/errors';
import { CHOICE_ALIASES, type ImportField, type RosterCheck, type RosterRow, type RosterRowIssue } from '../../../shared/rosterImport';
import { foldForSearch } from '../../../shared/text';
import { zodIssues } from '../validation';
import { admit } from './decider';
import { fileNumberInUse } from './queries';

/**
 * Roster import: each row's cells become an admission, checked exactly as `trainees.admit`
 * checks one (the shared schema, then the decider's clock and file-number rules), plus file
 * numbers repeated within the file. Pure but for the file-number lookup.
 */
type ChoiceField = keyof typeof CHOICE_ALIASES;

/** The code a cell names: the code itself (any case, spaces for underscores) or one of its labels. */
function choose(field: ChoiceField, text: string): string | null {
  const folded = foldForSearch(text);
  const aliases: Record<string, readonly string[]> = CHOICE_ALIASES[field];
  for (const [code, labels] of Object.entries(aliases)) {
    if (folded === code || folded === code.replace(/_/g, ' ') || labels.includes(folded)) return code;
  }
  return null;
}

/** "Heroin, ma túy đá" -> ['heroin', 'methamphetamine']; null when one of them is unknown. */
function substances(text: string): string[] | null {
  const parts = text.split(/[,;/|+]/).map((p) => p.trim()).filter(Boolean);
  const codes = parts.map((p) => choose('substances', p));
  return codes.every((c) => c !== null) ? [...new Set(codes as string[])] : null;
}

const SCHEMA_PATHS: Record<string, ImportField> = {
  'familyContact.name': 'familyContactName',
  'familyContact.relationship': 'familyContactRelationship',
  'familyContact.phone': 'familyContactPhone',
};

function fieldOf(path: string): ImportField | null {
  const field = SCHEMA_PATHS[path] ?? path.split('.')[0];
  return field ? (field as ImportField) : null;
}

/** One row's admission, or what is wrong with it (before the decider's rules). */
function toDetails(row: RosterRow): { details: TraineeDetails | null; issues: RosterRowIssue[] } {
  const v = (f: ImportField) => (row.values[f] ?? '').trim();
  const issues: RosterRowIssue[] = [];
  const bad = (field: ImportField, code: string) => issues.push({ row: row.row, field, code });
  const date = (f: ImportField) => {
    if (v(f) === '') return '';
    const iso = parseDisplayDate(v(f));
    if (iso === null) bad(f, 'invalidDate');
    return iso ?? '';
  };
  const choice = (f: ChoiceField & ImportField) => {
    if (v(f) === '') return '';
    const code = choose(f, v(f));
    if (code === null) bad(f, 'invalidChoice');
    return code ?? '';
  };
  const listed = v('substances') === '' ? [] : substances(v('substances'));
  if (listed === null) bad('substances', 'invalidChoice');
  const candidate = {
    fileNumber: v('fileNumber'),
    fullName: v('fullName'),
    sex: choice('sex'),
    dateOfBirth: date('dateOfBirth'),
    idNumber: v('idNumber'),
    homeAddress: v('homeAddress'),
    admissionType: choice('admissionType'),
    decisionNumber: v('decisionNumber'),
    admissionDate: date('admissionDate'),
    plannedReleaseDate: date('plannedReleaseDate'),
    educationLevel: choice('educationLevel'),
    substances: listed ?? [],
    familyContact: { name: v('familyContactName'), relationship: v('familyContactRelationship'), phone: v('familyContactPhone') },
  };
  const parsed = traineeDetailsSchema.safeParse(candidate);
  if (!parsed.success) {
    const flagged = new Set(issues.map((i) => i.field));
    for (const issue of zodIssues(parsed.error)) {
      const field = fieldOf(issue.path);
      // A cell already named as unreadable is not also "required" or "invalid choice".
      if (field && flagged.has(field)) continue;
      // An empty cell reads better as "required" than as zod's complaint about the empty value.
      const code = field && v(field) === '' && ['invalidDate', 'invalidChoice'].includes(issue.code) ? 'required' : issue.code;
      if (!issues.some((i) => i.field === field && i.code === code)) issues.push({ row: row.row, field, code });
    }
  }
  return { details: parsed.success && issues.length === 0 ? parsed.data : null, issues };
}

export interface CheckedRoster {
  check: RosterCheck;
  /** The admissions of the rows without issues, in file order. */
  admissions: { row: number; details: TraineeDetails }[];
}

export function checkRoster(db: Database.Database, rows: readonly RosterRow[], today: string): CheckedRoster {
  const issues: RosterRowIssue[] = [];
  const admissions: CheckedRoster['admissions'] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const converted = toDetails(row);
    const rowIssues = [...converted.issues];
    const fileNumber = (row.values.fileNumber ?? '').trim();
    const earlier = fileNumber ? firstRowOf.get(fileNumber) : undefined;
    if (earlier !== undefined) rowIssues.push({ row: row.row, field: 'fileNumber', code: 'duplicateInFile', otherRow: earlier });
    else if (fileNumber) firstRowOf.set(fileNumber, row.row);
    if (converted.details && rowIssues.length === 0) {
      const details = converted.details;
      try {
        // The decider's own rules (dates against the clock, the file number already in use).
        admit('00000000-0000-4000-8000-000000000000', details, { today, fileNumberInUse: fileNumberInUse(db, details.fileNumber) });
        admissions.push({ row: row.row, details });
      } catch (error) {
        if (!(error instanceof SenError)) throw error;
        for (const i of error.issues ?? [{ path: '', code: 'invalid' }]) rowIssues.push({ row: row.row, field: fieldOf(i.path), code: i.code });
      }
    }
    issues.push(...rowIssues);
  }
  return { check: { rows: rows.length, valid: admissions.length, issues }, admissions };
}

/** The VALIDATION error naming every row issue (`rows.<row>.<field>`), for a refused import. */
export function rosterRefusal(check: RosterCheck): SenError {
  const rowsWrong = new Set(check.issues.map((i) => i.row)).size;
  return new SenError(
    'VALIDATION',
    `${rowsWrong} of ${check.rows} rows cannot be admitted; nothing was imported.`,
    check.issues.map((i) => ({ path: `rows.${i.row}${i.field ? `.${i.field}` : ''}`, code: i.code })),
  );
}
