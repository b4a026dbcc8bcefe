import { resolveCommission, type CommissionSnapshot } from '../domain/Commission';
import {
  DEFAULT_STRATEGY_CONFIG,
  type StrategyConfig,
  type StrategyConfigOverride,
  mergeConfig,
} from '../domain/Config';
import { dollarsToCents } from '../domain/Money';
import type { PositionState } from '../domain/Position';

/** Test builders: positions in dollars, configs as overrides of the SPEC defaults. */
export function position(p: {
  qty: number;
  cash: number;
  receivable?: number;
  anchor: number | null;
}): PositionState {
  return {
    qty: p.qty,
    cashCents: dollarsToCents(p.cash),
    receivableCents: dollarsToCents(p.receivable ?? 0),
    anchor: p.anchor,
  };
}

export function config(override: StrategyConfigOverride = {}): StrategyConfig {
  return mergeConfig(DEFAULT_STRATEGY_CONFIG, override);
}

export const DEFAULT_COMMISSION: CommissionSnapshot = resolveCommission([], 't', 'X');
