import type Database from 'better-sqlite3';
import type { BoardOccupant, BoardTrainee, HousingBoardData, HousingWarning, Layout, LayoutRoom } from '../../../../shared/duty/housing';
import { SenError } from '../../../../shared/errors';

/**
 * Projection reads of the housing slice. Duty data is not medical: of the medical tables only
 * `trainee_flags.housing_since` is read (the fact "separate housing required"), never a reason.
 */

/** Where a trainee sleeps now (for the keep-apart helper and the warnings), or null. */
export function bedOf(db: Database.Database, traineeId: string): { roomId: string; dormId: string; bed: number } | null {
  const r = db
    .prepare<[string], { room_id: string; dorm_id: string; bed: number }>(
      'SELECT b.room_id, r.dorm_id, b.bed FROM trainee_beds b JOIN housing_rooms r ON r.room_id = b.room_id WHERE b.trainee_id = ?',
    )
    .get(traineeId);
  return r ? { roomId: r.room_id, dormId: r.dorm_id, bed: r.bed } : null;
}

export function traineeFacts(db: Database.Database, traineeId: string): { admissionDate: string; released: boolean; fullName: string } {
  const r = db.prepare<[string], { admission_date: string; status: string; full_name: string }>('SELECT admission_date, status, full_name FROM trainees WHERE id = ?').get(traineeId);
  if (!r) throw new SenError('NOT_FOUND', 'No such trainee.');
  return { admissionDate: r.admission_date, released: r.status === 'released', fullName: r.full_name };
}

export interface RoomRow {
  room_id: string;
  dorm_id: string;
  name: string;
  capacity: number;
  separate_housing: number;
  closed_date: string | null;
}

export function roomOf(db: Database.Database, roomId: string): RoomRow | undefined {
  return db.prepare<[string], RoomRow>('SELECT room_id, dorm_id, name, capacity, separate_housing, closed_date FROM housing_rooms WHERE room_id = ?').get(roomId);
}

export function occupantOf(db: Database.Database, roomId: string, bed: number): string | null {
  return db.prepare<[string, number], { trainee_id: string }>('SELECT trainee_id FROM room_beds WHERE room_id = ? AND bed = ?').get(roomId, bed)?.trainee_id ?? null;
}

export function occupiedCount(db: Database.Database, roomId: string): number {
  return db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM room_beds WHERE room_id = ?').get(roomId)!.n;
}

const hasTable = (db: Database.Database, table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

/**
 * What placing `traineeId` in `roomId` would break: a flagged trainee in a shared (not
 * separate-housing) room, with someone, or someone with a flagged trainee; more people than beds;
 * a keep-apart pair in the same room (level room) or dorm (levels dorm and area: the facility has
 * no larger unit on the board, so "area" is at least the dorm).
 */
export function housingWarnings(db: Database.Database, traineeId: string, roomId: string): HousingWarning[] {
  const room = roomOf(db, roomId);
  if (!room) throw new SenError('NOT_FOUND', 'No such room.');
  const warnings: HousingWarning[] = [];
  const others = db
    .prepare<[string, string], { trainee_id: string; full_name: string; flagged: number }>(
      `SELECT b.trainee_id, t.full_name, f.housing_since IS NOT NULL AS flagged
       FROM room_beds b JOIN trainees t ON t.id = b.trainee_id LEFT JOIN trainee_flags f ON f.trainee_id = b.trainee_id
       WHERE b.room_id = ? AND b.trainee_id != ? ORDER BY b.bed`,
    )
    .all(roomId, traineeId);
  if (room.separate_housing === 0 && others.length > 0) {
    const selfFlagged = db.prepare<[string], { s: string | null }>('SELECT housing_since AS s FROM trainee_flags WHERE trainee_id = ?').get(traineeId)?.s;
    if (selfFlagged) warnings.push({ code: 'flaggedSharedRoom' });
    for (const o of others) if (o.flagged) warnings.push({ code: 'flaggedSharedRoom', otherTraineeId: o.trainee_id, otherName: o.full_name });
  }
  if (others.length + 1 > room.capacity) warnings.push({ code: 'overCapacity' });
  if (hasTable(db, 'keep_apart_rules')) {
    const rules = db
      .prepare<[string, string, string], { other: string; level: 'room' | 'dorm' | 'area' }>(
        `SELECT CASE WHEN trainee_a = ? THEN trainee_b ELSE trainee_a END AS other, level
         FROM keep_apart_rules WHERE ended_date IS NULL AND (trainee_a = ? OR trainee_b = ?) ORDER BY seq`,
      )
      .all(traineeId, traineeId, traineeId);
    for (const rule of rules) {
      if (rule.other === traineeId) continue;
      const where = bedOf(db, rule.other);
      if (!where) continue;
      const clash = rule.level === 'room' ? where.roomId === roomId : where.dormId === room.dorm_id;
      if (clash) {
        const name = db.prepare<[string], { full_name: string }>('SELECT full_name FROM trainees WHERE id = ?').get(rule.other)?.full_name ?? '';
        warnings.push({ code: 'keepApart', otherTraineeId: rule.other, otherName: name, level: rule.level });
      }
    }
  }
  return warnings;
}

export function layout(db: Database.Database): Layout {
  const dorms = db.prepare<[], { dorm_id: string; name: string }>('SELECT dorm_id, name FROM housing_dorms ORDER BY name, seq').all();
  const rooms = db
    .prepare<[], RoomRow & { occupied: number }>(
      `SELECT r.room_id, r.dorm_id, r.name, r.capacity, r.separate_housing, r.closed_date,
         (SELECT count(*) FROM room_beds b WHERE b.room_id = r.room_id) AS occupied
       FROM housing_rooms r ORDER BY r.name, r.seq`,
    )
    .all();
  return {
    dorms: dorms.map((d) => ({
      dormId: d.dorm_id,
      name: d.name,
      rooms: rooms
        .filter((r) => r.dorm_id === d.dorm_id)
        .map(
          (r): LayoutRoom => ({
            roomId: r.room_id,
            dormId: r.dorm_id,
            name: r.name,
            capacity: r.capacity,
            separateHousing: r.separate_housing === 1,
            closedDate: r.closed_date,
            occupied: r.occupied,
          }),
        ),
    })),
  };
}

/** Three reads whatever the number of trainees: open rooms, occupied beds, trainees in care without a bed. */
export function board(db: Database.Database): HousingBoardData {
  const rooms = db
    .prepare<[], RoomRow & { dorm_name: string }>(
      `SELECT r.room_id, r.dorm_id, r.name, r.capacity, r.separate_housing, r.closed_date, d.name AS dorm_name
       FROM housing_rooms r JOIN housing_dorms d ON d.dorm_id = r.dorm_id WHERE r.closed_date IS NULL ORDER BY d.name, d.seq, r.name, r.seq`,
    )
    .all();
  const beds = db
    .prepare<[], { room_id: string; bed: number; since: string; trainee_id: string; full_name: string; file_number: string; flagged: number }>(
      `SELECT b.room_id, b.bed, b.since, b.trainee_id, t.full_name, t.file_number, f.housing_since IS NOT NULL AS flagged
       FROM room_beds b JOIN trainees t ON t.id = b.trainee_id LEFT JOIN trainee_flags f ON f.trainee_id = b.trainee_id ORDER BY b.room_id, b.bed`,
    )
    .all();
  const byRoom = new Map<string, BoardOccupant[]>();
  for (const b of beds) {
    const list = byRoom.get(b.room_id) ?? [];
    list.push({ traineeId: b.trainee_id, fullName: b.full_name, fileNumber: b.file_number, separateHousing: b.flagged === 1, bed: b.bed, since: b.since });
    byRoom.set(b.room_id, list);
  }
  const unassigned = db
    .prepare<[], { id: string; full_name: string; file_number: string; flagged: number }>(
      `SELECT t.id, t.full_name, t.file_number, f.housing_since IS NOT NULL AS flagged
       FROM trainees t LEFT JOIN trainee_flags f ON f.trainee_id = t.id
       WHERE t.status != 'released' AND NOT EXISTS (SELECT 1 FROM trainee_beds b WHERE b.trainee_id = t.id) ORDER BY t.sort_key`,
    )
    .all()
    .map((t): BoardTrainee => ({ traineeId: t.id, fullName: t.full_name, fileNumber: t.file_number, separateHousing: t.flagged === 1 }));
  return {
    rooms: rooms.map((r) => ({
      roomId: r.room_id,
      dormId: r.dorm_id,
      dormName: r.dorm_name,
      name: r.name,
      capacity: r.capacity,
      separateHousing: r.separate_housing === 1,
      occupants: byRoom.get(r.room_id) ?? [],
    })),
    unassigned,
  };
}
