import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { SenError } from '../../../shared/errors';
import { EVENT_TYPES, type EventMeta, type NewEvent, type StoredEvent } from '../../../shared/events';
import type { VerifyReport } from '../../../shared/api';
import { canonicalJson, eventHash, GENESIS_HASH } from './canonical';
import { ChainVerifier, rowFields, type EventRow } from './verifier';
import { upcast } from './upcasters';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { Projection } from './projection';
import { isStorageFailure, storageError } from './storageErrors';

/** What the caller expects of a stream before appending: an exact version, "must not exist", or anything. */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendRequest {
  stream: string;
  expected: ExpectedVersion;
  events: NewEvent[];
}


export interface Anchor {
  seq: number;
  hash: string;
}

const READ_BATCH = 5000;
/** Fixed size of the anchor record: {"seq":…,"hash":"<64 hex>"} padded with spaces. */
const ANCHOR_RECORD_BYTES = 128;

/**
 * The append-only SQLite event log: pragmas, migrations, append with expected versions and the
 * hash chain, inline projections in the same transaction, replay, verification.
 */
export class EventStore {
  readonly db: Database.Database;
  readonly file: string;
  private readonly projections: readonly Projection[];
  private appliers: ((e: StoredEvent) => void)[] = [];
  private readonly now: () => Date;
  private readonly listeners = new Set<(events: StoredEvent[]) => void>();
  private head: Anchor;
  private anchorFd: number | null = null;
  private readonly stmts;

  private constructor(file: string, db: Database.Database, projections: readonly Projection[], now: () => Date) {
    this.file = file;
    this.db = db;
    this.projections = projections;
    this.now = now;
    this.stmts = {
      streamVersion: db.prepare<[string], { v: number | null }>('SELECT MAX(version) AS v FROM events WHERE stream = ?'),
      insert: db.prepare(
        `INSERT INTO events (seq, stream, version, type, schema, data, meta, occurred_at, recorded_at, prev_hash, hash)
         VALUES (@seq, @stream, @version, @type, @schema, @data, @meta, @occurred_at, @recorded_at, @prev_hash, @hash)`,
      ),
      head: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1'),
      readStream: db.prepare<[string], EventRow>('SELECT * FROM events WHERE stream = ? ORDER BY seq'),
      readFrom: db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
      bySeq: db.prepare<[number], EventRow>('SELECT * FROM events WHERE seq = ?'),
      voided: db.prepare<[], { seq: number }>("SELECT json_extract(data, '$.seq') AS seq FROM events WHERE type = 'EventVoided'"),
    };
    this.head = this.stmts.head.get() ?? { seq: 0, hash: GENESIS_HASH };
  }

  /** Open (creating if needed) the log at `file`, migrate it, and bring projections up to date. */
  static open(
    file: string,
    options: { projections: readonly Projection[]; now?: () => Date; readonly?: boolean; replayAtOnceUpTo?: number },
  ): EventStore {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly: options.readonly ?? false });
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      migrate(db, file);
      // A read-only disk or folder lets SQLite open the file for reading only: find out now, with
      // a write that is rolled back, rather than at the first append (an empty BEGIN IMMEDIATE
      // does not touch a read-only file, so it would not tell).
      if (!options.readonly) writeProbe(db);
      const store = new EventStore(file, db, options.projections, options.now ?? (() => new Date()));
      store.refreshProjections(options.replayAtOnceUpTo ?? Number.POSITIVE_INFINITY);
      if (!options.readonly) store.openAnchor();
      return store;
    } catch (e) {
      if (db?.open) db.close();
      throw storageError(file, e, 'open');
    }
  }

  close(): void {
    if (this.anchorFd !== null) closeSync(this.anchorFd);
    this.anchorFd = null;
    this.db.close();
  }

  /** Called after each committed append with the events it wrote. */
  onAppended(listener: (events: StoredEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  headAnchor(): Anchor {
    return { ...this.head };
  }

  streamVersion(stream: string): number {
    return this.stmts.streamVersion.get(stream)?.v ?? 0;
  }

  /** Append to one stream. */
  append(stream: string, expected: ExpectedVersion, events: NewEvent[], meta: EventMeta): StoredEvent[] {
    return this.appendBatch([{ stream, expected, events }], meta);
  }

  /**
   * Append to several streams in one transaction: every expected version is checked, every event
   * validated, hashed and projected, then all commit together or none does.
   */
  appendBatch(requests: AppendRequest[], meta: EventMeta): StoredEvent[] {
    const metaText = canonicalJson(meta);
    const stored: StoredEvent[] = [];
    const headBefore = this.head;
    const run = this.db.transaction(() => {
      let { seq, hash } = this.head;
      for (const req of requests) {
        let version = this.checkExpected(req.stream, req.expected);
        for (const e of req.events) {
          const def = EVENT_TYPES[e.type];
          const parsed = def.data.safeParse(e.data);
          if (!parsed.success) {
            throw new SenError('INTERNAL', `Event ${e.type} does not match its schema: ${parsed.error.message}`);
          }
          seq += 1;
          version += 1;
          const recordedAt = this.now().toISOString();
          const row: EventRow = {
            seq,
            stream: req.stream,
            version,
            type: e.type,
            schema: def.schema,
            data: canonicalJson(parsed.data),
            meta: metaText,
            occurred_at: e.occurredAt ?? recordedAt,
            recorded_at: recordedAt,
            prev_hash: hash,
            hash: '',
          };
          row.hash = eventHash(hash, rowFields(row));
          hash = row.hash;
          this.stmts.insert.run(row);
          const event = toStored(row);
          for (const apply of this.appliers) apply(event);
          if (event.type === 'EventVoided') this.reprojectStream(event.stream);
          stored.push(event);
        }
      }
      this.head = { seq, hash };
    });
    try {
      run.immediate();
    } catch (e) {
      this.head = headBefore;
      throw isStorageFailure(e) ? storageError(this.file, e, 'append') : e;
    }
    this.writeAnchor();
    for (const l of this.listeners) l(stored);
    return stored;
  }

  /**
   * Import (`sen import`): insert rows that already carry their seq and hashes, in one transaction.
   * Each must follow the head (next seq, prev_hash = head hash) and its hash must recompute.
   * Projections are not run: call rebuild() after the last batch.
   */
  appendHashed(rows: readonly EventRow[]): void {
    const headBefore = this.head;
    try {
      this.db.transaction(() => {
        let { seq, hash } = this.head;
        for (const row of rows) {
          if (row.seq !== seq + 1) throw new SenError('VALIDATION', `Event ${row.seq} does not follow event ${seq}.`);
          if (row.prev_hash !== hash || eventHash(hash, rowFields(row)) !== row.hash) throw new SenError('VALIDATION', `Event ${row.seq} does not chain to event ${seq}.`);
          this.stmts.insert.run(row);
          seq = row.seq;
          hash = row.hash;
        }
        this.head = { seq, hash };
      }).immediate();
    } catch (e) {
      this.head = headBefore;
      throw e;
    }
    this.writeAnchor();
  }

  private checkExpected(stream: string, expected: ExpectedVersion): number {
    const current = this.streamVersion(stream);
    if (expected === 'any') return current;
    if (expected === 'no_stream') {
      if (current !== 0) throw new SenError('CONFLICT', `Stream ${stream} already exists (version ${current}).`);
      return 0;
    }
    if (current !== expected) {
      throw new SenError('CONFLICT', `Stream ${stream} is at version ${current}, expected ${expected}. Someone else changed it; reload and try again.`);
    }
    return current;
  }

  readStream(stream: string): StoredEvent[] {
    return this.stmts.readStream.all(stream).map(toStored);
  }

  readByType(type: string): StoredEvent[] {
    return this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE type = ? ORDER BY seq').all(type).map(toStored);
  }

  eventAt(seq: number): StoredEvent | null {
    const row = this.stmts.bySeq.get(seq);
    return row ? toStored(row) : null;
  }

  /** Every event after `afterSeq`, in order, read in batches so memory stays flat. */
  *readAll(afterSeq = 0): Generator<StoredEvent> {
    let last = afterSeq;
    for (;;) {
      const rows = this.stmts.readFrom.all(last, READ_BATCH);
      for (const row of rows) yield toStored(row);
      if (rows.length < READ_BATCH) return;
      last = rows[rows.length - 1]!.seq;
    }
  }

  /** A verifier over this log, from the start or from a trusted (seq, hash). */
  verifier(from?: Anchor): ChainVerifier {
    return new ChainVerifier((after, limit) => this.stmts.readFrom.all(after, limit), from);
  }

  /** Finish a walk: check the anchor file, and turn the verifier's findings into a report. */
  report(v: ChainVerifier): VerifyReport {
    v.checkAnchor(this.readAnchor(), (seq) => this.stmts.bySeq.get(seq)?.hash ?? null);
    const first = v.breaks[0];
    return { ok: !first, checked: v.checked, headSeq: this.maxSeq(), firstBadSeq: first?.seq ?? null, problem: first?.problem ?? null, breaks: v.breaks };
  }

  /** Full verification, synchronously (CLI, tests). The service walks in slices to show progress. */
  verify(): VerifyReport {
    const v = this.verifier();
    while (v.step());
    return this.report(v);
  }

  /**
   * Verify only what was appended since the last verified checkpoint (on start). The checkpoint
   * event must still carry the hash it had; a full verification re-checks everything.
   */
  verifySinceCheckpoint(): VerifyReport {
    const cp = this.checkpoint();
    if (cp && this.stmts.bySeq.get(cp.seq)?.hash !== cp.hash) {
      const v = this.verifier();
      v.addBreak(cp.seq, 'checkpoint', 'the last verified event no longer has the hash it had when it was verified');
      while (v.step());
      return this.report(v);
    }
    const v = this.verifier(cp ?? undefined);
    while (v.step());
    return this.report(v);
  }

  checkpoint(): Anchor | null {
    return this.db.prepare<[], Anchor>('SELECT seq, hash FROM verify_checkpoint WHERE id = 1').get() ?? null;
  }

  /** Record that the chain was verified up to `anchor` (mutable bookkeeping, not part of the log). */
  saveCheckpoint(anchor: Anchor): void {
    if (anchor.seq === 0) return;
    this.db
      .prepare('INSERT INTO verify_checkpoint (id, seq, hash, verified_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, verified_at = excluded.verified_at')
      .run(anchor.seq, anchor.hash, this.now().toISOString());
  }

  /** Seqs of events voided by a later EventVoided. */
  voidedSeqs(): Set<number> {
    return new Set(this.stmts.voided.all().map((r) => r.seq));
  }

  private maxSeq(): number {
    return this.stmts.head.get()?.seq ?? 0;
  }

  /** Drop every projection's tables and replay the whole log into them, in one transaction. */
  rebuild(only?: readonly Projection[]): { events: number; ms: number } {
    const started = performance.now();
    let events = 0;
    this.db.transaction(() => {
      for (const done of this.replay(only ?? this.projections)) events = done;
    }).immediate();
    this.bindProjections();
    return { events, ms: performance.now() - started };
  }

  /**
   * The same rebuild in slices, yielding to the event loop between them so the service can answer
   * "how far along" while a large log is replayed (projections changed by a new Sen version).
   */
  async rebuildInSlices(targets: readonly Projection[], onProgress: (done: number, total: number) => void): Promise<void> {
    const total = this.head.seq;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const done of this.replay(targets)) {
        onProgress(done, total);
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
    this.pending = [];
    this.bindProjections();
  }

  /**
   * Drop and re-create the targets' tables, then replay every event still in force into them.
   * Yields the number of events read after each batch. The caller owns the transaction.
   */
  private *replay(targets: readonly Projection[]): Generator<number> {
    for (const p of targets) {
      for (const t of p.tables) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
      this.db.exec(p.schemaSql);
      this.db.prepare('INSERT OR REPLACE INTO projection_versions (name, version) VALUES (?, ?)').run(p.name, p.version);
    }
    const appliers = targets.map((p) => p.bind(this.db));
    const voided = this.voidedSeqs();
    let done = 0;
    let last = 0;
    // Rows as arrays (no per-row object from the driver), and one parsed meta per distinct text:
    // most events in a row share their author. Measured: ~2x the events/s of SELECT * + toStored.
    const read = this.db.prepare<[number, number], ReplayRow>(`SELECT ${REPLAY_COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT ?`).raw(true);
    const metas = new Map<string, EventMeta>();
    for (;;) {
      const rows = read.all(last, REPLAY_BATCH);
      for (const row of rows) {
        if (voided.size > 0 && voided.has(row[0])) continue;
        const e = fromReplayRow(row, metas);
        for (const apply of appliers) apply(e);
      }
      done += rows.length;
      yield done;
      if (rows.length < REPLAY_BATCH) return;
      last = rows[rows.length - 1]![0];
    }
  }

  /** Projections whose version changed, left for the service to rebuild in slices (a large log). */
  pending: Projection[] = [];

  /**
   * A void undoes an event's effect: every projection that keys rows by stream forgets this
   * stream and replays its events that are still in force. A rebuild, which skips voided events
   * from the start, gives the same tables.
   */
  private reprojectStream(stream: string): void {
    const resets = this.projections.flatMap((p) => (p.resetStream ? [p.resetStream(this.db)] : []));
    for (const reset of resets) reset(stream);
    const voided = this.voidedSeqs();
    const appliers = this.projections.filter((p) => p.resetStream).map((p) => p.bind(this.db));
    for (const e of this.readStream(stream)) {
      if (voided.has(e.seq) || e.type === 'EventVoided') continue;
      for (const apply of appliers) apply(e);
    }
  }

  /**
   * Rebuild the projections that are new or whose version changed, then bind all of them. A small
   * log is replayed at once; a large one is left in `pending` for rebuildInSlices, with progress.
   */
  private refreshProjections(replayAtOnceUpTo: number): void {
    const rows = this.db.prepare<[], { name: string; version: number }>('SELECT name, version FROM projection_versions').all();
    const known = new Map(rows.map((r) => [r.name, r.version]));
    const stale = this.projections.filter((p) => known.get(p.name) !== p.version);
    if (stale.length > 0 && this.head.seq > replayAtOnceUpTo) this.pending = stale;
    else if (stale.length > 0) this.rebuild(stale);
    else this.bindProjections();
  }

  private bindProjections(): void {
    this.appliers = this.projections.map((p) => p.bind(this.db));
  }

  get anchorFile(): string {
    return `${this.file}.anchor.json`;
  }

  /**
   * Keep the latest (seq, hash) outside the database, so a cut-off tail or a rewritten file shows.
   * One fixed-size record rewritten in place on a file kept open: a temp-file-and-rename per append
   * cost more than the append itself. A torn record reads as "no anchor", never as a wrong one.
   */
  private openAnchor(): void {
    if (this.anchorFd === null) this.anchorFd = openSync(this.anchorFile, existsSync(this.anchorFile) ? 'r+' : 'w+');
  }

  private writeAnchor(): void {
    this.openAnchor();
    if (this.anchorFd === null) return;
    const record = Buffer.from(JSON.stringify(this.head).padEnd(ANCHOR_RECORD_BYTES, ' '));
    writeSync(this.anchorFd, record, 0, record.length, 0);
  }

  readAnchor(): Anchor | null {
    if (!existsSync(this.anchorFile)) return null;
    try {
      const a = JSON.parse(readFileSync(this.anchorFile, 'utf8')) as Anchor;
      return typeof a.seq === 'number' && typeof a.hash === 'string' ? a : null;
    } catch {
      return null;
    }
  }
}

function writeProbe(db: Database.Database): void {
  db.exec(`SAVEPOINT sen_write_probe;
    INSERT OR REPLACE INTO projection_versions (name, version) VALUES ('sen-write-probe', 0);
    ROLLBACK TO sen_write_probe; RELEASE sen_write_probe;`);
}

function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new SenError(
      'DB_FROM_NEWER_SEN',
      `The database ${file} was written by a newer version of Sen (schema ${current}; this Sen knows up to ${SCHEMA_VERSION}). Install the newer Sen to open it; nothing was changed.`,
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      MIGRATIONS[v]!(db);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}


/** Columns read by replay, in this order (see fromReplayRow). */
const REPLAY_COLUMNS = 'seq, stream, version, type, schema, data, meta, occurred_at, recorded_at, prev_hash, hash';
type ReplayRow = [number, string, number, string, number, string, string, string, string, string, string];
export const REPLAY_BATCH = 20_000;

/** toStored for replay: the same event, from an array row, with meta parsed once per distinct text. */
function fromReplayRow(r: ReplayRow, metas: Map<string, EventMeta>): StoredEvent {
  const { schema, data } = upcast(r[3], r[4], JSON.parse(r[5]));
  let meta = metas.get(r[6]);
  if (meta === undefined) {
    if (metas.size > 1000) metas.clear();
    meta = Object.freeze(JSON.parse(r[6]) as EventMeta);
    metas.set(r[6], meta);
  }
  return { seq: r[0], stream: r[1], version: r[2], type: r[3], schema, data, meta, occurredAt: r[7], recordedAt: r[8], prevHash: r[9], hash: r[10] } as StoredEvent;
}

/** A stored row as the current code sees it: data in the current shape of its type (upcast). */
function toStored(row: EventRow): StoredEvent {
  const { schema, data } = upcast(row.type, row.schema, JSON.parse(row.data));
  return {
    seq: row.seq,
    stream: row.stream,
    version: row.version,
    type: row.type,
    schema,
    data,
    meta: JSON.parse(row.meta),
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  } as StoredEvent;
}
