import type { SimEvent, SimTrade } from './SimulationResult';
import type { UnpaidDividend } from './SimulationSpec';

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

  /** SPEC 5: a dividend accrued at its ex-date on the shares held (every strategy's replay logs it so). */
  dividendAccrued(at: string, symbol: string, d: UnpaidDividend): void {
    this.addEvent({
      seq: 0,
      at,
      symbol,
      tradeSeq: null,
      type: 'DividendAccrued',
      qty: d.qtyEligible,
      price: d.amount,
      amountCents: d.netCents,
      anchorBefore: null,
      anchorAfter: null,
      detail: `ex-date ${d.exDate}, pay ${d.payDate}`,
    });
  }

  /** SPEC 5: an accrued dividend paid in cash at its pay date. */
  dividendPaid(at: string, symbol: string, d: UnpaidDividend): void {
    this.addEvent({
      seq: 0,
      at,
      symbol,
      tradeSeq: null,
      type: 'DividendPaid',
      qty: d.qtyEligible,
      price: d.amount,
      amountCents: d.netCents,
      anchorBefore: null,
      anchorAfter: null,
      detail: `ex-date ${d.exDate}`,
    });
  }
}
