import type { PriceNow } from '../../shared/application/accounting/accountingViews';
import type { HistoricalBarSource } from '../../shared/ports/HistoricalBars';
import type { Logger } from '../../shared/ports/Logger';
import type { Clock } from '../../shared/ports/Clock';
import { BarClosePrices } from '../adapters/data/BarClosePrices';
import type { SqliteStore } from '../db/createStore';
import { AccountingService } from './AccountingService';

/**
 * Builds the accounting service for the composition root: closes from the history sources in order
 * (the provider's when live, the bundled dataset, the quote log), and shares valued now at the
 * latest evaluation's price, else the newest logged quote.
 */
export function createAccounting(
  store: SqliteStore,
  tenantId: string,
  clock: Clock,
  sources: readonly HistoricalBarSource[],
  logger: Logger,
): AccountingService {
  const priceNow: PriceNow = (positionId, symbol) => {
    const [latest] = store.events.listByPosition(tenantId, positionId, {
      types: ['EvaluationEvent'],
      newestFirst: true,
      limit: 1,
    });
    const evaluated = latest?.type === 'EvaluationEvent' ? latest.payload.priceEffective : null;
    if (evaluated !== null && evaluated > 0) return evaluated;
    const quote = store.quotes.latest(null, symbol);
    if (quote === null) return null;
    const mid = quote.bid !== null && quote.ask !== null ? (quote.bid + quote.ask) / 2 : null;
    return quote.last ?? mid;
  };
  return new AccountingService(
    { ...store, clock, closes: new BarClosePrices(sources) },
    tenantId,
    priceNow,
    logger.child({ component: 'accounting' }),
  );
}
