import type { SimEvent, SimTrade } from './SimulationResult';

/**
 * The trades and events of a run, numbered in the order they happen across all positions. A summary
 * run (a sweep's inner loop) keeps no rows at all: `detailed` is false and the replays only count.
 *
 * Callers pass each row as one object literal with `seq: 0` first; the log numbers it in place. (An
 * object spread followed by more properties, `{ seq, ...row }` or `{ ...base, type }`, takes V8's slow
 * path for every property after the spread: it cost more than the rest of a detailed run together.)
 */
export class RunLog {
  readonly trades: SimTrade[] = [];
  readonly events: SimEvent[] = [];

  constructor(readonly detailed: boolean) {}

  addTrade(trade: SimTrade): number {
    trade.seq = this.trades.length + 1;
    this.trades.push(trade);
    return trade.seq;
  }

  addEvent(event: SimEvent): void {
    event.seq = this.events.length + 1;
    this.events.push(event);
  }
}
