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
 * One run of a per-symbol strategy: the snapshot's bars go to their symbol's rule. A class, not a
 * closure made per run: a call site the optimiser has specialised on one run's closure deoptimises on
 * the next run's (ADR 0100).
 */
class PerSymbolInstance implements StrategyInstance {
  private readonly rules = new Map<string, SymbolRule>();
  private last: SymbolRule | null = null;
  private lastSymbol = '';
  private out: Signal[] = [];

  constructor(private readonly rule: () => SymbolRule) {}

  onBar(snapshot: MarketSnapshot): readonly Signal[] {
    let any = false;
    const bars = snapshot.bars;
    for (let k = 0; k < bars.length; k++) {
      const bar = bars[k] as SymbolBar;
      let r = bar.symbol === this.lastSymbol ? this.last : this.rules.get(bar.symbol);
      if (r === undefined || r === null) {
        r = this.rule();
        this.rules.set(bar.symbol, r);
      }
      this.last = r;
      this.lastSymbol = bar.symbol;
      const s = r.onBar(bar);
      if (s === null) continue;
      if (!any) {
        this.out = [];
        any = true;
      }
      this.out.push({ action: s, symbol: bar.symbol, price: bar.close, time: bar.time });
    }
    return any ? this.out : NO_SIGNALS;
  }
}

/**
 * A strategy whose symbols are decided independently, each by its own rule (every built-in strategy):
 * each BUY/SELL of a rule becomes a market DAY signal at the bar's close.
 */
export function perSymbol(choice: StrategyChoice, label: string, rule: () => SymbolRule): SignalStrategy {
  return { kind: 'signals', choice, label, start: () => new PerSymbolInstance(rule) };
}
