import type { SizerId, StrategyId } from './names';
import { SIZER_PARAMS, STRATEGY_LABELS, STRATEGY_PARAMS } from './names';

/**
 * A strategy or sizer as a person chooses it (an id and its parameters), with the checks of their
 * values: nothing heavier than the names, so the CLI reads its flags with them before anything loads.
 */
export interface StrategyChoice {
  id: StrategyId;
  /** The parameters in the order of `STRATEGY_PARAMS[id]`, defaults filled in. */
  params: readonly number[];
}

export interface SizerChoice {
  id: SizerId;
  params: readonly number[];
}

/** A choice with every parameter filled in (the defaults for the ones not given). */
export function strategyChoice(id: StrategyId, given: readonly number[] = []): StrategyChoice {
  return { id, params: STRATEGY_PARAMS[id].map((p, k) => given[k] ?? p.default) };
}

export function strategyLabel(choice: StrategyChoice): string {
  const base = STRATEGY_LABELS[choice.id];
  return choice.params.length === 0 ? base : `${base} (${choice.params.join(', ')})`;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** Why a choice's parameters cannot run, in one sentence, or null. */
export function strategyProblem(choice: StrategyChoice): string | null {
  const spec = STRATEGY_PARAMS[choice.id];
  if (choice.params.length !== spec.length)
    return `${choice.id} takes ${count(spec.length, 'parameter')}${spec.length > 0 ? ` (${spec.map((p) => p.name).join(', ')})` : ''}, not ${choice.params.length}`;
  for (let k = 0; k < spec.length; k++) {
    const p = spec[k] as { name: string; integer: boolean };
    const v = choice.params[k] as number;
    if (!Number.isFinite(v) || v <= 0) return `${choice.id}'s ${p.name} must be a positive number`;
    if (p.integer && (!Number.isInteger(v) || v > 10_000))
      return `${choice.id}'s ${p.name} must be a whole number of sessions from 1 to 10000`;
  }
  const [a, b, c] = choice.params as [number, number, number];
  if ((choice.id === 'sma_cross' || choice.id === 'macd') && !(a < b))
    return `${choice.id}'s fast period must be shorter than its slow period`;
  if (choice.id === 'rsi' && !(b < c && c < 100))
    return 'rsi buys below and sells above levels from 0 to 100, the buy level below the sell level';
  return null;
}

export function sizerChoice(id: SizerId, given: readonly number[] = []): SizerChoice {
  return { id, params: SIZER_PARAMS[id].map((p, k) => given[k] ?? p.default) };
}

const FRACTIONS = new Set(['pct', 'risk', 'fraction', 'fallbackPct', 'stopPct']);

export function sizerProblem(choice: SizerChoice): string | null {
  const spec = SIZER_PARAMS[choice.id];
  if (choice.params.length !== spec.length)
    return `the ${choice.id} sizer takes ${count(spec.length, 'parameter')} (${spec.map((p) => p.name).join(', ')}), not ${choice.params.length}`;
  for (let k = 0; k < spec.length; k++) {
    const v = choice.params[k] as number;
    const name = (spec[k] as { name: string }).name;
    if (!Number.isFinite(v) || v <= 0) return `the ${choice.id} sizer's ${name} must be a positive number`;
    if (FRACTIONS.has(name) && v > 1)
      return `the ${choice.id} sizer's ${name} is a fraction from 0 to 1 (0.95 for 95 %)`;
  }
  return null;
}
