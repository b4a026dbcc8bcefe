import type { Portfolio } from '../../ports/PortfolioRepository';
import type { PositionRecord } from '../../ports/PositionRepository';
import type { LedgerDeps } from './LedgerDeps';
import { fail, ok, type Result } from './Result';

/** Another tenant's id is indistinguishable from an unknown one: both are "not found". */
export function loadPosition(
  deps: Pick<LedgerDeps, 'positions'>,
  tenantId: string,
  positionId: string,
): Result<PositionRecord> {
  const position = deps.positions.get(tenantId, positionId);
  return position ? ok(position) : fail('not_found', `position ${positionId} not found`);
}

export function loadPortfolio(
  deps: Pick<LedgerDeps, 'portfolios'>,
  tenantId: string,
  portfolioId: string,
): Result<Portfolio> {
  const portfolio = deps.portfolios.get(tenantId, portfolioId);
  return portfolio ? ok(portfolio) : fail('not_found', `portfolio ${portfolioId} not found`);
}

export function requireTenant(deps: Pick<LedgerDeps, 'tenants'>, tenantId: string): Result<void> {
  return deps.tenants.get(tenantId) ? ok(undefined) : fail('not_found', `tenant ${tenantId} not found`);
}
