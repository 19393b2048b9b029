import type Database from 'better-sqlite3';
import type { DutyLogDay, DutyLogDetails, DutyLogLine, Handover, Shift, ShiftNote } from '../../../../shared/duty/dutyLog';

interface NoteRow {
  seq: number;
  note_id: string;
  date: string;
  shift: Shift;
  text: string;
  officer_id: string | null;
  officer: string | null;
  at: string;
}

const toNote = (r: NoteRow): ShiftNote => ({ seq: r.seq, noteId: r.note_id, date: r.date, shift: r.shift, text: r.text, officerId: r.officer_id, officer: r.officer ?? '', at: r.at });

const NOTE_COLUMNS = 'n.seq, n.note_id, n.date, n.shift, n.text, n.actor AS officer_id, u.full_name AS officer, n.at';

/**
 * The day's entries: a range of the (day, seq) index, names and the event's data joined by primary
 * key (a test checks the plan). Only duty streams' events have rows, so the data is duty data.
 */
export const DAY_SQL = `SELECT e.seq, e.at, e.type, e.voided_type, e.trainee_id, u.full_name AS officer, t.full_name, t.file_number, ev.data
  FROM duty_log_entries e LEFT JOIN users u ON u.id = e.actor LEFT JOIN trainees t ON t.id = e.trainee_id LEFT JOIN events ev ON ev.seq = e.seq
  WHERE e.day = ? ORDER BY e.seq`;

type Data = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const obj = (v: unknown): Data => (v && typeof v === 'object' ? (v as Data) : {});

/** Name lookups by primary key, for the few ids a day's events carry. */
function lookups(db: Database.Database) {
  const room = db.prepare<[string], { label: string }>("SELECT r.name || ' (' || d.name || ')' AS label FROM housing_rooms r JOIN housing_dorms d ON d.dorm_id = r.dorm_id WHERE r.room_id = ?");
  const trainee = db.prepare<[string], { full_name: string }>('SELECT full_name FROM trainees WHERE id = ?');
  const type = db.prepare<[string], { name: string }>('SELECT name FROM violation_types WHERE type_id = ?');
  const rule = db.prepare<[string], { trainee_a: string; trainee_b: string; level: string }>('SELECT trainee_a, trainee_b, level FROM keep_apart_rules WHERE id = ?');
  const nameOf = (id: unknown) => trainee.get(str(id))?.full_name ?? '';
  return {
    room: (id: unknown) => room.get(str(id))?.label ?? '',
    type: (id: unknown) => type.get(str(id))?.name || str(id),
    pair: (ruleId: unknown): Pick<DutyLogDetails, 'pair' | 'level'> => {
      const r = rule.get(str(ruleId));
      return r ? { pair: [nameOf(r.trainee_a), nameOf(r.trainee_b)], level: r.level } : {};
    },
  };
}

/** The key details of one event, picked field by field (never the whole data). */
function detailsOf(type: string, d: Data, names: ReturnType<typeof lookups>): DutyLogDetails {
  const override = d['override'] ? { overrideReason: str(obj(d['override'])['reason']) } : {};
  switch (type) {
    case 'BedAssigned':
      return { room: names.room(d['roomId']), bed: num(d['bed']), ...override };
    case 'BedMoved': {
      const from = obj(d['from']);
      const to = obj(d['to']);
      return { room: names.room(from['roomId']), bed: num(from['bed']), toRoom: names.room(to['roomId']), toBed: num(to['bed']), reason: str(d['reason']), ...override };
    }
    case 'BedVacated':
      return { room: names.room(d['roomId']), bed: num(d['bed']), reason: str(d['reason']) };
    case 'ViolationRecorded':
      return { violationType: names.type(d['typeId']), place: str(d['place']) };
    case 'MeasureImposed':
      return { kind: str(d['kind']), start: str(d['start']), end: typeof d['end'] === 'string' ? d['end'] : null };
    case 'MeasureSuspended':
      return { until: str(d['until']) };
    case 'RewardGranted':
      return { kind: str(d['kind']), reason: str(d['reason']) };
    case 'MonthlyRated':
      return { month: str(d['month']), rating: str(d['rating']) };
    case 'KeepApartSet':
    case 'KeepApartEnded':
      return names.pair(d['ruleId']);
    case 'HeadcountRecorded':
      return {
        rooms: (Array.isArray(d['rooms']) ? d['rooms'] : []).map((r) => {
          const room = obj(r);
          // Those at hospital are accounted for: the count is compared with the others.
          const atHospital = Array.isArray(room['atHospital']) ? room['atHospital'].length : 0;
          return { room: names.room(room['roomId']), counted: num(room['counted']), expected: num(room['expected']) - atHospital };
        }),
      };
    case 'HeadcountMismatchResolved':
      return { room: names.room(d['roomId']), reason: str(d['note']) };
    default:
      return {};
  }
}

/** One day's page: the duty officers' entries and the shift notes. */
export function dutyLogDay(db: Database.Database, date: string): DutyLogDay {
  const rows = db
    .prepare<
      [string],
      { seq: number; at: string; type: string; voided_type: string | null; trainee_id: string | null; officer: string | null; full_name: string | null; file_number: string | null; data: string | null }
    >(DAY_SQL)
    .all(date);
  const names = lookups(db);
  const lines: DutyLogLine[] = rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    officer: r.officer ?? '',
    type: r.type,
    voidedType: r.voided_type,
    traineeId: r.trainee_id,
    traineeName: r.full_name,
    fileNumber: r.file_number,
    details: detailsOf(r.type, obj(r.data ? JSON.parse(r.data) : null), names),
  }));
  const notes = db
    .prepare<[string], NoteRow>(`SELECT ${NOTE_COLUMNS} FROM shift_notes n LEFT JOIN users u ON u.id = n.actor WHERE n.date = ? ORDER BY n.shift = 'night', n.seq`)
    .all(date)
    .map(toNote);
  return { date, lines, notes };
}

/**
 * The handover: the notes of the latest shift that has any (a night follows its day), and counts
 * of what the next shift takes over. trainee_flags holds facts only (no reasons): dates are all
 * that is read from it.
 */
export function handover(db: Database.Database, today: string): Handover {
  const last = db
    .prepare<[], { date: string; shift: Shift }>("SELECT date, shift FROM shift_notes ORDER BY date DESC, shift = 'night' DESC LIMIT 1")
    .get();
  const notes = last
    ? db
        .prepare<[string, string], NoteRow>(`SELECT ${NOTE_COLUMNS} FROM shift_notes n LEFT JOIN users u ON u.id = n.actor WHERE n.date = ? AND n.shift = ? ORDER BY n.seq`)
        .all(last.date, last.shift)
        .map(toNote)
    : [];
  // One pass over the roster (primary-key joins), then counts from partial indexes.
  const roster = db
    .prepare<[], { inCare: number; atHospital: number; separateHousing: number; withoutBed: number }>(
      `SELECT COUNT(*) AS inCare,
         COALESCE(SUM(f.hospital_since IS NOT NULL), 0) AS atHospital,
         COALESCE(SUM(f.housing_since IS NOT NULL), 0) AS separateHousing,
         COALESCE(SUM(b.trainee_id IS NULL), 0) AS withoutBed
       FROM trainees t LEFT JOIN trainee_flags f ON f.trainee_id = t.id LEFT JOIN trainee_beds b ON b.trainee_id = t.id
       WHERE t.status = 'in_care'`,
    )
    .get()!;
  const count = (sql: string, ...args: string[]) => db.prepare<string[], { n: number }>(sql).get(...args)!.n;
  return {
    shift: last ? { date: last.date, shift: last.shift } : null,
    notes,
    counts: {
      ...roster,
      activeKeepApart: count('SELECT COUNT(*) AS n FROM keep_apart_rules WHERE ended_date IS NULL'),
      openMismatches: count('SELECT COUNT(*) AS n FROM headcount_rooms WHERE mismatch = 1 AND resolved_seq IS NULL'),
      recordedToday: count('SELECT COUNT(*) AS n FROM duty_log_entries WHERE day = ?', today),
    },
  };
}
