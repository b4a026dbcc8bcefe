import { exchangeDateOf } from '../../shared/domain/calendar';
import { exchangeDayBounds } from '../../shared/application/trading/exchangeDay';
import type { Logger } from '../../shared/ports/Logger';
import type { ScheduleClock } from '../adapters/clock/Timers';

export interface DailyJobSchedulerOptions {
  clock: ScheduleClock;
  logger: Logger;
  /** The day's jobs for exchange date `today` (ingestion, then processing with catch-up). */
  run(today: string): Promise<void>;
  /** How long after New York midnight the daily run fires: off-hours, before the 04:00 extended session. */
  offsetMs?: number;
}

/** 00:15 New York: hours before any session, after the exchange date has turned. */
export const DAILY_JOBS_OFFSET_MS = 15 * 60_000;

/**
 * The timer of the daily dividend and corporate-action jobs (SPEC 1 "DividendIngestion and
 * DividendProcessing — daily, off-hours, with catch-up"; ADR 0089), apart from the tick scheduler: they
 * run while trading is paused, and a tick never waits for them (the provider's dividend history can take
 * seconds). It runs once at start (catching up every missed day), then at 00:15 New York each exchange
 * date; one run at a time, and a date whose run failed is tried again at the next `ensureToday`.
 */
export class DailyJobScheduler {
  private readonly offsetMs: number;
  private cancelTimer: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private lastDate: string | null = null;
  private started = false;

  constructor(private readonly options: DailyJobSchedulerOptions) {
    this.offsetMs = options.offsetMs ?? DAILY_JOBS_OFFSET_MS;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    void this.ensureToday();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.running;
  }

  /** The exchange date whose run last completed (or is under way). */
  lastRunDate(): string | null {
    return this.lastDate;
  }

  isRunning(): boolean {
    return this.running !== null;
  }

  /**
   * Starts today's run unless it ran (or runs) already; resolves when it is done. Never throws: a failed
   * run is logged and tried again at the next call. Ticks call it without waiting.
   */
  ensureToday(): Promise<void> {
    if (this.running !== null) return this.running;
    const today = exchangeDateOf(this.options.clock.now());
    if (this.lastDate === today) return Promise.resolve();
    return this.runFor(today);
  }

  /** Runs the jobs for today again now (after a dividend entered by hand), after the run under way. */
  async runNow(): Promise<void> {
    await this.running;
    await this.runFor(exchangeDateOf(this.options.clock.now()));
  }

  /** When the next daily run is due, epoch ms on the clock; null when stopped. */
  nextRunAt(): number | null {
    if (!this.started) return null;
    const now = this.options.clock.now();
    const today = exchangeDayBounds(exchangeDateOf(now));
    const todayRun = today.fromMs + this.offsetMs;
    return todayRun > now ? todayRun : exchangeDayBounds(exchangeDateOf(today.toMs)).fromMs + this.offsetMs;
  }

  private runFor(today: string): Promise<void> {
    this.lastDate = today;
    const log = this.options.logger.child({ component: 'daily', date: today });
    this.running = this.options
      .run(today)
      .catch((err: unknown) => {
        this.lastDate = null; // try again at the next call
        log.error('daily corporate-action jobs failed (bug)', {
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
        });
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private schedule(): void {
    const at = this.nextRunAt();
    if (at === null) return;
    this.cancelTimer = this.options.clock.at(at, () => {
      this.cancelTimer = null;
      if (!this.started) return;
      void this.ensureToday();
      this.schedule();
    });
  }
}
