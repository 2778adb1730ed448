import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { AppError } from '../errors';
import type { Logger } from '../logger';

/** How often the event loop's delay is read. */
const SAMPLE_MS = 100;
/** The delay monitor's own timer (Node's histogram records each tick of it, this included). */
const RESOLUTION_MS = 10;
/**
 * What a refused client is told to wait, in seconds (Retry-After). A constant: the loop catches up within
 * a fraction of a second once new work stops, and a person reading a question takes longer than that anyway.
 * Each refusal costs about what the transport costs for a turn, and clients that come back sooner are
 * refused more often: 2 s served ~13 % more than 1 s in the benchmark's paced run (docs/performance.md).
 */
const RETRY_AFTER_SECONDS = 2;
/** How much a new reading weighs in the recent delay. */
const SMOOTHING = 0.5;
/** An overload is logged as over after this long below the threshold (one line when it starts, one when it ends). */
const CALM_MS = 1000;

/**
 * Admission control by event-loop delay, and by the turns in progress. When the loop is behind by more than
 * the threshold, or as many session starts and turns as allowed are already in progress, the work that would
 * make it fall further behind (a session start, a turn) is refused at once with 503 SERVER_BUSY instead of
 * being queued: queued, it would be answered seconds late (past the Redis store's call limit, every call
 * failing) and the clients' retries would keep the server saturated. A refusal costs about what the transport
 * costs for a turn, so a server past its capacity keeps serving most of what it can (about three quarters in
 * the benchmark, docs/performance.md) and refuses the rest quickly.
 *
 * The delay alone reacts too late: it is measured once the loop has fallen behind, and one round of the loop
 * can read thousands of messages at once (clients refused together come back together), each then holding
 * store calls and a share of the next rounds. The cap on turns in progress bounds that burst, and so the
 * length of a round and the backlog of store replies; the delay covers the rest (refusals, garbage
 * collection, a process kept waiting for its core).
 *
 * Every SAMPLE_MS, the delay is read as the larger of: the longest delay Node's histogram
 * (perf_hooks.monitorEventLoopDelay) saw since the last reading, and how late the reading itself ran (the
 * histogram misses the tick that follows its reset). What decides is the recent delay, each reading
 * weighing half (SMOOTHING): overload is a loop that stays behind, and one stall alone (a garbage
 * collection, a slow disk write) is worked off by the time it would be noticed, so a single reading of up to
 * twice the threshold refuses nothing, and a loop that stays behind is found at its first or second reading.
 */
export class LoadGuard {
  private readonly histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private readonly timer: NodeJS.Timeout | undefined;
  /** When the next reading is due (performance.now()). */
  private due = performance.now() + SAMPLE_MS;
  /** The recent delay, in ms. */
  private lagMs = 0;
  /** Since when the loop has been found behind, and how much was refused meanwhile (for one log line each way). */
  private busySince: number | undefined;
  private calmSince: number | undefined;
  private refused = 0;
  /** Session starts and turns admitted and not finished. */
  private inProgress = 0;
  private readonly thresholdMs: number;
  private readonly maxInProgress: number;

  /** lagMs 0: the delay refuses nothing; maxInProgress 0: no cap. */
  constructor(
    limits: { lagMs: number; maxInProgress: number },
    private readonly logger: Logger,
  ) {
    this.thresholdMs = limits.lagMs;
    this.maxInProgress = limits.maxInProgress;
    if (this.thresholdMs <= 0) return;
    this.histogram.enable();
    this.timer = setInterval(() => this.read(), SAMPLE_MS);
    this.timer.unref();
  }

  private read() {
    const now = performance.now();
    const late = now - this.due;
    this.due = now + SAMPLE_MS;
    // The histogram records each of its ticks' interval, RESOLUTION_MS included; it is empty after a reset until two
    // ticks (max is then 0).
    const seen = this.histogram.count > 0 ? this.histogram.max / 1e6 - RESOLUTION_MS : 0;
    this.histogram.reset();
    this.lagMs = SMOOTHING * Math.max(late, seen, 0) + (1 - SMOOTHING) * this.lagMs;
    if (this.lagMs > this.thresholdMs) {
      this.calmSince = undefined;
      if (this.busySince === undefined) {
        this.busySince = now;
        this.logger.warn({ lagMs: Math.round(this.lagMs) }, 'overloaded: refusing new work');
      }
    } else if (this.busySince !== undefined) {
      // Over once calm for a while: under sustained overload the delay swings around the threshold.
      this.calmSince ??= now;
      if (now - this.calmSince < CALM_MS) return;
      this.logger.info({ ms: Math.round(this.calmSince - this.busySince), refused: this.refused }, 'overload over');
      this.busySince = undefined;
      this.calmSince = undefined;
      this.refused = 0;
    }
  }

  /** Whether new work is refused now. */
  get busy(): boolean {
    return this.thresholdMs > 0 && this.lagMs > this.thresholdMs;
  }

  /** Session starts and turns in progress now. */
  get running(): number {
    return this.inProgress;
  }

  /**
   * Admits a session start or a turn, or throws SERVER_BUSY (the loop behind, or the cap reached); the function
   * returned ends it (once only), whether it succeeded or failed.
   */
  admit(lang?: string): () => void {
    if (this.busy || (this.maxInProgress > 0 && this.inProgress >= this.maxInProgress)) {
      this.refused++;
      throw new AppError('SERVER_BUSY', { retryAfter: RETRY_AFTER_SECONDS, ...(lang ? { lang } : {}) });
    }
    this.inProgress++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inProgress--;
    };
  }

  close(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }
}
