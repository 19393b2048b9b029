import type { Projection } from '../../store/projection';

/**
 * Classes, their rosters and the attendance marks. Other slices read these tables (the literacy
 * slice's progress matrix reads the rosters): keep the names and columns stable.
 *
 * - `literacy_classes`: class_id (PK), name, teacher_id (users.id), phase ('phase1' | 'phase2'),
 *   weekdays (JSON array of ISO weekdays, 1 = Monday), start_time, end_time ('HH:mm'), room,
 *   opened_date, closed_date (NULL while open), close_note, seq.
 * - `class_enrolments`: one row per enrolment: seq (PK, the TraineeEnrolled event), class_id,
 *   trainee_id, enrolled_date, withdrawn_date (NULL while enrolled; the trainee is out of the
 *   class from that day on), withdraw_reason, withdraw_note. Enrolled on day D:
 *   `enrolled_date <= D AND (withdrawn_date IS NULL OR withdrawn_date > D)`.
 * - `class_attendance`: the latest mark per (class_id, date, trainee_id): present (0/1), reason
 *   (NULL when present), note, recorded_by (users.id), seq (of the AttendanceRecorded in force).
 */
export const classesProjection: Projection = {
  name: 'training_classes',
  version: 1,
  tables: ['literacy_classes', 'class_enrolments', 'class_attendance'],
  schemaSql: `CREATE TABLE literacy_classes (
    class_id    TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    teacher_id  TEXT NOT NULL,
    phase       TEXT NOT NULL,
    weekdays    TEXT NOT NULL,
    start_time  TEXT NOT NULL,
    end_time    TEXT NOT NULL,
    room        TEXT NOT NULL,
    opened_date TEXT NOT NULL,
    closed_date TEXT,
    close_note  TEXT NOT NULL DEFAULT '',
    seq         INTEGER NOT NULL
  );
  CREATE INDEX literacy_classes_teacher ON literacy_classes (teacher_id, opened_date);
  CREATE TABLE class_enrolments (
    seq             INTEGER PRIMARY KEY,
    class_id        TEXT NOT NULL,
    trainee_id      TEXT NOT NULL,
    enrolled_date   TEXT NOT NULL,
    withdrawn_date  TEXT,
    withdraw_reason TEXT,
    withdraw_note   TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX class_enrolments_class ON class_enrolments (class_id, enrolled_date);
  CREATE INDEX class_enrolments_trainee ON class_enrolments (trainee_id, enrolled_date);
  CREATE TABLE class_attendance (
    class_id    TEXT NOT NULL,
    date        TEXT NOT NULL,
    trainee_id  TEXT NOT NULL,
    present     INTEGER NOT NULL,
    reason      TEXT,
    note        TEXT NOT NULL,
    recorded_by TEXT,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (class_id, date, trainee_id)
  );
  CREATE INDEX class_attendance_trainee ON class_attendance (trainee_id, date);`,
  bind(db) {
    const open = db.prepare(
      `INSERT INTO literacy_classes (class_id, name, teacher_id, phase, weekdays, start_time, end_time, room, opened_date, seq)
       VALUES (@classId, @name, @teacherId, @phase, @weekdays, @startTime, @endTime, @room, @date, @seq)`,
    );
    const close = db.prepare('UPDATE literacy_classes SET closed_date = ?, close_note = ? WHERE class_id = ?');
    const enrol = db.prepare('INSERT INTO class_enrolments (seq, class_id, trainee_id, enrolled_date) VALUES (?, ?, ?, ?)');
    const withdraw = db.prepare(
      'UPDATE class_enrolments SET withdrawn_date = ?, withdraw_reason = ?, withdraw_note = ? WHERE class_id = ? AND trainee_id = ? AND withdrawn_date IS NULL',
    );
    const mark = db.prepare(
      `INSERT OR REPLACE INTO class_attendance (class_id, date, trainee_id, present, reason, note, recorded_by, seq)
       VALUES (@classId, @date, @traineeId, @present, @reason, @note, @actor, @seq)`,
    );
    return (e) => {
      switch (e.type) {
        case 'ClassOpened':
          open.run({ ...e.data, weekdays: JSON.stringify(e.data.weekdays), seq: e.seq });
          break;
        case 'ClassClosed':
          close.run(e.data.date, e.data.note, e.data.classId);
          break;
        case 'TraineeEnrolled':
          enrol.run(e.seq, e.data.classId, e.data.traineeId, e.data.date);
          break;
        case 'TraineeWithdrawn':
          withdraw.run(e.data.date, e.data.reason, e.data.note, e.data.classId, e.data.traineeId);
          break;
        case 'AttendanceRecorded':
          mark.run({ ...e.data, present: e.data.present ? 1 : 0, actor: e.meta.actor, seq: e.seq });
          break;
        default:
          break;
      }
    };
  },
};
