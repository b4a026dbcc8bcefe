import { mergeConfig, type StrategyConfig } from '../../domain/Config';
import type { Portfolio } from '../../ports/PortfolioRepository';
import type { PositionRecord } from '../../ports/PositionRepository';

/**
 * The config a position trades with, from rows already loaded (the loop evaluates hundreds of positions
 * per tick and reads each portfolio once): the portfolio's, the position's override on top, and the
 * position's own withholding when set. Same rule as the ledger's `resolveEffectiveConfig`.
 */
export function positionConfig(portfolio: Portfolio, position: PositionRecord): StrategyConfig {
  const merged = mergeConfig(portfolio.config, position.configOverride ?? undefined);
  return position.withholdingPct === null
    ? merged
    : { ...merged, execution: { ...merged.execution, dividendWithholdingPct: position.withholdingPct } };
}
