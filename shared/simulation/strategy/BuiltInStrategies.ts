import { BollingerStream } from '../../domain/indicators/Bollinger';
import { MacdStream } from '../../domain/indicators/Macd';
import { RsiStream } from '../../domain/indicators/Rsi';
import { SmaStream } from '../../domain/indicators/Sma';
import type { RuleSignal, Strategy, StrategyChoice, SymbolBar, SymbolRule } from './Strategy';
import { perSymbol } from './Strategy';
import { STRATEGY_LABELS, STRATEGY_PARAMS } from './names';
import type { StrategyId } from './names';

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

/** A choice with every parameter filled in (the defaults for the ones not given). */
export function strategyChoice(id: StrategyId, given: readonly number[] = []): StrategyChoice {
  return { id, params: STRATEGY_PARAMS[id].map((p, k) => given[k] ?? p.default) };
}

export function strategyLabel(choice: StrategyChoice): string {
  const base = STRATEGY_LABELS[choice.id];
  return choice.params.length === 0 ? base : `${base} (${choice.params.join(', ')})`;
}

/** Why a choice's parameters cannot run, in one sentence, or null. */
export function strategyProblem(choice: StrategyChoice): string | null {
  const spec = STRATEGY_PARAMS[choice.id];
  if (choice.params.length !== spec.length)
    return `${choice.id} takes ${spec.length} parameter${spec.length === 1 ? '' : 's'}${spec.length > 0 ? ` (${spec.map((p) => p.name).join(', ')})` : ''}, not ${choice.params.length}`;
  for (let k = 0; k < spec.length; k++) {
    const p = spec[k] as { name: string; integer: boolean };
    const v = choice.params[k] as number;
    if (!Number.isFinite(v) || v <= 0) return `${choice.id}'s ${p.name} must be a positive number`;
    if (p.integer && (!Number.isInteger(v) || v > 10_000))
      return `${choice.id}'s ${p.name} must be a whole number of sessions from 1 to 10000`;
  }
  const [a, b] = choice.params as [number, number];
  if ((choice.id === 'sma_cross' || choice.id === 'macd') && !(a < b))
    return `${choice.id}'s fast period must be shorter than its slow period`;
  if (
    choice.id === 'rsi' &&
    !((choice.params[1] as number) < (choice.params[2] as number) && (choice.params[2] as number) < 100)
  )
    return 'rsi buys below and sells above levels from 0 to 100, the buy level below the sell level';
  return null;
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
