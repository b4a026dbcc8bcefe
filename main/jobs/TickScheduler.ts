import { slotStart, slotTickId, TICK_INTERVAL_MS } from '../../shared/application/trading/tickId';
import type { Logger } from '../../shared/ports/Logger';
import type { ScheduleClock } from '../adapters/clock/Timers';

export interface TickSchedulerOptions {
  clock: ScheduleClock;
  logger: Logger;
  intervalMs?: number;
  /** Runs one scheduled tick; the scheduler never starts another while it runs. */
  runTick(tickId: string): Promise<void>;
  /** A slot came due while a tick was running (or trading was paused): it is recorded, not run. */
  onSkipped(tickId: string, why: string): void;
}

/**
 * The 5-minute timer of the TradingOrchestrator (SPEC 4.1.1): fires at each slot boundary of its clock
 * (:00, :05, …). A slot that comes due while the previous tick still runs is skipped (never overlaps);
 * after sleep or downtime the timer simply fires for the current slot, and the tick counts the missed
 * ones. Manual ticks go through `exclusive` so they never overlap a scheduled one either.
 */
export class TickScheduler {
  private readonly intervalMs: number;
  private cancelTimer: (() => void) | null = null;
  private lastSlot = -Infinity;
  private running: Promise<void> | null = null;
  private runningTickId: string | null = null;
  private paused = false;
  private started = false;

  constructor(private readonly options: TickSchedulerOptions) {
    this.intervalMs = options.intervalMs ?? TICK_INTERVAL_MS;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule();
  }

  /** Stops the timer; resolves when the tick in flight (if any) has finished. */
  async stop(): Promise<void> {
    this.started = false;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.running;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  isPaused(): boolean {
    return this.paused;
  }

  tickInProgress(): string | null {
    return this.runningTickId;
  }

  /** When the next scheduled tick fires, on the scheduler's clock; null when stopped. */
  nextTickAt(): number | null {
    return this.started ? slotStart(this.options.clock.now(), this.intervalMs) + this.intervalMs : null;
  }

  /**
   * The slot that is due now: runs its tick, or records it as skipped. Called by the timer; tests on a
   * virtual clock call it directly to step through a day. Resolves when the tick has finished.
   */
  async fire(): Promise<void> {
    const slot = slotStart(this.options.clock.now(), this.intervalMs);
    if (this.started) this.schedule();
    if (slot <= this.lastSlot) return; // the same slot again (a timer that woke early)
    this.lastSlot = slot;
    const tickId = slotTickId(slot);
    if (this.running !== null) {
      this.options.onSkipped(tickId, `tick ${this.runningTickId ?? '?'} was still running`);
      return;
    }
    if (this.paused) {
      this.options.onSkipped(tickId, 'trading is paused');
      return;
    }
    await this.exclusive(tickId, () => this.options.runTick(tickId));
  }

  /** Runs `fn` as the one tick in progress: waits for a running tick first, so ticks never overlap. */
  async exclusive<T>(tickId: string, fn: () => Promise<T>): Promise<T> {
    while (this.running !== null) await this.running;
    let done!: () => void;
    this.running = new Promise<void>((resolve) => (done = resolve));
    this.runningTickId = tickId;
    try {
      return await fn();
    } catch (err) {
      this.options.logger.error('tick failed (bug)', {
        tickId,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
      throw err;
    } finally {
      this.running = null;
      this.runningTickId = null;
      done();
    }
  }

  private schedule(): void {
    this.cancelTimer?.();
    const next = slotStart(this.options.clock.now(), this.intervalMs) + this.intervalMs;
    this.cancelTimer = this.options.clock.at(next, () => {
      this.cancelTimer = null;
      void this.fire().catch(() => undefined);
    });
  }
}
