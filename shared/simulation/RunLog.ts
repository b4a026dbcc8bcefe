import type { SimEvent, SimTrade } from './SimulationResult';

/**
 * The trades and events of a run, numbered in the order they happen across all positions. A summary
 * run (a sweep's inner loop) keeps no rows at all: `detailed` is false and the replays only count.
 */
export class RunLog {
  readonly trades: SimTrade[] = [];
  readonly events: SimEvent[] = [];

  constructor(readonly detailed: boolean) {}

  addTrade(trade: Omit<SimTrade, 'seq'>): number {
    const seq = this.trades.length + 1;
    this.trades.push({ seq, ...trade });
    return seq;
  }

  addEvent(event: Omit<SimEvent, 'seq'>): void {
    this.events.push({ seq: this.events.length + 1, ...event });
  }
}
