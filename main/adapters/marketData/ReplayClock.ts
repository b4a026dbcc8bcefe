import type { Clock } from '../../../shared/ports/Clock';
import { closedStretchAtOrAfter, openTimeBetween } from './ClosedHours';

export interface ReplayClockOptions {
  /** Real instant (epoch ms) at which the replay starts. */
  startReal: number;
  /** The past instant shown at `startReal`. */
  startVirtual: number;
  /** Virtual milliseconds per real millisecond: 1 replays in real time, 60 plays an hour a minute. */
  speed: number;
  /** Where real time comes from; the system clock by default. */
  realClock?: Clock;
  /**
   * Skip closed hours (the demo): from ten minutes after a regular close to ten minutes before the next
   * open, time jumps (ClosedHours.ts), so nights and weekends pass at once and every real second of the
   * demo is market time. Off: the past is played evenly.
   */
  skipClosedHours?: boolean;
}

/** Virtual time for the demo: a chosen past period played at a chosen speed, closed hours skipped if asked. */
export class ReplayClock implements Clock {
  private readonly startReal: number;
  private readonly startVirtual: number;
  private readonly speed: number;
  private readonly realClock: Clock;
  private readonly skip: boolean;
  /** A point the clock has reached: `open` ms of market time played, showing `virtual` (never inside a stretch). */
  private checkpoint: { open: number; virtual: number };

  constructor(options: ReplayClockOptions) {
    if (!(options.speed > 0) || !Number.isFinite(options.speed)) {
      throw new RangeError(`replay speed ${options.speed} must be a positive number`);
    }
    this.startReal = options.startReal;
    this.startVirtual = options.startVirtual;
    this.speed = options.speed;
    this.realClock = options.realClock ?? { now: () => Date.now() };
    this.skip = options.skipClosedHours ?? false;
    this.checkpoint = { open: 0, virtual: options.startVirtual };
  }

  now(): number {
    const played = Math.floor((this.realClock.now() - this.startReal) * this.speed);
    return this.skip ? this.virtualAfter(played) : this.startVirtual + played;
  }

  /** The real instant at which the replay reaches `virtualMs`, for scheduling (e.g. the next virtual tick). */
  realInstantOf(virtualMs: number): number {
    if (!this.skip || virtualMs < this.startVirtual)
      return this.startReal + Math.ceil((virtualMs - this.startVirtual) / this.speed);
    const from =
      virtualMs >= this.checkpoint.virtual ? this.checkpoint : { open: 0, virtual: this.startVirtual };
    // An instant inside a skipped stretch is reached when the stretch is jumped, at its start's real instant.
    return this.startReal + Math.ceil((from.open + openTimeBetween(from.virtual, virtualMs)) / this.speed);
  }

  /** The virtual instant after `played` ms of market time, jumping every stretch on the way. */
  private virtualAfter(played: number): number {
    if (played < this.checkpoint.open) this.checkpoint = { open: 0, virtual: this.startVirtual };
    let v = this.checkpoint.virtual;
    let remaining = played - this.checkpoint.open;
    for (;;) {
      const stretch = closedStretchAtOrAfter(v);
      if (v >= stretch.start) {
        v = stretch.end;
        this.checkpoint = { open: played - remaining, virtual: v };
        continue;
      }
      if (v + remaining < stretch.start) return v + remaining;
      remaining -= stretch.start - v;
      v = stretch.end;
      this.checkpoint = { open: played - remaining, virtual: v };
    }
  }
}
