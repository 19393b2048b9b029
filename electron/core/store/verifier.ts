import type { BreakKind, ChainBreak } from '../../../shared/api';
import { eventHash, GENESIS_HASH, type HashedFields } from './canonical';

/** The stored columns of one event, as verification reads them (no parsing, no upcasting). */
export interface EventRow {
  seq: number;
  stream: string;
  version: number;
  type: string;
  schema: number;
  data: string;
  meta: string;
  occurred_at: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

export type { BreakKind, ChainBreak } from '../../../shared/api';

export function rowFields(row: EventRow): HashedFields {
  return {
    seq: row.seq,
    stream: row.stream,
    version: row.version,
    type: row.type,
    schema: row.schema,
    data: row.data,
    meta: row.meta,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
  };
}

/** Breaks kept in a report: enough to act on, bounded for a badly damaged file. */
const MAX_BREAKS = 100;

/**
 * Walks the chain batch by batch, so a caller can report progress or yield between batches.
 * Each row is checked for: the seq it should have (a missing event), its prev_hash against the
 * hash before it (removed, inserted or reordered events), and its own hash recomputed from its
 * columns (an edited event). After a break it resynchronises on the stored hash, so one
 * tampering is reported once, at its own seq, and the walk goes on to find any others.
 */
export class ChainVerifier {
  private prev: string;
  private expectedSeq: number;
  private lastSeq: number;
  private resync = false;
  checked = 0;
  readonly breaks: ChainBreak[] = [];

  constructor(
    private readonly read: (afterSeq: number, limit: number) => EventRow[],
    from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
  ) {
    this.prev = from.hash;
    this.lastSeq = from.seq;
    this.expectedSeq = from.seq + 1;
  }

  /** Seq of the last event checked. */
  get position(): number {
    return this.lastSeq;
  }

  /** Check the next batch; returns false once the end of the log is reached. */
  step(batchSize = 5000): boolean {
    const rows = this.read(this.lastSeq, batchSize);
    for (const row of rows) this.check(row);
    return rows.length === batchSize;
  }

  private check(row: EventRow): void {
    let problem: [BreakKind, string] | null = null;
    if (row.seq !== this.expectedSeq) {
      this.addBreak(this.expectedSeq, 'missing', `event ${this.expectedSeq} is missing (the next one present is ${row.seq}): events were removed`);
      this.resync = true;
    }
    if (!this.resync && row.prev_hash !== this.prev) {
      problem = ['link', 'its prev_hash does not match the event before it: an event was removed, inserted or reordered'];
    } else if (eventHash(row.prev_hash, rowFields(row)) !== row.hash) {
      problem = ['edited', 'its content does not match its hash: the event was edited'];
    }
    if (problem) this.addBreak(row.seq, ...problem);
    this.prev = row.hash;
    this.lastSeq = row.seq;
    this.expectedSeq = row.seq + 1;
    this.resync = false;
    this.checked += 1;
  }

  /** The anchor kept outside the database must name an event that is there, with that hash. */
  checkAnchor(anchor: { seq: number; hash: string } | null, hashAt: (seq: number) => string | null): void {
    if (!anchor || anchor.seq === 0) return;
    const hash = hashAt(anchor.seq);
    if (hash === null) this.addBreak(this.lastSeq + 1, 'cut', `the log ends at event ${this.lastSeq} but the anchor file records event ${anchor.seq}: events were cut off`);
    else if (hash !== anchor.hash) this.addBreak(anchor.seq, 'anchor', 'its hash differs from the one recorded in the anchor file: the log was rewritten');
  }

  addBreak(seq: number, kind: BreakKind, problem: string): void {
    if (this.breaks.length < MAX_BREAKS) this.breaks.push({ seq, kind, problem });
  }
}
