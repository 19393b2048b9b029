import { MEDICAL_EVENTS } from '../../../../shared/medical';
import { todayIso } from '../../../../shared/dates';
import { streams, type StoredEvent } from '../../../../shared/events';
import type { Projection } from '../../store/projection';

/** Streams whose events are duty work: the trainee's own record, beds, conduct, keep-apart, counts, notes. */
const PER_TRAINEE = ['trainee:', 'housing:', 'conduct:'];
const FACILITY = new Set([streams.headcount, streams.dutyLog, streams.layout]);
const MEDICAL_TYPES = new Set<string>(Object.keys(MEDICAL_EVENTS));

/**
 * Whether an event belongs on the duty log: recorded by someone acting as a duty officer, on a
 * duty stream, and never a medical event (an allow-list of streams, so a new medical stream or a
 * sign-in can never slip in).
 */
export function isDutyWork(e: StoredEvent): boolean {
  if (!e.meta.actorRoles?.includes('duty')) return false;
  if (MEDICAL_TYPES.has(e.type) || e.stream.startsWith('medical:')) return false;
  return FACILITY.has(e.stream) || e.stream.startsWith('keepapart:') || PER_TRAINEE.some((p) => e.stream.startsWith(p));
}

/** The trainee an event is about: its stream's, or the one its data names (a keep-apart rule: the first of the two). */
function traineeOf(e: StoredEvent): string | null {
  for (const p of PER_TRAINEE) if (e.stream.startsWith(p)) return e.stream.slice(p.length);
  const data = e.data as { traineeId?: unknown; traineeA?: unknown };
  const id = data.traineeId ?? data.traineeA;
  return typeof id === 'string' ? id : null;
}

/**
 * `duty_log_entries`: one row per event a duty officer recorded (seq, local calendar day, who,
 * what, whom), indexed by day, so the day's page reads a few hundred rows and never the log.
 * `shift_notes`: the notes, by shift. A void on a stream removes the voided event's row (the
 * stream is replayed without it) and keeps the void's own row, as a rebuild does.
 */
export const dutyLogProjection: Projection = {
  name: 'duty_log',
  version: 2,
  tables: ['duty_log_entries', 'shift_notes'],
  schemaSql: `CREATE TABLE duty_log_entries (
    seq         INTEGER PRIMARY KEY,
    day         TEXT NOT NULL,
    at          TEXT NOT NULL,
    stream      TEXT NOT NULL,
    actor       TEXT,
    type        TEXT NOT NULL,
    voided_type TEXT,
    trainee_id  TEXT
  );
  CREATE INDEX duty_log_entries_day ON duty_log_entries (day, seq);
  CREATE INDEX duty_log_entries_stream ON duty_log_entries (stream);
  CREATE TABLE shift_notes (
    note_id TEXT PRIMARY KEY,
    seq     INTEGER NOT NULL,
    date    TEXT NOT NULL,
    shift   TEXT NOT NULL,
    text    TEXT NOT NULL,
    actor   TEXT,
    at      TEXT NOT NULL
  );
  CREATE INDEX shift_notes_date ON shift_notes (date, shift, seq);`,
  bind(db) {
    const insertEntry = db.prepare(
      'INSERT OR REPLACE INTO duty_log_entries (seq, day, at, stream, actor, type, voided_type, trainee_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertNote = db.prepare('INSERT OR REPLACE INTO shift_notes (note_id, seq, date, shift, text, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    return (e) => {
      if (e.type === 'ShiftNoteRecorded') {
        insertNote.run(e.data.noteId, e.seq, e.data.date, e.data.shift, e.data.text, e.meta.actor, e.recordedAt);
      }
      if (!isDutyWork(e)) return;
      const voidedType = e.type === 'EventVoided' ? e.data.voidedType : null;
      insertEntry.run(e.seq, todayIso(new Date(e.recordedAt)), e.recordedAt, e.stream, e.meta.actor, e.type, voidedType, traineeOf(e));
    };
  },
  resetStream(db) {
    const forgetEntries = db.prepare("DELETE FROM duty_log_entries WHERE stream = ? AND type <> 'EventVoided'");
    const forgetNotes = db.prepare('DELETE FROM shift_notes');
    return (stream) => {
      forgetEntries.run(stream);
      if (stream === streams.dutyLog) forgetNotes.run();
    };
  },
};
