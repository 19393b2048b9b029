import type Database from 'better-sqlite3';
import type { AccessEntry, AccessKind, AccessList, MedicalRecordHeader } from '../../../shared/access';
import type { HandlerParsed } from '../../../shared/api';
import { SenError } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import { foldForSearch } from '../../../shared/text';
import { recordedBeforeFor } from '../store/asOf';

interface AccessRow {
  seq: number;
  recorded_at: string;
  kind: AccessKind;
  detail: string;
  actor_id: string | null;
  actor_name: string | null;
  trainee_id: string | null;
  file_number: string | null;
  trainee_name: string | null;
}

/** LIKE pattern for a folded search term, with LIKE's wildcards escaped. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The first instant of a local calendar day (the screen's dates are the workstation's). */
function startOfDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0, 0).toISOString();
}

/**
 * The access log, newest first, with who (full name) and whose data (file number and name).
 * Every filter is an indexed column of access_log; names come from the users and trainees tables
 * by primary key, so a page costs `limit` lookups whatever the log's length.
 */
export function listAccess(db: Database.Database, input: HandlerParsed<'access.list'>): AccessList {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (input.from) {
    where.push('a.recorded_at >= ?');
    params.push(startOfDay(input.from));
  }
  if (input.to) {
    where.push('a.recorded_at < ?');
    params.push(recordedBeforeFor(input.to));
  }
  if (input.userId) {
    where.push('a.actor_id = ?');
    params.push(input.userId);
  }
  if (input.kind) {
    where.push('a.kind = ?');
    params.push(input.kind);
  }
  if (input.traineeId) {
    where.push('a.trainee_id = ?');
    params.push(input.traineeId);
  }
  const term = foldForSearch(input.search);
  if (term) {
    // The matching trainees first (the roster is small), then their rows through the index.
    where.push("a.trainee_id IN (SELECT id FROM trainees WHERE search_text LIKE ? ESCAPE '\\')");
    params.push(likePattern(term));
  }
  const rows = db
    .prepare<(string | number)[], AccessRow>(
      `SELECT a.seq, a.recorded_at, a.kind, a.detail, a.actor_id, u.full_name AS actor_name,
              a.trainee_id, t.file_number, t.full_name AS trainee_name
       FROM access_log a
       LEFT JOIN users u ON u.id = a.actor_id
       LEFT JOIN trainees t ON t.id = a.trainee_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.seq DESC LIMIT ?`,
    )
    .all(...params, input.limit + 1);
  const items = rows.slice(0, input.limit).map(
    (r): AccessEntry => ({
      seq: r.seq,
      recordedAt: r.recorded_at,
      kind: r.kind,
      detail: r.detail,
      actor: r.actor_id ? { id: r.actor_id, fullName: r.actor_name ?? r.actor_id } : null,
      trainee: r.trainee_id ? { id: r.trainee_id, fileNumber: r.file_number, fullName: r.trainee_name } : null,
    }),
  );
  return { items, truncated: rows.length > input.limit };
}

interface HeaderRow {
  id: string;
  file_number: string;
  full_name: string;
  sex: MedicalRecordHeader['sex'];
  date_of_birth: string;
  status: MedicalRecordHeader['status'];
  phase: MedicalRecordHeader['phase'];
  admission_date: string;
  planned_release_date: string;
  release_date: string | null;
}

/** The trainee's row, or NOT_FOUND (never admitted, or the admission was voided). */
export function recordHeaderRow(db: Database.Database, traineeId: string): HeaderRow {
  const row = db
    .prepare<[string], HeaderRow>(
      'SELECT id, file_number, full_name, sex, date_of_birth, status, phase, admission_date, planned_release_date, release_date FROM trainees WHERE id = ?',
    )
    .get(traineeId);
  if (!row) throw new SenError('NOT_FOUND', 'No such trainee.');
  return row;
}

/** How many medical entries are in force (voids and what they voided left out), and the last one's time: one indexed pass over the stream. */
export function medicalEntryCounts(db: Database.Database, traineeId: string): { entries: number; lastAt: string | null } {
  const stream = streams.medical(traineeId);
  const r = db
    .prepare<[string, string], { n: number; last: string | null }>(
      `SELECT COUNT(*) AS n, MAX(recorded_at) AS last FROM events
       WHERE stream = ? AND type <> 'EventVoided'
         AND seq NOT IN (SELECT json_extract(data, '$.seq') FROM events WHERE stream = ? AND type = 'EventVoided')`,
    )
    .get(stream, stream)!;
  return { entries: r.n, lastAt: r.last };
}
