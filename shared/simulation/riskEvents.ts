import type { ReasonCode } from '../domain/ReasonCode';
import { VALIDATOR_CODES } from '../domain/risk/OrderValidator';
import type { SimRiskEventFacts, SimRiskEventKind } from '../format/SimRiskEventWords';
import type { SimEvent, SimTrade } from './SimulationResult';

/**
 * A simulation's risk events (SPEC 9, issue 17, ADR 0155): what the risk manager and the order
 * validator did in a run — each stop's exit (a trade with the stop as its reason), each order the
 * validator refused (a REJECTED trade with the check's code), each halt of the portfolio (a
 * `TradingHalted` event) — in time order, for the results view and every report format. Facts only;
 * the words are shared/format/SimRiskEventWords.ts.
 */
export type { SimRiskEventKind };

export interface SimRiskEvent extends SimRiskEventFacts {
  /** Bar label: a stop exit's fill, a rejection's decision, a halt's bar. */
  at: string;
  /** '' for the whole portfolio (a halt). */
  symbol: string;
  /** The trade it is (stop exits and rejections). */
  tradeSeq: number | null;
  /** A rejection's validator codes (SPEC 9), else empty. */
  codes: ReasonCode[];
}

const VALIDATOR: ReadonlySet<string> = new Set(VALIDATOR_CODES);

function ofTrade(t: SimTrade): SimRiskEvent | null {
  const stop = t.reasons.find((r) => r === 'position_stop' || r === 'trailing_stop');
  if (stop !== undefined && t.side === 'SELL' && t.status === 'FILLED')
    return {
      at: t.filledAt ?? t.decidedAt,
      symbol: t.symbol,
      kind: stop,
      tradeSeq: t.seq,
      qty: t.qty,
      price: t.price,
      amountCents: t.notionalCents,
      codes: [],
    };
  const codes = t.reasons.filter((r) => VALIDATOR.has(r));
  if (t.status === 'REJECTED' && codes.length > 0)
    return {
      at: t.decidedAt,
      symbol: t.symbol,
      kind: 'rejected',
      tradeSeq: t.seq,
      qty: t.requestedQty,
      price: t.decisionPrice,
      amountCents: null,
      codes,
    };
  return null;
}

function ofEvent(e: SimEvent): SimRiskEvent | null {
  if (e.type !== 'TradingHalted') return null;
  return {
    at: e.at,
    symbol: e.symbol,
    kind: e.detail === 'max_drawdown' ? 'max_drawdown' : 'daily_loss_stop',
    tradeSeq: null,
    qty: null,
    price: null,
    amountCents: e.amountCents,
    codes: [],
  };
}

/** The run's risk events in time order (a halt before the trades of its bar). */
export function riskEventsOf(result: {
  readonly trades: readonly SimTrade[];
  readonly events: readonly SimEvent[];
}): SimRiskEvent[] {
  const halts = result.events.map(ofEvent).filter((e): e is SimRiskEvent => e !== null);
  const trades = result.trades.map(ofTrade).filter((e): e is SimRiskEvent => e !== null);
  // Both lists are in time order: merge them, a halt first on a tie (it gates that bar's orders).
  const out: SimRiskEvent[] = [];
  let h = 0;
  let t = 0;
  while (h < halts.length || t < trades.length) {
    const halt = halts[h];
    const trade = trades[t];
    if (halt !== undefined && (trade === undefined || halt.at <= trade.at)) {
      out.push(halt);
      h++;
    } else if (trade !== undefined) {
      out.push(trade);
      t++;
    }
  }
  return out;
}
