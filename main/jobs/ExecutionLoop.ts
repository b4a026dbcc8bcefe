import type { Logger } from '../../shared/ports/Logger';
import type { ScheduleClock } from '../adapters/clock/Timers';

export interface ExecutionLoopOptions {
  clock: ScheduleClock;
  logger: Logger;
  /** How often to look for due intents (retries after backoff, expired leases), on the clock's time. */
  pollMs: number;
  /** One drain of the queue; `shouldStop` turns true when the loop is stopping. */
  drain(shouldStop: () => boolean): Promise<void>;
}

/**
 * The ExecutionWorker's timer (SPEC 4.2): drains the queue when kicked (a tick created orders) and
 * every `pollMs`; one drain at a time. Stopping lets the intent in flight finish (its fill transaction
 * commits) and starts no other.
 */
export class ExecutionLoop {
  private running: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  private cancelTimer: (() => void) | null = null;

  constructor(private readonly options: ExecutionLoopOptions) {}

  start(): void {
    this.stopping = false;
    this.schedule();
  }

  /** Drains now (or right after the drain under way). Resolves when the queue has been drained. */
  kick(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.running;
  }

  isDraining(): boolean {
    return this.running !== null;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.options.drain(() => this.stopping);
      } catch (err) {
        this.options.logger.error('execution drain failed (bug)', {
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
        });
      }
    } while (this.again && !this.stopping);
  }

  private schedule(): void {
    if (this.stopping) return;
    this.cancelTimer = this.options.clock.at(this.options.clock.now() + this.options.pollMs, () => {
      this.cancelTimer = null;
      void this.kick().finally(() => this.schedule());
    });
  }
}
