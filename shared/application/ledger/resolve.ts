import { z } from 'zod';
import { resolveCommission, type CommissionSnapshot } from '../../domain/Commission';
import { mergeConfig, type StrategyConfig } from '../../domain/Config';
import type { LedgerDeps } from './LedgerDeps';
import { loadPortfolio, loadPosition } from './loaders';
import { ok, type Result } from './Result';
import { idSchema, parseInput } from './validation';

export const PositionRefInput = z
  .object({ tenantId: idSchema('tenantId'), positionId: idSchema('positionId') })
  .strict();
export type PositionRefInput = z.input<typeof PositionRefInput>;

/**
 * The config a position trades with: the portfolio's, with the position's override on top; the
 * position's own withholding (when set) replaces the portfolio's default withholding.
 */
export function resolveEffectiveConfig(deps: LedgerDeps, input: PositionRefInput): Result<StrategyConfig> {
  const parsed = parseInput(PositionRefInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, positionId } = parsed.value;
  return deps.uow.transaction(() => {
    const position = loadPosition(deps, tenantId, positionId);
    if (!position.ok) return position;
    const portfolio = loadPortfolio(deps, tenantId, position.value.portfolioId);
    if (!portfolio.ok) return portfolio;
    const merged = mergeConfig(portfolio.value.config, position.value.configOverride ?? undefined);
    const withholding = position.value.withholdingPct;
    return ok(
      withholding === null
        ? merged
        : { ...merged, execution: { ...merged.execution, dividendWithholdingPct: withholding } },
    );
  });
}

/** The commission rate in force for a position now: TENANT_ASSET → TENANT → GLOBAL → built-in default. */
export function resolveCommissionFor(deps: LedgerDeps, input: PositionRefInput): Result<CommissionSnapshot> {
  const parsed = parseInput(PositionRefInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, positionId } = parsed.value;
  return deps.uow.transaction(() => {
    const position = loadPosition(deps, tenantId, positionId);
    if (!position.ok) return position;
    const { symbol } = position.value;
    return ok(resolveCommission(deps.commissionRates.listApplicable(tenantId, symbol), tenantId, symbol));
  });
}
