import type { ChainBreak, IntegrityStatus, VerifyReport } from '../../../shared/api';
import type { EventStore } from '../store/eventStore';

type Break = ChainBreak;

/**
 * Pacing of a walk. Asked for (System page, with progress): slices of ~20 ms back to back. In the
 * background after start: slices of ~5 ms with a pause after each, so appends and queries are
 * held up by at most a few milliseconds (the p99 append bar) while it runs.
 */
const PACE = {
  asked: { slice: 2_000, pauseMs: 0 },
  background: { slice: 500, pauseMs: 5 },
} as const;

/**
 * What Sen knows of its chain: verified incrementally on start, fully on demand (in slices, so
 * the core keeps answering and the screen shows progress). While a break nobody has acknowledged
 * stands, the service refuses to write; an admin's acknowledgement (itself an event) lifts that.
 */
export class IntegrityMonitor {
  private state: IntegrityStatus['state'] = 'ok';
  private breaks: Break[] = [];
  private checkedAt: string | null = null;
  private progress: { checked: number; total: number } | null = null;
  private running: Promise<VerifyReport | null> | null = null;
  private pace: (typeof PACE)[keyof typeof PACE] = PACE.asked;
  private closed = false;

  constructor(
    private readonly store: EventStore,
    private readonly now: () => Date,
  ) {}

  /** Start-up: only what was appended since the last verified checkpoint. */
  checkOnStart(): VerifyReport {
    const report = this.store.verifySinceCheckpoint();
    this.apply(report);
    return report;
  }

  /**
   * On a clean close: verify what this session appended and move the checkpoint to the head, so
   * the next start only walks what was written after (a crash leaves the old checkpoint: the next
   * start walks a little more). Not while a break stands unacknowledged.
   */
  checkpointOnClose(): void {
    if (this.state === 'broken') return;
    const report = this.store.verifySinceCheckpoint();
    const known = this.acknowledgedSeqs();
    if (report.breaks.every((b) => known.has(b.seq))) this.store.saveCheckpoint(this.store.headAnchor());
  }

  /**
   * Full walk from the first event, yielding between slices. Concurrent callers share one walk.
   * Resolves null if the store closes first.
   */
  verifyFully(background = false): Promise<VerifyReport | null> {
    // Someone asking speeds up a background walk already under way.
    if (!background || !this.running) this.pace = background ? PACE.background : PACE.asked;
    this.running ??= this.walk().finally(() => {
      this.running = null;
      this.progress = null;
    });
    return this.running;
  }

  /** The store is closing: a walk in progress stops at its next slice. */
  close(): void {
    this.closed = true;
  }

  private async walk(): Promise<VerifyReport | null> {
    const total = this.store.headAnchor().seq;
    const v = this.store.verifier();
    this.progress = { checked: 0, total };
    for (;;) {
      if (this.closed) return null;
      if (!v.step(this.pace.slice)) break;
      this.progress = { checked: v.checked, total: Math.max(total, v.checked) };
      const pause = this.pace.pauseMs;
      await new Promise((resolve) => (pause > 0 ? setTimeout(resolve, pause) : setImmediate(resolve)));
    }
    const report = this.store.report(v);
    this.apply(report);
    return report;
  }

  get readOnly(): boolean {
    return this.state === 'broken';
  }

  status(): IntegrityStatus {
    return { state: this.state, breaks: this.breaks, checkedAt: this.checkedAt, verification: this.progress };
  }

  /** The breaks an admin acknowledges now: the ones still standing. */
  unacknowledged(): Break[] {
    return this.state === 'broken' ? this.breaks : [];
  }

  /** After the acknowledgement event is in the log: write again, and verify from here on. */
  acknowledged(): void {
    this.state = 'acknowledged';
    this.breaks = this.acknowledgedBreaks();
    this.store.saveCheckpoint(this.store.headAnchor());
  }

  private apply(report: VerifyReport): void {
    this.checkedAt = this.now().toISOString();
    const known = this.acknowledgedSeqs();
    const standing = report.breaks.filter((b) => !known.has(b.seq));
    if (standing.length > 0) {
      this.state = 'broken';
      this.breaks = standing;
      return;
    }
    // Breaks acknowledged in the past stay visible, even when this walk started after them.
    this.state = known.size > 0 ? 'acknowledged' : 'ok';
    this.breaks = this.acknowledgedBreaks();
    this.store.saveCheckpoint(this.store.headAnchor());
  }

  private acknowledgedBreaks(): Break[] {
    return this.store.readByType('ChainBreakAcknowledged').flatMap((e) => (e.type === 'ChainBreakAcknowledged' ? e.data.breaks : []));
  }

  private acknowledgedSeqs(): Set<number> {
    return new Set(this.acknowledgedBreaks().map((b) => b.seq));
  }
}
