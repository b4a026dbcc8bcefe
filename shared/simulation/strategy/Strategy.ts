import type { OrderType, TimeInForce } from '../../domain/orders/OrderLifecycle';
import type { StrategyChoice } from './choices';
export type { StrategyChoice } from './choices';

/**
 * SPEC 10's strategy: at each bar it sees a market snapshot (the time and each symbol's bar) and returns
 * signals. Volatility balancing is one strategy: the evaluator of SPEC 2, unchanged, which decides and
 * sizes each position's orders itself (ADR 0100); the others return BUY/SELL signals that a sizer turns
 * into orders and the matching engine fills.
 */
export interface SymbolBar {
  symbol: string;
  /** The symbol's position in the run (0 for the first): a strategy's per-symbol state can be an array. */
  slot: number;
  /** The bar's index in its symbol's series. */
  index: number;
  time: number;
  session: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface MarketSnapshot {
  time: number;
  session: string;
  /** The symbols with a bar at this time. */
  bars: readonly SymbolBar[];
}

export type SignalAction = 'BUY' | 'SELL' | 'HOLD';

export interface Signal {
  action: SignalAction;
  symbol: string;
  /** The price the strategy saw (the bar's close). */
  price: number;
  time: number;
  orderType?: OrderType;
  limitPrice?: number;
  stopPrice?: number;
  timeInForce?: TimeInForce;
}

/** One run's stateful decision-maker. */
export interface StrategyInstance {
  onBar(snapshot: MarketSnapshot): readonly Signal[];
}

export interface VolatilityBalancingStrategy {
  kind: 'volatility_balancing';
  choice: StrategyChoice;
  label: string;
}

export interface SignalStrategy {
  kind: 'signals';
  choice: StrategyChoice;
  label: string;
  /** A fresh instance for one run. */
  start(): StrategyInstance;
}

export type Strategy = VolatilityBalancingStrategy | SignalStrategy;

export const NO_SIGNALS: readonly Signal[] = Object.freeze([]);

/** What a per-symbol rule says on a bar: buy, sell all, or nothing. */
export type RuleSignal = 'BUY' | 'SELL' | null;

export interface SymbolRule {
  onBar(bar: SymbolBar): RuleSignal;
}

/**
 * One run of a per-symbol strategy: the snapshot's bars go to their symbol's rule, found by the bar's
 * slot (no lookup by name). A class, not a closure made per run: a call site the optimiser has
 * specialised on one run's closure deoptimises on the next run's (ADR 0100). Nothing is allocated on a
 * bar without a signal.
 */
class PerSymbolInstance implements StrategyInstance {
  private readonly rules: SymbolRule[] = [];

  constructor(private readonly rule: () => SymbolRule) {}

  onBar(snapshot: MarketSnapshot): readonly Signal[] {
    let out: Signal[] | null = null;
    const bars = snapshot.bars;
    for (let k = 0; k < bars.length; k++) {
      const bar = bars[k] as SymbolBar;
      let r = this.rules[bar.slot];
      if (r === undefined) {
        while (this.rules.length < bar.slot) this.rules.push(this.rule());
        r = this.rule();
        this.rules[bar.slot] = r;
      }
      const s = r.onBar(bar);
      if (s === null) continue;
      if (out === null) out = [];
      out.push({ action: s, symbol: bar.symbol, price: bar.close, time: bar.time });
    }
    return out ?? NO_SIGNALS;
  }
}

/**
 * A strategy whose symbols are decided independently, each by its own rule (every built-in strategy):
 * each BUY/SELL of a rule becomes a market DAY signal at the bar's close.
 */
export function perSymbol(choice: StrategyChoice, label: string, rule: () => SymbolRule): SignalStrategy {
  return { kind: 'signals', choice, label, start: () => new PerSymbolInstance(rule) };
}
