import { strategyChoice } from '../strategy/BuiltInStrategies';
import type { Signal, SignalStrategy } from '../strategy/Strategy';
import { NO_SIGNALS } from '../strategy/Strategy';

/** What a scripted strategy says at a bar (the symbol, price and time are the bar's). */
export type ScriptedSignal = Omit<Signal, 'symbol' | 'price' | 'time'>;

/**
 * A signal strategy for hand-worked tests: it says what it is told, at `script['SYM:bar']` for one
 * symbol, or at `script[bar]` for any symbol with a bar of that index.
 */
export function scripted(script: Record<string, ScriptedSignal>): SignalStrategy {
  return {
    kind: 'signals',
    choice: strategyChoice('buy_and_hold'),
    label: 'scripted',
    start: () => ({
      onBar(snap) {
        let out: Signal[] | null = null;
        for (const bar of snap.bars) {
          const s = script[`${bar.symbol}:${bar.index}`] ?? script[String(bar.index)];
          if (s === undefined) continue;
          (out ??= []).push({ ...s, symbol: bar.symbol, price: bar.close, time: bar.time });
        }
        return out ?? NO_SIGNALS;
      },
    }),
  };
}
