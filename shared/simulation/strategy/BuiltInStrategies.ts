import { BollingerStream } from '../../domain/indicators/Bollinger';
import { MacdStream } from '../../domain/indicators/Macd';
import { RsiStream } from '../../domain/indicators/Rsi';
import { SmaStream } from '../../domain/indicators/Sma';
import type { RuleSignal, Strategy, SymbolBar, SymbolRule } from './Strategy';
import type { StrategyChoice } from './choices';
import { strategyLabel } from './choices';
export { strategyChoice, strategyLabel, strategyProblem } from './choices';
import { perSymbol } from './Strategy';

/**
 * SPEC 10's built-in strategies. "Crosses above" at bar t: a ≤ b at t−1 and a > b at t; "crosses below":
 * a ≥ b at t−1 and a < b at t; no signal until both lines exist at t−1 and t. Level rules (momentum,
 * Bollinger, RSI) signal on every bar their condition holds; the engine acts on a buy only when flat and
 * on a sell only when long.
 */
export function crossing(aPrev: number, bPrev: number, a: number, b: number): RuleSignal {
  // NaN (a line that does not exist yet) fails every comparison: no signal.
  if (aPrev <= bPrev && a > b) return 'BUY';
  if (aPrev >= bPrev && a < b) return 'SELL';
  return null;
}

class CrossRule {
  private aPrev = NaN;
  private bPrev = NaN;

  /** The crossing of (a, b) over the pair seen at the previous bar. */
  next(a: number, b: number): RuleSignal {
    const s = crossing(this.aPrev, this.bPrev, a, b);
    this.aPrev = a;
    this.bPrev = b;
    return s;
  }
}

// Each rule is a class (see PerSymbolInstance): one call target per kind of rule, whatever the run.

class SmaCross implements SymbolRule {
  private readonly f: SmaStream;
  private readonly s: SmaStream;
  private readonly cross = new CrossRule();
  constructor(fast: number, slow: number) {
    this.f = new SmaStream(fast);
    this.s = new SmaStream(slow);
  }
  onBar(bar: SymbolBar): RuleSignal {
    return this.cross.next(this.f.push(bar.close), this.s.push(bar.close));
  }
}

class MacdRule implements SymbolRule {
  private readonly m: MacdStream;
  private readonly cross = new CrossRule();
  constructor(fast: number, slow: number, signal: number) {
    this.m = new MacdStream(fast, slow, signal);
  }
  onBar(bar: SymbolBar): RuleSignal {
    this.m.push(bar.close);
    return this.cross.next(this.m.macd, this.m.signal);
  }
}

/** Rate of change over `lookback` sessions (TTR's discrete ROC): > 0 buys, < 0 sells all. */
class Momentum implements SymbolRule {
  private readonly window: Float64Array;
  private count = 0;
  constructor(private readonly lookback: number) {
    this.window = new Float64Array(lookback + 1);
  }
  onBar(bar: SymbolBar): RuleSignal {
    const size = this.lookback + 1;
    this.window[this.count % size] = bar.close;
    this.count++;
    if (this.count <= this.lookback) return null;
    const past = this.window[this.count % size] as number;
    const roc = bar.close / past - 1;
    return roc > 0 ? 'BUY' : roc < 0 ? 'SELL' : null;
  }
}

class BollingerRule implements SymbolRule {
  private readonly b: BollingerStream;
  constructor(period: number, width: number) {
    this.b = new BollingerStream(period, width);
  }
  onBar(bar: SymbolBar): RuleSignal {
    this.b.push(bar.close);
    if (bar.close < this.b.lower) return 'BUY';
    if (bar.close > this.b.middle) return 'SELL';
    return null;
  }
}

class RsiRule implements SymbolRule {
  private readonly r: RsiStream;
  constructor(
    period: number,
    private readonly buyBelow: number,
    private readonly sellAbove: number,
  ) {
    this.r = new RsiStream(period);
  }
  onBar(bar: SymbolBar): RuleSignal {
    const v = this.r.push(bar.close);
    if (v < this.buyBelow) return 'BUY';
    if (v > this.sellAbove) return 'SELL';
    return null;
  }
}

class BuyAndHold implements SymbolRule {
  private first = true;
  onBar(): RuleSignal {
    const s: RuleSignal = this.first ? 'BUY' : null;
    this.first = false;
    return s;
  }
}

export function strategyFor(choice: StrategyChoice): Strategy {
  const label = strategyLabel(choice);
  const p = choice.params;
  const n = (k: number): number => p[k] as number;
  switch (choice.id) {
    case 'vb':
      return { kind: 'volatility_balancing', choice, label };
    case 'buy_and_hold':
      return perSymbol(choice, label, () => new BuyAndHold());
    case 'sma_cross':
      return perSymbol(choice, label, () => new SmaCross(n(0), n(1)));
    case 'macd':
      return perSymbol(choice, label, () => new MacdRule(n(0), n(1), n(2)));
    case 'momentum':
      return perSymbol(choice, label, () => new Momentum(n(0)));
    case 'bollinger':
      return perSymbol(choice, label, () => new BollingerRule(n(0), n(1)));
    case 'rsi':
      return perSymbol(choice, label, () => new RsiRule(n(0), n(1), n(2)));
  }
}
