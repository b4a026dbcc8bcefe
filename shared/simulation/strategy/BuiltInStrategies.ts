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

function smaCross(fast: number, slow: number): SymbolRule {
  const f = new SmaStream(fast);
  const s = new SmaStream(slow);
  const cross = new CrossRule();
  return { onBar: (bar) => cross.next(f.push(bar.close), s.push(bar.close)) };
}

function macdRule(fast: number, slow: number, signal: number): SymbolRule {
  const m = new MacdStream(fast, slow, signal);
  const cross = new CrossRule();
  return {
    onBar(bar) {
      m.push(bar.close);
      return cross.next(m.macd, m.signal);
    },
  };
}

/** Rate of change over `lookback` sessions (TTR's discrete ROC): > 0 buys, < 0 sells all. */
function momentum(lookback: number): SymbolRule {
  const window = new Float64Array(lookback + 1);
  let count = 0;
  return {
    onBar(bar: SymbolBar) {
      window[count % (lookback + 1)] = bar.close;
      count++;
      if (count <= lookback) return null;
      const past = window[count % (lookback + 1)] as number;
      const roc = bar.close / past - 1;
      return roc > 0 ? 'BUY' : roc < 0 ? 'SELL' : null;
    },
  };
}

function bollingerRule(period: number, width: number): SymbolRule {
  const b = new BollingerStream(period, width);
  return {
    onBar(bar) {
      b.push(bar.close);
      if (bar.close < b.lower) return 'BUY';
      if (bar.close > b.middle) return 'SELL';
      return null;
    },
  };
}

function rsiRule(period: number, buyBelow: number, sellAbove: number): SymbolRule {
  const r = new RsiStream(period);
  return {
    onBar(bar) {
      const v = r.push(bar.close);
      if (v < buyBelow) return 'BUY';
      if (v > sellAbove) return 'SELL';
      return null;
    },
  };
}

function buyAndHold(): SymbolRule {
  let first = true;
  return {
    onBar() {
      const s: RuleSignal = first ? 'BUY' : null;
      first = false;
      return s;
    },
  };
}

export function strategyFor(choice: StrategyChoice): Strategy {
  const label = strategyLabel(choice);
  const p = choice.params;
  const n = (k: number): number => p[k] as number;
  switch (choice.id) {
    case 'vb':
      return { kind: 'volatility_balancing', choice, label };
    case 'buy_and_hold':
      return perSymbol(choice, label, buyAndHold);
    case 'sma_cross':
      return perSymbol(choice, label, () => smaCross(n(0), n(1)));
    case 'macd':
      return perSymbol(choice, label, () => macdRule(n(0), n(1), n(2)));
    case 'momentum':
      return perSymbol(choice, label, () => momentum(n(0)));
    case 'bollinger':
      return perSymbol(choice, label, () => bollingerRule(n(0), n(1)));
    case 'rsi':
      return perSymbol(choice, label, () => rsiRule(n(0), n(1), n(2)));
  }
}
