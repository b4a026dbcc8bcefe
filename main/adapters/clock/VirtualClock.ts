import type { ScheduleClock } from './Timers';

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * Time that moves only when told (tests, benchmarks): `advanceTo` walks through the due timers in
 * order, setting the clock to each one's instant before running it, and lets the promises it starts
 * settle before going on. Deterministic: equal instants run in the order they were set.
 */
export class VirtualClock implements ScheduleClock {
  private t: number;
  private seq = 0;
  private pending: Pending[] = [];

  constructor(start: number) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  /** Moves the clock without running timers (a laptop lid closed: nothing ran meanwhile). */
  set(instant: number): void {
    this.t = instant;
  }

  at(instant: number, fn: () => void): () => void {
    const entry: Pending = { at: instant, seq: this.seq++, fn };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((p) => p !== entry);
    };
  }

  /** Runs every timer due up to `instant`, in order, then leaves the clock at `instant`. */
  async advanceTo(instant: number): Promise<void> {
    for (;;) {
      const next = this.pending
        .filter((p) => p.at <= instant)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (next === undefined) break;
      this.pending = this.pending.filter((p) => p !== next);
      if (next.at > this.t) this.t = next.at;
      next.fn();
      await settle();
    }
    if (instant > this.t) this.t = instant;
  }

  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.t + ms);
  }

  pendingCount(): number {
    return this.pending.length;
  }
}

/** Lets promise chains started by a timer run to their next real wait (I/O-free code runs to the end). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
