import type Database from 'better-sqlite3';

/**
 * The open rooms of the facility layout with who sleeps in each, read from the housing slice's
 * projection (`housing_rooms`, `housing_dorms`, `room_beds`); null while there is no open room
 * (then the whole facility is counted as one). The check on the tables keeps this slice working
 * on a database where the housing projection is not there.
 */
export function housingRooms(db: Database.Database): { roomId: string; name: string; occupants: string[] }[] | null {
  const present = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('housing_rooms', 'housing_dorms', 'room_beds')").get();
  if (present?.n !== 3) return null;
  const rooms = db
    .prepare<[], { room_id: string; room: string; dorm: string | null }>(
      `SELECT r.room_id, r.name AS room, d.name AS dorm FROM housing_rooms r LEFT JOIN housing_dorms d ON d.dorm_id = r.dorm_id
       WHERE r.closed_date IS NULL ORDER BY d.name, r.name`,
    )
    .all();
  if (rooms.length === 0) return null;
  const beds = db.prepare<[], { room_id: string; trainee_id: string }>('SELECT room_id, trainee_id FROM room_beds ORDER BY room_id, bed').all();
  const byRoom = new Map<string, string[]>();
  for (const b of beds) byRoom.set(b.room_id, [...(byRoom.get(b.room_id) ?? []), b.trainee_id]);
  return rooms.map((r) => ({ roomId: r.room_id, name: r.dorm ? `${r.dorm} · ${r.room}` : r.room, occupants: byRoom.get(r.room_id) ?? [] }));
}

/** Every room's name, closed ones too (an old difference may name a room closed since). */
export function roomNames(db: Database.Database): Map<string, string> {
  const present = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('housing_rooms', 'housing_dorms')").get();
  if (present?.n !== 2) return new Map();
  const rows = db
    .prepare<[], { room_id: string; room: string; dorm: string | null }>(
      'SELECT r.room_id, r.name AS room, d.name AS dorm FROM housing_rooms r LEFT JOIN housing_dorms d ON d.dorm_id = r.dorm_id',
    )
    .all();
  return new Map(rows.map((r) => [r.room_id, r.dorm ? `${r.dorm} · ${r.room}` : r.room]));
}
