import type Database from 'better-sqlite3';
import { WHOLE_FACILITY, type HeadcountMismatch, type HeadcountSheetRoom, type KeepApartLevel, type KeepApartReason, type KeepApartRole, type KeepApartRule } from '../../../../shared/duty/keepApart';
import { housingRooms, roomNames } from './rooms';

/**
 * Projection reads of the keep-apart slice. Duty data is not medical: of the medical tables only
 * `trainee_flags.hospital_since` is read (a fact, never a reason).
 */

export function traineeStatus(db: Database.Database, traineeId: string): string | undefined {
  return db.prepare<[string], { status: string }>('SELECT status FROM trainees WHERE id = ?').get(traineeId)?.status;
}

export function pairActive(db: Database.Database, a: string, b: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM keep_apart_rules WHERE ended_date IS NULL AND ((trainee_a = ? AND trainee_b = ?) OR (trainee_a = ? AND trainee_b = ?)) LIMIT 1`,
      )
      .get(a, b, b, a) !== undefined
  );
}

interface RuleRow {
  id: string;
  trainee_a: string;
  trainee_b: string;
  level: string;
  reason: string;
  role_a: string;
  role_b: string;
  review_date: string;
  ended_date: string | null;
  note: string | null;
  a_file: string | null;
  a_name: string | null;
  b_file: string | null;
  b_name: string | null;
}

export function listRules(db: Database.Database, day: string, includeEnded: boolean): KeepApartRule[] {
  const rows = db
    .prepare<[], RuleRow>(
      `SELECT r.*, n.note, ta.file_number AS a_file, ta.full_name AS a_name, tb.file_number AS b_file, tb.full_name AS b_name
       FROM keep_apart_rules r
       LEFT JOIN keep_apart_notes n ON n.rule_id = r.id
       LEFT JOIN trainees ta ON ta.id = r.trainee_a
       LEFT JOIN trainees tb ON tb.id = r.trainee_b
       ${includeEnded ? '' : 'WHERE r.ended_date IS NULL'}
       ORDER BY r.ended_date IS NOT NULL, r.review_date, r.seq`,
    )
    .all();
  return rows.map((r) => ({
    ruleId: r.id,
    a: { traineeId: r.trainee_a, fileNumber: r.a_file ?? '', fullName: r.a_name ?? '', role: r.role_a as KeepApartRole },
    b: { traineeId: r.trainee_b, fileNumber: r.b_file ?? '', fullName: r.b_name ?? '', role: r.role_b as KeepApartRole },
    level: r.level as KeepApartLevel,
    reason: r.reason as KeepApartReason,
    note: r.note ?? '',
    reviewDate: r.review_date,
    endedDate: r.ended_date,
    reviewDue: r.ended_date === null && r.review_date <= day,
  }));
}

/**
 * The count sheet: each open room of the layout with its occupants; without a layout, one line for
 * the whole facility with everyone in care. Hospital stays come from `trainee_flags`.
 */
export function headcountSheet(db: Database.Database): HeadcountSheetRoom[] {
  const people = new Map(
    db
      .prepare<[], { id: string; file_number: string; full_name: string; hospital_since: string | null }>(
        `SELECT t.id, t.file_number, t.full_name, f.hospital_since FROM trainees t LEFT JOIN trainee_flags f ON f.trainee_id = t.id
         WHERE t.status <> 'released' ORDER BY t.sort_key`,
      )
      .all()
      .map((r) => [r.id, { traineeId: r.id, fileNumber: r.file_number, fullName: r.full_name, atHospital: r.hospital_since !== null }]),
  );
  const rooms = housingRooms(db) ?? [{ roomId: WHOLE_FACILITY, name: '', occupants: [...people.keys()] }];
  return rooms.map((room) => {
    const occupants = room.occupants.flatMap((id) => {
      const p = people.get(id);
      return p ? [p] : [];
    });
    return { roomId: room.roomId, name: room.name, occupants, expectedPresent: occupants.filter((o) => !o.atHospital).length };
  });
}

export function openMismatches(db: Database.Database): HeadcountMismatch[] {
  const names = roomNames(db);
  return db
    .prepare<[], { count_id: string; room_id: string; at: string; expected: number; at_hospital: number; counted: number; note: string }>(
      'SELECT count_id, room_id, at, expected, at_hospital, counted, note FROM headcount_rooms WHERE mismatch = 1 AND resolved_seq IS NULL ORDER BY at, room_id',
    )
    .all()
    .map((r) => {
      const diff = r.expected - r.at_hospital - r.counted;
      return {
        countId: r.count_id,
        at: r.at,
        roomId: r.room_id,
        roomName: names.get(r.room_id) ?? '',
        expected: r.expected,
        atHospital: r.at_hospital,
        counted: r.counted,
        absent: Math.max(diff, 0),
        unexpected: Math.max(-diff, 0),
        note: r.note,
      };
    });
}

export function mismatchState(db: Database.Database, countId: string, roomId: string): { resolved: boolean } | undefined {
  const r = db
    .prepare<[string, string], { resolved_seq: number | null }>('SELECT resolved_seq FROM headcount_rooms WHERE count_id = ? AND room_id = ? AND mismatch = 1')
    .get(countId, roomId);
  return r ? { resolved: r.resolved_seq !== null } : undefined;
}

/** The rules naming a trainee (either side, ended ones too): their streams join the trainee's timeline. */
export function keepApartRuleIds(db: Database.Database, traineeId: string): string[] {
  return db
    .prepare<[string, string], { id: string }>('SELECT id FROM keep_apart_rules WHERE trainee_a = ? UNION SELECT id FROM keep_apart_rules WHERE trainee_b = ?')
    .all(traineeId, traineeId)
    .map((r) => r.id);
}
