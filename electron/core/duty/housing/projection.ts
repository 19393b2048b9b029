import type { Projection } from '../../store/projection';

/**
 * The layout (`housing_dorms`, `housing_rooms`) and who sleeps where now: `room_beds` (one row per
 * occupied bed) and `trainee_beds` (one row per trainee with a bed), both keyed so the board, the
 * warnings and the keep-apart helper read a few rows by key at 500 trainees. Beds are never
 * voided (HOUSING_VOIDABLE is empty), so no stream reset is needed.
 */
export const housingProjection: Projection = {
  name: 'duty_housing',
  version: 1,
  tables: ['housing_dorms', 'housing_rooms', 'room_beds', 'trainee_beds'],
  schemaSql: `CREATE TABLE housing_dorms (
    dorm_id TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    seq     INTEGER NOT NULL
  );
  CREATE TABLE housing_rooms (
    room_id          TEXT PRIMARY KEY,
    dorm_id          TEXT NOT NULL,
    name             TEXT NOT NULL,
    capacity         INTEGER NOT NULL,
    separate_housing INTEGER NOT NULL,
    closed_date      TEXT,
    seq              INTEGER NOT NULL
  );
  CREATE INDEX housing_rooms_dorm ON housing_rooms (dorm_id, name);
  CREATE TABLE room_beds (
    room_id    TEXT NOT NULL,
    bed        INTEGER NOT NULL,
    trainee_id TEXT NOT NULL UNIQUE,
    since      TEXT NOT NULL,
    PRIMARY KEY (room_id, bed)
  );
  CREATE TABLE trainee_beds (
    trainee_id TEXT PRIMARY KEY,
    room_id    TEXT NOT NULL,
    bed        INTEGER NOT NULL,
    since      TEXT NOT NULL
  );`,
  bind(db) {
    const addDorm = db.prepare('INSERT INTO housing_dorms (dorm_id, name, seq) VALUES (?, ?, ?)');
    const addRoom = db.prepare('INSERT INTO housing_rooms (room_id, dorm_id, name, capacity, separate_housing, seq) VALUES (?, ?, ?, ?, ?, ?)');
    const changeRoom = db.prepare('UPDATE housing_rooms SET capacity = ?, separate_housing = ? WHERE room_id = ?');
    const closeRoom = db.prepare('UPDATE housing_rooms SET closed_date = ? WHERE room_id = ?');
    const take = db.prepare('INSERT INTO room_beds (room_id, bed, trainee_id, since) VALUES (?, ?, ?, ?)');
    const takeOwn = db.prepare('INSERT INTO trainee_beds (trainee_id, room_id, bed, since) VALUES (?, ?, ?, ?)');
    const leave = db.prepare('DELETE FROM room_beds WHERE trainee_id = ?');
    const leaveOwn = db.prepare('DELETE FROM trainee_beds WHERE trainee_id = ?');
    const place = (traineeId: string, roomId: string, bed: number, since: string) => {
      take.run(roomId, bed, traineeId, since);
      takeOwn.run(traineeId, roomId, bed, since);
    };
    const vacate = (traineeId: string) => {
      leave.run(traineeId);
      leaveOwn.run(traineeId);
    };
    return (e) => {
      switch (e.type) {
        case 'DormAdded':
          addDorm.run(e.data.dormId, e.data.name, e.seq);
          break;
        case 'RoomAdded':
          addRoom.run(e.data.roomId, e.data.dormId, e.data.name, e.data.capacity, e.data.separateHousing ? 1 : 0, e.seq);
          break;
        case 'RoomChanged':
          changeRoom.run(e.data.capacity, e.data.separateHousing ? 1 : 0, e.data.roomId);
          break;
        case 'RoomClosed':
          closeRoom.run(e.data.date, e.data.roomId);
          break;
        case 'BedAssigned':
          place(e.data.traineeId, e.data.roomId, e.data.bed, e.data.date);
          break;
        case 'BedMoved':
          vacate(e.data.traineeId);
          place(e.data.traineeId, e.data.to.roomId, e.data.to.bed, e.data.date);
          break;
        case 'BedVacated':
          vacate(e.data.traineeId);
          break;
        default:
          break;
      }
    };
  },
};
