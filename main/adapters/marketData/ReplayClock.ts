import type { Clock } from '../../../shared/ports/Clock';

export interface ReplayClockOptions {
  /** Real instant (epoch ms) at which the replay starts. */
  startReal: number;
  /** The past instant shown at `startReal`. */
  startVirtual: number;
  /** Virtual milliseconds per real millisecond: 1 replays in real time, 60 plays an hour a minute. */
  speed: number;
  /** Where real time comes from; the system clock by default. */
  realClock?: Clock;
}

/** Virtual time for the demo: a chosen past period played at a chosen speed. */
export class ReplayClock implements Clock {
  private readonly startReal: number;
  private readonly startVirtual: number;
  private readonly speed: number;
  private readonly realClock: Clock;

  constructor(options: ReplayClockOptions) {
    if (!(options.speed > 0) || !Number.isFinite(options.speed)) {
      throw new RangeError(`replay speed ${options.speed} must be a positive number`);
    }
    this.startReal = options.startReal;
    this.startVirtual = options.startVirtual;
    this.speed = options.speed;
    this.realClock = options.realClock ?? { now: () => Date.now() };
  }

  now(): number {
    return this.startVirtual + Math.floor((this.realClock.now() - this.startReal) * this.speed);
  }

  /** The real instant at which the replay reaches `virtualMs`, for scheduling (e.g. the next virtual tick). */
  realInstantOf(virtualMs: number): number {
    return this.startReal + Math.ceil((virtualMs - this.startVirtual) / this.speed);
  }
}
