import { createPortfolio } from '../ledger/createPortfolio';
import { createPosition } from '../ledger/createPosition';
import type { LedgerDeps } from '../ledger/LedgerDeps';
import { fail, ok, type Result } from '../ledger/Result';
import { inTransaction } from '../ledger/transaction';
import type { Portfolio } from '../../ports/PortfolioRepository';
import type { PositionRecord } from '../../ports/PositionRepository';

export const DEMO_PORTFOLIO_NAME = 'Demo';
export const DEMO_SYMBOLS = ['AAPL', 'KO', 'MSFT', 'JPM'] as const;
export const DEMO_CASH_PER_POSITION = 25_000;

/**
 * The first-run demo (offline): a portfolio "Demo" with four blue chips of the bundled dataset,
 * $25 000 of cash each and the SPEC defaults. Their first evaluation makes the initial allocation;
 * replayed history then moves prices through the triggers within minutes. One transaction.
 */
export function createDemoPortfolio(
  deps: LedgerDeps,
  tenantId: string,
): Result<{ portfolio: Portfolio; positions: PositionRecord[] }> {
  return inTransaction(deps.uow, () => {
    if (deps.portfolios.listByTenant(tenantId).some((p) => p.name === DEMO_PORTFOLIO_NAME)) {
      return fail('conflict', `a portfolio named ${DEMO_PORTFOLIO_NAME} already exists`);
    }
    const portfolio = createPortfolio(deps, { tenantId, name: DEMO_PORTFOLIO_NAME });
    if (!portfolio.ok) return portfolio;
    const positions: PositionRecord[] = [];
    for (const symbol of DEMO_SYMBOLS) {
      const position = createPosition(deps, {
        tenantId,
        portfolioId: portfolio.value.id,
        symbol,
        initialCash: DEMO_CASH_PER_POSITION,
      });
      if (!position.ok) return position;
      positions.push(position.value);
    }
    return ok({ portfolio: portfolio.value, positions });
  });
}
