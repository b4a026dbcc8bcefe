import type { Clock } from '../../../shared/ports/Clock';

/** Timers on a clock's own time line: the system's, the demo's replay, or a test's virtual time. */
export interface ScheduleClock extends Clock {
  /** Calls `fn` once the clock reads `instant` or later; returns a cancel function. */
  at(instant: number, fn: () => void): () => void;
}

/** Wall-clock time and Node timers. */
export class SystemClock implements ScheduleClock {
  now(): number {
    return Date.now();
  }
  at(instant: number, fn: () => void): () => void {
    const handle = setTimeout(fn, Math.max(0, instant - Date.now()));
    return () => clearTimeout(handle);
  }
}

/** Any clock whose virtual instant maps to a real one (the demo's ReplayClock), on Node timers. */
export class MappedClock implements ScheduleClock {
  constructor(private readonly inner: Clock & { realInstantOf(virtualMs: number): number }) {}
  now(): number {
    return this.inner.now();
  }
  at(instant: number, fn: () => void): () => void {
    const handle = setTimeout(fn, Math.max(0, this.inner.realInstantOf(instant) - Date.now()));
    return () => clearTimeout(handle);
  }
}
