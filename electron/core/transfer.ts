/**
 * The whole log as a portable file (`sen export` / `sen import`): JSON lines, one event per line
 * with every column (data and meta as their stored canonical text, so each hash re-checks byte
 * for byte), then one line `{"anchor":{"seq":…,"hash":…}}` naming the last event, so a file cut
 * short is caught.
 */
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { EVENT_TYPES } from '../../shared/events';
import { DB_FILE, PROJECTIONS } from './service';
import { eventHash, GENESIS_HASH } from './store/canonical';
import { EventStore, type Anchor } from './store/eventStore';
import type { EventRow } from './store/verifier';

/** One stored row, as the events table holds it. */
type LogRow = EventRow;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');
const positive = z.number().int().positive();

/** One event line of an export. Keys in this order when written. */
const eventLine = z
  .object({
    seq: positive,
    stream: z.string().min(1),
    version: positive,
    type: z.string().min(1),
    schema: positive,
    data: z.string(),
    meta: z.string(),
    occurredAt: z.string().min(1),
    recordedAt: z.string().min(1),
    prevHash: hex64,
    hash: hex64,
  })
  .strict();
type EventLine = z.infer<typeof eventLine>;

const anchorLine = z.object({ anchor: z.object({ seq: z.number().int().nonnegative(), hash: hex64 }).strict() }).strict();

function toLine(r: LogRow): EventLine {
  return {
    seq: r.seq,
    stream: r.stream,
    version: r.version,
    type: r.type,
    schema: r.schema,
    data: r.data,
    meta: r.meta,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function toRow(l: EventLine): LogRow {
  return {
    seq: l.seq,
    stream: l.stream,
    version: l.version,
    type: l.type,
    schema: l.schema,
    data: l.data,
    meta: l.meta,
    occurred_at: l.occurredAt,
    recorded_at: l.recordedAt,
    prev_hash: l.prevHash,
    hash: l.hash,
  };
}

const WRITE_CHUNK = 1 << 20;

/**
 * The export text of the log in `db`, in pieces of about 1 MiB: one JSON line per event, then the
 * anchor line. Rows are read in one statement, so the pieces make one consistent snapshot. The
 * plain export and the encrypted backup (backup/) both write these pieces.
 */
export function* logChunks(db: Database.Database, onProgress: (events: number) => void = () => {}): Generator<string, { events: number; anchor: Anchor }> {
  let anchor: Anchor = { seq: 0, hash: GENESIS_HASH };
  let events = 0;
  let buffer = '';
  for (const row of db.prepare<[], LogRow>('SELECT * FROM events ORDER BY seq').iterate()) {
    buffer += `${JSON.stringify(toLine(row))}\n`;
    anchor = { seq: row.seq, hash: row.hash };
    events += 1;
    if (buffer.length >= WRITE_CHUNK) {
      onProgress(events);
      yield buffer;
      buffer = '';
    }
  }
  onProgress(events);
  yield `${buffer}${JSON.stringify({ anchor })}\n`;
  return { events, anchor };
}

/**
 * Write every event of the log in `db` to `out` (through a temp file beside it, renamed when complete and
 * synced).
 */
export function exportLog(db: Database.Database, out: string): { events: number; anchor: Anchor } {
  const target = resolve(out);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  const fd = openSync(temp, 'w');
  try {
    const chunks = logChunks(db);
    let next = chunks.next();
    while (!next.done) {
      writeSync(fd, next.value);
      next = chunks.next();
    }
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, target);
    return next.value;
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw e;
  }
}

/** A refusal of an import file: names the line (and seq) and what is wrong. */
export class ImportError extends Error {}

const IMPORT_BATCH = 5000;

function issueText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ');
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** Whether `dir` is missing or an empty folder. */
export function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Import an export file into `dataDir`, which must be missing or empty. Every line is checked
 * (shape, seq order, prev_hash links, each hash, stream versions, the final anchor line) while the
 * database is built in a temp folder beside `dataDir`; only a complete, verified database is
 * moved into place. A refused file leaves `dataDir` as it was.
 */
export async function importLog(file: string, dataDir: string): Promise<{ events: number; anchor: Anchor; rebuildMs: number }> {
  if (!existsSync(file)) throw new ImportError(`The file ${resolve(file)} does not exist.`);
  return importLines(fileLines(file), dataDir);
}

/** The lines of a plain export file. */
export function fileLines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

/**
 * Build a new data folder `dataDir` (missing or empty) from the lines of an export, as importLog
 * does: checked line by line, built in a temp folder beside it, projections rebuilt, the chain
 * verified again, and only then moved into place. The encrypted restore (backup/) uses it too.
 */
export async function importLines(lines: AsyncIterable<string>, dataDir: string): Promise<{ events: number; anchor: Anchor; rebuildMs: number }> {
  const target = resolve(dataDir);
  if (!isEmptyFolder(target)) throw new ImportError(`The folder ${target} is not empty: import only into a new, empty data folder.`);
  mkdirSync(dirname(target), { recursive: true });
  const temp = mkdtempSync(join(dirname(target), `.${basename(target)}.import-`));
  let store: EventStore | null = null;
  try {
    store = EventStore.open(join(temp, DB_FILE), { projections: PROJECTIONS });
    const result = await load(store, lines);
    const { ms } = store.rebuild();
    const report = store.verify();
    if (!report.ok) throw new ImportError(`The imported log does not verify at seq ${report.firstBadSeq ?? '?'}: ${report.problem ?? 'unknown problem'}`);
    // Verified in full just now: the first start need not walk millions of events again.
    store.saveCheckpoint(store.headAnchor());
    store.close();
    store = null;
    if (existsSync(target)) rmdirSync(target);
    renameSync(temp, target);
    return { ...result, rebuildMs: ms };
  } catch (e) {
    store?.close();
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
}

async function load(store: EventStore, lines: AsyncIterable<string>): Promise<{ events: number; anchor: Anchor }> {
  let batch: LogRow[] = [];
  const flush = () => {
    if (batch.length > 0) store.appendHashed(batch);
    batch = [];
  };
  const result = await checkLines(lines, (row) => {
    batch.push(row);
    if (batch.length >= IMPORT_BATCH) flush();
  });
  flush();
  return result;
}

/**
 * Check the lines of an export one by one (shape, seq order, prev_hash links, each hash, known
 * event types and schemas, stream versions, the final anchor line), handing each checked event to
 * `onRow`. Throws ImportError at the first problem; the encrypted backup's read-back uses it alone.
 */
export async function checkLines(lines: AsyncIterable<string>, onRow: (row: LogRow) => void = () => {}): Promise<{ events: number; anchor: Anchor }> {
  let lineNo = 0;
  let prev: Anchor = { seq: 0, hash: GENESIS_HASH };
  let anchor: Anchor | null = null;
  const versions = new Map<string, number>();
  for await (const text of lines) {
    lineNo += 1;
    const at = (seq?: number) => `line ${lineNo}${seq === undefined ? '' : ` (seq ${seq})`}`;
    if (anchor) throw new ImportError(`${at()}: nothing may follow the anchor line (line ${lineNo - 1}).`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ImportError(`${at()}: not a JSON line.`);
    }
    if (typeof value === 'object' && value !== null && 'anchor' in value) {
      const a = anchorLine.safeParse(value);
      if (!a.success) throw new ImportError(`${at()}: the anchor line is malformed: ${issueText(a.error)}`);
      anchor = a.data.anchor;
      if (anchor.seq !== prev.seq || anchor.hash !== prev.hash) {
        throw new ImportError(`${at()}: the anchor names event ${anchor.seq} (${anchor.hash.slice(0, 12)}…) but the last event in the file is ${prev.seq} (${prev.hash.slice(0, 12)}…): events were cut off or added.`);
      }
      continue;
    }
    const parsed = eventLine.safeParse(value);
    if (!parsed.success) throw new ImportError(`${at()}: not an event line: ${issueText(parsed.error)}`);
    const e = parsed.data;
    if (e.seq !== prev.seq + 1) {
      throw new ImportError(`${at(e.seq)}: expected seq ${prev.seq + 1}: lines are out of order, missing or repeated.`);
    }
    if (e.prevHash !== prev.hash) {
      throw new ImportError(`${at(e.seq)}: prevHash does not match the hash of event ${prev.seq} (an event was removed, inserted or reordered).`);
    }
    const row = toRow(e);
    if (eventHash(prev.hash, e) !== e.hash) {
      throw new ImportError(`${at(e.seq)}: the content does not match its hash (the line was edited).`);
    }
    const def = (EVENT_TYPES as Record<string, { schema: number } | undefined>)[e.type];
    if (!def) throw new ImportError(`${at(e.seq)}: unknown event type ${e.type} (written by a newer Sen?).`);
    if (e.schema > def.schema) throw new ImportError(`${at(e.seq)}: ${e.type} schema ${e.schema} is newer than this Sen knows (${def.schema}).`);
    if (!isJsonObject(e.data) || !isJsonObject(e.meta)) throw new ImportError(`${at(e.seq)}: data and meta must be JSON objects.`);
    const version = (versions.get(e.stream) ?? 0) + 1;
    if (e.version !== version) throw new ImportError(`${at(e.seq)}: stream ${e.stream} should be at version ${version} here, not ${e.version}.`);
    versions.set(e.stream, version);
    onRow(row);
    prev = { seq: e.seq, hash: e.hash };
  }
  if (!anchor) throw new ImportError(`line ${lineNo + 1}: the anchor line is missing: the file was cut off (or is not a Sen export).`);
  return { events: prev.seq, anchor };
}
